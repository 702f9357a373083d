// The plain value of a whole document, fast where it can be.
import type { SourceDocument, SourceNode } from '../sourceNode';
import { toValue } from './nodes';
import { unescapeSegment } from './pointer';

/**
 * toValue(node), computed by the engine's JSON.parse when `node` is the root of a JSON document without problems:
 * the same value (no syntax errors, no duplicate keys, numbers and escapes as JSON reads them, `__proto__` an own
 * property), several times faster than walking the tree on a big definition (profile of GitHub's 12 MB JSON:
 * toValue of the root 0.8 s of the openApiSchema rule, plus the garbage collection it caused).
 *
 * Unlike toValue, it does not mark the scalars as read (readTracking.ts): only for readers that are not 'tracked'.
 */
export function documentValue(document: SourceDocument, node: SourceNode): unknown {
  if (node !== document.root || document.format !== 'json' || document.problems.length > 0) return toValue(node);
  return parsedValue(document) ?? toValue(node);
}

/**
 * JSON.parse of each document, once: the openApiSchema rule and the models rule read the same value (neither
 * changes it; openApiSchema patches the value it keeps only after the next version's edit, when this document
 * is gone). `undefined` when JSON.parse refuses what jsonc-parser read.
 */
const parsed = new WeakMap<SourceDocument, { value: unknown }>();

function parsedValue(document: SourceDocument): unknown {
  let found = parsed.get(document);
  if (found === undefined) {
    const text = document.text.charCodeAt(0) === 0xfeff ? document.text.slice(1) : document.text;
    try {
      found = { value: JSON.parse(text) };
    } catch {
      found = { value: undefined }; // what jsonc-parser reads and JSON.parse refuses: the tree is right
    }
    parsed.set(document, found);
  }
  return found.value;
}

/**
 * toValue(node) for a node of the document's own tree, taken from documentValue of its root when that comes
 * from JSON.parse (a JSON document without problems); toValue(node) otherwise. Does not mark reads either.
 */
export function documentValueAt(document: SourceDocument, node: SourceNode): unknown {
  const root = document.root;
  if (root === undefined || node.file !== document.file || document.format !== 'json' || document.problems.length > 0)
    return toValue(node);
  let value = parsedValue(document);
  if (value === undefined) return toValue(node);
  for (const segment of node.pointer.split('/').slice(1)) {
    const key = unescapeSegment(segment);
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return toValue(node);
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}
