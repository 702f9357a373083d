// Counts as people write them: 5000000, 5_000_000, 5,000,000, 5e6, 5M, 2.5B, 750k. K, M and B are thousand,
// million and billion (any case). Parsed exactly: '1.1M' is 1,100,000, not 1,100,000.0000000002.

const QUANTITY = /^(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?([kmb])?$/i;
const SUFFIX_EXPONENT = new Map([
  ['k', 3],
  ['m', 6],
  ['b', 9],
]);

export type QuantityResult = { ok: true; value: number } | { ok: false; error: string };

/** A number of 0 or more from `text`; `what` names it in the error ('--requests'). */
export function parseQuantity(text: string, what: string): QuantityResult {
  const trimmed = text.trim();
  const compact = trimmed.replace(/[_,](?=\d)/g, '');
  if (trimmed.startsWith('-')) return { ok: false, error: `${what} must be 0 or more, not ${trimmed}.` };
  const match = QUANTITY.exec(compact);
  if (match === null)
    return {
      ok: false,
      error: `${what} must be a number such as 5000000, 5e6, 5M or 2.5B (K, M, B: thousand, million, billion), not '${text}'.`,
    };
  const [, whole = '', fraction = '', exponent = '0', suffix = ''] = match;
  const power = Number(exponent) + (SUFFIX_EXPONENT.get(suffix.toLowerCase()) ?? 0) - fraction.length;
  const value = Number(`${whole}${fraction}e${power}`);
  if (!Number.isFinite(value)) return { ok: false, error: `${what} is too large: '${text}'.` };
  return { ok: true, value };
}

/** Like parseQuantity, for a count that must be whole (requests, messages, minutes). */
export function parseCount(text: string, what: string): QuantityResult {
  const parsed = parseQuantity(text, what);
  if (!parsed.ok) return parsed;
  if (!Number.isInteger(parsed.value)) return { ok: false, error: `${what} must be a whole number, not '${text}'.` };
  if (!Number.isSafeInteger(parsed.value))
    return { ok: false, error: `${what} is too large to count exactly: '${text}' (at most about 9e15).` };
  return parsed;
}
