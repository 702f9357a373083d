import { scalarNode } from './scalarNode';
import { parseTree } from 'jsonc-parser';
import type { Node as JsonNode, ParseError } from 'jsonc-parser';
import type { Diagnostic } from '../../shared/diagnostic';
import type { PropertyNode, SourceNode } from '../sourceNode';
import { DuplicateKeys } from './duplicateKeys';
import { childPointer } from './pointer';
import type { LineTable } from './positions';
import type { ParsedTree } from './parsedTree';
import { MAX_DEPTH } from './yamlSource';

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

/** Parses JSON with jsonc-parser into a SourceNode tree; syntax errors and duplicate keys become problems. */
export function parseJson(file: string, text: string, lines: LineTable): ParsedTree {
  if (nestsDeeperThan(text, MAX_DEPTH)) {
    const message = `JSON syntax error: the document is nested more than ${MAX_DEPTH} levels deep, so it is not read.`;
    return { problems: [{ range: lines.rangeOf(0, 0), severity: 'error', code: 'apigw.parse.jsonSyntax', message }] };
  }
  const errors: ParseError[] = [];
  // A UTF-8 byte order mark is not JSON; a space keeps every offset where it was.
  const source = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
  const tree = parseTree(source, errors, {
    disallowComments: true,
    allowTrailingComma: false,
    allowEmptyContent: true,
  });
  // jsonc-parser may report two errors at one place (a trailing comma: name expected, value expected).
  const distinct = errors.filter((e, i) => i === 0 || errors[i - 1]?.offset !== e.offset);
  const problems: Diagnostic[] = distinct.map((e) => ({
    range: lines.rangeOf(e.offset, e.offset + e.length),
    severity: 'error',
    code: 'apigw.parse.jsonSyntax',
    message: `JSON syntax error: ${JSON_ERRORS[e.error] ?? 'Unexpected input.'}`,
  }));
  const root = tree ? convert(tree, '', { file, lines, problems }) : undefined;
  return root ? { root, problems } : { problems };
}

interface Context {
  file: string;
  lines: LineTable;
  problems: Diagnostic[];
}

function convert(node: JsonNode, pointer: string, ctx: Context): SourceNode {
  // Object literals written out in full (no spread of a shared base): one allocation per node, on big files.
  const { file, lines } = ctx;
  const { offset, length } = node;
  const range = lines.rangeOf(offset, offset + length);
  if (node.type === 'object') {
    return { kind: 'object', file, pointer, range, offset, length, properties: properties(node, pointer, ctx) };
  }
  if (node.type === 'array') {
    const items = (node.children ?? []).map((item, i) => convert(item, childPointer(pointer, i), ctx));
    return { kind: 'array', file, pointer, range, offset, length, items };
  }
  const value: unknown = node.value;
  const scalar = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;
  return scalarNode(file, pointer, range, offset, length, scalar);
}

function properties(node: JsonNode, pointer: string, ctx: Context): PropertyNode[] {
  const result: PropertyNode[] = [];
  const seen = new DuplicateKeys(ctx.problems);
  for (const property of node.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (!keyNode || !valueNode) continue; // a syntax error, already reported
    const key = String(keyNode.value);
    const entry: PropertyNode = {
      key,
      keyRange: ctx.lines.rangeOf(keyNode.offset, keyNode.offset + keyNode.length),
      value: convert(valueNode, childPointer(pointer, key), ctx),
    };
    seen.add(entry);
    result.push(entry);
  }
  return result;
}

/** Whether brackets (outside strings) nest deeper than `limit`. */
function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > limit) return true;
    } else if (c === 93 || c === 125) depth--;
  }
  return false;
}
