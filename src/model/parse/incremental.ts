// Incremental parsing of the common edit: typing inside one string value (a JSON string, a plain or quoted YAML
// scalar) without a line break. The previous tree is reused: the edited scalar gets its new value, the nodes
// around it their shifted offsets and characters. Anything else (keys, tags, aliases, syntax problems, line
// breaks, a value that would change type or structure) returns undefined, and the caller parses in full.
import type { Position } from '../../shared/range';
import type { ScalarNode, SourceDocument, SourceNode } from '../sourceNode';
import { anchoredScalars } from './parsedTree';
import { LineTable, lineTables } from './positions';
import { moveTokenNode } from './tokenContainers';
import { moveTokenProperty } from './tokenProperty';

/** Larger edits (a paste) are parsed in full. */
const MAX_EDIT = 256;

interface Edit {
  start: number;
  oldEnd: number;
  delta: number;
}

/**
 * What changed between two versions parsed by reparseEdit: one scalar's value, and the text after it on its line
 * moved by `delta` characters. Positions from the previous version move with `moveAfterEdit`.
 */
export interface ValueEdit {
  /** The edited scalar (the same node in both versions: its value is the new one). */
  scalar: ScalarNode;
  /** Positions on this line at or after `fromCharacter` moved by `delta`; no other position moved. */
  line: number;
  fromCharacter: number;
  delta: number;
}

/** A position of the previous version, where it is in the new one (a new object; `position` is not changed). */
export function moveAfterEdit(edit: ValueEdit, position: Position): Position {
  return position.line === edit.line && position.character >= edit.fromCharacter
    ? { line: position.line, character: position.character + edit.delta }
    : { line: position.line, character: position.character };
}

/** The new document made by reparseEdit, and the edit that made it. */
export interface Reparsed {
  document: SourceDocument;
  edit: ValueEdit;
}

/**
 * The document for `text`, made from `previous` (which it CONSUMES: its tree is updated in place and must not be
 * used afterwards) when the only change is inside one scalar value; undefined when a full parse is needed.
 * The result equals what parseSource(previous.file, text) gives.
 */
export function reparseEdit(previous: SourceDocument, text: string): SourceDocument | undefined {
  return reparseValueEdit(previous, text)?.document;
}

/** reparseEdit, also saying which scalar changed and how positions moved. */
export function reparseValueEdit(previous: SourceDocument, text: string): Reparsed | undefined {
  const root = previous.root;
  if (!root || previous.problems.length > 0) return undefined;
  const edit = diff(previous.text, text);
  if (!edit) return undefined;
  const path = scalarPath(root, edit);
  const target = path?.[path.length - 1];
  if (!path || target?.kind !== 'scalar') return undefined;
  const source = text.slice(target.offset, target.offset + target.length + edit.delta);
  const value = scalarValueOf(previous, target, source);
  if (value === undefined) return undefined;
  // Copies of the edited value would need the edit too: those of an anchored scalar have the aliases' places.
  if (previous.aliased && (anchoredScalars.has(target) || sharesOffset(root, target))) return undefined;
  const line = previous.positionAt(edit.start).line;
  const lines = lineTables.get(previous)?.afterEdit(text, line, edit.delta) ?? new LineTable(text);
  // Text typed before a scalar's first character leaves the scalar's start where it was: only what follows moves.
  const atStart = edit.oldEnd === edit.start && edit.start === target.offset;
  const fromCharacter = previous.positionAt(edit.oldEnd).character + (atStart ? 1 : 0);
  shift(root, path, edit, line, fromCharacter, previous.aliased === true);
  target.value = value;
  const document: SourceDocument = {
    file: previous.file,
    text,
    format: previous.format,
    problems: [],
    root,
    positionAt: (o) => lines.positionAt(o),
  };
  if (previous.aliased) document.aliased = true;
  lineTables.set(document, lines);
  return { document, edit: { scalar: target, line, fromCharacter, delta: edit.delta } };
}

/**
 * Makes V8 keep `text` as one flat string. A text built by concatenation (an editor applying a change) is a
 * tree of parts until something flattens it, and every slice of such a tree copies; a regular expression
 * match flattens its subject in place.
 */
