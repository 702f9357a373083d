import type { Diagnostic } from '../../shared/diagnostic';

/** The code the deploy core gives a template parameter that the body uses and that has no value and no Default. */
export const missingParameterCode = 'apigw.deploy.missingParameter';

/**
 * The template parameters to ask for: those the core reported as used by the body without a value and without
 * a Default, named by the diagnostic's `data.parameter` (never read from its message, which is worded for people).
 * Undefined when other problems are reported too, or a diagnostic names no parameter (then the diagnostics are
 * shown instead).
 */
export function missingParameters(diagnostics: readonly Diagnostic[]): string[] | undefined {
  if (diagnostics.length === 0) return undefined;
  const names: string[] = [];
  for (const d of diagnostics) {
    if (d.code !== missingParameterCode) return undefined;
    const name = d.data?.parameter;
    if (name === undefined || name === '') return undefined;
    if (!names.includes(name)) names.push(name);
  }
  return names;
}
