import path from 'node:path';
import type { ObjectNode, ScalarNode, SourceNode } from '../sourceNode';
import { memoByString } from '../../shared/memo';
import { getProperty } from './nodes';

/** An object node with a string `$ref`, and that string's node. */
export interface RefSite {
  holder: ObjectNode;
  ref: ScalarNode & { value: string };
}

/** The `$ref` of a node, when it is an object with a string `$ref` property. */
export function refOf(node: SourceNode | undefined): RefSite | undefined {
  if (node?.kind !== 'object') return undefined;
  const ref = getProperty(node, '$ref');
  if (ref?.kind !== 'scalar' || typeof ref.value !== 'string') return undefined;
  return { holder: node, ref: ref as ScalarNode & { value: string } };
}

/**
 * The objects that may hold a `$ref` (each has a string `$ref` property), when the parser found them while it built
 * the tree: the JSON parser does, so collectRefs need not walk the tree. Valid as long as the tree: an edit of a
 * JSON tree in place only changes a string to another string.
 */
const refHolders = new WeakMap<SourceNode, readonly ObjectNode[]>();

/** Records the objects of a tree that the parser saw a string `$ref` in (in any order, repeats allowed). */
export function knowRefHolders(root: SourceNode, holders: readonly ObjectNode[]): void {
  refHolders.set(
    root,
    [...new Set(holders)].sort((a, b) => a.offset - b.offset),
  );
}

/** Every `$ref` in a tree, in document order (iterative: deep documents do not exhaust the stack). */
export function collectRefs(root: SourceNode | undefined): RefSite[] {
  const known = root === undefined ? undefined : refHolders.get(root);
  if (known !== undefined) {
    // Objects in document order (a tree's offsets grow in preorder); refOf keeps those whose last `$ref` is a string.
    const found: RefSite[] = [];
    for (const holder of known) {
      const site = refOf(holder);
      if (site) found.push(site);
    }
    return found;
  }
  const sites: RefSite[] = [];
  const stack: SourceNode[] = root ? [root] : [];
  while (stack.length > 0) {
    const node = stack.pop() as SourceNode;
    if (node.kind === 'array') {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i] as SourceNode);
    } else if (node.kind === 'object') {
      const site = refOf(node);
      if (site) sites.push(site);
      for (let i = node.properties.length - 1; i >= 0; i--)
        stack.push((node.properties[i] as { value: SourceNode }).value);
    }
  }
  return sites;
}

export interface ParsedRef {
  /** The file part as written ('' for a local ref). */
  filePart: string;
  /** The fragment after '#' ('' when there is none). */
  fragment: string;
  /** Set for http(s) and other URLs, which are never fetched. */
  remote: boolean;
}

/** The parts of a `$ref` value (the same object for the same value: do not change it). */
export const parseRef: (ref: string) => ParsedRef = memoByString((ref) => {
  const hash = ref.indexOf('#');
  const filePart = hash < 0 ? ref : ref.slice(0, hash);
  const fragment = hash < 0 ? '' : ref.slice(hash + 1);
  return { filePart, fragment, remote: /^[a-z][a-z0-9+.-]+:/i.test(filePart) };
});

/** The absolute path a ref's file part names, relative to the file the ref is written in. */
export function refTargetFile(fromFile: string, filePart: string): string {
  return filePart === '' ? resolvedFile(fromFile) : targetFile(`${fromFile}\0${filePart}`);
}

/** path.resolve of a file, remembered (a local ref's file is the file it is written in). */
const resolvedFile = memoByString((file) => path.resolve(file));

/** refTargetFile of `fromFile\0filePart` (no path holds a NUL): path.resolve of every `$ref` was 4 % of building GitHub's model. */
const targetFile = memoByString((key) => {
  const at = key.indexOf('\0');
  return resolveTargetFile(key.slice(0, at), key.slice(at + 1));
});

function resolveTargetFile(fromFile: string, filePart: string): string {
  if (filePart === '') return path.resolve(fromFile);
  let decoded = filePart;
  try {
    decoded = decodeURIComponent(filePart);
  } catch {
    // keep it as written
  }
  return path.resolve(path.dirname(fromFile), decoded);
}
