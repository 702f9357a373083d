// Checks of a deploy target that AWS would refuse, made before anything is sent: the stage name and the stage
// variables (rules from the API Gateway API Reference: "Stage names can only contain alphanumeric characters,
// hyphens, and underscores. Maximum length is 128 characters" — HTTP APIs also `$default`; variable names
// alphanumeric and underscore, values matching [A-Za-z0-9-._~:/?#&=,]+; REST and HTTP quotas: 100 variables a
// stage, names up to 64 and values up to 512 characters).
import type { DeployTarget } from '../types';

const MAX_VARIABLES = 100;

/** What is wrong with the target, one sentence each (empty when AWS would take it). */
export function checkDeployTarget(target: DeployTarget): string[] {
  const problems: string[] = [];
  const stage = target.stage;
  if (stage === '$default') {
    if (target.kind !== 'HTTP')
      problems.push(`The stage name '$default' is only for HTTP APIs: choose a name such as 'prod'.`);
  } else if (!/^[A-Za-z0-9_-]{1,128}$/.test(stage)) {
    problems.push(
      stage === ''
        ? 'No stage name is given: name the stage to deploy to (letters, digits, - and _).'
        : `The stage name '${stage}' is not one API Gateway accepts: use letters, digits, hyphens and underscores (at most 128)${target.kind === 'HTTP' ? ", or '$default'" : ''}.`,
    );
  }
  problems.push(...checkVariables(target.variables ?? {}));
  if (target.apiId !== undefined && !/^[A-Za-z0-9]+$/.test(target.apiId)) {
    problems.push(`'${target.apiId}' is not an API id (ids are letters and digits, such as 'a1b2c3d4e5').`);
  }
  return problems;
}

/** Stage variables AWS would refuse. */
export function checkVariables(variables: Record<string, string>): string[] {
  const problems: string[] = [];
  const names = Object.keys(variables);
  if (names.length > MAX_VARIABLES)
    problems.push(`A stage can have at most ${MAX_VARIABLES} variables; ${names.length} are given.`);
  for (const name of names) {
    const value = variables[name] ?? '';
    if (!/^[A-Za-z0-9_]{1,64}$/.test(name)) {
      problems.push(
        `The stage variable name '${name}' is not valid: use letters, digits and underscores (at most 64).`,
      );
    }
    if (value.length > 512 || !/^[A-Za-z0-9\-._~:/?#&=,]+$/.test(value)) {
      problems.push(
        `The value of stage variable '${name}' is not one API Gateway accepts: at most 512 of the characters A-Z a-z 0-9 - . _ ~ : / ? # & = , (no spaces).`,
      );
    }
  }
  return problems;
}
