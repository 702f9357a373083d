// The plan of a logging change as the read-only document shows it: the stage, what changes, the warnings, the calls.
import type { StageSettingsPlan } from './types';

const kindNames = { REST: 'REST', HTTP: 'HTTP', WEBSOCKET: 'WebSocket' } as const;

export function formatStageSettingsPlan(plan: StageSettingsPlan): string {
  const { target } = plan;
  const lines = [
    `Logging settings of stage ${target.stage} of ${kindNames[target.kind]} API ${target.apiName} (${target.apiId}) in ${target.region}`,
    '',
  ];
  if (plan.changes.length === 0) {
    lines.push('No change: the stage already has these settings.');
    return `${lines.join('\n')}\n`;
  }
  lines.push('Changes:');
  for (const c of plan.changes) lines.push(`  ~ ${c.setting}: ${c.before} → ${c.after}`);
  if (plan.warnings.length > 0) {
    lines.push('', 'Warnings:');
    for (const w of plan.warnings) lines.push(`  ! ${w}`);
  }
  lines.push('', 'Calls:');
  for (const [i, step] of plan.steps.entries()) {
    lines.push(`  ${i + 1}. ${step.operation}: ${step.title}`);
    const ops = step.input['patchOperations'];
    if (Array.isArray(ops)) {
      for (const op of ops as { op: string; path: string; value?: string }[]) {
        lines.push(`       ${op.op} ${op.path}${op.value !== undefined ? ` = ${op.value}` : ''}`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}
