// A fast path for YAML: one pass over the text for the block-style subset that API definitions use, building
// the SourceNode tree directly, identical to what yamlSource.ts builds through `yaml` for the same text. It
// declines (returns undefined) at the first thing it does not handle or that `yaml` would report as a problem
// (anchors, aliases, explicit keys, tags other than CloudFormation's, directives, several documents, a lone
// '\r', tabs outside quoted and block scalars, multi-line flow collections, an empty value with a comment...),
// and the full parser then reads the text, so every syntax problem and its message stay as they are.
//
// How `yaml` places values: a collection's range ends where its last value's "end" does (after that value's
// trailing comment, and after comment lines more indented than the collection that follow it), and comment
// lines left after a collection's last value stay in that collection (extending it) when one of them is at
// least as indented as the collection, unless its indent is 0. See yaml's Parser (blockMap, pop) and
// resolveBlockMap / resolveBlockSeq; yamlFastLines.ts does this bookkeeping.
import { scalarNode } from './scalarNode';
import type { ArrayNode, ObjectNode, PropertyNode, ScalarNode, SourceNode } from '../sourceNode';
import { CFN_TAGS, intrinsicValuePointer, splitGetAtt, wrapIntrinsic } from './cfnTags';
import { childPointer } from './pointer';
import { type LineTable, trimEnd } from './positions';
import { readBlockScalar } from './yamlFastBlockScalar';
import { parseFlow } from './yamlFastFlow';
import { YamlLines } from './yamlFastLines';
import { KeyCheck } from './yamlFastTree';
import {
  DECLINE,
  doubleQuotedValue,
  intrinsicTagStart,
  plainScalarValue,
  singleQuotedValue,
  unfoldLines,
} from './yamlFastScalars';
import type { ParsedTree } from './parsedTree';

/**
 * Characters the fast path never reads: control characters, '\r' not followed by '\n', BOM, NEL, line and
 * paragraph separators. Tabs are read only inside quoted and block scalars (and comments).
 */
// eslint-disable-next-line no-control-regex
const UNSUPPORTED = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|\r(?!\n)/;

/** Collections nested deeper than this are left to the full parser (which refuses very deep ones). */
const MAX_FAST_DEPTH = 100;

/** Longer implicit keys are an error in `yaml` (1024 characters); the fast path stays well below. */
const MAX_KEY_LENGTH = 1000;

/** The tree of a YAML text the fast path reads, or undefined when the full parser must read it. */
export function parseYamlFast(file: string, text: string, lines: LineTable): ParsedTree | undefined {
  if (text.length === 0 || UNSUPPORTED.test(text)) return undefined;
  try {
    return new FastYaml(file, text, lines).document();
  } catch (error) {
    if (error === DECLINE) return undefined;
    throw error;
  }
}

const TAB = 9;
const NEWLINE = 10;
const CR = 13;
const SPACE = 32;
const HASH = 35;

/** Characters a plain scalar or key may not start with (the indicators; '-', '?', ':' are checked apart). */
const NOT_PLAIN_START = new Set([...',[]{}#&*!|>\'"%@`\t'].map((c) => c.charCodeAt(0)));

export class FastYaml extends YamlLines {
  private depth = 0;

  document(): ParsedTree {
    this.skipTrivia(-2);
    if (this.lineIndent === 0 && this.text.startsWith('---', this.pos) && this.isBlankAt(this.pos + 3)) {
      let p = this.skipSpaces(this.pos + 3);
      if (this.code(p) === HASH && p > this.pos + 3) p = this.lineEnd(p);
      if (!this.isBreak(p)) throw DECLINE;
      this.pos = this.nextLine(p);
      this.skipTrivia(-2);
    }
    this.inDocument = true;
    if (this.lineIndent !== 0) throw DECLINE;
    let root: SourceNode;
    if (this.isSeqItem(this.pos)) root = this.blockSeq(0, '');
    else if (this.keyColon(this.pos) >= 0) root = this.blockMap(0, '');
    else throw DECLINE;
    if (this.lineIndent >= 0) throw DECLINE;
    return { root, problems: this.problems };
  }

