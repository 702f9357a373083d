import { javaRegexOn, javaReplacement, javaSplit } from './javaRegex';
import { printedLengthAtLeast } from './printBound';
import { MethodError, defaultLimits, type RenderLimits } from './runtime';
import {
  HostObject,
  JavaDouble,
  display,
  isNumber,
  javaEquals,
  kindOf,
  numberOf,
  toMapKey,
  type Value,
  type VtlMap,
} from './values';

/** `Map.Entry` from `entrySet()`: `$e.key`, `$e.value`, `getKey()`, `getValue()`. */
class MapEntry extends HostObject {
  readonly typeName = 'Map.Entry';
  constructor(
    readonly key: Value,
    readonly value: Value,
  ) {
    super();
  }
  override property(name: string): Value {
    return name === 'key' ? this.key : name === 'value' ? this.value : null;
  }
  call(name: string, args: Value[]): Value | undefined {
    if (args.length !== 0) return undefined;
    if (name === 'getKey') return this.key;
    if (name === 'getValue') return this.value;
    if (name === 'toString') {
      const key = printBounded(this.key, 'toString', defaultLimits);
      return `${key}=${printBounded(this.value, 'toString', defaultLimits)}`;
    }
    return undefined;
  }
}

/** The bounds a method call keeps to: no string beyond `outputSize` characters, no list beyond `collectionSize`. */
export type MethodLimits = Pick<RenderLimits, 'outputSize' | 'collectionSize'>;

function tooLong(method: string, size: number, limits: MethodLimits): MethodError {
  return new MethodError(
    `${method} would make a text of ${size} characters, more than the limit of ${limits.outputSize}: the template builds text without bound`,
    'apigw.vtl.limit.output',
  );
}

/**
 * How a value prints (Java's toString()), refused before it is built when it would pass the output limit: a list
 * of long strings can print as more text than V8 can hold.
 */
export function printBounded(v: Value, method: string, limits: MethodLimits): string {
  if (typeof v === 'string') return v;
  if (Array.isArray(v) || v instanceof Map) {
    const size = printedLengthAtLeast(v, limits.outputSize);
    if (size > limits.outputSize) throw tooLong(method, size, limits);
  }
  return display(v);
}

/** `text` with every `from` replaced by `to`, refused before it is built when it would be too long. */
function replaceText(s: string, from: string, to: string, limits: MethodLimits): string {
  if (to.length > from.length) {
    let count = 0;
    if (from === '') count = s.length + 1;
    else for (let at = s.indexOf(from); at >= 0; at = s.indexOf(from, at + from.length)) count++;
    const size = s.length + count * (to.length - from.length);
    if (size > limits.outputSize) throw tooLong('replace', size, limits);
  }
  // Java puts `to` before every character and at the end for an empty `from` ("ab" → "-a-b-").
  if (from === '') return s === '' ? to : `${to}${s.split('').join(to)}${to}`;
  return s.split(from).join(to);
}

/**
 * replaceAll / replaceFirst, refused before the result is built when it could be too long: each match adds at
 * most the replacement's literal text, and each group reference at most the text it matched (the matches do not
 * overlap, so all of them together at most the subject's length).
 */
function replaceRegex(s: string, method: string, pattern: string, replacement: string, limits: MethodLimits): string {
  const regex = javaRegexOn(s, method, pattern, method === 'replaceAll' ? 'g' : '');
  const js = javaReplacement(replacement);
  const references = (js.match(/\$\d/g) ?? []).length;
  const literal = js.replace(/\$\d+/g, '').replace(/\$\$/g, '$').length;
  const atMost = (matches: number): number => s.length * (1 + references) + matches * literal;
  if (atMost(method === 'replaceAll' ? s.length + 1 : 1) > limits.outputSize) {
    let matches = 0;
    if (method === 'replaceAll') for (const _ of s.matchAll(regex)) matches++;
    else matches = regex.test(s) ? 1 : 0;
    regex.lastIndex = 0;
    if (atMost(matches) > limits.outputSize) throw tooLong(method, atMost(matches), limits);
  }
  return s.replace(regex, js);
}

function int(v: Value | undefined, method: string): number {
  if (v === undefined || !isNumber(v))
    throw new MethodError(`${method} needs a whole number, got ${v === undefined ? 'nothing' : kindOf(v)}`);
  return Math.trunc(numberOf(v));
}

