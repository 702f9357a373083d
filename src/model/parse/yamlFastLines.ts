// The line scanning under the fast YAML path (yamlFastPath.ts): where lines and values end, which comment lines
// belong to which value or collection (as yaml's Parser assigns them: that decides where collections' ranges
// end), implicit keys and quotes.
import { scalarNode } from './scalarNode';
import type { Diagnostic } from '../../shared/diagnostic';
import type { ScalarNode } from '../sourceNode';
import { type LineTable, trimEnd } from './positions';
import { DECLINE } from './yamlFastScalars';
import { Positions } from './yamlFastTree';

const TAB = 9;
const NEWLINE = 10;
const CR = 13;
const SPACE = 32;
const HASH = 35;

export class YamlLines {
  /** Where reading is: a line start between values, or a character inside a line. */
  pos = 0;
  /** The start of the line being read and its indent (-1 at the end of the text). */
  lineStart = 0;
  lineIndent = 0;
  /** What the last skipTrivia saw: where comments it attached to the last value end, and any comment. */
  protected attachedEnd = -1;
  protected sawComment = false;
  /** Comment lines after the last value that no value took: their largest indent (-1: none) and end. */
  protected pendingIndent = -1;
  protected pendingEnd = 0;
  /** The "end" (yaml's range[2]) of the value read last, which ends the range of its collection. */
  lastEnd = 0;
  /** Set once past the document start: a later '---' or '...' line declines (several documents). */
  protected inDocument = false;
  readonly problems: Diagnostic[] = [];
  readonly n: number;
  readonly positions: Positions;

  constructor(
    readonly file: string,
    readonly text: string,
    readonly lines: LineTable,
  ) {
    this.n = text.length;
    this.positions = new Positions(text, lines);
  }

  code(p: number): number {
    return this.text.charCodeAt(p);
  }

  /** True at a space, a line break or the end of the text. */
  isBlankAt(p: number): boolean {
    const c = this.code(p);
    return p >= this.n || c === SPACE || c === NEWLINE || c === CR;
  }

  /** True at a line break ('\n', or '\r' which is always followed by '\n' here) or the end of the text. */
  isBreak(p: number): boolean {
    const c = this.code(p);
    return p >= this.n || c === NEWLINE || c === CR;
  }

  /** The start of the line after the line break at `p` (from lineEnd). */
  nextLine(p: number): number {
    return p >= this.n ? this.n : p + (this.code(p) === CR ? 2 : 1);
  }

  skipSpaces(p: number): number {
    while (this.code(p) === SPACE) p++;
    return p;
  }

  /** The offset of the line break ('\n' or '\r\n') ending the line that holds `p` (or the text's length). */
  lineEnd(p: number): number {
    const end = this.text.indexOf('\n', p);
    if (end < 0) return this.n;
    return end > p && this.code(end - 1) === CR ? end - 1 : end;
  }

  /**
   * From `pos` (a line start), skips empty and comment lines up to the next content line, which becomes the
   * current line (lineIndent -1 at the end of the text). Comment lines more indented than `attachAbove` that
   * come before any other comment line belong to the last value (yaml puts them at its end); the others are
   * the pending trailing comments. `attachAbove` -2: no value takes comments.
   */
  skipTrivia(attachAbove: number): void {
    const text = this.text;
    const n = this.n;
    let p = this.pos;
    let attaching = attachAbove >= -1;
    this.attachedEnd = -1;
    this.sawComment = false;
    this.pendingIndent = -1;
    while (p < n) {
      let q = p;
      while (text.charCodeAt(q) === SPACE) q++;
      const c = text.charCodeAt(q);
      if (c === NEWLINE || c === CR) {
        p = this.nextLine(q);
        continue;
      }
      if (q >= n) {
        p = n;
        break;
      }
      if (c !== HASH) {
        this.pos = q;
        this.lineStart = p;
        this.lineIndent = q - p;
        if (
          this.inDocument &&
          q === p &&
          (text.startsWith('---', q) || text.startsWith('...', q)) &&
          this.isBlankAt(q + 3)
        )
          throw DECLINE;
        return;
      }
      const eol = this.lineEnd(q);
      const commentEnd = trimEnd(text, q, eol);
      const indent = q - p;
      this.sawComment = true;
      if (attaching && indent > attachAbove) this.attachedEnd = commentEnd;
      else {
        attaching = false;
        if (indent > this.pendingIndent) this.pendingIndent = indent;
        this.pendingEnd = commentEnd;
      }
      p = this.nextLine(eol);
    }
    this.pos = n;
    this.lineStart = n;
    this.lineIndent = -1;
  }

