import type { Diagnostic } from '../shared/diagnostic';
import type { Block, Statement, TemplateAst } from './ast';
import { DirectiveParser, type BlockEnd, type Terminator } from './parseDirectives';
import { VtlSyntaxError, isIdentifierStart } from './scanner';

/**
 * Parses Velocity 1.7 template text, with API Gateway's whitespace behaviour: a line break right after a
 * directive's closing parenthesis, `#else` or `#end` is consumed, and so are spaces and tabs before `#set`.
 * This layer reads blocks of text, references, escapes, comments and unparsed `#[[ ]]#` blocks; the directives
 * are parseDirectives.ts, and expressions parseExpression.ts.
 */
export class TemplateParser extends DirectiveParser {
  parseAll(): Block {
    const { body, end } = this.parseBlock([]);
    if (end.kind !== 'eof')
      this.fail(
        `#${end.kind} without a matching #if, #foreach, #macro or #define: remove it`,
        end.span.start,
        end.span.end,
      );
    return body;
  }

  protected parseInterpolation(start: number, end: number): Block {
    const savedPos = this.pos;
    const savedLimit = this.limit;
    this.pos = start;
    this.limit = end;
    try {
      const { body, end: blockEnd } = this.parseBlock([]);
      if (blockEnd.kind !== 'eof')
        this.fail(
          `#${blockEnd.kind} without a matching directive inside the string`,
          blockEnd.span.start,
          blockEnd.span.end,
        );
      return body;
    } finally {
      this.pos = savedPos;
      this.limit = savedLimit;
    }
  }

  protected parseBlock(terminators: Terminator[]): { body: Block; end: BlockEnd } {
    return this.nested(this.pos, () => this.parseBlockBody(terminators));
  }

  private parseBlockBody(terminators: Terminator[]): { body: Block; end: BlockEnd } {
    const body: Statement[] = [];
    let text = '';
    let textStart = this.pos;
    const flush = (): void => {
      if (text !== '') body.push({ kind: 'text', value: text, ...this.span(textStart, this.pos) });
      text = '';
    };
    const push = (node: Statement): void => {
      body.push(node);
      textStart = this.pos;
    };
    while (this.pos < this.limit) {
      const c = this.text[this.pos];
      if (c === '$') {
        const refStart = this.pos;
        const ref = this.parseReference(false);
        if (ref) {
          this.pos = refStart;
          flush();
          this.pos = ref.end;
          push(ref);
        } else {
          text += '$';
          this.pos++;
        }
      } else if (c === '#') {
        const start = this.pos;
        const result = this.parseHash(terminators, (isSet) => {
          this.pos = start;
          // Spaces and tabs right before #set belong to the directive (Velocity 1.7's SET_DIRECTIVE token).
          if (isSet) text = text.replace(/[ \t]+$/, '');
          flush();
        });
        if (result === undefined) {
          text += '#';
          this.pos = start + 1;
        } else if (isBlockEnd(result)) {
          return { body, end: result };
        } else {
          push(result);
        }
      } else if (c === '\\') {
        text += this.parseEscape();
      } else {
        const next = this.nextSpecial();
        text += this.text.slice(this.pos, next);
        this.pos = next;
      }
    }
    flush();
    return { body, end: { kind: 'eof', span: this.span(this.pos, this.pos) } };
  }

  private nextSpecial(): number {
    let p = this.pos + 1;
    while (p < this.limit) {
      const c = this.text.charCodeAt(p);
      if (c === 36 /* $ */ || c === 35 /* # */ || c === 92 /* \ */) break;
      p++;
    }
    return p;
  }

