/**
 * Records the runtime goes through on every request — a response's headers, a route's path parameters —
 * prototype-free like `dict()` (src/shared/dict.ts): no inherited member is found, `__proto__` and
 * `constructor` are keys like any other. But they are made by a constructor, which V8 keeps in fast mode:
 * `Object.create(null)` objects are dictionary-mode, and each `for...in`, `Object.keys` or spread of one builds
 * its list of keys anew (about 85 ns for a one-key record), where a fast object's is cached. Use them for keys a
 * definition or a handler names, not for keys any client can make up (request headers, query strings).
 */
const noMembers: object = Object.freeze(Object.create(null) as object);

const FastDict = function FastDict() {
  // Nothing to set: the fields are the entries.
} as unknown as new () => Record<string, unknown>;
(FastDict as unknown as { prototype: object }).prototype = noMembers;

/** A new, empty prototype-free record in fast mode (see above). */
export function fastDict<T>(): Record<string, T> {
  return new FastDict() as Record<string, T>;
}
