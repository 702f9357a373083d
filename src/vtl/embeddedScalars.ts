import { dictOf } from '../shared/dict';
/**
 * Decodes a YAML or JSON string value as written in a document and remembers, for every character of the
 * value, which characters of the document produced it. That is what lets a diagnostic inside an embedded
 * mapping template land on the exact characters of the file, escapes, folding and indentation included.
 */

/** A decoded value: `starts[i]`/`ends[i]` are the document offsets of the source of `value[i]`. */
export interface DecodedText {
  value: string;
  starts: number[];
  ends: number[];
}

class Builder {
  value = '';
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  push(text: string, start: number, end: number): void {
    for (const ch of text) {
      for (let i = 0; i < ch.length; i++) {
        this.value += ch[i];
        this.starts.push(start);
        this.ends.push(end);
      }
    }
  }
  /** Removes trailing characters matching `keep === false`. */
  trimEnd(drop: (c: string) => boolean, keep = 0): void {
    let count = 0;
    while (this.value.length > 0 && drop(this.value[this.value.length - 1] ?? '')) {
      this.value = this.value.slice(0, -1);
      this.starts.pop();
      this.ends.pop();
      count++;
    }
    for (let i = 0; i < Math.min(keep, count); i++) this.push('\n', this.lastEnd(), this.lastEnd());
  }
  lastEnd(): number {
    return this.ends[this.ends.length - 1] ?? 0;
  }
  result(): DecodedText {
    return { value: this.value, starts: this.starts, ends: this.ends };
  }
}

const jsonEscapes: Record<string, string> = dictOf({
  n: '\n',
  t: '\t',
  r: '\r',
  b: '\b',
  f: '\f',
  '"': '"',
  '\\': '\\',
  '/': '/',
});

/** A JSON string starting with `"` at `offset`. */
export function decodeJsonString(text: string, offset: number): DecodedText | undefined {
  if (text[offset] !== '"') return undefined;
  const out = new Builder();
  let i = offset + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') return out.result();
    if (c !== '\\') {
      out.push(c ?? '', i, i + 1);
      i++;
      continue;
    }
    const e = text[i + 1] ?? '';
    if (e === 'u') {
      const hex = text.slice(i + 2, i + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) return undefined;
      out.push(String.fromCharCode(parseInt(hex, 16)), i, i + 6);
      i += 6;
    } else {
      const decoded = jsonEscapes[e];
      if (decoded === undefined) return undefined;
      out.push(decoded, i, i + 2);
      i += 2;
    }
  }
  return undefined;
}

const yamlEscapes: Record<string, string> = dictOf({
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
});
const hexLengths: Record<string, number> = dictOf({ x: 2, u: 4, U: 8 });

type LineDecoder = (text: string, from: number, to: number, out: Builder) => void;

const plainLine: LineDecoder = (text, from, to, out) => {
  for (let i = from; i < to; i++) out.push(text[i] ?? '', i, i + 1);
};

const singleQuotedLine: LineDecoder = (text, from, to, out) => {
  for (let i = from; i < to; i++) {
    if (text[i] === "'" && text[i + 1] === "'") {
      out.push("'", i, i + 2);
      i++;
    } else out.push(text[i] ?? '', i, i + 1);
  }
};

const doubleQuotedLine: LineDecoder = (text, from, to, out) => {
  for (let i = from; i < to; i++) {
    const c = text[i] ?? '';
    if (c !== '\\') {
      out.push(c, i, i + 1);
      continue;
    }
    const e = text[i + 1] ?? '';
    const width = hexLengths[e];
    if (width !== undefined) {
      const code = parseInt(text.slice(i + 2, i + 2 + width), 16);
      out.push(Number.isFinite(code) ? String.fromCodePoint(code) : '', i, i + 2 + width);
      i += 1 + width;
    } else {
      out.push(yamlEscapes[e] ?? e, i, i + 2);
      i++;
    }
  }
};

const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t';

/** Lines of [from, to): each line's content range and where its line break is. */
function splitLines(text: string, from: number, to: number): Array<{ start: number; end: number; brk: number }> {
  return [...linesOf(text, from, to)];
}

/** The lines of [from, to) one by one: a reader that stops early does not split the rest of the document. */
function* linesOf(text: string, from: number, to: number): Generator<{ start: number; end: number; brk: number }> {
  let start = from;
  for (;;) {
    const i = text.indexOf('\n', start);
    if (i < 0 || i >= to) break;
    const end = i > start && text[i - 1] === '\r' ? i - 1 : i;
    yield { start, end, brk: end };
    start = i + 1;
  }
  yield { start, end: to, brk: -1 };
}

/** Ends with an odd number of backslashes before `end` (an escaped line break in a double-quoted scalar). */
function escapesBreak(text: string, start: number, end: number): boolean {
  let n = 0;
  for (let i = end - 1; i >= start && text[i] === '\\'; i--) n++;
  return n % 2 === 1;
}

/**
 * Flow scalar folding (plain and quoted): leading and trailing blanks of inner lines go, one line break
 * becomes a space and each empty line a newline; in a double-quoted scalar a `\` before the break joins lines.
 */
function decodeFlow(text: string, from: number, to: number, decodeLine: LineDecoder, double: boolean): DecodedText {
  const out = new Builder();
  const lines = splitLines(text, from, to);
  let pendingBreak: number | undefined; // offset of the previous line's break, not yet emitted
  let emptyLines = 0;
  let joined = false;
  lines.forEach((line, index) => {
    let s = line.start;
    let e = line.end;
    const last = index === lines.length - 1;
    if (index > 0) while (s < e && isBlank(text[s])) s++;
    if (!last) while (e > s && isBlank(text[e - 1]) && !(double && escapesBreak(text, s, e - 1))) e--;
    if (index > 0 && s === e && !last) {
      if (!joined) emptyLines++;
      return;
    }
    if (pendingBreak !== undefined && !joined) {
      if (emptyLines === 0) out.push(' ', pendingBreak, pendingBreak + 1);
      else for (let k = 0; k < emptyLines; k++) out.push('\n', pendingBreak, pendingBreak + 1);
    }
    joined = double && !last && escapesBreak(text, s, e);
    decodeLine(text, s, joined ? e - 1 : e, out);
    pendingBreak = line.brk;
    emptyLines = 0;
  });
  return out.result();
}

