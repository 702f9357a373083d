import type { SourceLocation } from '../gatewayApi';
import type { ObjectNode, SourceNode } from '../sourceNode';

/** Objects with more properties than this are looked up through an index (components, paths of big APIs). */
const INDEXED_FROM = 32;
/** Each big property list's index, made on first lookup; a list that changed length is indexed again. */
const indexes = new WeakMap<ObjectNode['properties'], { length: number; values: Map<string, SourceNode> }>();

/** The value of `key` in an object node; with duplicate keys the last one wins, as in API Gateway. */
export function getProperty(node: SourceNode | undefined, key: string): SourceNode | undefined {
  if (node?.kind !== 'object') return undefined;
  const properties = node.properties;
  if (properties.length > INDEXED_FROM) return indexOf(properties).get(key);
  for (let i = properties.length - 1; i >= 0; i--) {
    const property = properties[i];
    if (property?.key === key) return property.value;
  }
  return undefined;
}

/**
 * The keys of a big object, to its values (the last of duplicates). A $ref to `#/components/schemas/X` of an API
 * with 900 schemas compared keys one by one: resolving every ref of GitHub's definition spent 4 % of validation
 * scanning property lists.
 */
function indexOf(properties: ObjectNode['properties']): Map<string, SourceNode> {
  let index = indexes.get(properties);
  if (index === undefined || index.length !== properties.length) {
    const values = new Map<string, SourceNode>();
    for (const property of properties) values.set(property.key, property.value);
    index = { length: properties.length, values };
    indexes.set(properties, index);
  }
  return index.values;
}

export function hasProperty(node: SourceNode | undefined, key: string): boolean {
  return getProperty(node, key) !== undefined;
}

/**
 * The plain JavaScript value of a node: objects, arrays and scalars; intrinsics in their long form
 * (`{ 'Fn::Sub': '...' }`). A `__proto__` key becomes an ordinary own property (never the prototype).
 */
export function toValue(node: SourceNode | undefined): unknown {
  if (!node) return undefined;
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'array') return node.items.map(toValue);
  // eslint-disable-next-line no-restricted-syntax -- JSON-like data (for ajv, YAML and tests): look keys up with ownValue
  const result: Record<string, unknown> = {};
  for (const { key, value } of node.properties) {
    if (key === '__proto__') {
      Object.defineProperty(result, key, {
        value: toValue(value),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else {
      result[key] = toValue(value);
    }
  }
  return result;
}

/** The string of a string scalar. Numbers and booleans are not coerced: `version: 1.0` is not a string. */
export function asString(node: SourceNode | undefined): string | undefined {
  return node?.kind === 'scalar' && typeof node.value === 'string' ? node.value : undefined;
}

/** The number of a numeric scalar (strings are not converted). */
export function asNumber(node: SourceNode | undefined): number | undefined {
  return node?.kind === 'scalar' && typeof node.value === 'number' ? node.value : undefined;
}

/** A boolean scalar, or the strings 'true' / 'false' (which CloudFormation templates often use). */
export function asBoolean(node: SourceNode | undefined): boolean | undefined {
  if (node?.kind !== 'scalar') return undefined;
  if (typeof node.value === 'boolean') return node.value;
  if (node.value === 'true') return true;
  if (node.value === 'false') return false;
  return undefined;
}

/** The strings of an array of string scalars (other items are skipped), or `[s]` for a single string. */
export function asStringArray(node: SourceNode | undefined): string[] {
  if (!node) return [];
  if (node.kind === 'scalar') return typeof node.value === 'string' ? [node.value] : [];
  if (node.kind !== 'array') return [];
  const result: string[] = [];
  for (const item of node.items) {
    if (item.kind === 'scalar' && typeof item.value === 'string') result.push(item.value);
  }
  return result;
}

/** An object with exactly one key that is `Ref`, `Condition` or `Fn::...`: a CloudFormation intrinsic. */
export function isIntrinsic(node: SourceNode | undefined): boolean {
  if (node?.kind !== 'object' || node.properties.length !== 1) return false;
  const key = node.properties[0]?.key ?? '';
  return key === 'Ref' || key === 'Condition' || key.startsWith('Fn::');
}

export function locOf(node: SourceNode): SourceLocation {
  return { file: node.file, range: node.range, pointer: node.pointer };
}

/**
 * Where a property is written, from the start of its key to the end of its value (the last one when the
 * key is duplicated); undefined when `parent` has no such key.
 */
export function keyLocOf(parent: ObjectNode, key: string): SourceLocation | undefined {
  for (let i = parent.properties.length - 1; i >= 0; i--) {
    const property = parent.properties[i];
    if (property?.key !== key) continue;
    const value = property.value;
    const valueEnd = value.range.end;
    const keyStart = property.keyRange.start;
    const end = comesBefore(valueEnd, property.keyRange.end) ? property.keyRange.end : valueEnd;
    return { file: parent.file, range: { start: keyStart, end }, pointer: value.pointer };
  }
  return undefined;
}

function comesBefore(a: { line: number; character: number }, b: { line: number; character: number }): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}
