/**
 * A string as JSON: quoted as it is when JSON.stringify would leave it so (no quote, backslash, control character
 * or surrogate: most), else by JSON.stringify.
 */
export function quote(value: string): string {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 32 || c === 34 || c === 92 || (c >= 0xd800 && c <= 0xdfff)) return JSON.stringify(value);
  }
  return `"${value}"`;
}

/** A number as JSON (what JSON.stringify gives: its text, null when not finite). */
export function number(value: number): string {
  return Number.isFinite(value) ? String(value) : 'null';
}
