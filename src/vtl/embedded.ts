import type { Range } from '../shared/range';
import { decodeScalarAt, type DecodedText } from './embeddedScalars';
import { lineStartsOf, positionAt } from './scanner';

/**
 * Mapping templates embedded in API definitions, and how positions inside a template's text map back to the
 * document that holds it.
 *
 * The shapes below are structural (they match the model's `GatewayApi`, `Route` and `MappingTemplate`), so
 * that `src/vtl` does not depend on `src/model`.
 *
 * Templates inside `Fn::Sub` / `!Sub`: CloudFormation replaces `${Name}` before API Gateway ever sees the
 * template, and writes `${!Name}` for a literal `${Name}`. The checker therefore sees the template as deployed:
 * each `${Name}` becomes the plain text `Name` (so `"${TableName}"` stays a JSON string) and `${!x}` becomes
 * `${x}` (a braced VTL reference), with positions still mapped to the characters written in the file.
 */

export interface TemplateSource {
  /** The content type (REST) or template key (WebSocket). */
  contentType: string;
  text: string;
  loc: { file: string; range: Range; pointer: string };
}

interface RouteShape {
  method: string;
  path: string;
  requestBody?: { schemas?: Record<string, unknown> };
  responses: ReadonlyArray<{ statusCode: string }>;
  integration?: {
    type?: string;
    requestTemplates: readonly TemplateSource[];
    responses: ReadonlyArray<{ pattern: string; statusCode?: string; responseTemplates: readonly TemplateSource[] }>;
  };
}

export interface ApiShape {
  type: string;
  routes: readonly RouteShape[];
  gatewayResponses: ReadonlyArray<{ responseType: string; responseTemplates: readonly TemplateSource[] }>;
}

export type TemplateKind = 'request' | 'response' | 'gatewayResponse';

/** One template found in an API, with what it is for. */
export interface EmbeddedTemplate<R extends RouteShape = RouteShape> {
  template: TemplateSource;
  kind: TemplateKind;
  apiType: string;
  /** The route whose integration holds the template (not for gateway responses). */
  route?: R;
  /** Response templates: the method response status the integration response maps to. */
  statusCode?: string;
  /** Gateway responses: DEFAULT_4XX, UNAUTHORIZED... */
  responseType?: string;
}

/** Every mapping template of an API: integration request and response templates, gateway response templates. */
export function findEmbeddedTemplates<R extends RouteShape>(api: {
  type: string;
  routes: readonly R[];
  gatewayResponses: ApiShape['gatewayResponses'];
}): EmbeddedTemplate<R>[] {
  const found: EmbeddedTemplate<R>[] = [];
  for (const route of api.routes) {
    const integration = route.integration;
    if (integration === undefined) continue;
    for (const template of integration.requestTemplates) {
      found.push({ template, kind: 'request', apiType: api.type, route });
    }
    for (const response of integration.responses) {
      for (const template of response.responseTemplates) {
        const entry: EmbeddedTemplate<R> = { template, kind: 'response', apiType: api.type, route };
        if (response.statusCode !== undefined) entry.statusCode = response.statusCode;
        found.push(entry);
      }
    }
  }
  for (const response of api.gatewayResponses) {
    for (const template of response.responseTemplates) {
      found.push({ template, kind: 'gatewayResponse', apiType: api.type, responseType: response.responseType });
    }
  }
  return found;
}

/** A template's text as checked, and how a range inside that text maps to the document. */
export interface TemplateMapping {
  /** The text to check: the template as API Gateway receives it (after CloudFormation's `Fn::Sub`). */
  text: string;
  /** False when the string could not be matched character by character: every range maps to the whole string. */
  exact: boolean;
  toDocument(range: Range): Range;
  /**
   * The offset in `text` of a document position inside the string (a cursor: between characters), or
   * undefined when the position is outside it or the mapping is not exact.
   */
  offsetAt(position: Range['start']): number | undefined;
}

/** The document a template is written in. */
export interface HostDocument {
  text: string;
  format: 'yaml' | 'json';
}

