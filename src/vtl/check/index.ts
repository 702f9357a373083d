import type { Diagnostic } from '../../shared/diagnostic';
import { parseTemplate } from '../parser';
import { CheckContext, type TemplateCheckOptions } from './checkContext';
import { checkJsonOutput } from './outputJson';
import { ReferenceChecker } from './references';
import { walkBlock } from './walk';

/**
 * The static checker for mapping templates. Codes (stable, see docs/diagnostics.md):
 * - `apigw.vtl.syntax` (error): the template cannot be parsed;
 * - `apigw.vtl.unknownUtilMember`, `apigw.vtl.unknownInputMember`, `apigw.vtl.unknownContextVariable`,
 *   `apigw.vtl.argumentCount` (warnings): API Gateway renders these as empty without complaint;
 * - `apigw.vtl.paramsInWebSocket`, `apigw.vtl.errorOutsideGatewayResponse` (warnings);
 * - `apigw.vtl.invalidJsonPath` (error): a JSONPath API Gateway cannot read;
 * - `apigw.vtl.unknownModelProperty` (warning): a JSONPath or property chain the model does not have;
 * - `apigw.vtl.invalidJsonOutput` (warning): a JSON template whose output, for a sample, is not JSON.
 * Ranges are within the template text.
 */
export type { TemplateCheckOptions } from './checkContext';

export const templateCheckCodes = [
  'apigw.vtl.syntax',
  'apigw.vtl.unknownUtilMember',
  'apigw.vtl.unknownInputMember',
  'apigw.vtl.unknownContextVariable',
  'apigw.vtl.argumentCount',
  'apigw.vtl.paramsInWebSocket',
  'apigw.vtl.errorOutsideGatewayResponse',
  'apigw.vtl.invalidJsonPath',
  'apigw.vtl.unknownModelProperty',
  'apigw.vtl.invalidJsonOutput',
] as const;

/** Checks one mapping template; the diagnostics' ranges are positions in `text`. */
export function checkTemplate(text: string, options: TemplateCheckOptions = {}): Diagnostic[] {
  const parsed = parseTemplate(text);
  if (!parsed.ok) return parsed.errors;
  const ctx = new CheckContext(text, options);
  const references = new ReferenceChecker(ctx);
  walkBlock(parsed.ast.body, {
    reference: (node) => references.check(node),
    set: (target, value) => {
      if (target.accessors.length === 0) references.bind(target.name, value, false);
    },
    foreach: (variable, iterable) => references.bind(variable, iterable, true),
  });
  checkJsonOutput(ctx, parsed.ast);
  return ctx.diagnostics;
}

/**
 * A standalone `.vtl` / `.vm` file: nothing is known about where it runs, so only what holds everywhere is
 * checked (syntax, `$util` / `$input` / `$context` members and arguments, JSONPath syntax).
 */
export function checkTemplateFile(text: string, options: Pick<TemplateCheckOptions, 'apiType'> = {}): Diagnostic[] {
  return checkTemplate(text, { ...options, checkOutput: false });
}
