import type { Position } from '../shared/range';
import type { Span } from './ast';

/** A syntax error at [start, end) of the template text; turned into a diagnostic by `parseTemplate`. */
export class VtlSyntaxError extends Error {
  constructor(
    message: string,
    readonly start: number,
    readonly end: number,
  ) {
    super(message);
  }
}

/**
 * The template nests deeper than `maxNesting`: a syntax error at the place, never a stack overflow. Not caught
 * where the parser backtracks on other syntax errors (a macro call that is text after all).
 */
export class VtlNestingError extends VtlSyntaxError {}

/**
 * How deep expressions and blocks may nest in each other (parentheses, lists, maps, method arguments, quoted
 * strings, `!`, and #if / #foreach / #macro / #define bodies): far beyond any real mapping template, and shallow
 * enough that parsing, compiling, checking and rendering never run out of stack.
 */
export const maxNesting = 200;

/** Offsets of the first character of every line. */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return starts;
}

export function positionAt(lineStarts: readonly number[], offset: number): Position {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((lineStarts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low, character: offset - (lineStarts[low] ?? 0) };
}

/**
 * The position of an offset of `text`, never inside a line break: an offset between the `\r` and the `\n` of a
 * CRLF is the end of its line (a position there would lie past the line's last character for an editor).
 */
export function positionIn(text: string, lineStarts: readonly number[], offset: number): Position {
  let at = Math.min(Math.max(offset, 0), text.length);
  if (at > 0 && text.charCodeAt(at - 1) === 13 && text.charCodeAt(at) === 10) at--;
  return positionAt(lineStarts, at);
}

export const isIdentifierStart = (c: string | undefined): boolean =>
  c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_');

export const isIdentifierPart = (c: string | undefined): boolean =>
  c !== undefined && (isIdentifierStart(c) || (c >= '0' && c <= '9'));

export const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** The cursor over the template text shared by the expression and template parsers. */
export class Scanner {
  pos = 0;
  readonly lineStarts: number[];
  /** Expressions and blocks open around the cursor (see maxNesting). */
  private nesting = 0;

  constructor(readonly text: string) {
    this.lineStarts = lineStartsOf(text);
  }

  span(start: number, end: number): Span {
    return {
      start,
      end,
      range: { start: positionIn(this.text, this.lineStarts, start), end: positionIn(this.text, this.lineStarts, end) },
    };
  }

  fail(message: string, start: number = this.pos, end: number = start + 1): never {
    throw new VtlSyntaxError(message, start, Math.min(Math.max(end, start), this.text.length));
  }

  /** Runs `parse` one nesting level deeper; past maxNesting, a syntax error at `start`. */
  nested<T>(start: number, parse: () => T): T {
    if (this.nesting >= maxNesting) {
      throw new VtlNestingError(
        `The template nests more than ${maxNesting} levels deep here (parentheses, lists, maps, arguments, strings or directives inside each other): flatten it, e.g. with #set`,
        start,
        Math.min(start + 1, this.text.length),
      );
    }
    this.nesting++;
    try {
      return parse();
    } finally {
      this.nesting--;
    }
  }

  /** "line 3" of an offset, for messages that point back at an opening directive. */
  lineOf(offset: number): number {
    return positionAt(this.lineStarts, offset).line + 1;
  }

  char(offset = 0): string | undefined {
    return this.text[this.pos + offset];
  }

  /** Skips spaces, tabs and line breaks (inside directive parentheses and expressions). */
  skipWhitespace(): void {
    for (;;) {
      const c = this.text[this.pos];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') this.pos++;
      else return;
    }
  }

  /** Reads an identifier (letters, digits, `_`, and `-` between identifier characters, as Velocity 1.7 allows). */
  readIdentifier(): string {
    const start = this.pos;
    let p = this.pos;
    while (isIdentifierPart(this.text[p]) || (this.text[p] === '-' && isIdentifierPart(this.text[p + 1]))) p++;
    this.pos = p;
    return this.text.slice(start, p);
  }

  expect(c: string, what: string): void {
    this.skipWhitespace();
    if (this.text[this.pos] !== c) {
      const found = this.pos >= this.text.length ? 'the end of the template' : `'${this.text[this.pos]}'`;
      this.fail(`Expected '${c}' ${what}, found ${found}`);
    }
    this.pos++;
  }

  /** True when `word` is at the cursor and not followed by an identifier character. */
  atWord(word: string): boolean {
    return this.text.startsWith(word, this.pos) && !isIdentifierPart(this.text[this.pos + word.length]);
  }
}
