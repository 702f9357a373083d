// A parser of strict JSON into the SourceNode tree that parseJson's jsonc-parser path builds from the same text,
// node for node (same fields in the same order, same ranges, pointers, duplicate-key problems and `$ref`
// holders). It gives up, for that path to parse and report, at the first thing strict JSON does not have: a
// syntax error, a comment, whitespace other than JSON's, nesting deeper than MAX_DEPTH, an empty document.
//
// A profile of validating GitHub's 12 MB definition showed a third of the parse in jsonc-parser's scanner, which
// reads every character through a general tokenizer (comments, trivia, line counting, error recovery). Here a
// string without escapes is one sticky regular expression and a slice, and lines are counted only in whitespace
// (a strict JSON token never holds a line break).
import type { Diagnostic } from '../../shared/diagnostic';
import type { ArrayNode, ObjectNode, PropertyNode, SourceNode } from '../sourceNode';
import { EXTENSION_PREFIX } from './extensionHolders';
import { tokenScalarNode } from './scalarNode';
import { closeContainer, tokenArray, tokenObject, type TokenArray, type TokenObject } from './tokenContainers';
import { tokenProperty } from './tokenProperty';
import { KeyCheck } from './yamlFastTree';
import { MAX_DEPTH } from './yamlSource';

/**
 * What the fast path read: the tree, its duplicate-key problems, the objects holding a string `$ref` and those
 * holding an `x-amazon-apigateway-*` key.
 */
export interface StrictJson {
  root: SourceNode;
  duplicates: Diagnostic[];
  refHolders: ObjectNode[];
  extensionHolders: ObjectNode[];
  /** The offset each line starts at (a LineTable's): every line break of strict JSON is in whitespace. */
  lineStarts: number[];
  /**
   * The text's size in UTF-8 (what Buffer.byteLength gives): its length, plus what the characters past ASCII
   * take beyond one byte each. Strict JSON has those in strings only, which the parser reads anyway; counting
   * them there saved a second pass over the text (Buffer.byteLength took 10-12 ms of GitHub's 13 MB).
   */
  utf8Length: number;
}

/**
 * A whole string body with escapes, up to and with its closing quote (JSON strings hold no raw control
 * character, U+0000 to U+001F).
 */
