import { parseStrictJson } from './jsonStrict';
import { scalarNode, tokenScalarNode } from './scalarNode';
import { closeContainer, tokenArray, tokenObject, type TokenArray, type TokenObject } from './tokenContainers';
import { tokenProperty } from './tokenProperty';
import { visit } from 'jsonc-parser';
import type { JSONVisitor, ParseError } from 'jsonc-parser';
import type { Diagnostic } from '../../shared/diagnostic';
import type { ObjectNode, PropertyNode, SourceNode } from '../sourceNode';
import { knowExtensionHolders } from './extensionHolders';
import { knowRefHolders } from './refs';
import { KeyCheck } from './yamlFastTree';
import { LineTable } from './positions';
import type { ParsedTree } from './parsedTree';
import { MAX_DEPTH } from './yamlSource';
import { tokenPointer } from './tokenPointer';

/** jsonc-parser's ParseErrorCode (a const enum, so not importable here) → what to tell the user. */
const JSON_ERRORS: Record<number, string> = {
  1: 'Unexpected character.',
  2: 'Invalid number.',
  3: 'A property name in double quotes is expected (is there a trailing comma?).',
  4: 'A value is expected.',
  5: "':' is expected after the property name.",
  6: "',' is expected between values.",
  7: "'}' is expected to close the object.",
  8: "']' is expected to close the array.",
  9: 'Nothing may follow the top-level value.',
  10: 'Comments are not allowed in JSON.',
  11: 'The comment is not closed.',
  12: 'The string is not closed.',
  13: 'The number is incomplete.',
  14: 'Invalid \\u escape in a string.',
  15: 'Invalid escape character in a string.',
  16: 'Invalid character in a string (control characters must be escaped).',
};

/**
 * Parses JSON into a SourceNode tree in one pass over jsonc-parser's events (its `visit`): no intermediate tree,
 * and every position comes from the scanner, which counts lines as it goes (a JSON token never spans lines, so a
 * token's end is its start plus its length). Syntax errors and duplicate keys become problems.
 *
 * A profile of validating GitHub's 12 MB definition showed the earlier way (jsonc-parser's `parseTree`, then a
 * conversion that looked every node's range up in the line table) spending more in allocation and garbage
 * collection than jsonc-parser's whole parse.
 */
export function parseJson(file: string, text: string, lines: LineTable): ParsedTree {
  return parseJsonEvents(file, withoutBom(text), lines);
}

/**
 * The tree of `text` when it is strict JSON (nearly every definition), read by a faster parser that builds the
 * same tree (jsonStrict.ts), with its line table, made from the line breaks the parser saw, and its UTF-8 size;
 * undefined otherwise (parseJson then reads it).
 */
export function parseStrictJsonText(
  file: string,
  text: string,
): { tree: ParsedTree; lines: LineTable; utf8Length: number } | undefined {
  const json = withoutBom(text);
  const strict = parseStrictJson(file, json);
  if (strict === undefined) return undefined;
  knowRefHolders(strict.root, strict.refHolders);
  knowExtensionHolders(strict.root, strict.extensionHolders);
  return {
    tree: { root: strict.root, problems: strict.duplicates },
    lines: new LineTable(text, strict.lineStarts),
    // A byte order mark is 3 bytes in UTF-8; the parser read a space in its place.
    utf8Length: strict.utf8Length + (json === text ? 0 : 2),
  };
}

/** A UTF-8 byte order mark is not JSON; a space keeps every offset where it was. */
function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
}

/** parseJson through jsonc-parser's events: any JSON, with its syntax errors (`source` without a BOM). */
export function parseJsonEvents(file: string, source: string, lines: LineTable): ParsedTree {
  const errors: ParseError[] = [];
  const duplicates: Diagnostic[] = [];
  const builder = new TreeBuilder(file, duplicates, lines);
  try {
    visit(source, builder.visitor(errors), {
      disallowComments: true,
      allowTrailingComma: false,
      allowEmptyContent: true,
    });
  } catch (error) {
    // jsonc-parser recurses per level: thousands of levels exhaust the stack, long after MAX_DEPTH.
    if (!(error instanceof RangeError)) throw error;
    builder.tooDeep = true;
  }
  if (builder.tooDeep) {
    const message = `JSON syntax error: the document is nested more than ${MAX_DEPTH} levels deep, so it is not read.`;
    return { problems: [{ range: lines.rangeOf(0, 0), severity: 'error', code: 'apigw.parse.jsonSyntax', message }] };
  }
  // jsonc-parser may report two errors at one place (a trailing comma: name expected, value expected).
  const distinct = errors.filter((e, i) => i === 0 || errors[i - 1]?.offset !== e.offset);
  const problems: Diagnostic[] = distinct.map((e) => ({
    range: lines.rangeOf(e.offset, e.offset + e.length),
    severity: 'error',
    code: 'apigw.parse.jsonSyntax',
    message: `JSON syntax error: ${JSON_ERRORS[e.error] ?? 'Unexpected input.'}`,
  }));
  problems.push(...duplicates);
  const root = builder.root;
  if (root) knowRefHolders(root, builder.refHolders);
  return root ? { root, problems } : { problems };
}

/** An open object or array, and for an object the key whose value comes next. */
interface Frame {
  node: TokenObject | TokenArray;
  keys: KeyCheck | undefined;
  key: string | undefined;
  /** Where the key is: its offset and length (with its quotes). */
  keyOffset: number;
  keyLength: number;
  /** A value with no place in the tree (a syntax error): built, not attached. */
  dropped: boolean;
}

