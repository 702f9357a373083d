/**
 * How the mock checks its responses against the definition (`"checkResponses"` in apigw.config.json,
 * `apigw mock --check-responses`): `warn` (the default) adds a warning to the request's trace for each mismatch,
 * `strict` also answers 502 instead of a response that does not match (for CI), `off` checks nothing.
 */
export type CheckResponsesMode = 'off' | 'warn' | 'strict';

export const checkResponsesModes: readonly CheckResponsesMode[] = ['off', 'warn', 'strict'];

export function isCheckResponsesMode(value: unknown): value is CheckResponsesMode {
  return typeof value === 'string' && (checkResponsesModes as readonly string[]).includes(value);
}

/** `"checkResponses"` of the config: the mode, or why the value is not one. */
export function parseCheckResponses(
  value: unknown,
  file: string,
): { ok: true; mode: CheckResponsesMode } | { ok: false; message: string } {
  if (isCheckResponsesMode(value)) return { ok: true, mode: value };
  return {
    ok: false,
    message: `${file}: "checkResponses" must be "warn" (the default), "strict" (a response that does not match the definition answers 502) or "off", not ${JSON.stringify(value)}.`,
  };
}