function checkIndex(i: number, size: number, method: string): number {
  if (i < 0 || i >= size) throw new MethodError(`${method}: index ${i} is out of bounds for length ${size}`);
  return i;
}

/** Java String methods. undefined: no such method with that many arguments. */
function stringMethod(s: string, name: string, args: Value[], limits: MethodLimits): Value | undefined {
  const [a, b] = args;
  const str = (v: Value | undefined): string => (v === undefined ? 'null' : printBounded(v, name, limits));
  switch (`${name}/${args.length}`) {
    case 'length/0':
      return s.length;
    case 'isEmpty/0':
      return s.length === 0;
    case 'charAt/1':
      return s.charAt(checkIndex(int(a, 'charAt'), s.length, 'charAt'));
    case 'substring/1':
    case 'substring/2': {
      const from = int(a, 'substring');
      const to = b === undefined ? s.length : int(b, 'substring');
      if (from < 0 || to > s.length || from > to)
        throw new MethodError(`substring: begin ${from}, end ${to}, length ${s.length}`);
      return s.slice(from, to);
    }
    case 'indexOf/1':
    case 'indexOf/2':
      return s.indexOf(str(a), b === undefined ? 0 : int(b, 'indexOf'));
    case 'lastIndexOf/1':
      return s.lastIndexOf(str(a));
    case 'contains/1':
      return s.includes(str(a));
    case 'startsWith/1':
      return s.startsWith(str(a));
    case 'endsWith/1':
      return s.endsWith(str(a));
    case 'equals/1':
      return typeof a === 'string' && a === s;
    case 'equalsIgnoreCase/1':
      return typeof a === 'string' && a.toLowerCase() === s.toLowerCase();
    case 'compareTo/1':
      return compareStrings(s, str(a));
    case 'toUpperCase/0':
      return s.toUpperCase();
    case 'toLowerCase/0':
      return s.toLowerCase();
    case 'trim/0':
      return javaTrim(s);
    case 'concat/1':
      return s + str(a);
    case 'replace/2':
      return replaceText(s, str(a), str(b), limits);
    case 'replaceAll/2':
    case 'replaceFirst/2':
      return replaceRegex(s, name, str(a), str(b), limits);
    case 'matches/1':
      return javaRegexOn(s, 'matches', str(a), '', true).test(s);
    case 'split/1':
    case 'split/2':
      return javaSplit(s, str(a), b === undefined ? 0 : int(b, 'split'));
    case 'toString/0':
      return s;
    case 'hashCode/0':
      return javaHash(s);
    default:
      return undefined;
  }
}

/** Java's trim(): removes characters up to U+0020 at both ends. */
function javaTrim(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && s.charCodeAt(start) <= 32) start++;
  while (end > start && s.charCodeAt(end - 1) <= 32) end--;
  return s.slice(start, end);
}

function compareStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = a.charCodeAt(i) - b.charCodeAt(i);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

function javaHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

function checkCollection(size: number, method: string, limits: MethodLimits): void {
  if (size > limits.collectionSize) {
    throw new MethodError(
      `${method} would make a collection of ${size} elements, more than the limit of ${limits.collectionSize}`,
      'apigw.vtl.limit.collection',
    );
  }
}

/** Java List methods (ArrayList). */
function listMethod(list: Value[], name: string, args: Value[], limits: MethodLimits): Value | undefined {
  const [a, b] = args;
  switch (`${name}/${args.length}`) {
    case 'size/0':
      return list.length;
    case 'isEmpty/0':
      return list.length === 0;
    case 'get/1':
      return list[checkIndex(int(a, 'get'), list.length, 'get')] ?? null;
    case 'contains/1':
      return list.some((x) => javaEquals(x, a ?? null));
    case 'indexOf/1':
      return list.findIndex((x) => javaEquals(x, a ?? null));
    case 'add/1':
      list.push(a ?? null);
      return true;
    case 'add/2':
      list.splice(checkIndex(int(a, 'add'), list.length + 1, 'add'), 0, b ?? null);
      return null;
    case 'addAll/1':
      if (Array.isArray(a)) {
        checkCollection(list.length + a.length, 'addAll', limits);
        for (let i = 0, n = a.length; i < n; i++) list.push(a[i] ?? null);
      }
      return Array.isArray(a) && a.length > 0;
    case 'set/2': {
      const i = checkIndex(int(a, 'set'), list.length, 'set');
      const previous = list[i] ?? null;
      list[i] = b ?? null;
      return previous;
    }
    case 'remove/1': {
      if (typeof a === 'number') return list.splice(checkIndex(a, list.length, 'remove'), 1)[0] ?? null;
      const i = list.findIndex((x) => javaEquals(x, a ?? null));
      if (i >= 0) list.splice(i, 1);
      return i >= 0;
    }
    case 'clear/0':
      list.length = 0;
      return null;
    case 'subList/2': {
      const from = int(a, 'subList');
      const to = int(b, 'subList');
      if (from < 0 || to > list.length || from > to)
        throw new MethodError(`subList: from ${from}, to ${to}, size ${list.length}`);
      return list.slice(from, to);
    }
    case 'equals/1':
      return javaEquals(list, a ?? null);
    case 'toString/0':
      return printBounded(list, 'toString', limits);
    default:
      return undefined;
  }
}

