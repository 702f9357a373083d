import {
  compileTemplate,
  defaultLimits,
  renderTemplateText,
  type CarriedOverrides,
  type TemplateContext,
  type TemplateRequest,
} from '../vtl';
import type { Diagnostic } from '../shared/diagnostic';
import type { MappingTemplate } from '../model';
import { contextValues } from './requestContext';
import { lowerCase } from './text';
import type { Exchange } from './types';
import { dict } from '../shared/dict';

export interface RenderedTemplate {
  output: string;
  errors: Diagnostic[];
  /** `$context.responseOverride.status` / `requestOverride.*` as the template set them. */
  statusOverride?: number;
  headerOverrides: Record<string, string>;
  requestHeaderOverrides: Record<string, string>;
  requestQueryOverrides: Record<string, string>;
  requestPathOverrides: Record<string, string>;
  /** The override maps as the template left them, for the response template of the same request. */
  carried?: CarriedOverrides;
}

/** Mapping-template rendering, behind one small interface so the pipeline does not depend on the engine. */
export interface TemplateRenderer {
  render(text: string, context: TemplateContext): RenderedTemplate;
}

/** Template text → what it renders to when it is plain text (no reference or directive), else null. */
const constantRenders = new Map<string, RenderedTemplate | null>();
const constantRendersMax = 512;
const noOverrides: Record<string, string> = Object.freeze({});
const noErrors: Diagnostic[] = Object.freeze([]) as unknown as Diagnostic[];

/**
 * What a template without a single reference or directive renders to (e.g. a MOCK's `{"statusCode": 200}`):
 * its text nodes. Such templates skip building the `$input` / `$context` globals on every request, and share
 * one frozen result.
 */
function constantRender(text: string): RenderedTemplate | undefined {
  let rendered = constantRenders.get(text);
  if (rendered === undefined) {
    const compiled = compileTemplate(text);
    const body = compiled.ok ? compiled.template.ast.body : undefined;
    const plain = body !== undefined && body.every((node) => node.kind === 'text' || node.kind === 'comment');
    const output = plain ? body.map((node) => (node.kind === 'text' ? node.value : '')).join('') : undefined;
    // Output over the engine's limit is an error the engine reports: leave it to the engine.
    rendered =
      output === undefined || output.length > defaultLimits.outputSize
        ? null
        : Object.freeze({
            output,
            errors: noErrors,
            headerOverrides: noOverrides,
            requestHeaderOverrides: noOverrides,
            requestQueryOverrides: noOverrides,
            requestPathOverrides: noOverrides,
          });
    if (constantRenders.size >= constantRendersMax) constantRenders.clear();
    constantRenders.set(text, rendered);
  }
  return rendered ?? undefined;
}

/** The src/vtl engine (templates compiled once and cached by text; plain-text templates not even rendered). */
export const vtlRenderer: TemplateRenderer = {
  render(text, context) {
    const constant = constantRender(text);
    if (constant !== undefined) return constant;
    const result = renderTemplateText(text, context);
    const rendered: RenderedTemplate = {
      output: result.output,
      errors: result.errors,
      headerOverrides: result.overrides.response.header,
      requestHeaderOverrides: result.overrides.request.header,
      requestQueryOverrides: result.overrides.request.querystring,
      requestPathOverrides: result.overrides.request.path,
    };
    if (result.overrides.response.status !== undefined) rendered.statusOverride = result.overrides.response.status;
    if (result.carried !== undefined) rendered.carried = result.carried;
    return rendered;
  },
};

/**
 * The template context for a request (and the integration's response, for response templates). The parts that
 * cost something to make (the joined headers and query string, the `$context` values) are made only when a
 * template reads them: they are getters, so read fields by name (a spread copy misses them). The engine itself
 * builds `$input` and `$context` on a template's first use of each.
 */
export function templateContext(
  ex: Exchange,
  extraContext: Record<string, unknown> = noExtraContext,
  response?: TemplateContext['integrationResponse'],
): TemplateContext {
  const context: TemplateContext = { request: new ExchangeTemplateRequest(ex, extraContext) };
  if (response !== undefined) {
    context.integrationResponse = response;
    // The response template's `$context` starts with the overrides the request template set.
    const carried = ex.overrides?.carried;
    if (carried !== undefined) context.carried = carried;
  }
  return context;
}

const noExtraContext: Record<string, unknown> = Object.freeze({});

/**
 * A method request as templates see it, read from the exchange on demand: nothing is copied until a template
 * reads it (templates that read nothing, like most MOCK ones, cost one small object).
 */
class ExchangeTemplateRequest implements TemplateRequest {
  private joined: Record<string, string> | undefined;
  private lastQuery: Record<string, string> | undefined;
  private text: string | undefined;

  constructor(
    private readonly ex: Exchange,
    private readonly extraContext: Record<string, unknown>,
  ) {}

  get method(): string {
    return this.ex.request.method;
  }

  get path(): string {
    return this.ex.path;
  }

  get resourcePath(): string {
    return this.ex.match?.resourcePath ?? this.ex.path;
  }

  get multiValueHeaders(): Record<string, string[]> {
    return this.ex.request.headers;
  }

  get multiValueQueryStringParameters(): Record<string, string[]> {
    return this.ex.query;
  }

  get pathParameters(): Record<string, string> {
    return this.ex.match?.pathParameters ?? {};
  }

  get stage(): string {
    return this.ex.served.stage;
  }

  get stageVariables(): Record<string, string> {
    return this.ex.served.stageVariables;
  }

  /** Repeated headers joined with commas. */
  get headers(): Record<string, string> {
    const multi = this.multiValueHeaders;
    if (this.joined === undefined) {
      this.joined = dict();
      for (const name of Object.keys(multi)) this.joined[name] = multi[name]!.join(',');
    }
    return this.joined;
  }

  /** The last value of each query string parameter. */
  get queryStringParameters(): Record<string, string> {
    const multi = this.multiValueQueryStringParameters;
    if (this.lastQuery === undefined) {
      this.lastQuery = dict();
      for (const name of Object.keys(multi)) this.lastQuery[name] = multi[name]!.at(-1) ?? '';
    }
    return this.lastQuery;
  }

  get body(): string {
    return (this.text ??= this.ex.request.body.toString('utf8'));
  }

  /** The request's `$context` values (request id, time, identity…), merged over the engine's samples. */
  get context(): Record<string, unknown> {
    return { ...contextValues(this.ex), ...this.extraContext };
  }
}

/** The template for a content type: exact match, else none. */
export function templateFor(templates: MappingTemplate[], contentType: string): MappingTemplate | undefined {
  let wanted: string | undefined;
  for (const t of templates) {
    if (t.contentType === contentType || lowerCase(t.contentType) === (wanted ??= lowerCase(contentType))) return t;
  }
  return undefined;
}
