import type { Block, Expression, IfBranch, ReferenceNode, Span, Statement } from './ast';
import { ExpressionParser } from './parseExpression';
import { VtlNestingError, VtlSyntaxError, isIdentifierStart } from './scanner';
import { dictOf } from '../shared/dict';

/** The directives that end a block: what a block parsed for `#if`, `#foreach`, `#macro` or `#define` stops at. */
export type Terminator = 'end' | 'else' | 'elseif';

/** Where a block ended: at a terminator (with its span) or at the end of the text. */
export interface BlockEnd {
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
 * The directives (`#set`, `#if` / `#elseif` / `#else`, `#foreach`, `#macro`, `#define`, `#break`, `#stop`, `#end`
 * and macro calls) with API Gateway's whitespace behaviour: a line break right after a directive's closing
 * parenthesis, `#else` or `#end` is consumed. Blocks (the text between a directive and its `#end`) are parsed by
 * the template parser (parser.ts) through parseBlock.
 */
export abstract class DirectiveParser extends ExpressionParser {
  /** Where the text being parsed ends (the whole template, or a string's inside while it is interpolated). */
  protected limit: number;

  constructor(text: string) {
    super(text);
    this.limit = text.length;
  }

  /** Parses statements up to one of the terminators (or the end of the text). */
  protected abstract parseBlock(terminators: Terminator[]): { body: Block; end: BlockEnd };

  /**
   * The directive `name` whose `#name` or `#{name}` spans [start, nameEnd); undefined when it is plain text.
   * `beforeDirective` is called once the directive is known, to flush pending text.
   */
  protected parseDirective(
    name: string,
    start: number,
    nameEnd: number,
    braced: boolean,
    terminators: Terminator[],
    beforeDirective: (isSet: boolean) => void,
  ): Statement | BlockEnd | undefined {
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
