// Where the cursor is while typing, read from the text (the parse of an incomplete document cannot be
// trusted): the path of the object whose key is being typed, or of the key whose value is being typed.
// YAML by indentation, JSON with jsonc-parser's error-tolerant scanner.
import { getLocation } from 'jsonc-parser';
import type { Position, Range } from '../../shared/range';
import type { PathSegment } from './nodeAt';

export interface Cursor {
  format: 'yaml' | 'json';
  /** 'key': a key of the object at `path` is typed; 'value': the value of the key that ends `path`. */
  at: 'key' | 'value';
  path: PathSegment[];
  /** What is typed so far (quotes left out), and the range it covers (replaced by the completion). */
  prefix: string;
  replace: Range;
  /** JSON: the replaced text already has its quotes / the key already has its colon. */
  quoted: boolean;
  hasColon: boolean;
  /** YAML: the column of the keys of the object (for snippets spanning lines). */
  indent: number;
}

export function cursorAt(text: string, format: 'yaml' | 'json', lines: string[], position: Position): Cursor {
  return format === 'json' ? jsonCursor(text, lines, position) : yamlCursor(lines, position);
}

/** Splits a text into lines (without their breaks). */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

export function offsetOf(lines: readonly string[], text: string, position: Position): number {
  let offset = 0;
  for (let i = 0; i < position.line && i < lines.length; i++) {
    offset += (lines[i] ?? '').length;
    offset += text.startsWith('\r\n', offset) ? 2 : 1;
  }
  return Math.min(text.length, offset + position.character);
}

const yamlKeyLine = /^(\s*)((?:-\s+)*)(["']?)([^"':#]*)$/;
const yamlValueLine = /^(\s*)((?:-\s+)*)(?:"([^"]*)"|'([^']*)'|([^\s"'#][^:#]*?))\s*:\s+(["']?)(.*)$/;

function yamlCursor(lines: readonly string[], position: Position): Cursor {
  const line = lines[position.line] ?? '';
  const typed = line.slice(0, position.character);
  const base = { format: 'yaml' as const, quoted: false, hasColon: false };
  const value = yamlValueLine.exec(typed);
  if (value !== null) {
    const indent = (value[1] ?? '').length + (value[2] ?? '').length;
    const key = value[3] ?? value[4] ?? (value[5] ?? '').trim();
    const prefix = value[7] ?? '';
    const quote = value[6] ?? '';
    const start = position.character - prefix.length - quote.length;
    return {
      ...base,
      at: 'value',
      path: [...yamlParents(lines, position.line, indent, value[2] ?? '', (value[1] ?? '').length), key],
      prefix,
      replace: rangeOnLine(position.line, start, endOfWord(line, position.character)),
      quoted: quote !== '',
      indent,
    };
  }
  const key = yamlKeyLine.exec(typed);
  const lead = key?.[1] ?? typed.replace(/\S.*$/, '');
  const dashes = key?.[2] ?? '';
  const prefix = key?.[4] ?? '';
  const indent = lead.length + dashes.length;
  const start = position.character - prefix.length - (key?.[3] ?? '').length;
  const rest = line.slice(position.character);
  return {
    ...base,
    at: 'key',
    path: yamlParents(lines, position.line, indent, dashes, lead.length),
    prefix,
    replace: rangeOnLine(position.line, start, endOfWord(line, position.character)),
    hasColon: /^[^\s:]*\s*:/.test(rest),
    indent,
  };
}

