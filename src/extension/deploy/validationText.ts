/**
 * What deploy says about the definition's own problems before anything is sent, pure so it is unit-tested:
 * errors refuse (naming the first), warnings ask whether to deploy anyway.
 */
export interface FoundProblem {
  severity: 'error' | 'warning';
  message: string;
  /** Workspace-relative path. */
  file: string;
  /** 0-based. */
  line: number;
}

export function errorRefusal(apiName: string, errors: readonly FoundProblem[]): string | undefined {
  const first = errors[0];
  if (first === undefined) return undefined;
  const more = errors.length > 1 ? ` and ${errors.length - 1} more` : '';
  return (
    `"${apiName}" cannot be deployed: its definition has ${count(errors.length, 'error')} — ` +
    `${first.file}:${first.line + 1}: ${first.message}${more}. Fix them (see the Problems panel) and deploy again.`
  );
}

export function warningQuestion(
  apiName: string,
  warnings: readonly FoundProblem[],
): { message: string; detail: string } | undefined {
  const first = warnings[0];
  if (first === undefined) return undefined;
  const listed = warnings.slice(0, 5).map((w) => `${w.file}:${w.line + 1}: ${w.message}`);
  if (warnings.length > listed.length)
    listed.push(`… and ${warnings.length - listed.length} more (see the Problems panel).`);
  return {
    message: `The definition of "${apiName}" has ${count(warnings.length, 'warning')}. Deploy anyway?`,
    detail: `API Gateway may drop or change the parts they point at.\n\n${listed.join('\n')}`,
  };
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
