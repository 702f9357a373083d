import type { ChangeAction, DeployPlan } from '../../aws/types';

/**
 * What the deploy says around its plan, pure so it is unit-tested: the modal confirmation, the progress
 * lines and the "nothing to do" message. The plan itself is shown by the core's formatPlan.
 */
export interface Confirmation {
  message: string;
  detail: string;
  button: string;
}

/** "Deploy 3 changes to API Pets (a1b2c3) stage prod?" with the counts by action and the region. */
export function confirmationOf(plan: DeployPlan, region: string): Confirmation {
  const { target } = plan;
  const api =
    target.apiId === undefined ? `new ${target.kind} API "${plan.apiName}"` : `API "${plan.apiName}" (${target.apiId})`;
  const n = plan.changes.length;
  const message =
    plan.kind === 'create'
      ? `Create ${api} and deploy it to stage ${target.stage} in ${region}?`
      : `Deploy ${n} change${n === 1 ? '' : 's'} to ${api} stage ${target.stage} in ${region}?`;
  const counts = countByAction(plan);
  const parts = (['add', 'change', 'remove'] as const).filter((a) => counts[a] > 0).map((a) => `${counts[a]} to ${a}`);
  const steps = plan.steps.map((s, i) => `${i + 1}. ${s.title}`);
  const detail = [
    parts.length > 0 ? `${parts.join(', ')}.` : 'No part of the API changes.',
    ...(target.kind === 'REST' && target.apiId !== undefined ? [`Mode: ${target.mode ?? 'overwrite'}.`] : []),
    '',
    ...steps,
    '',
    'The whole plan is shown in the editor.',
  ].join('\n');
  return { message, detail, button: 'Deploy' };
}

export function countByAction(plan: DeployPlan): Record<ChangeAction, number> {
  const counts: Record<ChangeAction, number> = { add: 0, change: 0, remove: 0 };
  for (const change of plan.changes) counts[change.action]++;
  return counts;
}

/** The progress line of step `index` (0-based) of `total`. */
export function stepMessage(index: number, total: number, title: string): string {
  return `${index + 1}/${total}: ${title}`;
}

/**
 * "CreateDeployment throttled, retrying in 2 s (retry 1)"; other retryable failures (a 5xx) say "failed"
 * instead. `attempt` is the attempt about to be made (2 = first retry).
 */
export function retryMessage(operation: string, attempt: number, delayMs: number, errorName?: string): string {
  const seconds = delayMs < 1000 ? (delayMs / 1000).toFixed(1) : String(Math.round(delayMs / 1000));
  const throttled = errorName === undefined || /thrott|toomanyrequests|limitexceeded|slowdown/i.test(errorName);
  const what = throttled ? 'throttled' : `failed (${errorName})`;
  return `${operation} ${what}, retrying in ${seconds} s (retry ${Math.max(1, attempt - 1)})`;
}

/** What is said when the plan changes nothing. */
export function noChangeMessage(plan: DeployPlan): string {
  const { target } = plan;
  return `No change: stage ${target.stage} of API "${plan.apiName}" (${target.apiId ?? 'new'}) already matches the definition. Nothing was deployed.`;
}

/** The title of the plan's read-only document. */
export function planTitle(plan: DeployPlan): string {
  return `Deploy plan — ${plan.apiName} → ${plan.target.apiId ?? 'new API'} · ${plan.target.stage}`;
}