// eslint-disable-next-line no-control-regex
const ESCAPED_STRING = /(?:[^"\\\x00-\x1f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

// Character codes.
const TAB = 9;
const LINE_FEED = 10;
const CARRIAGE_RETURN = 13;
const SPACE = 32;
/** The first code unit past ASCII: more than one byte in UTF-8. */
const NON_ASCII = 0x80;
const QUOTE = 34;
const COMMA = 44;
const MINUS = 45;
const COLON = 58;
const OPEN_BRACKET = 91;
const BACKSLASH = 92;
const CLOSE_BRACKET = 93;
const LOWER_X = 120;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;

/** The tree of `text` when it is strict JSON; undefined otherwise (parseJson then parses it with jsonc-parser). */
export function parseStrictJson(file: string, text: string): StrictJson | undefined {
  return new StrictParser(file, text).parse();
}

class StrictParser {
  private pos = 0;
  private line = 0;
  private lineStart = 0;
  private readonly duplicates: Diagnostic[] = [];
  private readonly refHolders: ObjectNode[] = [];
  private readonly extensionHolders: ObjectNode[] = [];
  private readonly lineStarts: number[] = [0];
  /** UTF-8 bytes beyond one a UTF-16 unit, so far (see StrictJson.utf8Length). */
  private utf8Extra = 0;

  constructor(
    private readonly file: string,
    private readonly text: string,
  ) {}

  parse(): StrictJson | undefined {
    this.space();
    if (this.pos >= this.text.length) return undefined;
    const root = this.value(undefined, '', 0);
    if (root === undefined) return undefined;
    this.space();
    if (this.pos !== this.text.length) return undefined;
    const { duplicates, refHolders, extensionHolders, lineStarts } = this;
    return {
      root,
      duplicates,
      refHolders,
      extensionHolders,
      lineStarts,
      utf8Length: this.text.length + this.utf8Extra,
    };
  }

  /** Skips JSON's whitespace, counting lines as jsonc-parser does (CR LF, CR and LF each end one). */
  private space(): void {
    const text = this.text;
    let pos = this.pos;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === SPACE || c === TAB) pos++;
      else if (c === LINE_FEED || c === CARRIAGE_RETURN) {
        pos += c === CARRIAGE_RETURN && text.charCodeAt(pos + 1) === LINE_FEED ? 2 : 1;
        this.line++;
        this.lineStart = pos;
        this.lineStarts.push(pos);
      } else break;
    }
    this.pos = pos;
  }

  /**
   * The value that starts here (after whitespace), at `key` in `parent` (the root: none); `depth` objects and
   * arrays are open around it.
   */
  private value(
    parent: TokenObject | TokenArray | undefined,
    key: string | number,
    depth: number,
  ): SourceNode | undefined {
    const c = this.text.charCodeAt(this.pos);
    if (c === OPEN_BRACE) return depth < MAX_DEPTH ? this.object(parent, key, depth + 1) : undefined;
    if (c === OPEN_BRACKET) return depth < MAX_DEPTH ? this.array(parent, key, depth + 1) : undefined;
    const offset = this.pos;
    let value: string | number | boolean | null;
    if (c === QUOTE) {
      const string = this.string();
      if (string === undefined) return undefined;
      value = string;
    } else if (c === MINUS || (c >= 48 && c <= 57)) {
      NUMBER.lastIndex = offset;
      if (!NUMBER.test(this.text)) return undefined;
      this.pos = NUMBER.lastIndex;
      value = Number(this.text.slice(offset, this.pos));
    } else if (this.text.startsWith('true', offset)) {
      value = true;
      this.pos += 4;
    } else if (this.text.startsWith('false', offset)) {
      value = false;
      this.pos += 5;
    } else if (this.text.startsWith('null', offset)) {
      value = null;
      this.pos += 4;
    } else return undefined;
    return tokenScalarNode(
      this.file,
      parent,
      key,
      this.line,
      offset - this.lineStart,
      offset,
      this.pos - offset,
      value,
    );
  }

  /** The string that starts at the quote here, unescaped; undefined when it is not strict JSON. */
  private string(): string | undefined {
    const text = this.text;
    const start = this.pos + 1;
    // A loop, not a regular expression: each test() of a sticky expression allocated ~50 bytes, for every key and
    // string of the document.
    let end = start;
    let c = text.charCodeAt(end);
    for (;;) {
      while (c !== QUOTE && c !== BACKSLASH && c >= SPACE && c < NON_ASCII) c = text.charCodeAt(++end);
      if (!(c >= NON_ASCII)) break; // NaN past the end
      end = this.pastNonAscii(end);
      c = text.charCodeAt(end);
    }
    if (c === QUOTE) {
      this.pos = end + 1;
      return text.slice(start, end);
    }
    if (c !== BACKSLASH) return undefined; // a control character, or the end of the text
    ESCAPED_STRING.lastIndex = end;
    if (!ESCAPED_STRING.test(text)) return undefined;
    this.pos = ESCAPED_STRING.lastIndex;
    // The rest of the body, past the first backslash: its characters past ASCII are counted here.
    for (let at = end; at < this.pos;) at = text.charCodeAt(at) >= NON_ASCII ? this.pastNonAscii(at) : at + 1;
    return JSON.parse(text.slice(start - 1, this.pos)) as string;
  }

  /**
   * Counts the UTF-8 bytes of the character past ASCII at `at` beyond its UTF-16 units (U+0080-U+07FF: 2 bytes for
   * 1 unit; a surrogate pair: 4 for 2; any other unit, a lone surrogate too: 3 for 1, as Buffer.byteLength counts
   * it) and gives the offset after it.
   */
  private pastNonAscii(at: number): number {
    const c = this.text.charCodeAt(at);
    if (c < 0x800) {
      this.utf8Extra += 1;
      return at + 1;
    }
    this.utf8Extra += 2;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = this.text.charCodeAt(at + 1);
      if (next >= 0xdc00 && next <= 0xdfff) return at + 2;
    }
    return at + 1;
  }

  private object(
    parent: TokenObject | TokenArray | undefined,
    at: string | number,
    depth: number,
  ): ObjectNode | undefined {
    const text = this.text;
    const offset = this.pos;
    const properties: PropertyNode[] = [];
    const node = tokenObject(this.file, parent, at, offset, this.line, offset - this.lineStart, properties);
    const keys = new KeyCheck(this.duplicates, properties);
    this.pos++;
    this.space();
    if (text.charCodeAt(this.pos) !== CLOSE_BRACE) {
      for (;;) {
        if (text.charCodeAt(this.pos) !== QUOTE) return undefined;
        const keyOffset = this.pos;
        const key = this.string();
        if (key === undefined) return undefined;
        const keyLine = this.line;
        const keyCharacter = keyOffset - this.lineStart;
        const keyLength = this.pos - keyOffset;
        this.space();
        if (text.charCodeAt(this.pos) !== COLON) return undefined;
        this.pos++;
        this.space();
        const isString = text.charCodeAt(this.pos) === QUOTE;
        const value = this.value(node, key, depth);
        if (value === undefined) return undefined;
        if (isString && key === '$ref') this.refHolders.push(node);
        // The first character first: startsWith on every key cost GitHub's definition about 25 ms.
        if (key.charCodeAt(0) === LOWER_X && key.startsWith(EXTENSION_PREFIX)) this.extensionHolders.push(node);
        const property = tokenProperty(key, keyLine, keyCharacter, keyLength, value);
        properties.push(property);
        keys.added(property);
        const closed = this.afterMember(CLOSE_BRACE);
        if (closed === undefined) return undefined;
        if (closed) break;
      }
    }
    return this.finish(node);
  }

  private array(
    parent: TokenObject | TokenArray | undefined,
    at: string | number,
    depth: number,
  ): ArrayNode | undefined {
    const text = this.text;
    const offset = this.pos;
    const items: SourceNode[] = [];
    const node = tokenArray(this.file, parent, at, offset, this.line, offset - this.lineStart, items);
    this.pos++;
    this.space();
    if (text.charCodeAt(this.pos) !== CLOSE_BRACKET) {
      for (;;) {
        const item = this.value(node, items.length, depth);
        if (item === undefined) return undefined;
        items.push(item);
        const closed = this.afterMember(CLOSE_BRACKET);
        if (closed === undefined) return undefined;
        if (closed) break;
      }
    }
    return this.finish(node);
  }

  /** After a member: true at the closing character `close`, false after a comma (and whitespace), else undefined. */
  private afterMember(close: number): boolean | undefined {
    this.space();
    const c = this.text.charCodeAt(this.pos);
    if (c === close) return true;
    if (c !== COMMA) return undefined;
    this.pos++;
    this.space();
    return false;
  }

  /** Ends the object or array whose closing character is here: its length and the end of its range. */
  private finish<T extends TokenObject | TokenArray>(node: T): T {
    this.pos++;
    closeContainer(node, this.pos, this.line, this.pos - this.lineStart);
    return node;
  }
}
