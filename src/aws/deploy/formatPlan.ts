// formatPlan: the plan as text a person reads before confirming (the CLI's --dry-run, the VS Code plan view).
// The first line says what kind of change it is: "Create …", "Update …" or "No change …"; then the changes
// grouped by category with + (add), ~ (change) and - (remove); then the calls, in order; then the notes.
import type { ChangeCategory, DeployPlan, PlannedChange } from '../types';

const categoryTitles: Array<[ChangeCategory, string]> = [
  ['api', 'API settings'],
  ['route', 'Routes'],
  ['integration', 'Integrations'],
  ['authorizer', 'Authorizers'],
  ['model', 'Models'],
  ['gatewayResponse', 'Gateway responses'],
  ['routeResponse', 'Route responses'],
  ['stage', 'Stage'],
];

const markers = { add: '+', change: '~', remove: '-' } as const;

export function formatPlan(plan: DeployPlan): string {
  const lines = [headline(plan)];
  for (const [category, title] of categoryTitles) {
    const changes = plan.changes.filter((c) => c.category === category);
    if (changes.length === 0) continue;
    lines.push('', title);
    for (const change of changes) lines.push(`  ${markers[change.action]} ${describe(change)}`);
  }
  if (plan.steps.length > 0) {
    lines.push('', 'Steps');
    plan.steps.forEach((step, i) => lines.push(`  ${i + 1}. ${step.title} (${step.operation})`));
  }
  if (plan.notes.length > 0) {
    lines.push('', 'Notes');
    for (const note of plan.notes) lines.push(`  - ${note}`);
  }
  return lines.join('\n') + '\n';
}

function headline(plan: DeployPlan): string {
  const { target } = plan;
  const what = `${target.kind} API "${plan.apiName}"`;
  if (plan.kind === 'create') {
    return `Create ${what} and deploy it to stage ${target.stage}: ${count(plan.changes, 'route')} route(s), ${plan.steps.length} step(s).`;
  }
  if (plan.kind === 'noChange') {
    return `No change: ${what} (${target.apiId ?? ''}) stage ${target.stage} already matches the definition.`;
  }
  const n = plan.changes.length;
  return `Update ${what} (${target.apiId ?? ''}) stage ${target.stage}: ${n} change${n === 1 ? '' : 's'}, ${plan.steps.length} step(s).`;
}

function describe(change: PlannedChange): string {
  if (change.detail === undefined || change.detail === '') return change.key;
  if (change.action === 'change') return `${change.key} (${change.detail})`;
  return `${change.key}: ${change.detail}`;
}

function count(changes: PlannedChange[], category: ChangeCategory): number {
  return changes.filter((c) => c.category === category && c.action === 'add').length;
}