function flatten(text: string): void {
  FLATTEN.test(text);
}
const FLATTEN = /^/;

/** The one changed span, when it is small and on one line in both texts. */
function diff(before: string, after: string): Edit | undefined {
  flatten(before);
  flatten(after);
  const max = Math.min(before.length, after.length);
  // Binary searches over slices: comparing flat strings is native and far faster than a loop over characters.
  let start = 0;
  let high = max;
  while (high - start > 32) {
    const mid = (start + high) >> 1;
    if (before.slice(start, mid) === after.slice(start, mid)) start = mid;
    else high = mid;
  }
  while (start < high && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let suffix = 0;
  high = max - start;
  while (high - suffix > 32) {
    const mid = (suffix + high) >> 1;
    if (
      before.slice(before.length - mid, before.length - suffix) ===
      after.slice(after.length - mid, after.length - suffix)
    )
      suffix = mid;
    else high = mid;
  }
  while (suffix < high && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix))
    suffix++;
  const oldEnd = before.length - suffix;
  const newEnd = after.length - suffix;
  if (oldEnd - start > MAX_EDIT || newEnd - start > MAX_EDIT) return undefined;
  if (/[\r\n]/.test(before.slice(start, oldEnd)) || /[\r\n]/.test(after.slice(start, newEnd))) return undefined;
  return { start, oldEnd, delta: newEnd - oldEnd };
}

/** The nodes from the root down to the scalar holding the edit, or undefined (the edit touches a key or a tag). */
function scalarPath(root: SourceNode, edit: Edit): SourceNode[] | undefined {
  const path: SourceNode[] = [];
  let node: SourceNode | undefined = root;
  while (node) {
    if (node.tag !== undefined || node.offset > edit.start || edit.oldEnd > node.offset + node.length) return undefined;
    path.push(node);
    if (node.kind === 'scalar') return path;
    const children: SourceNode[] =
      node.kind === 'array' ? node.items : node.properties.map((p: { value: SourceNode }) => p.value);
    node = children.find((c) => c.offset <= edit.start && edit.oldEnd <= c.offset + c.length);
  }
  return undefined;
}

/**
 * A one-line plain scalar that YAML's core schema reads as this very string, in block or flow context: no
 * indicator first, no `: ` / ` #` / flow punctuation inside, no space at either end, nothing that could be a
 * number, boolean or null, and not empty (a value deleted to nothing is null). Anything else (rare while typing) is
 * parsed in full.
 */
const PLAIN = /^(?![-?:,[\]{}#&*!|>'"%@`\s.+\d])(?:[^:#,[\]{}\s]|:(?=[^\s,[\]{}])|(?<=\S)#| (?=\S))+(?<![\s:])$/;
const PLAIN_SPECIAL = /^(?:true|True|TRUE|false|False|FALSE|null|Null|NULL|~)$/;

/** The value of the edited scalar's new source, when it is still a string scalar written the same way. */
function scalarValueOf(previous: SourceDocument, target: ScalarNode, source: string): string | undefined {
  const old = previous.text.slice(target.offset, target.offset + target.length);
  // A plain `true` / `null` typed into a word (`trxue`) becomes that string.
  if (previous.format === 'yaml' && (typeof target.value === 'boolean' || target.value === null)) {
    const plainWord = /^[A-Za-z~]+$/.test(old) && PLAIN_SPECIAL.test(old) && target.tag === undefined;
    return plainWord && PLAIN.test(source) && !PLAIN_SPECIAL.test(source) ? source : undefined;
  }
  if (typeof target.value !== 'string') return undefined;
  if (previous.format === 'json') {
    if (!/^".*"$/s.test(source)) return undefined;
    try {
      const value: unknown = JSON.parse(source);
      // JSON.parse refuses what jsonc-parser reports (control characters, bad escapes): those parse in full.
      return typeof value === 'string' ? value : undefined;
    } catch {
      return undefined;
    }
  }
  if (old === target.value) return PLAIN.test(source) && !PLAIN_SPECIAL.test(source) ? source : undefined;
  if (old.startsWith('"') && old.slice(1, -1) === target.value)
    return /^"[^"\\]*"$/.test(source) ? source.slice(1, -1) : undefined;
  if (old.startsWith("'") && old.slice(1, -1) === target.value)
    return /^'[^']*'$/.test(source) ? source.slice(1, -1) : undefined;
  return undefined;
}

