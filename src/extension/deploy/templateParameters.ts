import type { Diagnostic } from '../../shared/diagnostic';

/** The code the deploy core gives a template parameter that the body uses and that has no value and no Default. */
export const missingParameterCode = 'apigw.deploy.missingParameter';

/**
 * The template parameters to ask for: those the core reported as used by the body without a value and without
 * a Default ("… uses the template parameter Name (line 12), which has no value …"). Undefined when other
 * problems are reported too, or a name cannot be read (then the diagnostics are shown instead).
 */
export function missingParameters(diagnostics: readonly Diagnostic[]): string[] | undefined {
  if (diagnostics.length === 0) return undefined;
  const names: string[] = [];
  for (const d of diagnostics) {
    if (d.code !== missingParameterCode) return undefined;
    const name = /template parameter ([A-Za-z0-9]+)\b/.exec(d.message)?.[1];
    if (name === undefined) return undefined;
    if (!names.includes(name)) names.push(name);
  }
  return names;
}
