// Objects and arrays of JSON trees, with their ranges made when asked for (see TokenScalar in scalarNode.ts).
import { makeRange, type Range } from '../../shared/range';
import { moveTokenScalar } from './scalarNode';
import type { ArrayNode, ObjectNode, PropertyNode, SourceNode } from '../sourceNode';
import { tokenPointer, type PointerParent } from './tokenPointer';

/** Where an object or array starts and ends, as numbers: `range` is made from them when asked for. */
abstract class TokenContainer {
  declare tag?: string;
  length = 0;
  endLine: number;
  endCharacter: number;
  // Private: not fields tests compare, nor what the node is (see tokenPointer.ts).
  readonly #parent: PointerParent | undefined;
  readonly #key: string | number;
  #pointer: string | undefined;

  constructor(
    public file: string,
    parent: PointerParent | undefined,
    key: string | number,
    public offset: number,
    public startLine: number,
    public startCharacter: number,
  ) {
    this.#parent = parent;
    this.#key = key;
    this.endLine = startLine;
    this.endCharacter = startCharacter;
  }

  get pointer(): string {
    return (this.#pointer ??= tokenPointer(this.#parent, this.#key));
  }

  get range(): Range {
    return makeRange(this.startLine, this.startCharacter, this.endLine, this.endCharacter);
  }
}

export class TokenObject extends TokenContainer implements ObjectNode {
  readonly kind = 'object' as const;
  declare properties: PropertyNode[];

  /** What tests and logs see: the fields of a plain object node. */
  toJSON(): object {
    const { kind, file, pointer, range, offset, length, properties } = this;
    return { kind, file, pointer, range, offset, length, properties };
  }
}

export class TokenArray extends TokenContainer implements ArrayNode {
  readonly kind = 'array' as const;
  declare items: SourceNode[];

  /** What tests and logs see: the fields of a plain array node. */
  toJSON(): object {
    const { kind, file, pointer, range, offset, length, items } = this;
    return { kind, file, pointer, range, offset, length, items };
  }
}

/** An object that starts at `offset` (line, character); closeContainer sets where it ends. */
export function tokenObject(
  file: string,
  parent: PointerParent | undefined,
  key: string | number,
  offset: number,
  line: number,
  character: number,
  properties: PropertyNode[],
): TokenObject {
  const node = new TokenObject(file, parent, key, offset, line, character);
  node.properties = properties;
  return node;
}

/** An array that starts at `offset` (line, character); closeContainer sets where it ends. */
export function tokenArray(
  file: string,
  parent: PointerParent | undefined,
  key: string | number,
  offset: number,
  line: number,
  character: number,
  items: SourceNode[],
): TokenArray {
  const node = new TokenArray(file, parent, key, offset, line, character);
  node.items = items;
  return node;
}

/** Ends an object or array made here at `end` (an offset), on `line` at `character`. */
export function closeContainer(node: TokenObject | TokenArray, end: number, line: number, character: number): void {
  node.length = end - node.offset;
  node.endLine = line;
  node.endCharacter = character;
}

/**
 * For incremental.ts: moves a node of a JSON tree (made by tokenScalarNode, tokenObject or tokenArray) where it is
 * on `line` at or after `fromCharacter` by `delta` characters, only its end when `endOnly` (it holds the edit), and
 * says true; says false for any other node, whose range the caller moves.
 */
export function moveTokenNode(
  node: SourceNode,
  line: number,
  fromCharacter: number,
  delta: number,
  endOnly: boolean,
): boolean {
  if (node.kind === 'scalar') return moveTokenScalar(node, line, fromCharacter, delta, endOnly);
  if (!(node instanceof TokenContainer)) return false;
  if (!endOnly && node.startLine === line && node.startCharacter >= fromCharacter) node.startCharacter += delta;
  if (node.endLine === line && node.endCharacter >= fromCharacter) node.endCharacter += delta;
  return true;
}
