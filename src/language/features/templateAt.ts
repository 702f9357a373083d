// Which mapping template the cursor is in: a standalone `.vtl` / `.vm` document, or a template embedded in a
// definition (requestTemplates, responseTemplates, gateway responses), with the cursor mapped into the
// template's text and what is known of where it runs.
import type { GatewayApi, Route } from '../../model';
import type { Position, Range } from '../../shared/range';
import { findEmbeddedTemplates, mapEmbeddedTemplate, type EmbeddedTemplate } from '../../vtl/embedded';
import { lineStartsOf, positionAt } from '../../vtl/scanner';
import type { TextDocument, ValidationOptions } from '../document';
import type { FeatureServices } from './featureServices';
import { dict } from '../../shared/dict';

export interface TemplateAtCursor {
  /** The template's text, as API Gateway receives it. */
  text: string;
  /** The cursor, as an offset in `text`. */
  offset: number;
  /** Maps a range of `text` to the document. */
  toDocument(range: Range): Range;
  /** Ranges in `text` for offsets. */
  rangeOf(start: number, end: number): Range;
  /** REST, HTTP or WEBSOCKET; undefined in a standalone file. */
  apiType?: string;
  /** The payload schema `$input` reads (request templates of a route with a body model). */
  bodySchema?: unknown;
  /** The stage's variables, by name (values when they are strings). */
  stageVariables: Record<string, string | undefined>;
}

/** Whether the document is a standalone mapping template (`vtl` language, or a `.vtl` / `.vm` file). */
export function isTemplateDocument(document: TextDocument): boolean {
  return document.languageId === 'vtl' || /\.(vtl|vm)$/i.test(document.file);
}

export async function templateAt(
  services: FeatureServices,
  document: TextDocument,
  position: Position,
  options: ValidationOptions,
): Promise<TemplateAtCursor | undefined> {
  if (isTemplateDocument(document)) return standalone(document.text, position);
  const parsed = services.documents.document(document);
  const { result } = await services.documents.definition(document, options.target);
  if (!result.ok) return undefined;
  for (const api of result.definition.apis) {
    for (const embedded of findEmbeddedTemplates(api)) {
      const { loc } = embedded.template;
      if (loc.file !== document.file || !contains(loc.range, position)) continue;
      const mapping = mapEmbeddedTemplate({ text: document.text, format: parsed.format }, embedded.template);
      const offset = mapping.offsetAt(position);
      if (offset === undefined) continue;
      const lines = lineStartsOf(mapping.text);
      return {
        text: mapping.text,
        offset,
        toDocument: (range) => mapping.toDocument(range),
        rangeOf: (start, end) => ({ start: positionAt(lines, start), end: positionAt(lines, end) }),
        apiType: api.type,
        bodySchema: bodySchemaOf(api, embedded),
        stageVariables: stageVariablesOf(api),
      };
    }
  }
  return undefined;
}

function standalone(text: string, position: Position): TemplateAtCursor {
  const lines = lineStartsOf(text);
  const offset = Math.min(text.length, (lines[position.line] ?? text.length) + position.character);
  return {
    text,
    offset,
    toDocument: (range) => range,
    rangeOf: (start, end) => ({ start: positionAt(lines, start), end: positionAt(lines, end) }),
    stageVariables: {},
  };
}

function contains(range: Range, p: Position): boolean {
  const after = p.line > range.start.line || (p.line === range.start.line && p.character >= range.start.character);
  const before = p.line < range.end.line || (p.line === range.end.line && p.character <= range.end.character);
  return after && before;
}

function bodySchemaOf(api: GatewayApi, embedded: EmbeddedTemplate<Route>): unknown {
  const schemas = embedded.route?.requestBody?.schemas;
  if (embedded.kind !== 'request' || schemas === undefined || api.type === 'WEBSOCKET') return undefined;
  const wanted = embedded.template.contentType.toLowerCase();
  return Object.entries(schemas).find(([type]) => type.toLowerCase() === wanted)?.[1];
}

function stageVariablesOf(api: GatewayApi): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = dict();
  for (const [name, value] of Object.entries(api.stage?.variables ?? {})) {
    out[name] = typeof value === 'string' ? value : undefined;
  }
  return out;
}
