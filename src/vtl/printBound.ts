import { HostObject, JavaDouble, type Value } from './values';

/**
 * At least how many characters `display(v)` would print (as a Java list or map, or as JSON for a list from
 * JSON), counting only until the total passes `cap`: so a template that would print a list of 600 strings of a
 * million characters each is refused before the text is built (V8 cannot build a string that long, and trying
 * costs gigabytes). Iterative, so deep or self-containing lists cannot overflow the stack.
 */
export function printedLengthAtLeast(v: Value, cap: number): number {
  let total = 0;
  const pending: Value[] = [v];
  while (pending.length > 0 && total <= cap) {
    const next = pending.pop()!;
    if (typeof next === 'string') total += next.length;
    else if (next === null || typeof next === 'number' || typeof next === 'boolean' || next instanceof JavaDouble)
      total += 1;
    else if (Array.isArray(next)) {
      // `[a, b]` (or `[a,b]` as JSON): brackets and a separator between items.
      total += 1 + next.length;
      for (let i = next.length - 1; i >= 0 && total <= cap; i--) pending.push(next[i] ?? null);
    } else if (next instanceof Map) {
      // `{k=v, …}` (or `{"k":v,…}`): braces, `=` or `:` and a separator per entry.
      total += 1 + 2 * next.size;
      for (const [key, value] of next) {
        if (total > cap) break;
        pending.push(key, value);
      }
    } else if (next instanceof HostObject) total += next.typeName.length;
  }
  return total;
}
