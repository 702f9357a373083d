/**
 * The values a template works with, modelled on the Java objects API Gateway's Velocity engine sees:
 * String (JS string), Integer/Long (JS integer number), Double (`JavaDouble`, so `1.0` stays a double),
 * Boolean, null, List (JS array), Map (JS `Map`, insertion-ordered like a LinkedHashMap), and host objects
 * (`$input`, `$util`, `$foreach`…) whose members are looked up in their own tables. Nothing else ever reaches a
 * template: no JS object, prototype or function.
 */
export class JavaDouble {
  constructor(readonly value: number) {}
}

/** An object provided by the engine; templates reach only what `property` and `call` return. */
export abstract class HostObject {
  abstract readonly typeName: string;
  property(_name: string): Value {
    return null;
  }
  /** undefined when there is no such method (a null result is `null`). */
  abstract call(name: string, args: Value[]): Value | undefined;
}

export type Value = string | number | boolean | null | JavaDouble | Value[] | VtlMap | HostObject;
export type VtlMap = Map<MapKey, Value>;
export type MapKey = string | number | boolean | null;

export const isMap = (v: Value): v is VtlMap => v instanceof Map;
export const isList = (v: Value): v is Value[] => Array.isArray(v);
export const isNumber = (v: Value): v is number | JavaDouble => typeof v === 'number' || v instanceof JavaDouble;
export const numberOf = (v: number | JavaDouble): number => (typeof v === 'number' ? v : v.value);

/** A map key: Java maps compare keys with equals(), so numbers and strings stay distinct. */
export function toMapKey(v: Value): MapKey {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof JavaDouble) return v.value;
  return display(v);
}

/** Java's Double.toString: `1.0`, `0.5`, `1.0E10`, `1.0E-5`, `NaN`, `Infinity`. */
export function formatDouble(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? 'Infinity' : '-Infinity';
  if (n === 0) return Object.is(n, -0) ? '-0.0' : '0.0';
  const abs = Math.abs(n);
  if (abs >= 1e-3 && abs < 1e7) {
    const s = String(n);
    return s.includes('.') ? s : `${s}.0`;
  }
  const [mantissa = '', exponent = '0'] = n.toExponential().split('e');
  const m = mantissa.includes('.') ? mantissa : `${mantissa}.0`;
  return `${m}E${exponent.startsWith('+') ? exponent.slice(1) : exponent}`;
}

/**
 * Lists that came from JSON (`$input.path`, and lists inside its results): API Gateway's JSONPath gives them as
 * JSON arrays (json-smart's JSONArray), whose toString() is compact JSON (`[{"a":"b"}]`), while its objects are
 * plain Java maps (`{a=b}`). Lists a template builds print as Java lists (`[1, 2]`).
 */
const jsonLists = new WeakSet<Value[]>();

/** Marks a list as one that came from JSON (see `jsonLists`). */
export function markJsonList<T extends Value[]>(list: T): T {
  jsonLists.add(list);
  return list;
}

export const isJsonList = (v: Value): boolean => Array.isArray(v) && jsonLists.has(v);

/**
 * How a value prints, as Java's toString(): lists `[1, 2]`, maps `{a=1, b=x}`, null `null`; a list that came
 * from JSON prints as compact JSON, also inside a map (`{a=[{"b":1}]}`).
 */
export function display(v: Value): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : formatDouble(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v === null) return 'null';
  if (v instanceof JavaDouble) return formatDouble(v.value);
  if (Array.isArray(v)) return jsonLists.has(v) ? stringifyJavaJson(v) : `[${v.map(display).join(', ')}]`;
  if (v instanceof Map) {
    const parts: string[] = [];
    for (const [key, value] of v) parts.push(`${display(key)}=${display(value)}`);
    return `{${parts.join(', ')}}`;
  }
  return v.typeName;
}

/** Template value → JSON text (compact, as API Gateway's `$input.json` prints it). */
export function stringifyJavaJson(v: Value): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof JavaDouble) return Number.isFinite(v.value) ? formatDouble(v.value) : 'null';
  if (Array.isArray(v)) return `[${v.map(stringifyJavaJson).join(',')}]`;
  if (v instanceof Map) {
    const parts: string[] = [];
    for (const [key, value] of v) parts.push(`${JSON.stringify(String(key))}:${stringifyJavaJson(value)}`);
    return `{${parts.join(',')}}`;
  }
  return JSON.stringify(v.typeName);
}

/** Velocity 1.7 truth: null and false are false; everything else (even "", 0 and empty lists) is true. */
export function isTruthy(v: Value): boolean {
  return v !== null && v !== false;
}

/**
 * Velocity's `==`: numbers by value, same kinds by equals(), different kinds by their printed text. With
 * `nullIsEmpty` (API Gateway's templates, where null prints as nothing) null also equals the empty string: a
 * missing `$input.path` value is both `== $null` and `== ""` there, while plain Velocity 1.7 says false.
 */
export function valuesEqual(a: Value, b: Value, nullIsEmpty = false): boolean {
  if (a === null || b === null) return a === b || (nullIsEmpty && (a === '' || b === ''));
  if (isNumber(a) && isNumber(b)) return numberOf(a) === numberOf(b);
  if (typeof a === 'string' && typeof b === 'string') return a === b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return a === b;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => javaEquals(x, b[i] ?? null));
  if (a instanceof Map && b instanceof Map) return javaEquals(a, b);
  if (a instanceof HostObject || b instanceof HostObject) return a === b;
  return display(a) === display(b);
}

/** Java's equals(): like `==` but without the toString fallback between kinds (Integer 1 equals Double 1.0 is false). */
export function javaEquals(a: Value, b: Value): boolean {
  if (a === null || b === null) return a === b;
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  if (a instanceof JavaDouble && b instanceof JavaDouble) return a.value === b.value;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => javaEquals(x, b[i] ?? null));
  if (a instanceof Map && b instanceof Map) {
    if (a.size !== b.size) return false;
    for (const [k, v] of a) if (!b.has(k) || !javaEquals(v, b.get(k) ?? null)) return false;
    return true;
  }
  return a === b;
}

/** A short name of a value's kind for error messages. */
export function kindOf(v: Value): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return 'a String';
  if (typeof v === 'number') return 'an Integer';
  if (typeof v === 'boolean') return 'a Boolean';
  if (v instanceof JavaDouble) return 'a Double';
  if (Array.isArray(v)) return 'a List';
  if (v instanceof Map) return 'a Map';
  return v.typeName;
}