/** Java Map methods (LinkedHashMap). */
function mapMethod(map: VtlMap, name: string, args: Value[], limits: MethodLimits): Value | undefined {
  const [a, b] = args;
  switch (`${name}/${args.length}`) {
    case 'get/1':
      return map.get(toMapKey(a ?? null)) ?? null;
    case 'getOrDefault/2':
      return map.has(toMapKey(a ?? null)) ? (map.get(toMapKey(a ?? null)) ?? null) : (b ?? null);
    case 'put/2': {
      const key = toMapKey(a ?? null);
      const previous = map.get(key) ?? null;
      map.set(key, b ?? null);
      return previous;
    }
    case 'putAll/1':
      if (a instanceof Map) {
        checkCollection(map.size + a.size, 'putAll', limits);
        for (const [k, v] of [...a]) map.set(k, v);
      }
      return null;
    case 'remove/1': {
      const key = toMapKey(a ?? null);
      const previous = map.get(key) ?? null;
      map.delete(key);
      return previous;
    }
    case 'containsKey/1':
      return map.has(toMapKey(a ?? null));
    case 'containsValue/1':
      return [...map.values()].some((v) => javaEquals(v, a ?? null));
    case 'keySet/0':
      return [...map.keys()];
    case 'values/0':
      return [...map.values()];
    case 'entrySet/0':
      return [...map].map(([k, v]) => new MapEntry(k, v));
    case 'size/0':
      return map.size;
    case 'isEmpty/0':
      return map.size === 0;
    case 'clear/0':
      map.clear();
      return null;
    case 'equals/1':
      return javaEquals(map, a ?? null);
    case 'toString/0':
      return printBounded(map, 'toString', limits);
    default:
      return undefined;
  }
}

function scalarMethod(v: number | JavaDouble | boolean, name: string, args: Value[]): Value | undefined {
  const [a] = args;
  switch (`${name}/${args.length}`) {
    case 'toString/0':
      return display(v);
    case 'equals/1':
      return javaEquals(v, a ?? null);
    case 'intValue/0':
    case 'longValue/0':
      return typeof v === 'boolean' ? undefined : Math.trunc(numberOf(v));
    case 'doubleValue/0':
      return typeof v === 'boolean' ? undefined : new JavaDouble(numberOf(v));
    case 'booleanValue/0':
      return typeof v === 'boolean' ? v : undefined;
    default:
      return undefined;
  }
}

/**
 * Calls `name(args)` on a value through the tables above. undefined means there is no such method (Velocity
 * then treats the reference as null): nothing outside these tables can ever be called.
 */
export function callMethod(
  target: Value,
  name: string,
  args: Value[],
  limits: MethodLimits = defaultLimits,
): Value | undefined {
  if (typeof target === 'string') return stringMethod(target, name, args, limits);
  if (Array.isArray(target)) return listMethod(target, name, args, limits);
  if (target instanceof Map) return mapMethod(target, name, args, limits);
  if (target instanceof HostObject) return target.call(name, args);
  if (target === null) return undefined;
  return scalarMethod(target, name, args);
}

/** `$x.name`: a map's entry, a host object's member, or a Java getter (`getName()` / `isName()`). */
export function getProperty(target: Value, name: string): Value | undefined {
  if (target instanceof Map) return target.get(name) ?? null;
  if (target instanceof HostObject) return target.property(name);
  if (target === null) return undefined;
  const capitalised = name.charAt(0).toUpperCase() + name.slice(1);
  return callMethod(target, `get${capitalised}`, []) ?? callMethod(target, `is${capitalised}`, []);
}
