// The JSON pointers of JSON trees' nodes, made when asked for.
import { childPointer } from './pointer';

/** What a JSON node's pointer is made from: its parent's (the root has none). */
export interface PointerParent {
  readonly pointer: string;
}

/**
 * The pointer of the node at `key` in `parent`, or '' without a parent (the root, and values a syntax error
 * left without a place). The nodes of JSON trees keep their parent and key and make their pointer from them the
 * first time it is read: a profile of validating GitHub's 13 MB definition had the parser building every node's
 * pointer as it went (two concatenations a node, ~500,000 nodes, all kept and copied by every scavenge) at about a
 * tenth of the whole validation, and most pointers are never read.
 */
export function tokenPointer(parent: PointerParent | undefined, key: string | number): string {
  return parent === undefined ? '' : childPointer(parent.pointer, key);
}