/**
 * Builds the tree from visit's events, as parseTree would shape it; values of keys without one are dropped.
 * Positions come from the offsets through the line table, not from jsonc-parser's line and character: it does not
 * count a line break escaped in a string (a backslash, then the break: not JSON, read on as an invalid escape), so
 * every position after one was a line short. Such a string or key spans lines: its node gets its range whole.
 */
class TreeBuilder {
  root: SourceNode | undefined;
  /** Set when objects and arrays nest deeper than MAX_DEPTH: the tree is then not used. */
  tooDeep = false;
  /** Objects a string `$ref` was attached to (refs.ts: so the SourceSet need not walk the tree for them). */
  readonly refHolders: ObjectNode[] = [];
  private readonly stack: Frame[] = [];
  private done = false;

  constructor(
    private readonly file: string,
    private readonly duplicates: Diagnostic[],
    private readonly lines: LineTable,
  ) {}

  visitor(errors: ParseError[]): JSONVisitor {
    return {
      onObjectBegin: (offset) => {
        const properties: PropertyNode[] = [];
        const { line, character } = this.lines.positionAt(offset);
        const node = tokenObject(this.file, this.nextParent(), this.nextKey(), offset, line, character, properties);
        this.open(node, new KeyCheck(this.duplicates, properties));
      },
      onObjectProperty: (key, offset, length) => {
        const frame = this.stack[this.stack.length - 1];
        if (frame === undefined || frame.node.kind !== 'object') return;
        frame.key = key;
        frame.keyOffset = offset;
        frame.keyLength = length;
      },
      onObjectEnd: (offset, length) => this.close(offset + length),
      onArrayBegin: (offset) => {
        const { line, character } = this.lines.positionAt(offset);
        const node = tokenArray(this.file, this.nextParent(), this.nextKey(), offset, line, character, []);
        this.open(node, undefined);
      },
      onArrayEnd: (offset, length) => this.close(offset + length),
      onLiteralValue: (value: unknown, offset, length) => {
        if (!this.placeable()) return;
        const parent = this.nextParent();
        const key = this.nextKey();
        const scalar =
          typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;
        const frame = this.stack[this.stack.length - 1];
        if (typeof scalar === 'string' && frame?.key === '$ref' && frame.node.kind === 'object')
          this.refHolders.push(frame.node);
        const range = this.lines.rangeOf(offset, offset + length);
        const { line, character } = range.start;
        this.attach(
          range.end.line === line
            ? tokenScalarNode(this.file, parent, key, line, character, offset, length, scalar)
            : scalarNode(this.file, tokenPointer(parent, key), range, offset, length, scalar),
        );
      },
      onSeparator: (separator) => {
        // A ',' ends the property: a key without a value keeps nothing.
        const frame = this.stack[this.stack.length - 1];
        if (separator === ',' && frame !== undefined) frame.key = undefined;
      },
      onError: (error, offset, length) => {
        errors.push({ error, offset, length });
      },
    };
  }

  /**
   * Whether the value that starts now has a place in the tree: not after the root value, not in an object without
   * a key for it, not inside a value without a place (all syntax errors, already reported).
   */
  private placeable(): boolean {
    const frame = this.stack[this.stack.length - 1];
    if (frame === undefined) return !this.done;
    return !frame.dropped && (frame.node.kind === 'array' || frame.key !== undefined);
  }

  /**
   * The parent of the value that starts now, what its pointer is made from (tokenPointer.ts): none for the root,
   * nor when it has no place (its pointer is then '').
   */
  private nextParent(): TokenObject | TokenArray | undefined {
    const frame = this.stack[this.stack.length - 1];
    if (frame === undefined || frame.dropped) return undefined;
    if (frame.node.kind === 'array') return frame.node;
    return frame.key === undefined ? undefined : frame.node;
  }

  /** The key of the value that starts now in its parent (an index in an array). */
  private nextKey(): string | number {
    const frame = this.stack[this.stack.length - 1];
    if (frame === undefined) return '';
    return frame.node.kind === 'array' ? frame.node.items.length : (frame.key ?? '');
  }

  /** Opens an object or array: attached where it has a place, else built and dropped, so ends still pair. */
  private open(node: TokenObject | TokenArray, keys: KeyCheck | undefined): void {
    if (this.stack.length >= MAX_DEPTH) this.tooDeep = true;
    const dropped = !this.placeable();
    if (!dropped) this.attach(node);
    this.stack.push({ node, keys, key: undefined, keyOffset: 0, keyLength: 0, dropped });
  }

  private attach(node: SourceNode): void {
    const frame = this.stack[this.stack.length - 1];
    if (frame === undefined) {
      this.root = node;
      this.done = true;
      return;
    }
    if (frame.node.kind === 'array') {
      frame.node.items.push(node);
      return;
    }
    const key = frame.key as string;
    const keyRange = this.lines.rangeOf(frame.keyOffset, frame.keyOffset + frame.keyLength);
    const { line, character } = keyRange.start;
    const property =
      keyRange.end.line === line
        ? tokenProperty(key, line, character, frame.keyLength, node)
        : { key, keyRange, value: node };
    frame.node.properties.push(property);
    frame.keys?.added(property);
    frame.key = undefined;
  }

  private close(end: number): void {
    const frame = this.stack.pop();
    if (frame === undefined) return;
    const { line, character } = this.lines.positionAt(end);
    closeContainer(frame.node, end, line, character);
  }
}