  /** A block mapping whose first key starts at `pos`, at column `indent`. */
  blockMap(indent: number, pointer: string): ObjectNode {
    if (++this.depth > MAX_FAST_DEPTH) throw DECLINE;
    const start = this.pos;
    const properties: PropertyNode[] = [];
    const keys = new KeyCheck(this.problems, properties);
    for (;;) {
      const keyStart = this.pos;
      const colon = this.keyColon(keyStart);
      if (colon < 0 || colon - keyStart > MAX_KEY_LENGTH) throw DECLINE;
      const keyEnd = this.keyEnd(keyStart, colon);
      const key = this.keyText(keyStart, keyEnd);
      const value = this.mapValue(indent, childPointer(pointer, key), colon + 1);
      const property = { key, keyRange: this.positions.rangeOf(keyStart, keyEnd), value };
      properties.push(property);
      keys.added(property);
      if (this.lineIndent !== indent) break;
      if (this.isSeqItem(this.pos)) throw DECLINE;
    }
    if (this.lineIndent > indent) throw DECLINE;
    const end = trimEnd(this.text, start, this.lastEnd);
    this.closeCollection(indent, this.lastEnd);
    this.depth--;
    const range = this.positions.rangeOf(start, end);
    return { kind: 'object', file: this.file, pointer, range, offset: start, length: end - start, properties };
  }

  /** A block sequence whose first '-' is at `pos`, at column `indent`. */
  blockSeq(indent: number, pointer: string): ArrayNode {
    if (++this.depth > MAX_FAST_DEPTH) throw DECLINE;
    const start = this.pos;
    const items: SourceNode[] = [];
    for (;;) {
      const dash = this.pos;
      const itemPointer = childPointer(pointer, items.length);
      const p = this.skipSpaces(dash + 1);
      const c = this.code(p);
      if (this.isBreak(p) || (c === HASH && p > dash + 1)) {
        this.pos = this.nextLine(c === HASH ? this.lineEnd(p) : p);
        this.skipTrivia(-2);
        if (this.lineIndent > indent) items.push(this.blockNodeOnLine(indent, itemPointer));
        else items.push(this.emptyValue(itemPointer, p, c === HASH));
      } else items.push(this.inlineValue(indent, itemPointer, p, true));
      if (this.lineIndent !== indent || !this.isSeqItem(this.pos)) break;
    }
    if (this.lineIndent > indent) throw DECLINE;
    const end = trimEnd(this.text, start, this.lastEnd);
    this.closeCollection(indent, this.lastEnd);
    this.depth--;
    const range = this.positions.rangeOf(start, end);
    return { kind: 'array', file: this.file, pointer, range, offset: start, length: end - start, items };
  }

  /** The end of the key from `start` whose ':' is at `colon` (spaces may come between). */
  private keyEnd(start: number, colon: number): number {
    const c = this.code(start);
    return c === 34 || c === 39 ? this.closingQuote(start) + 1 : trimEnd(this.text, start, colon);
  }

  private keyText(start: number, end: number): string {
    const c = this.code(start);
    if (c === 34) {
      const value = doubleQuotedValue(this.text.slice(start, end));
      if (value === undefined) throw DECLINE;
      return value;
    }
    if (c === 39) return singleQuotedValue(this.text.slice(start, end));
    if (NOT_PLAIN_START.has(c) || c === 45 || c === 63 || c === 58) throw DECLINE;
    const key = this.text.slice(start, end);
    if (key.startsWith('<<')) throw DECLINE;
    return key;
  }

  /** The value after a key's ':' (at `afterColon`), in a mapping at column `indent`. */
  private mapValue(indent: number, pointer: string, afterColon: number): SourceNode {
    const p = this.skipSpaces(afterColon);
    const c = this.code(p);
    if (!this.isBreak(p) && !(c === HASH && p > afterColon)) return this.inlineValue(indent, pointer, p, false);
    this.pos = this.nextLine(c === HASH ? this.lineEnd(p) : p);
    this.skipTrivia(-2);
    if (this.lineIndent > indent) return this.blockNodeOnLine(indent, pointer);
    if (this.lineIndent === indent && this.isSeqItem(this.pos)) return this.blockSeq(indent, pointer);
    return this.emptyValue(pointer, p, c === HASH);
  }

