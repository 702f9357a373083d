import type { ValueEdit } from '../model/parse/incremental';
import { moveAfterEdit } from '../model/parse/incremental';
import { MODEL_READER, readingAs } from '../model/parse/readTracking';
import { readersOf } from '../model/parse/scalarNode';
import type { Diagnostic } from '../shared/diagnostic';
import type { Logger } from '../shared/logger';
import type { Rule, RuleContext } from './rules/rule';
import { apiTypesKey, apiTypesView } from './modelView';

/** What every rule sees, minus `resolve` and `report`, which the runner adds. */
export type RuleInput = Omit<RuleContext, 'resolve' | 'report'>;

/** What one run leaves for the next version: each rule's findings (copied) and its own state. */
export interface RulesRun {
  rules: readonly Rule[];
  findings: Diagnostic[][];
  states: unknown[];
  /** apiTypesKey of the model the rules saw. */
  apiTypes: string;
}

/** The run of the previous version, when this one differs from it by one value (see reparseValueEdit). */
export interface PreviousRun {
  run: RulesRun;
  edit: ValueEdit;
  /** Whether the model (and SourceSet) of the previous version was kept: it did not read the edited value. */
  modelKept: boolean;
}

/** Rule i has the read-tracking bit 1 << (i + 1) (bit 0 is the model's). */
export { MODEL_READER };
const TRACKED_RULES = 30;

const fileStart = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * Runs each rule over the document. A rule that throws is a bug in that rule: it becomes one
 * `apigw.internal` diagnostic naming the rule (and is logged), and the other rules still run.
 */
export function runRules(rules: readonly Rule[], input: RuleInput, logger: Logger): Diagnostic[] {
  return runRulesAfter(rules, input, logger, undefined).diagnostics;
}

/**
 * runRules, reusing the previous version's findings of every rule that cannot have changed: a 'tracked' rule
 * that did not read the edited value while the model was kept; a rule with checkAfterEdit gets its state.
 */
export function runRulesAfter(
  rules: readonly Rule[],
  input: RuleInput,
  logger: Logger,
  previous: PreviousRun | undefined,
): { diagnostics: Diagnostic[]; run: RulesRun } {
  const usable = previous !== undefined && previous.run.rules === rules ? previous : undefined;
  const readers = usable ? readersOf(usable.edit.scalar) : 0;
  const run: RulesRun = { rules, findings: [], states: [], apiTypes: apiTypesKey(input.definition) };
  let typesView: RuleInput['definition'] | null = null;
  const diagnostics: Diagnostic[] = [];
  rules.forEach((rule, index) => {
    const bit = index < TRACKED_RULES ? 1 << (index + 1) : 0;
    const before = usable?.run.findings[index];
    // The model the rule sees is the previous one: kept, or (for a rule that sees only the API types) equal there.
    const modelSame =
      usable !== undefined && (usable.modelKept || (rule.model === 'apiTypes' && usable.run.apiTypes === run.apiTypes));
    let found: Diagnostic[];
    if (usable && before && rule.reuse === 'tracked' && bit !== 0 && modelSame && (readers & bit) === 0) {
      found = before.map((d) => moved(d, usable.edit, input.document.file));
    } else {
      found = [];
      if (rule.model === 'apiTypes' && typesView === null) typesView = apiTypesView(input.definition);
      const context: RuleContext = {
        ...input,
        ...(rule.model === 'apiTypes' ? { definition: typesView ?? undefined } : {}),
        resolve: (node) => input.sources.resolve(node),
        report: (diagnostic) => found.push(diagnostic),
      };
      try {
        if (rule.checkAfterEdit) {
          const state = usable?.run.states[index];
          run.states[index] = readingAs(bit, () =>
            rule.checkAfterEdit?.(context, usable ? state : undefined, usable?.edit),
          );
        } else {
          readingAs(bit, () => rule.check(context));
        }
      } catch (error) {
        logger.error(`Rule '${rule.id}' failed on ${input.document.file}`, error);
        const reason = error instanceof Error ? error.message : String(error);
        found = [
          {
            range: fileStart,
            severity: 'error',
            code: 'apigw.internal',
            message: `The check '${rule.id}' failed with an internal error (${reason}), so its problems are not shown. Please report it with the file.`,
          },
        ];
        run.states[index] = undefined;
      }
    }
    run.findings[index] = found.map(copied);
    diagnostics.push(...found);
  });
  return { diagnostics, run };
}

/** A finding with ranges of its own (node ranges move in place with later edits; a kept finding must not). */
function copied(d: Diagnostic): Diagnostic {
  const { start, end } = d.range;
  return { ...d, range: { start: { ...start }, end: { ...end } } };
}

/** A finding of the previous version where it is after the edit (findings about other files do not move). */
function moved(d: Diagnostic, edit: ValueEdit, file: string): Diagnostic {
  if (d.file !== undefined && d.file !== file) return copied(d);
  return { ...d, range: { start: moveAfterEdit(edit, d.range.start), end: moveAfterEdit(edit, d.range.end) } };
}
