import type { Diagnostic } from '../shared/diagnostic';
import type { Block, Expression, IfBranch, ReferenceNode, Span, Statement, TemplateAst } from './ast';
import { ExpressionParser } from './parseExpression';
import { VtlNestingError, VtlSyntaxError, isIdentifierStart } from './scanner';
import { dictOf } from '../shared/dict';

type Terminator = 'end' | 'else' | 'elseif';

interface BlockEnd {
  kind: Terminator | 'eof';
  span: Span;
  /** The condition of an `#elseif`. */
  branch?: IfBranch;
}

const unsupported: Record<string, string> = dictOf({
  parse:
    '#parse is not available in API Gateway mapping templates (there are no other template files): inline the template instead',
  include:
    '#include is not available in API Gateway mapping templates (there are no other files): inline the text instead',
  evaluate: '#evaluate is not supported in API Gateway mapping templates: write the template text directly',
});

/**
 * Parses Velocity 1.7 template text, with API Gateway's whitespace behaviour: a line break right after a
 * directive's closing parenthesis, `#else` or `#end` is consumed, and so are spaces and tabs before `#set`.
 */
export class TemplateParser extends ExpressionParser {
  private limit: number;

  constructor(text: string) {
    super(text);
    this.limit = text.length;
  }

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

  private parseBlock(terminators: Terminator[]): { body: Block; end: BlockEnd } {
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
    const nameEnd = this.pos;
    const keep = (): void => {
      this.pos = nameEnd;
    };
    switch (name) {
      case 'set':
        beforeDirective(true);
        keep();
        return this.parseSet(start);
      case 'if':
        beforeDirective(false);
        keep();
        return this.parseIf(start);
      case 'elseif':
      case 'else':
      case 'end':
        beforeDirective(false);
        keep();
        return this.parseBlockEnd(name, start, braced, terminators);
      case 'foreach':
        beforeDirective(false);
        keep();
        return this.parseForeach(start);
      case 'break':
      case 'stop':
        beforeDirective(false);
        keep();
        return { kind: name, ...this.span(start, this.pos) };
      case 'macro':
        beforeDirective(false);
        keep();
        return this.parseMacro(start);
      case 'define':
        beforeDirective(false);
        keep();
        return this.parseDefine(start);
      default:
        if (unsupported[name]) this.fail(unsupported[name], start, nameEnd);
        return this.parseMacroCall(name, start, () => beforeDirective(false));
    }
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

  /** After a directive's `)`: spaces, tabs and one line break are consumed, when a line break follows. */
  private gobbleLineEnd(): void {
    let p = this.pos;
    while (this.text[p] === ' ' || this.text[p] === '\t') p++;
    if (p >= this.limit) return;
    if (this.text[p] === '\n') this.pos = p + 1;
    else if (this.text[p] === '\r') this.pos = this.text[p + 1] === '\n' ? p + 2 : p + 1;
  }

  private openParen(directive: string): void {
    let p = this.pos;
    while (this.text[p] === ' ' || this.text[p] === '\t') p++;
    if (this.text[p] !== '(') this.fail(`Expected '(' after #${directive}`, this.pos, this.pos + 1);
    this.pos = p + 1;
    this.skipWhitespace();
  }

  private closeParen(directive: string): void {
    this.expect(')', `to close #${directive}(`);
    this.gobbleLineEnd();
  }

  private parseTargetReference(directive: string): ReferenceNode {
    this.skipWhitespace();
    if (this.text[this.pos] !== '$') this.fail(`#${directive} needs a $reference here`, this.pos, this.pos + 1);
    return this.parseReference(true)!;
  }

  private parseSet(start: number): Statement {
    this.openParen('set');
    const target = this.parseTargetReference('set');
    if (target.accessors.some((a) => a.kind === 'method'))
      this.fail('#set cannot assign to a method call: assign to a $variable or a $map.key', target.start, target.end);
    this.expect('=', 'after the #set target');
    this.skipWhitespace();
    const value = this.parseExpression();
    this.closeParen('set');
    return { kind: 'set', target, value, ...this.span(start, this.pos) };
  }

  private parseCondition(directive: string): IfBranch['condition'] {
    this.openParen(directive);
    const condition = this.parseExpression();
    this.closeParen(directive);
    return condition;
  }

  private parseIf(start: number): Statement {
    const branches: IfBranch[] = [];
    let condition = this.parseCondition('if');
    let branchStart = start;
    for (;;) {
      const headerEnd = this.pos;
      const { body, end } = this.parseBlock(['elseif', 'else', 'end']);
      branches.push({ condition, body, ...this.span(branchStart, headerEnd) });
      if (end.kind === 'eof')
        this.fail(`#if at line ${this.lineOf(start)} is never closed: add #end`, start, start + 3);
      if (end.kind === 'end') return { kind: 'if', branches, elseBody: undefined, ...this.span(start, this.pos) };
      if (end.kind === 'else') {
        const { body: elseBody, end: elseEnd } = this.parseBlock(['end']);
        if (elseEnd.kind === 'eof')
          this.fail(`#if at line ${this.lineOf(start)} is never closed: add #end`, start, start + 3);
        return { kind: 'if', branches, elseBody, ...this.span(start, this.pos) };
      }
      condition = end.branch!.condition;
      branchStart = end.span.start;
    }
  }

  private parseBlockEnd(name: Terminator, start: number, braced: boolean, terminators: Terminator[]): BlockEnd {
    if (!terminators.includes(name)) {
      const what = name === 'end' ? '#if, #foreach, #macro or #define' : '#if';
      this.fail(`#${name} without a matching ${what}: remove it or add the opening directive`, start, this.pos);
    }
    if (name === 'elseif') {
      const condition = this.parseCondition('elseif');
      const span = this.span(start, this.pos);
      return { kind: name, span, branch: { condition, body: [], ...span } };
    }
    if (!braced) this.gobbleLineEnd();
    return { kind: name, span: this.span(start, this.pos) };
  }

  private parseForeach(start: number): Statement {
    this.openParen('foreach');
    this.skipWhitespace();
    if (this.text[this.pos] !== '$')
      this.fail('#foreach needs a loop variable: #foreach($item in $list)', this.pos, this.pos + 1);
    const variable = this.parseReference(true)!;
    if (variable.accessors.length > 0)
      this.fail('The #foreach loop variable must be a plain $name', variable.start, variable.end);
    this.skipWhitespace();
    if (!this.atWord('in'))
      this.fail("Expected 'in' after the #foreach loop variable: #foreach($item in $list)", this.pos, this.pos + 1);
    this.pos += 2;
    this.skipWhitespace();
    const iterable = this.parseExpression();
    this.closeParen('foreach');
    const { body, end } = this.parseBlock(['end']);
    if (end.kind === 'eof')
      this.fail(`#foreach at line ${this.lineOf(start)} is never closed: add #end`, start, start + 8);
    return {
      kind: 'foreach',
      variable: variable.name,
      variableSpan: variable.nameSpan,
      iterable,
      body,
      ...this.span(start, this.pos),
    };
  }

  private parseMacro(start: number): Statement {
    this.openParen('macro');
    if (!isIdentifierStart(this.text[this.pos]))
      this.fail('#macro needs a name: #macro(name $arg1 $arg2)', this.pos, this.pos + 1);
    const name = this.readIdentifier();
    const params: string[] = [];
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.pos] === ',') this.pos++;
      this.skipWhitespace();
      if (this.text[this.pos] !== '$') break;
      params.push(this.parseTargetReference('macro').name);
    }
    this.closeParen('macro');
    const { body, end } = this.parseBlock(['end']);
    if (end.kind === 'eof')
      this.fail(`#macro at line ${this.lineOf(start)} is never closed: add #end`, start, start + 6);
    return { kind: 'macro', name, params, body, ...this.span(start, this.pos) };
  }

  private parseDefine(start: number): Statement {
    this.openParen('define');
    const target = this.parseTargetReference('define');
    this.closeParen('define');
    const { body, end } = this.parseBlock(['end']);
    if (end.kind === 'eof')
      this.fail(`#define at line ${this.lineOf(start)} is never closed: add #end`, start, start + 7);
    return { kind: 'define', variable: target.name, body, ...this.span(start, this.pos) };
  }

  /** `#name(args)`: a macro call; anything that does not parse as one is plain text, as in Velocity. */
  private parseMacroCall(name: string, start: number, before: () => void): Statement | undefined {
    let p = this.pos;
    while (this.text[p] === ' ' || this.text[p] === '\t') p++;
    if (this.text[p] !== '(') {
      this.pos = start;
      return undefined;
    }
    this.pos = p + 1;
    try {
      const args = this.parseMacroArgs();
      const end = this.pos;
      this.gobbleLineEnd();
      const gobbledTo = this.pos;
      this.pos = start;
      before();
      this.pos = gobbledTo;
      return { kind: 'macroCall', name, args, ...this.span(start, end) };
    } catch (error) {
      if (!(error instanceof VtlSyntaxError) || error instanceof VtlNestingError) throw error;
      this.pos = start;
      return undefined;
    }
  }

  /** Macro arguments are separated by spaces or commas. */
  private parseMacroArgs(): Expression[] {
    const args: Expression[] = [];
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.pos] === ')') {
        this.pos++;
        return args;
      }
      if (this.text[this.pos] === ',') {
        this.pos++;
        continue;
      }
      if (this.pos >= this.limit) this.fail("Expected ')' to close the macro call");
      args.push(this.parseExpression());
    }
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
