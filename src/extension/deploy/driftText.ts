import type { PlannedChange } from '../../aws/types';

/**
 * What Compare with Deployed says besides the diff editor, pure so it is unit-tested: "no drift", or the
 * changes a deploy would make, named ("+ route GET /pets/{id}, ~ integration POST /pets (uri)").
 */
export function driftMessage(
  apiName: string,
  where: string,
  drift: { same: boolean; changes: readonly PlannedChange[]; notes: readonly string[] },
): string {
  const notes = drift.notes.length > 0 ? ` Note: ${drift.notes.join(' ')}` : '';
  if (drift.same) return `No drift: "${apiName}" matches what is deployed at ${where}.${notes}`;
  if (drift.changes.length === 0) {
    return `"${apiName}" differs from ${where} in ways a deploy does not compare (see the diff).${notes}`;
  }
  const shown = drift.changes.slice(0, 6).map(describeChange);
  const more = drift.changes.length > shown.length ? `, and ${drift.changes.length - shown.length} more` : '';
  const n = drift.changes.length;
  return `"${apiName}" differs from ${where}: ${n} change${n === 1 ? '' : 's'} a deploy would make — ${shown.join(', ')}${more}.${notes}`;
}

const markers = { add: '+', change: '~', remove: '-' } as const;

export function describeChange(change: PlannedChange): string {
  const detail = change.detail === undefined || change.detail === '' ? '' : ` (${change.detail})`;
  return `${markers[change.action]} ${categoryName(change.category)} ${change.key}${detail}`;
}

function categoryName(category: PlannedChange['category']): string {
  switch (category) {
    case 'gatewayResponse':
      return 'gateway response';
    case 'routeResponse':
      return 'route response';
    case 'api':
      return 'API setting';
    default:
      return category;
  }
}
