// Flow collections (`[a, b]`, `{a: 1}`) for the fast YAML path, on one line only: anything else (a line break
// or a comment inside, a trailing comma, a key without a value, `a:b` pairs, anchors...) declines.
import type { ArrayNode, ObjectNode, PropertyNode, SourceNode } from '../sourceNode';
import { CFN_TAGS, intrinsicValuePointer, splitGetAtt, wrapIntrinsic } from './cfnTags';
import { childPointer } from './pointer';
import type { YamlLines } from './yamlFastLines';
import { KeyCheck } from './yamlFastTree';
import { DECLINE, doubleQuotedValue, intrinsicTagStart, plainScalarValue, singleQuotedValue } from './yamlFastScalars';

const MAX_FLOW_DEPTH = 50;

/** The flow collection opened at `p`, and the offset just after its closing bracket. */
export function parseFlow(parser: YamlLines, pointer: string, p: number): { node: SourceNode; end: number } {
  const reader = new FlowReader(parser);
  const node = reader.collection(pointer, p, 0);
  return { node, end: reader.pos };
}

const SPACE = 32;

/** Characters that end a plain scalar in flow context, or that it may not start with. */
const FLOW_INDICATORS = new Set([...',[]{}'].map((c) => c.charCodeAt(0)));
const NOT_PLAIN_START = new Set([...',[]{}#&*!|>\'"%@`\t'].map((c) => c.charCodeAt(0)));

class FlowReader {
  pos = 0;
  private readonly text: string;

  constructor(private readonly parser: YamlLines) {
    this.text = parser.text;
  }

  private code(p: number): number {
    return this.text.charCodeAt(p);
  }

  private skipSpaces(): void {
    while (this.code(this.pos) === SPACE) this.pos++;
  }

  /** True after a ':' that separates a key from its value: at a space, a flow indicator, a line break or the end. */
  private endsIndicator(p: number): boolean {
    return this.parser.isBlankAt(p) || FLOW_INDICATORS.has(this.code(p));
  }

  collection(pointer: string, p: number, depth: number): SourceNode {
    if (depth > MAX_FLOW_DEPTH) throw DECLINE;
    const isMap = this.code(p) === 123;
    const close = isMap ? 125 : 93;
    this.pos = p + 1;
    this.skipSpaces();
    const items: SourceNode[] = [];
    const properties: PropertyNode[] = [];
    const keys = new KeyCheck(this.parser.problems, properties);
    if (this.code(this.pos) !== close) {
      for (;;) {
        if (isMap) {
          const keyStart = this.pos;
          const quotedKey = this.code(keyStart) === 34 || this.code(keyStart) === 39;
          const key = this.key();
          const keyEnd = this.pos;
          // After a quoted key (JSON style) the ':' may follow spaces and need none after it.
          if (quotedKey) this.skipSpaces();
          if (this.code(this.pos) !== 58 || (!quotedKey && this.code(this.pos + 1) !== SPACE)) throw DECLINE;
          this.pos++;
          this.skipSpaces();
          const value = this.item(childPointer(pointer, key), depth);
          const property = { key, keyRange: this.parser.positions.rangeOf(keyStart, keyEnd), value };
          properties.push(property);
          keys.added(property);
        } else {
          items.push(this.item(childPointer(pointer, items.length), depth));
          if (this.code(this.pos) === 58) throw DECLINE;
        }
        this.skipSpaces();
        const c = this.code(this.pos);
        if (c === close) break;
        if (c !== 44) throw DECLINE;
        this.pos++;
        this.skipSpaces();
        if (this.code(this.pos) === close) throw DECLINE;
      }
    }
    this.pos++;
    const { file, positions } = this.parser;
    const range = positions.rangeOf(p, this.pos);
    const length = this.pos - p;
    if (isMap) {
      const node: ObjectNode = { kind: 'object', file, pointer, range, offset: p, length, properties };
      return node;
    }
    const node: ArrayNode = { kind: 'array', file, pointer, range, offset: p, length, items };
    return node;
  }