  /** A value left empty (null), placed where yaml places it: after the indicator and the spaces after it. */
  private emptyValue(pointer: string, at: number, commented: boolean): ScalarNode {
    if (commented || this.sawComment) throw DECLINE;
    this.lastEnd = at;
    return scalarNode(this.file, pointer, this.positions.rangeOf(at, at), at, 0, null);
  }

  /** A value that starts on its own line (at `pos`, more indented than its collection at `parentIndent`). */
  private blockNodeOnLine(parentIndent: number, pointer: string): SourceNode {
    const p = this.pos;
    if (this.isSeqItem(p)) return this.blockSeq(this.lineIndent, pointer);
    if (this.keyColon(p) >= 0) return this.blockMap(this.lineIndent, pointer);
    const c = this.code(p);
    if (c === 34 || c === 39) return this.quoted(parentIndent, pointer, p);
    if (c === 33) return this.tagged(parentIndent, pointer, p, false);
    return this.plain(parentIndent, pointer, p, true);
  }

  /** A value that starts on the line of its key or '-' (at `p`), in a collection at column `parentIndent`. */
  private inlineValue(parentIndent: number, pointer: string, p: number, inSeq: boolean): SourceNode {
    const c = this.code(p);
    const column = p - this.lineStart;
    switch (c) {
      case 34: // "
      case 39: // '
        if (inSeq && this.keyColon(p) >= 0) return this.compactMap(column, pointer, p);
        return this.quoted(parentIndent, pointer, p);
      case 124: // |
      case 62: // >
        return readBlockScalar(this, parentIndent, pointer, p);
      case 91: // [
      case 123: // {
        return this.flow(parentIndent, pointer, p);
      case 33: // !
        return this.tagged(parentIndent, pointer, p, true);
      case 45: // -
        if (this.isBlankAt(p + 1)) {
          if (!inSeq) throw DECLINE;
          this.pos = p;
          return this.blockSeq(column, pointer);
        }
        break;
    }
    if (inSeq && this.keyColon(p) >= 0) return this.compactMap(column, pointer, p);
    return this.plain(parentIndent, pointer, p, true);
  }

  private compactMap(column: number, pointer: string, p: number): ObjectNode {
    this.pos = p;
    return this.blockMap(column, pointer);
  }

  private flow(parentIndent: number, pointer: string, p: number): SourceNode {
    const { node, end } = parseFlow(this, pointer, p);
    this.afterValue(end, parentIndent);
    return node;
  }

  /**
   * A CloudFormation short-form tag (`!Sub x`) and its value, as the long form `{ 'Fn::Sub': x }`. The value
   * may start on the next lines (a block collection) only when `valueBelow`.
   */
  private tagged(parentIndent: number, pointer: string, p: number, valueBelow: boolean): SourceNode {
    let e = p + 1;
    while (!this.isBlankAt(e)) e++;
    const tag = this.text.slice(p, e);
    if (!CFN_TAGS.has(tag)) throw DECLINE;
    const innerPointer = intrinsicValuePointer(pointer, tag);
    const q = this.skipSpaces(e);
    const c = this.code(q);
    let inner: SourceNode;
    if (this.isBreak(q)) {
      if (!valueBelow) throw DECLINE;
      this.pos = this.nextLine(q);
      this.skipTrivia(-2);
      if (this.lineIndent <= parentIndent) throw DECLINE;
      if (this.isSeqItem(this.pos)) inner = this.blockSeq(this.lineIndent, innerPointer);
      else if (this.keyColon(this.pos) >= 0) inner = this.blockMap(this.lineIndent, innerPointer);
      else throw DECLINE;
    } else if (c === 34 || c === 39) {
      if (this.keyColon(q) >= 0) throw DECLINE;
      inner = this.quoted(parentIndent, innerPointer, q);
    } else if (c === 124 || c === 62) inner = readBlockScalar(this, parentIndent, innerPointer, q);
    else if (c === 91 || c === 123) inner = this.flow(parentIndent, innerPointer, q);
    else if (c === 33 || c === 45 || c === HASH || this.keyColon(q) >= 0) throw DECLINE;
    else inner = this.plain(parentIndent, innerPointer, q, false);
    if (tag === '!GetAtt' && inner.kind === 'scalar') inner = splitGetAtt(inner, this.text, this.lines);
    return wrapIntrinsic(tag, intrinsicTagStart(this.text, tag, inner.offset), inner, pointer, this.lines);
  }

