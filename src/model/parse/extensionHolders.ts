// The objects of a tree that have an `x-amazon-apigateway-*` key, when the parser found them while it built the
// tree (the strict JSON parser does): the extension rules then visit those objects instead of every node. Valid
// as long as the tree: an edit of a tree in place only changes a scalar value, never a key.
import type { ObjectNode, SourceNode } from '../sourceNode';

/** The prefix of API Gateway's OpenAPI extensions. */
export const EXTENSION_PREFIX = 'x-amazon-apigateway-';

const holders = new WeakMap<SourceNode, readonly ObjectNode[]>();

/** Records the objects of a tree that hold an extension key (in any order, repeats allowed). */
export function knowExtensionHolders(root: SourceNode, found: readonly ObjectNode[]): void {
  holders.set(root, [...new Set(found)]);
}

/** The objects of the tree under `root` that hold an extension key; undefined when the parser did not record them. */
export function extensionHoldersOf(root: SourceNode): readonly ObjectNode[] | undefined {
  return holders.get(root);
}
