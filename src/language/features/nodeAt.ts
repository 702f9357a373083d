// Position → node: the path of keys and indexes from the root to the innermost node at an offset, and
// whether the offset is on a key or in a value. Works on whatever the parser kept of an incomplete document.
import type { ObjectNode, PropertyNode, SourceDocument, SourceNode } from '../../model/sourceNode';
import type { Position, Range } from '../../shared/range';

export type PathSegment = string | number;

export interface NodeAt {
  /** Keys and indexes from the root to `node` (for a key: to the property's value). */
  path: PathSegment[];
  /** The innermost node whose range holds the offset (undefined outside the root). */
  node: SourceNode | undefined;
  /** When the offset is on a key (or in a value): that property, and the object it belongs to. */
  property?: PropertyNode;
  parent?: ObjectNode;
  onKey: boolean;
}

export function contains(range: Range, position: Position): boolean {
  return !before(position, range.start) && !before(range.end, position);
}

export function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** The node at a position of the document (the end of a range counts as inside it, for typing at its end). */
export function nodeAt(document: SourceDocument, position: Position): NodeAt {
  const root = document.root;
  const found: NodeAt = { path: [], node: undefined, onKey: false };
  if (root === undefined || !contains(root.range, position)) return found;
  let current: SourceNode = root;
  found.node = root;
  for (let depth = 0; depth < 10_000; depth++) {
    const next = childAt(current, position);
    if (next === undefined) return found;
    found.path.push(next.segment);
    if (next.property !== undefined && current.kind === 'object') {
      found.property = next.property;
      found.parent = current;
      if (next.onKey) {
        found.onKey = true;
        found.node = next.property.value;
        return found;
      }
    } else {
      delete found.property;
      delete found.parent;
    }
    current = next.node;
    found.node = current;
  }
  return found;
}

interface Child {
  segment: PathSegment;
  node: SourceNode;
  property?: PropertyNode;
  onKey: boolean;
}

function childAt(node: SourceNode, position: Position): Child | undefined {
  if (node.kind === 'object') {
    // Last first: an empty value ends where the next key starts.
    for (let i = node.properties.length - 1; i >= 0; i--) {
      const property: PropertyNode | undefined = node.properties[i];
      if (property === undefined) continue;
      if (contains(property.keyRange, position)) {
        return { segment: property.key, node: property.value, property, onKey: true };
      }
      if (contains(property.value.range, position) && property.value !== node) {
        return { segment: property.key, node: property.value, property, onKey: false };
      }
    }
    return undefined;
  }
  if (node.kind === 'array') {
    for (let i = node.items.length - 1; i >= 0; i--) {
      const item = node.items[i];
      if (item !== undefined && contains(item.range, position)) return { segment: i, node: item, onKey: false };
    }
  }
  return undefined;
}

/** The node at a path of keys and indexes (the last duplicate key wins), or undefined. */
export function nodeAtPath(root: SourceNode | undefined, path: readonly PathSegment[]): SourceNode | undefined {
  let current = root;
  for (const segment of path) {
    if (current === undefined) return undefined;
    if (current.kind === 'array' && typeof segment === 'number') current = current.items[segment];
    else if (current.kind === 'object') {
      const key = String(segment);
      current = [...current.properties].reverse().find((p) => p.key === key)?.value;
    } else return undefined;
  }
  return current;
}