  // ------------------------------------------------------------------------------------------ scalars

  /**
   * A plain scalar from `p` in block context, continued on following lines more indented than `parentIndent`.
   * `typed`: false for a tagged scalar (its value stays the string written).
   */
  private plain(parentIndent: number, pointer: string, p: number, typed: boolean): ScalarNode {
    const c = this.code(p);
    if (NOT_PLAIN_START.has(c) || ((c === 45 || c === 63 || c === 58) && this.isBlankAt(p + 1))) throw DECLINE;
    let end = this.plainLineEnd(p);
    let multiline = false;
    if (this.code(end) !== SPACE || this.code(this.skipSpaces(end)) !== HASH) {
      // Following lines more indented than the collection continue the scalar (up to a comment line).
      let lineStart = this.nextLine(this.lineEnd(end));
      while (lineStart < this.n) {
        const q = this.skipSpaces(lineStart);
        const ch = this.code(q);
        if (ch === NEWLINE || ch === CR) {
          lineStart = this.nextLine(q);
          continue;
        }
        if (q >= this.n || q - lineStart <= parentIndent || ch === HASH) break;
        if (NOT_PLAIN_START.has(ch) || ch === 45 || ch === 63 || ch === 58) throw DECLINE;
        end = this.plainLineEnd(q);
        multiline = true;
        const after = this.skipSpaces(end);
        if (this.code(after) === HASH && after > end) break;
        lineStart = this.nextLine(this.lineEnd(end));
      }
    }
    const source = this.text.slice(p, end);
    const folded = multiline ? unfoldLines(source) : source;
    const value = typed ? plainScalarValue(folded) : folded;
    if (value === undefined) throw DECLINE;
    const node = this.scalar(pointer, p, end, value);
    this.afterValue(end, parentIndent);
    return node;
  }

  /** The end of a plain scalar's text on the line from `p` (before a comment and trailing spaces). */
  private plainLineEnd(p: number): number {
    const text = this.text;
    let end = p;
    for (let i = p; i < this.n; i++) {
      const ch = text.charCodeAt(i);
      if (ch === NEWLINE || ch === CR) break;
      if (ch === SPACE) {
        if (text.charCodeAt(i + 1) === HASH) break;
      } else if (ch === TAB) throw DECLINE;
      else {
        if (ch === 58 && this.isBlankAt(i + 1)) throw DECLINE;
        end = i + 1;
      }
    }
    return end;
  }

  /** A single- or double-quoted scalar from `p`, in block context (a string, with or without a tag). */
  private quoted(parentIndent: number, pointer: string, p: number): ScalarNode {
    const close = this.closingQuote(p);
    if (close < 0) throw DECLINE;
    // Lines inside the quotes must be empty or more indented than the collection.
    for (let nl = this.text.indexOf('\n', p); nl >= 0 && nl < close; nl = this.text.indexOf('\n', nl + 1)) {
      const q = this.skipSpaces(nl + 1);
      if (!this.isBreak(q) && q - nl - 1 <= parentIndent) throw DECLINE;
    }
    const source = this.text.slice(p, close + 1);
    const value = this.code(p) === 34 ? doubleQuotedValue(source) : singleQuotedValue(source);
    if (value === undefined) throw DECLINE;
    const node = this.scalar(pointer, p, close + 1, value);
    this.afterValue(close + 1, parentIndent);
    return node;
  }
}
