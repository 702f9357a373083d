import { compileTemplate, defaultLimits, renderTemplateText, type TemplateContext, type TemplateRequest } from '../vtl';
import type { Diagnostic } from '../shared/diagnostic';
import type { MappingTemplate } from '../model';
import { contextValues } from './requestContext';
import type { Exchange } from './types';

export interface RenderedTemplate {
  output: string;
  errors: Diagnostic[];
  /** `$context.responseOverride.status` / `requestOverride.*` as the template set them. */
  statusOverride?: number;
  headerOverrides: Record<string, string>;
  requestHeaderOverrides: Record<string, string>;
  requestQueryOverrides: Record<string, string>;
  requestPathOverrides: Record<string, string>;
}

/** Mapping-template rendering, behind one small interface so the pipeline does not depend on the engine. */
export interface TemplateRenderer {
  render(text: string, context: TemplateContext): RenderedTemplate;
}

/** Template text → its output when it is plain text (no reference or directive), else null. */
const constantOutputs = new Map<string, string | null>();
const constantOutputsMax = 512;

/**
 * What a template without a single reference or directive renders to (e.g. a MOCK's `{"statusCode": 200}`):
 * its text nodes. Such templates skip building the `$input` / `$context` globals on every request.
 */
function constantOutput(text: string): string | undefined {
  let output = constantOutputs.get(text);
  if (output === undefined) {
    const compiled = compileTemplate(text);
    const body = compiled.ok ? compiled.template.ast.body : undefined;
    const plain = body !== undefined && body.every((node) => node.kind === 'text' || node.kind === 'comment');
    output = plain ? body.map((node) => (node.kind === 'text' ? node.value : '')).join('') : null;
    // Output over the engine's limit is an error the engine reports: leave it to the engine.
    if (output !== null && output.length > defaultLimits.outputSize) output = null;
    if (constantOutputs.size >= constantOutputsMax) constantOutputs.clear();
    constantOutputs.set(text, output);
  }
  return output ?? undefined;
}

/** The src/vtl engine (templates compiled once and cached by text; plain-text templates not even rendered). */
export const vtlRenderer: TemplateRenderer = {
  render(text, context) {
    const constant = constantOutput(text);
    if (constant !== undefined) {
      const none = (): Record<string, string> => ({});
      return {
        output: constant,
        errors: [],
        headerOverrides: none(),
        requestHeaderOverrides: none(),
        requestQueryOverrides: none(),
        requestPathOverrides: none(),
      };
    }
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
  extraContext: Record<string, unknown> = {},
  response?: TemplateContext['integrationResponse'],
): TemplateContext {
  const context: TemplateContext = { request: new ExchangeTemplateRequest(ex, extraContext) };
  if (response !== undefined) context.integrationResponse = response;
  return context;
}

/** A method request as templates see it, read from the exchange on demand. */
class ExchangeTemplateRequest implements TemplateRequest {
  readonly method: string;
  readonly path: string;
  readonly resourcePath: string;
  readonly multiValueHeaders: Record<string, string[]>;
  readonly multiValueQueryStringParameters: Record<string, string[]>;
  readonly pathParameters: Record<string, string>;
  readonly stage: string;
  readonly stageVariables: Record<string, string>;
  private joined: Record<string, string> | undefined;
  private lastQuery: Record<string, string> | undefined;
  private text: string | undefined;

  constructor(
    private readonly ex: Exchange,
    private readonly extraContext: Record<string, unknown>,
  ) {
    this.method = ex.request.method;
    this.path = ex.path;
    this.resourcePath = ex.match?.resourcePath ?? ex.path;
    this.multiValueHeaders = ex.request.headers;
    this.multiValueQueryStringParameters = ex.query;
    this.pathParameters = ex.match?.pathParameters ?? {};
    this.stage = ex.served.stage;
    this.stageVariables = ex.served.stageVariables;
  }

  /** Repeated headers joined with commas. */
  get headers(): Record<string, string> {
    const multi = this.multiValueHeaders;
    if (this.joined === undefined) {
      this.joined = {};
      for (const name of Object.keys(multi)) this.joined[name] = multi[name]!.join(',');
    }
    return this.joined;
  }

  /** The last value of each query string parameter. */
  get queryStringParameters(): Record<string, string> {
    const multi = this.multiValueQueryStringParameters;
    if (this.lastQuery === undefined) {
      this.lastQuery = {};
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
  return templates.find((t) => t.contentType.toLowerCase() === contentType.toLowerCase());
}