/** Whether another node has the target's place (a YAML alias copy of it): each copy would need the edit. */
function sharesOffset(root: SourceNode, target: ScalarNode): boolean {
  let found = 0;
  walk(root, (node) => {
    if (node.kind === 'scalar' && node.offset === target.offset && node.length === target.length) found++;
  });
  return found > 1;
}

/**
 * Moves every offset and position after the edit; the nodes on `path` (the scalar and its parents) grow. No two
 * nodes share a position object (each is made by its own rangeOf), so each one is moved once. Only positions on
 * the edited line move; a subtree that starts on a later line only has its offsets moved (a loop of its own:
 * this runs over most of the tree after every edit, so it is kept to plain loads and stores). Not in an `aliased`
 * tree: an alias copy has the alias's place but its nodes have the anchored nodes' places, which may be before
 * the edit, so each node is moved by its own place.
 */
function shift(
  root: SourceNode,
  path: SourceNode[],
  edit: Edit,
  line: number,
  fromCharacter: number,
  aliased: boolean,
): void {
  const { delta, oldEnd, start } = edit;
  const move = (p: Position) => {
    if (p.line === line && p.character >= fromCharacter) p.character += delta;
  };
  for (const node of path) node.length += delta;
  const onPath = new Set(path);
  const stack: SourceNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as SourceNode;
    const { range } = node;
    // A subtree that ends before the edit has nothing to move.
    if (
      node.offset + node.length < start &&
      (range.end.line < line || (range.end.line === line && range.end.character < fromCharacter))
    )
      continue;
    if (!aliased && range.start.line > line) {
      shiftOffsets(node, delta);
      continue;
    }
    // The path's nodes hold the edit: only their ends move (a one-line scalar's end follows its length).
    // A JSON tree's nodes move their numbers instead (tokenContainers.ts).
    if (node.offset <= start && onPath.has(node)) {
      if (!moveTokenNode(node, line, fromCharacter, delta, true)) move(range.end);
    } else {
      if (node.offset >= oldEnd) node.offset += delta;
      if (!moveTokenNode(node, line, fromCharacter, delta, false)) {
        move(range.start);
        move(range.end);
      }
    }
    if (node.kind === 'array') {
      for (const item of node.items) stack.push(item);
    } else if (node.kind === 'object') {
      for (const property of node.properties) {
        const jsonKey = moveTokenProperty(property, line, fromCharacter, delta);
        if (!jsonKey && (property.keyRange.start.line === line || property.keyRange.end.line === line)) {
          move(property.keyRange.start);
          move(property.keyRange.end);
        }
        stack.push(property.value);
      }
    }
  }
}

/** Adds `delta` to the offset of every node of a subtree that lies after the edited line. */
function shiftOffsets(top: SourceNode, delta: number): void {
  const stack: SourceNode[] = [top];
  while (stack.length > 0) {
    const node = stack.pop() as SourceNode;
    node.offset += delta;
    if (node.kind === 'array') {
      const { items } = node;
      for (let i = 0; i < items.length; i++) stack.push(items[i] as SourceNode);
    } else if (node.kind === 'object') {
      const { properties } = node;
      for (let i = 0; i < properties.length; i++) stack.push((properties[i] as { value: SourceNode }).value);
    }
  }
}

/** Every node of the tree, without recursion (trees may be deep). */
function walk(root: SourceNode, visit: (node: SourceNode) => void, skip?: (node: SourceNode) => boolean): void {
  const stack: SourceNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as SourceNode;
    if (skip?.(node) === true) continue;
    visit(node);
    if (node.kind === 'array') for (const item of node.items) stack.push(item);
    else if (node.kind === 'object') for (const property of node.properties) stack.push(property.value);
  }
}