  /** `\$ref` prints `$ref`, `\\$ref` prints `\` then the value; `\#if` prints `#if`. Other backslashes are text. */
  private parseEscape(): string {
    const start = this.pos;
    let p = start;
    while (this.text[p] === '\\' && p < this.limit) p++;
    const count = p - start;
    const next = this.text[p];
    const escapesSomething =
      (next === '$' && (isIdentifierStart(this.text[p + 1]) || '!{'.includes(this.text[p + 1] ?? ' '))) ||
      (next === '#' && (isIdentifierStart(this.text[p + 1]) || this.text[p + 1] === '{'));
    if (!escapesSomething) {
      this.pos = p;
      return this.text.slice(start, p);
    }
    const half = '\\'.repeat(Math.floor(count / 2));
    if (count % 2 === 0) {
      this.pos = p;
      return half;
    }
    // An odd count escapes what follows: print it as text.
    this.pos = p;
    if (next === '$') {
      const ref = this.parseReference(false);
      if (ref) return half + ref.source;
    }
    this.pos = p + 1;
    return `${half}${next}`;
  }

  /**
   * What starts with `#` at the cursor: a comment, raw text, a directive, a block end, or undefined for plain
   * text. `beforeDirective` is called once the `#` is known to start something, to flush pending text.
   */
  private parseHash(
    terminators: Terminator[],
    beforeDirective: (isSet: boolean) => void,
  ): Statement | BlockEnd | undefined {
    const start = this.pos;
    const next = this.text[start + 1];
    if (next === '#') return this.parseLineComment(() => beforeDirective(false));
    if (next === '*') return this.parseBlockComment(() => beforeDirective(false));
    if (next === '[' && this.text[start + 2] === '[') return this.parseRaw(() => beforeDirective(false));
    const braced = next === '{';
    if (!isIdentifierStart(this.text[start + (braced ? 2 : 1)])) return undefined;
    this.pos = start + (braced ? 2 : 1);
    const name = this.readIdentifier();
    if (braced) {
      if (this.text[this.pos] !== '}') {
        this.pos = start;
        return undefined;
      }
      this.pos++;
    }
    return this.parseDirective(name, start, this.pos, braced, terminators, beforeDirective);
  }

  private parseLineComment(before: () => void): Statement {
    before();
    const start = this.pos;
    let p = start;
    while (p < this.limit && this.text[p] !== '\n' && this.text[p] !== '\r') p++;
    const value = this.text.slice(start, p);
    if (this.text[p] === '\r' && this.text[p + 1] === '\n') p += 2;
    else if (p < this.limit) p++;
    this.pos = p;
    return { kind: 'comment', value, ...this.span(start, start + value.length) };
  }

  private parseBlockComment(before: () => void): Statement {
    before();
    const start = this.pos;
    const close = this.text.indexOf('*#', start + 2);
    if (close < 0 || close + 2 > this.limit)
      this.fail('Comment #* is never closed: add *# at its end', start, start + 2);
    this.pos = close + 2;
    return { kind: 'comment', value: this.text.slice(start, this.pos), ...this.span(start, this.pos) };
  }

  private parseRaw(before: () => void): Statement {
    before();
    const start = this.pos;
    const close = this.text.indexOf(']]#', start + 3);
    if (close < 0 || close + 3 > this.limit)
      this.fail('Unparsed block #[[ is never closed: add ]]# at its end', start, start + 3);
    this.pos = close + 3;
    return { kind: 'text', value: this.text.slice(start + 3, close), ...this.span(start, this.pos) };
  }
}

function isBlockEnd(value: Statement | BlockEnd): value is BlockEnd {
  return 'span' in value && !('range' in value);
}

/** The result of parsing: the tree, or the first syntax error as a diagnostic. */
export type ParseResult = { ok: true; ast: TemplateAst } | { ok: false; errors: Diagnostic[] };

/** Parses template text into a tree with positions; a syntax error becomes one `apigw.vtl.syntax` diagnostic. */
export function parseTemplate(text: string): ParseResult {
  const parser = new TemplateParser(text);
  try {
    return { ok: true, ast: { text, body: parser.parseAll() } };
  } catch (error) {
    if (!(error instanceof VtlSyntaxError)) throw error;
    const span = parser.span(error.start, error.end);
    return {
      ok: false,
      errors: [{ code: 'apigw.vtl.syntax', severity: 'error', message: error.message, range: span.range }],
    };
  }
}
