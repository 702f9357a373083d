/**
 * Objects keyed by text that comes from outside — header and query names, map keys, names written in a
 * definition, a template or a config file. A plain `{}` inherits Object.prototype: looking up `constructor` or
 * `toString` finds its functions, and assigning `__proto__` changes the prototype instead of adding a key. These
 * have no prototype, so every name is a key like any other (they still serialize, spread and enumerate as
 * usual). ESLint refuses a `Record<string, …>` made from an object literal (eslint.config.mjs); use these or a Map.
 */
export function dict<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** A prototype-free copy of `entries` (own enumerable keys), e.g. a constant table looked up by user text. */
export function dictOf<T>(entries: Readonly<Record<string, T>>): Record<string, T> {
  const out = dict<T>();
  for (const key of Object.keys(entries)) out[key] = entries[key]!;
  return out;
}

/** The value of an own property, never an inherited one: for objects made elsewhere (JSON.parse, configs). */
export function ownValue<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}