  /**
   * After a value that ended at `valueEnd` (on its last line): the rest of that line may only be spaces and a
   * comment. Moves to the next content line and sets lastEnd. `attachAbove`: see skipTrivia.
   */
  afterValue(valueEnd: number, attachAbove: number): void {
    let p = this.skipSpaces(valueEnd);
    let end = valueEnd;
    if (this.code(p) === HASH) {
      if (p === valueEnd) throw DECLINE;
      const eol = this.lineEnd(p);
      end = trimEnd(this.text, p, eol);
      p = eol;
    }
    if (!this.isBreak(p)) throw DECLINE;
    this.pos = this.nextLine(p);
    this.skipTrivia(attachAbove);
    this.lastEnd = this.attachedEnd >= 0 ? this.attachedEnd : end;
  }

  /** A collection ends: pending trailing comments stay in it when one is at least as indented (indent > 0). */
  protected closeCollection(indent: number, end: number): void {
    this.lastEnd = end;
    if (this.pendingIndent >= 0 && indent !== 0 && this.pendingIndent >= indent) {
      this.lastEnd = this.pendingEnd;
      this.pendingIndent = -1;
    }
  }

  isSeqItem(p: number): boolean {
    return this.code(p) === 45 /* - */ && this.isBlankAt(p + 1);
  }

  /**
   * When the line from `p` is an implicit key (`key: ...`, `"key": ...`): the offset of its ':'; else -1.
   */
  keyColon(p: number): number {
    const text = this.text;
    const c = text.charCodeAt(p);
    if (c === 34 /* " */ || c === 39 /* ' */) {
      const close = this.closingQuote(p);
      if (close < 0) return -1;
      const colon = this.skipSpaces(close + 1);
      if (text.charCodeAt(colon) !== 58 || !this.isBlankAt(colon + 1)) return -1;
      return text.lastIndexOf('\n', close) >= p ? -1 : colon;
    }
    for (let i = p; i < this.n; i++) {
      const ch = text.charCodeAt(i);
      if (ch === NEWLINE || ch === CR) return -1;
      if (ch === TAB) throw DECLINE;
      if (ch === 58 /* : */ && this.isBlankAt(i + 1)) return i;
      if (ch === SPACE && text.charCodeAt(i + 1) === HASH) return -1;
    }
    return -1;
  }

  /** The offset of the quote closing the quoted scalar opened at `p` (as yaml's lexer finds it), or -1. */
  closingQuote(p: number): number {
    const text = this.text;
    const quote = text[p] as string;
    let end = text.indexOf(quote, p + 1);
    if (quote === "'") {
      while (end !== -1 && text.charCodeAt(end + 1) === 39) end = text.indexOf("'", end + 2);
      return end;
    }
    while (end !== -1) {
      let backslashes = 0;
      while (text.charCodeAt(end - 1 - backslashes) === 92) backslashes++;
      if (backslashes % 2 === 0) break;
      end = text.indexOf('"', end + 1);
    }
    return end;
  }

  scalar(pointer: string, start: number, end: number, value: ScalarNode['value']): ScalarNode {
    return scalarNode(this.file, pointer, this.positions.rangeOf(start, end), start, end - start, value);
  }
}