const subPointer = /\/Fn::Sub(\/0)?$/;

/**
 * The line starts of the last document templates were mapped in: a definition with thousands of templates
 * computes them once, not once per template (which made validation quadratic in the file's size).
 */
let lastLines: { text: string; starts: number[] } | undefined;

function documentLineStarts(text: string): number[] {
  if (lastLines?.text !== text) lastLines = { text, starts: lineStartsOf(text) };
  return lastLines.starts;
}

/** Maps a template's text onto the characters of the document that holds it (see the module comment on `!Sub`). */
export function mapEmbeddedTemplate(document: HostDocument, template: TemplateSource): TemplateMapping {
  const docLines = documentLineStarts(document.text);
  const offsetOf = (p: Range['start']): number => (docLines[p.line] ?? document.text.length) + p.character;
  const start = offsetOf(template.loc.range.start);
  const decoded = decodeScalarAt(document.text, start, offsetOf(template.loc.range.end), document.format);
  if (decoded === undefined || decoded.value !== template.text) {
    const whole = template.loc.range;
    return { text: template.text, exact: false, toDocument: () => whole, offsetAt: () => undefined };
  }
  const mapped = subPointer.test(template.loc.pointer) ? compose(decoded, decodeSub(decoded.value)) : decoded;
  const textLines = lineStartsOf(mapped.value);
  const fallback = mapped.ends[mapped.ends.length - 1] ?? start;
  const position = (offset: number): Range['start'] => positionAt(docLines, offset);
  return {
    text: mapped.value,
    exact: true,
    toDocument(range) {
      const so = (textLines[range.start.line] ?? mapped.value.length) + range.start.character;
      const eo = (textLines[range.end.line] ?? mapped.value.length) + range.end.character;
      const from = mapped.starts[so] ?? fallback;
      const to = eo > so ? (mapped.ends[Math.min(eo, mapped.value.length) - 1] ?? from) : from;
      return { start: position(from), end: position(Math.max(from, to)) };
    },
    offsetAt(p) {
      const at = offsetOf(p);
      if (mapped.value.length === 0) return at >= start && at <= offsetOf(template.loc.range.end) ? 0 : undefined;
      if (at < (mapped.starts[0] ?? 0) || at > fallback) return undefined;
      const index = mapped.starts.findIndex((s) => s >= at);
      return index < 0 ? mapped.value.length : index;
    },
  };
}

/** `outer` maps a string to the document, `inner` maps a text derived from that string back to it. */
function compose(outer: DecodedText, inner: DecodedText): DecodedText {
  const last = outer.ends[outer.ends.length - 1] ?? 0;
  return {
    value: inner.value,
    starts: inner.starts.map((s) => outer.starts[s] ?? last),
    ends: inner.ends.map((e) => outer.ends[e - 1] ?? last),
  };
}

/**
 * What CloudFormation's `Fn::Sub` leaves of a string, for checking: `${Name}` → `Name` (with characters that
 * are not letters, digits, `_` or `-` made `_`), `${!x}` → `${x}`. Positions refer to the string.
 */
export function decodeSub(text: string): DecodedText {
  const out: DecodedText = { value: '', starts: [], ends: [] };
  const push = (c: string, start: number, end: number): void => {
    out.value += c;
    out.starts.push(start);
    out.ends.push(end);
  };
  let i = 0;
  while (i < text.length) {
    if (text[i] === '$' && text[i + 1] === '{') {
      const close = text.indexOf('}', i + 2);
      if (close > 0 && text[i + 2] === '!') {
        push('$', i, i + 1);
        push('{', i + 1, i + 3);
        i += 3;
        continue;
      }
      if (close > 0) {
        for (let k = i + 2; k < close; k++) push(/[A-Za-z0-9_-]/.test(text[k] ?? '') ? (text[k] ?? '') : '_', k, k + 1);
        if (close === i + 2) push('_', i, close + 1);
        i = close + 1;
        continue;
      }
    }
    push(text[i] ?? '', i, i + 1);
    i++;
  }
  return out;
}