/** A double-quoted YAML scalar whose opening quote is at `offset`. */
export function decodeYamlDoubleQuoted(text: string, offset: number): DecodedText | undefined {
  let i = offset + 1;
  while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
  if (i >= text.length) return undefined;
  return decodeFlow(text, offset + 1, i, doubleQuotedLine, true);
}

/** A single-quoted YAML scalar whose opening quote is at `offset`. */
export function decodeYamlSingleQuoted(text: string, offset: number): DecodedText | undefined {
  let i = offset + 1;
  while (i < text.length) {
    if (text[i] === "'") {
      if (text[i + 1] !== "'") break;
      i++;
    }
    i++;
  }
  if (i >= text.length) return undefined;
  return decodeFlow(text, offset + 1, i, singleQuotedLine, false);
}

/** A plain (unquoted) YAML scalar written at [offset, end). */
export function decodeYamlPlain(text: string, offset: number, end: number): DecodedText {
  return decodeFlow(text, offset, end, plainLine, false);
}

function indentOfLine(text: string, offset: number): number {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let n = 0;
  while (text[lineStart + n] === ' ') n++;
  return n;
}

interface BlockLine {
  start: number;
  end: number;
  brk: number;
  empty: boolean;
  more: boolean;
}

/** The content lines of a block scalar whose header starts at `offset`, and its chomping. */
function blockLines(text: string, offset: number): { lines: BlockLine[]; chomp: string; folded: boolean } | undefined {
  const header = /^([|>])([1-9+-]{0,2})[ \t]*(?:#[^\n]*)?\r?\n/.exec(text.slice(offset, offset + 256));
  if (!header) return undefined;
  const indicators = header[2] ?? '';
  const chomp = indicators.includes('-') ? '-' : indicators.includes('+') ? '+' : '';
  const explicit = /[1-9]/.exec(indicators)?.[0];
  const raw = linesOf(text, offset + header[0].length, text.length);
  const parentIndent = indentOfLine(text, offset);
  let indent = explicit !== undefined ? parentIndent + Number(explicit) : undefined;
  const lines: BlockLine[] = [];
  for (const line of raw) {
    let n = 0;
    while (text[line.start + n] === ' ') n++;
    const blank = line.start + n >= line.end || /^[ \t]*$/.test(text.slice(line.start, line.end));
    if (indent === undefined && !blank) {
      if (n <= parentIndent) break;
      indent = n;
    }
    if (!blank && n < (indent ?? 0)) break;
    const contentStart = Math.min(line.start + (indent ?? n), line.end);
    lines.push({
      start: blank && indent === undefined ? line.end : contentStart,
      end: line.end,
      brk: line.brk,
      empty: blank && line.end - line.start <= (indent ?? Infinity),
      more: !blank && isBlank(text[contentStart]),
    });
    if (line.brk < 0) break;
  }
  if (lines.length > 0 && lines[lines.length - 1]?.brk === -1 && lines[lines.length - 1]?.start === text.length)
    lines.pop();
  return { lines, chomp, folded: header[1] === '>' };
}

/** A literal (`|`) or folded (`>`) block scalar whose indicator is at `offset`. */
export function decodeYamlBlock(text: string, offset: number): DecodedText | undefined {
  const parsed = blockLines(text, offset);
  if (!parsed) return undefined;
  const { lines, chomp, folded } = parsed;
  const out = new Builder();
  const brk = (line: BlockLine): number => (line.brk >= 0 ? line.brk : line.end);
  let previous: BlockLine | undefined;
  let empties: BlockLine[] = [];
  for (const line of lines) {
    if (line.empty || line.start >= line.end) {
      empties.push(line);
      continue;
    }
    if (previous === undefined) for (const e of empties) out.push('\n', brk(e), brk(e) + 1);
    else if (!folded || previous.more || line.more) {
      out.push('\n', brk(previous), brk(previous) + 1);
      for (const e of empties) out.push('\n', brk(e), brk(e) + 1);
    } else if (empties.length === 0) out.push(' ', brk(previous), brk(previous) + 1);
    else for (const e of empties) out.push('\n', brk(e), brk(e) + 1);
    for (let i = line.start; i < line.end; i++) out.push(text[i] ?? '', i, i + 1);
    previous = line;
    empties = [];
  }
  if (previous !== undefined) out.push('\n', brk(previous), brk(previous) + 1);
  for (const e of empties) out.push('\n', brk(e), brk(e) + 1);
  if (chomp !== '+') out.trimEnd((c) => c === '\n', chomp === '-' || previous === undefined ? 0 : 1);
  return out.result();
}

/** Decodes the string value written at `offset` in a YAML or JSON document (`end`: where a plain scalar ends). */
export function decodeScalarAt(
  text: string,
  offset: number,
  end: number,
  format: 'yaml' | 'json',
): DecodedText | undefined {
  const c = text[offset];
  if (format === 'json') return decodeJsonString(text, offset);
  if (c === '"') return decodeYamlDoubleQuoted(text, offset);
  if (c === "'") return decodeYamlSingleQuoted(text, offset);
  if (c === '|' || c === '>') return decodeYamlBlock(text, offset);
  return decodeYamlPlain(text, offset, end);
}
