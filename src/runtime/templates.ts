import { compileTemplate, defaultLimits, renderTemplateText, type TemplateContext } from '../vtl';
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

/** The template context for a request (and the integration's response, for response templates). */
export function templateContext(
  ex: Exchange,
  extraContext: Record<string, unknown> = {},
  response?: TemplateContext['integrationResponse'],
): TemplateContext {
  const values = contextValues(ex);
  const headers: Record<string, string> = {};
  for (const [name, list] of Object.entries(ex.request.headers)) headers[name] = list.join(',');
  const query: Record<string, string> = {};
  for (const [name, list] of Object.entries(ex.query)) query[name] = list[list.length - 1] ?? '';
  const context: TemplateContext = {
    request: {
      method: ex.request.method,
      path: ex.path,
      resourcePath: values.resourcePath,
      headers,
      multiValueHeaders: ex.request.headers,
      queryStringParameters: query,
      multiValueQueryStringParameters: ex.query,
      pathParameters: ex.match?.pathParameters ?? {},
      body: ex.request.body.toString('utf8'),
      stage: ex.served.stage,
      stageVariables: ex.served.stageVariables,
      context: { ...values, ...extraContext },
    },
  };
  if (response !== undefined) context.integrationResponse = response;
  return context;
}

/** The template for a content type: exact match, else none. */
export function templateFor(templates: MappingTemplate[], contentType: string): MappingTemplate | undefined {
  return templates.find((t) => t.contentType.toLowerCase() === contentType.toLowerCase());
}
