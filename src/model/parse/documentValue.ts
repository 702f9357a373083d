// The plain value of a whole document, fast where it can be.
import type { SourceDocument, SourceNode } from '../sourceNode';
import { toValue } from './nodes';

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
  const text = document.text.charCodeAt(0) === 0xfeff ? document.text.slice(1) : document.text;
  try {
    return JSON.parse(text);
  } catch {
    return toValue(node); // what jsonc-parser reads and JSON.parse refuses: the tree is right
  }
}
