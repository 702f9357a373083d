/** The mapping-template engine: Velocity 1.7 with API Gateway's `$input`, `$util` and `$context`. */
export type * from './ast';
export { parseTemplate, type ParseResult } from './parser';
export {
  compileTemplate,
  renderTemplate,
  renderTemplateText,
  type CompileResult,
  type CompiledTemplate,
  type RenderOptions,
  type RenderResult,
} from './render';
export { defaultLimits, type RenderLimits, type TraceEvent } from './runtime';
export type {
  CarriedOverrides,
  TemplateContext,
  TemplateIntegrationResponse,
  TemplateOverrides,
  TemplateRequest,
} from './templateContext';
export { parseJsonPath } from './jsonPath';
