// Properties whose key is written on one line (every JSON key), with the key's range made when asked for.
import { makeRange, type Range } from '../../shared/range';
import type { PropertyNode, SourceNode } from '../sourceNode';

/**
 * A property of a JSON object: its key range comes from the key's line, first character and length, so parsing a
 * big definition does not allocate a range and two positions per key (see TokenScalar in scalarNode.ts). An edit
 * on the key's line moves `keyCharacter` (incremental.ts).
 */
class TokenProperty implements PropertyNode {
  constructor(
    public key: string,
    public keyLine: number,
    public keyCharacter: number,
    public keyLength: number,
    public value: SourceNode,
  ) {}

  get keyRange(): Range {
    return makeRange(this.keyLine, this.keyCharacter, this.keyLine, this.keyCharacter + this.keyLength);
  }

  /** What tests and logs see: the fields of a plain property. */
  toJSON(): object {
    const { key, keyRange, value } = this;
    return { key, keyRange, value };
  }
}

/** A property whose key (`length` characters with its quotes) starts at `line`, `character`. */
export function tokenProperty(
  key: string,
  line: number,
  character: number,
  length: number,
  value: SourceNode,
): PropertyNode {
  return new TokenProperty(key, line, character, length, value);
}

/**
 * For incremental.ts: moves a one-line key that starts on `line` at or after `fromCharacter` by `delta`
 * characters and says true; says false for any other property, whose key range the caller moves.
 */
export function moveTokenProperty(property: PropertyNode, line: number, fromCharacter: number, delta: number): boolean {
  if (!(property instanceof TokenProperty)) return false;
  if (property.keyLine === line && property.keyCharacter >= fromCharacter) property.keyCharacter += delta;
  return true;
}
