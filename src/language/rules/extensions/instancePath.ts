import type { Range } from '../../../shared/range';
import type { ObjectNode, PropertyNode, SourceNode } from '../../../model/sourceNode';
import { isComputed } from './values';

/** What an ajv instancePath names inside an extension's value. */
export interface Located {
  node: SourceNode | undefined;
  /** The key of the last segment (or the extension's own key for the value itself). */
  keyRange: Range;
  /** Property names from the extension value down, for messages ('responses.default.statusCode'). */
  segments: string[];
  /** Something on the way is computed at deploy time (intrinsic, `${...}`) or a `$ref`: do not judge it. */
  opaque: boolean;
}

/**
 * The properties of large object nodes by key, built on first use: locating many errors in a map of many keys
 * (a `responses` map of 20,000 invalid entries) then costs one pass over the map, not one per error. Use one
 * index for one validation of a value (nodes do not change during it).
 */
export class PropertyIndex {
  private readonly byNode = new WeakMap<ObjectNode, Map<string, { first: PropertyNode; last: PropertyNode }>>();

  /** The first (`'first'`) or last (`'last'`: the one that counts) property with `key`. */
  find(node: ObjectNode, key: string, which: 'first' | 'last'): PropertyNode | undefined {
    const properties = node.properties;
    if (properties.length <= 16) {
      if (which === 'first') return properties.find((p) => p.key === key);
      for (let i = properties.length - 1; i >= 0; i--) if (properties[i]!.key === key) return properties[i];
      return undefined;
    }
    let keys = this.byNode.get(node);
    if (keys === undefined) {
      keys = new Map();
      for (const property of properties) {
        const seen = keys.get(property.key);
        if (seen === undefined) keys.set(property.key, { first: property, last: property });
        else seen.last = property;
      }
      this.byNode.set(node, keys);
    }
    return keys.get(key)?.[which];
  }
}

/** Follows an ajv instancePath ('/responses/default/statusCode') from the extension's value node. */
export function locate(
  value: SourceNode,
  extensionKey: Range,
  instancePath: string,
  index: PropertyIndex = new PropertyIndex(),
): Located {
  const segments = instancePath === '' ? [] : instancePath.slice(1).split('/').map(unescape);
  let node: SourceNode | undefined = value;
  let range = extensionKey;
  let opaque = isOpaque(node, index);
  for (const segment of segments) {
    if (node?.kind === 'array') {
      node = node.items[Number(segment)];
      if (node !== undefined) range = node.range;
    } else if (node?.kind === 'object') {
      const property = index.find(node, segment, 'last');
      range = property?.keyRange ?? range;
      node = property?.value;
    } else {
      node = undefined;
    }
    opaque ||= isOpaque(node, index);
  }
  return { node, keyRange: range, segments, opaque };
}

function isOpaque(node: SourceNode | undefined, index: PropertyIndex): boolean {
  return isComputed(node) || (node?.kind === 'object' && index.find(node, '$ref', 'last') !== undefined);
}

function unescape(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}
