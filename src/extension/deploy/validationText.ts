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

/**
 * Why a definition cannot be sent as it is (the deploy core's problems: an intrinsic only CloudFormation can
 * compute, a body on S3…): the first problem, how many more (they are in the Problems panel), and that nothing
 * was sent.
 */
export function preparationRefusal(apiName: string, problems: readonly string[]): string {
  const first = problems[0]?.replace(/\.$/, '') ?? 'see the Problems panel';
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more, in the Problems panel)` : '';
  return `"${apiName}" cannot be sent to AWS as it is: ${first}${more}. Nothing was sent.`;
}