  /** A key in a flow mapping: plain or quoted, on this line; `pos` ends right after it. */
  private key(): string {
    const start = this.pos;
    const c = this.code(start);
    if (c === 34 || c === 39) return this.quotedText(start);
    this.plainEnd(start);
    const key = this.text.slice(start, this.pos);
    if (key.startsWith('<<')) throw DECLINE;
    return key;
  }

  /** A value in a flow collection at `pos`. */
  private item(pointer: string, depth: number): SourceNode {
    const start = this.pos;
    const c = this.code(start);
    if (c === 91 || c === 123) return this.collection(pointer, start, depth + 1);
    if (c === 34 || c === 39) {
      const value = this.quotedText(start);
      return this.parser.scalar(pointer, start, this.pos, value);
    }
    if (c === 33) return this.tagged(pointer, depth);
    this.plainEnd(start);
    const value = plainScalarValue(this.text.slice(start, this.pos));
    if (value === undefined) throw DECLINE;
    return this.parser.scalar(pointer, start, this.pos, value);
  }

  /** `!Tag value` inside a flow collection (CloudFormation tags only). */
  private tagged(pointer: string, depth: number): SourceNode {
    const start = this.pos;
    let e = start + 1;
    while (!this.parser.isBlankAt(e) && !FLOW_INDICATORS.has(this.code(e))) e++;
    const tag = this.text.slice(start, e);
    if (!CFN_TAGS.has(tag) || this.code(e) !== SPACE) throw DECLINE;
    this.pos = e;
    this.skipSpaces();
    const innerPointer = intrinsicValuePointer(pointer, tag);
    const c = this.code(this.pos);
    let inner: SourceNode;
    if (c === 91 || c === 123) inner = this.collection(innerPointer, this.pos, depth + 1);
    else if (c === 34 || c === 39) {
      const from = this.pos;
      const value = this.quotedText(from);
      inner = this.parser.scalar(innerPointer, from, this.pos, value);
    } else if (c === 33) throw DECLINE;
    else {
      const from = this.pos;
      this.plainEnd(from);
      inner = this.parser.scalar(innerPointer, from, this.pos, this.text.slice(from, this.pos));
    }
    if (tag === '!GetAtt' && inner.kind === 'scalar') inner = splitGetAtt(inner, this.text, this.parser.lines);
    const { text, lines } = this.parser;
    return wrapIntrinsic(tag, intrinsicTagStart(text, tag, inner.offset), inner, pointer, lines);
  }

  /** A quoted scalar on this line from `start`: its value; `pos` ends after the closing quote. */
  private quotedText(start: number): string {
    const close = this.parser.closingQuote(start);
    if (close < 0) throw DECLINE;
    const source = this.text.slice(start, close + 1);
    if (source.indexOf('\n') >= 0) throw DECLINE;
    const value = this.code(start) === 34 ? doubleQuotedValue(source) : singleQuotedValue(source);
    if (value === undefined) throw DECLINE;
    this.pos = close + 1;
    return value;
  }

  /**
   * The end of a plain scalar in flow context from `start` (moved into `pos`): before a flow indicator, a ':'
   * that ends a key, or the spaces before them. A comment or line break inside the collection declines.
   */
  private plainEnd(start: number): void {
    const c = this.code(start);
    if (NOT_PLAIN_START.has(c) || ((c === 45 || c === 63 || c === 58) && this.endsIndicator(start + 1))) throw DECLINE;
    let end = start;
    for (let i = start; ; i++) {
      const ch = this.code(i);
      if (i >= this.text.length || ch === 10 || ch === 13 || ch === 9) throw DECLINE;
      if (ch === 58 && this.endsIndicator(i + 1)) break;
      if (FLOW_INDICATORS.has(ch)) break;
      if (ch === SPACE) {
        if (this.code(i + 1) === 35) throw DECLINE;
      } else end = i + 1;
    }
    if (end === start) throw DECLINE;
    this.pos = end;
  }
}
