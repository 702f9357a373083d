import type { AwsProblem, DeployOutcome, DeployPlan } from '../../aws/types';

/**
 * What a deploy's outcome says to people, pure so it is unit-tested: the success message with the invoke URL,
 * the failure message built on the core's report (what changed, what did not, what to do), the details written
 * to the log, and whether a failure should send the user back to choosing the target.
 */
export type Outcome = DeployOutcome;

export function successMessage(plan: DeployPlan, outcome: Extract<Outcome, { ok: true }>): string {
  const warnings = outcome.findings.filter((f) => f.severity === 'warning').length;
  const created = plan.target.apiId === undefined ? ` (new API ${outcome.apiId})` : '';
  const note =
    warnings === 0
      ? ''
      : ` API Gateway reported ${warnings} warning${warnings === 1 ? '' : 's'}, shown on the definition.`;
  return `Deployed "${plan.apiName}"${created} to stage ${outcome.stage}: ${outcome.invokeUrl}.${note}`;
}

export function failureMessage(plan: DeployPlan, outcome: Extract<Outcome, { ok: false }>): string {
  if (outcome.problem.kind === 'cancelled' && outcome.done.length === 0) {
    return `Deploy of "${plan.apiName}" cancelled: nothing changed in AWS.`;
  }
  const errors = outcome.findings.filter((f) => f.severity === 'error').length;
  const shown =
    errors === 0 || /shown on the definition/.test(outcome.report)
      ? ''
      : ' The import errors are shown on the definition.';
  return `Deploy of "${plan.apiName}" to stage ${plan.target.stage} failed. ${outcome.report}${shown}`;
}

/** The lines written to the log for "Show details". */
export function outcomeDetails(plan: DeployPlan, outcome: Outcome): string[] {
  const lines = [
    `Deploy of "${plan.apiName}" (${plan.target.kind}) to ${plan.target.apiId ?? 'a new API'} stage ${plan.target.stage}:`,
  ];
  if (outcome.ok) {
    lines.push(`  deployed: ${outcome.invokeUrl}`);
  } else {
    const p = outcome.problem;
    lines.push(`  failed: ${p.message}`);
    if (p.operation !== undefined)
      lines.push(`  operation: ${p.operation}${p.httpStatus !== undefined ? ` (HTTP ${p.httpStatus})` : ''}`);
    if (p.requestId !== undefined) lines.push(`  request id: ${p.requestId}`);
    if (p.awsMessage !== undefined && p.awsMessage !== p.message) lines.push(`  AWS said: ${p.awsMessage}`);
    lines.push(`  ${outcome.report}`);
  }
  for (const step of outcome.done) lines.push(`  done: ${step}`);
  if (!outcome.ok) for (const step of outcome.notDone) lines.push(`  not done: ${step}`);
  for (const f of outcome.findings) {
    const d = f.diagnostic;
    lines.push(`  ${f.severity} at ${d.file}:${d.range.start.line + 1}: ${f.awsMessage}`);
  }
  return lines;
}

/**
 * Whether a failure means the target is gone or moved under us (the API was deleted: notFound; someone else
 * changed it: conflict), so the user chooses the target again instead of reading a failure. Only for an
 * existing target: a new API cannot have been deleted.
 */
export function retargetQuestion(plan: DeployPlan, problem: AwsProblem, region: string): string | undefined {
  const apiId = plan.target.apiId;
  if (apiId === undefined) return undefined;
  if (problem.kind === 'notFound') return deletedTargetQuestion(apiId, plan.apiName, region);
  if (problem.kind === 'conflict') {
    return `API ${apiId} was changed by someone else during the deploy (${problem.message.replace(/\.$/, '')}). Read it again and choose the target?`;
  }
  return undefined;
}

/**
 * The question when the target API does not exist (any more): it was deleted since it was chosen or remembered,
 * or the id is wrong. Asked before the plan (reading what is deployed) and after a failed apply alike.
 */
export function deletedTargetQuestion(apiId: string, apiName: string, region: string): string {
  return `API ${apiId} no longer exists in ${region}: it may have been deleted. Choose where to deploy "${apiName}" again?`;
}
