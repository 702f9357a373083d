/**
 * A deep copy in which prototype-free objects (src/shared/dict.ts, src/runtime/fastDict.ts: maps keyed by user
 * text) are ordinary ones,
 * so `assert.deepEqual` (strict: it compares prototypes) can hold them against object literals. Other objects
 * (Buffers, Maps, class instances) are kept as they are.
 */
export function plain<T>(value: T): T {
  if (Array.isArray(value)) return value.map(plain) as T;
  if (value === null || typeof value !== 'object') return value;
  const proto = Object.getPrototypeOf(value) as object | null;
  // Prototype-free: no prototype, or one that has none and no members (src/runtime/fastDict.ts).
  const free = proto === null || (Object.getPrototypeOf(proto) === null && Reflect.ownKeys(proto).length === 0);
  if (!free && proto !== Object.prototype) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    Object.defineProperty(out, key, { value: plain(v), enumerable: true, writable: true, configurable: true });
  }
  return out as T;
}
