import type { Diagnostic } from '../shared/diagnostic';
import type { Logger } from '../shared/logger';
import type { Rule, RuleContext } from './rules/rule';

/** What every rule sees, minus `resolve` and `report`, which the runner adds. */
export type RuleInput = Omit<RuleContext, 'resolve' | 'report'>;

const fileStart = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * Runs each rule over the document. A rule that throws is a bug in that rule: it becomes one
 * `apigw.internal` diagnostic naming the rule (and is logged), and the other rules still run.
 */
export function runRules(rules: readonly Rule[], input: RuleInput, logger: Logger): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const rule of rules) {
    const found: Diagnostic[] = [];
    const context: RuleContext = {
      ...input,
      resolve: (node) => input.sources.resolve(node),
      report: (diagnostic) => found.push(diagnostic),
    };
    try {
      rule.check(context);
      diagnostics.push(...found);
    } catch (error) {
      logger.error(`Rule '${rule.id}' failed on ${input.document.file}`, error);
      const reason = error instanceof Error ? error.message : String(error);
      diagnostics.push({
        range: fileStart,
        severity: 'error',
        code: 'apigw.internal',
        message: `The check '${rule.id}' failed with an internal error (${reason}), so its problems are not shown. Please report it with the file.`,
      });
    }
  }
  return diagnostics;
}
