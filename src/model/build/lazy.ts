// Model fields that are worked out from the tree only when someone asks for them. The language service never
// asks for most of them, so an edit of, say, a request body schema's description does not make it rebuild the
// model (readTracking.ts: the values read while the model is built are the model's).
import { MODEL_READER, readingAs } from '../parse/readTracking';

/**
 * Defines `key` as computed from the tree on first read and kept: its reads count as the model's, so a later
 * edit of any value it read rebuilds the model (and with it this field).
 */
export function defineLazy<T extends object, K extends keyof T>(target: T, key: K, compute: () => T[K]): void {
  let computed = false;
  let value: T[K];
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get() {
      if (!computed) {
        value = readingAs(MODEL_READER, compute);
        computed = true;
      }
      return value;
    },
    set: (next: T[K]) => becomeValue(target, key, next),
  });
}

/**
 * Defines `key` as read from the tree again at every access (for cheap fields): whoever reads the field reads
 * the value under it, so it is never out of date and never makes the model's own reads wider.
 */
export function defineLive<T extends object, K extends keyof T>(target: T, key: K, read: () => T[K]): void {
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get: read,
    set: (next: T[K]) => becomeValue(target, key, next),
  });
}

/** Assigning to a lazy or live field makes it a plain value. */
function becomeValue<T extends object, K extends keyof T>(target: T, key: K, value: T[K]): void {
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
}
