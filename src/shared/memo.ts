/**
 * A pure function of a string, remembered for the last distinct inputs (at most `max`; all forgotten at once
 * when full). For parsing the same short strings over and over, e.g. the `$ref` values of a big definition.
 * The results are shared: callers must not change them.
 */
export function memoByString<T>(compute: (input: string) => T, max = 10_000): (input: string) => T {
  const known = new Map<string, T>();
  return (input) => {
    let value = known.get(input);
    if (value === undefined && !known.has(input)) {
      value = compute(input);
      if (known.size >= max) known.clear();
      known.set(input, value);
    }
    return value as T;
  };
}
