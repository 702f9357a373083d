import type { AwsApiKind } from '../../aws/types';

/**
 * Stage names API Gateway accepts, checked as the user types (the deploy core checks them again before any
 * call): letters, digits, hyphens and underscores, at most 128 — and `$default` for HTTP APIs only. The same
 * rule as the core's checkDeployTarget, so a name this box lets through is never refused later.
 */
export function stageNameProblem(kind: AwsApiKind, name: string): string | undefined {
  if (name === '') return 'Name the stage to deploy to, such as prod or dev.';
  if (name === '$default') {
    return kind === 'HTTP' ? undefined : `'$default' is a stage name of HTTP APIs only: choose a name such as prod.`;
  }
  if (name.length > 128) return `A stage name has at most 128 characters (this one has ${name.length}).`;
  if (!/^[A-Za-z0-9_-]+$/.test(name)) {
    const bad = [...new Set([...name].filter((c) => !/[A-Za-z0-9_-]/.test(c)))].map((c) => `'${c}'`).join(', ');
    return `A stage name may only have letters, digits, - and _ (not ${bad})${kind === 'HTTP' ? ', or be $default' : ''}.`;
  }
  return undefined;
}

/** The stage offered when nothing is remembered: the template's stage, else $default (HTTP) or dev. */
export function defaultStageName(kind: AwsApiKind, declared: string | undefined): string {
  if (declared !== undefined && stageNameProblem(kind, declared) === undefined) return declared;
  return kind === 'HTTP' ? '$default' : 'dev';
}