function endOfWord(line: string, from: number): number {
  const match = /^[^\s:"',{}[\]]*["']?/.exec(line.slice(from));
  return from + (match?.[0].length ?? 0);
}

function rangeOnLine(line: number, start: number, end: number): Range {
  return { start: { line, character: Math.max(0, start) }, end: { line, character: end } };
}

/**
 * The keys and indexes above a line whose key is at column `indent`: each line above with a key at a smaller
 * column is a parent; a `- ` at a smaller column makes the object an item of a list.
 */
function yamlParents(
  lines: readonly string[],
  lineNo: number,
  indent: number,
  dashes: string,
  lead: number,
): PathSegment[] {
  const path: PathSegment[] = [];
  let limit = indent;
  // The cursor's own line may start list items: `- name` is in item N of the list above.
  for (const dash of dashColumns(lead, dashes).reverse()) {
    path.unshift(itemIndex(lines, lineNo, dash));
    limit = dash;
  }
  for (let i = lineNo - 1; i >= 0 && limit > 0; i--) {
    const text = lines[i] ?? '';
    const parsed = /^(\s*)((?:-\s+)*)(?:(?:"([^"]*)"|'([^']*)'|([^\s"'#-][^:#]*?))\s*(:)(?:\s|$))?/.exec(text);
    if (parsed === null || /^\s*(#|$)/.test(text) || /^---|^\.\.\./.test(text)) continue;
    const spaces = (parsed[1] ?? '').length;
    const lineDashes = parsed[2] ?? '';
    const keyColumn = spaces + lineDashes.length;
    const keyText = parsed[3] ?? parsed[4] ?? parsed[5];
    if (keyText !== undefined && parsed[6] !== undefined && keyColumn < limit) {
      path.unshift(keyText.trim());
      limit = keyColumn;
    }
    for (const dash of dashColumns(spaces, lineDashes).reverse()) {
      if (dash >= limit) continue;
      path.unshift(itemIndex(lines, i, dash));
      limit = dash;
    }
  }
  return path;
}

function dashColumns(lead: number, dashes: string): number[] {
  const columns: number[] = [];
  let column = lead;
  for (const match of dashes.matchAll(/-\s+/g)) {
    columns.push(column);
    column += match[0].length;
  }
  return columns;
}

/** How many items of the list whose dashes are at `column` come before the one on line `lineNo`. */
function itemIndex(lines: readonly string[], lineNo: number, column: number): number {
  let index = 0;
  for (let i = lineNo - 1; i >= 0; i--) {
    const text = lines[i] ?? '';
    if (/^\s*(#|$)/.test(text)) continue;
    const first = text.search(/\S/);
    if (first < column) break;
    if (first === column && text[first] === '-') index++;
  }
  return index;
}

function jsonCursor(text: string, lines: readonly string[], position: Position): Cursor {
  const offset = offsetOf(lines, text, position);
  const location = getLocation(text, offset);
  const previous = location.previousNode;
  const base = { format: 'json' as const, indent: 0 };
  const path = [...location.path];
  let replace = rangeOnLine(position.line, position.character, position.character);
  let prefix = '';
  let quoted = false;
  if (previous !== undefined && previous.offset <= offset && offset <= previous.offset + previous.length) {
    const start = positionOf(lines, text, previous.offset);
    const end = positionOf(lines, text, previous.offset + previous.length);
    replace = { start, end };
    const written = text.slice(previous.offset, offset);
    quoted = previous.type === 'string';
    prefix = quoted ? written.replace(/^"/, '') : written;
  }
  if (location.isAtPropertyKey) {
    path.pop();
    const after = text.slice(offset).replace(/^[^"\s:,{}[\]]*"?/, '');
    return { ...base, at: 'key', path, prefix, replace, quoted, hasColon: /^\s*:/.test(after) };
  }
  return { ...base, at: 'value', path, prefix, replace, quoted, hasColon: true };
}

function positionOf(lines: readonly string[], text: string, offset: number): Position {
  let rest = offset;
  for (let line = 0; line < lines.length; line++) {
    const length = (lines[line] ?? '').length;
    if (rest <= length) return { line, character: rest };
    rest -= length + (text.startsWith('\r\n', offset - rest + length) ? 2 : 1);
  }
  return { line: Math.max(0, lines.length - 1), character: (lines[lines.length - 1] ?? '').length };
}
