import type { Accessor, BinaryOperator, Block, Expression, ReferenceNode, StringLiteral } from './ast';
import { Scanner, VtlNestingError, VtlSyntaxError, isDigit, isIdentifierPart, isIdentifierStart } from './scanner';

const binaryLevels: { symbols: [string, BinaryOperator][]; words: [string, BinaryOperator][] }[] = [
  { symbols: [['||', '||']], words: [['or', '||']] },
  { symbols: [['&&', '&&']], words: [['and', '&&']] },
  {
    symbols: [
      ['==', '=='],
      ['!=', '!='],
    ],
    words: [
      ['eq', '=='],
      ['ne', '!='],
    ],
  },
  {
    symbols: [
      ['<=', '<='],
      ['>=', '>='],
      ['<', '<'],
      ['>', '>'],
    ],
    words: [
      ['le', '<='],
      ['ge', '>='],
      ['lt', '<'],
      ['gt', '>'],
    ],
  },
  {
    symbols: [
      ['+', '+'],
      ['-', '-'],
    ],
    words: [],
  },
  {
    symbols: [
      ['*', '*'],
      ['/', '/'],
      ['%', '%'],
    ],
    words: [],
  },
];

/** References and expressions (inside directive parentheses, method arguments and index brackets). */
export abstract class ExpressionParser extends Scanner {
  /** Parses the inside of a double-quoted string [start, end) as a template. */
  protected abstract parseInterpolation(start: number, end: number): Block;

  /**
   * Parses `$name…` at the cursor. In text, a `$` that starts no valid reference returns undefined (it is
   * plain text) and a malformed index leaves the reference before it; in expressions both are errors.
   */
  parseReference(inExpression: boolean): ReferenceNode | undefined {
    const start = this.pos;
    let p = start + 1;
    const quiet = this.text[p] === '!';
    if (quiet) p++;
    const braced = this.text[p] === '{';
    if (braced) p++;
    if (!isIdentifierStart(this.text[p])) {
      if (inExpression) this.fail(`Expected a variable name after '${this.text.slice(start, p)}'`, start, p + 1);
      return undefined;
    }
    this.pos = p;
    const name = this.readIdentifier();
    const nameSpan = this.span(p, this.pos);
    const accessors = this.parseAccessors(inExpression || braced);
    if (braced) {
      if (this.text[this.pos] !== '}') {
        if (!inExpression) {
          this.pos = start;
          return undefined;
        }
        this.fail(`'\${' is not closed: add '}' after the reference`, start, this.pos);
      }
      this.pos++;
    }
    const source = this.text.slice(start, this.pos);
    return { kind: 'reference', name, nameSpan, quiet, braced, accessors, source, ...this.span(start, this.pos) };
  }

  private parseAccessors(strict: boolean): Accessor[] {
    const accessors: Accessor[] = [];
    for (;;) {
      const start = this.pos;
      const c = this.text[this.pos];
      if (c === '.' && isIdentifierStart(this.text[this.pos + 1])) {
        this.pos++;
        const name = this.readIdentifier();
        if (this.text[this.pos] === '(') {
          this.pos++;
          const args = this.parseArguments(')', `to close the arguments of .${name}(`);
          accessors.push({ kind: 'method', name, args, ...this.span(start, this.pos) });
        } else {
          accessors.push({ kind: 'property', name, ...this.span(start, this.pos) });
        }
      } else if (c === '[') {
        try {
          this.pos++;
          this.skipWhitespace();
          const index = this.parseExpression();
          this.expect(']', 'to close the index');
          accessors.push({ kind: 'index', index, ...this.span(start, this.pos) });
        } catch (error) {
          if (strict || !(error instanceof VtlSyntaxError) || error instanceof VtlNestingError) throw error;
          this.pos = start;
          return accessors;
        }
      } else {
        return accessors;
      }
    }
  }

  /** Comma-separated expressions up to `close` (the opening bracket already consumed). */
  parseArguments(close: string, what: string): Expression[] {
    const args: Expression[] = [];
    this.skipWhitespace();
    if (this.text[this.pos] === close) {
      this.pos++;
      return args;
    }
    for (;;) {
      this.skipWhitespace();
      args.push(this.parseExpression());
      this.skipWhitespace();
      if (this.text[this.pos] === ',') {
        this.pos++;
        continue;
      }
      this.expect(close, what);
      return args;
    }
  }

  parseExpression(): Expression {
    return this.nested(this.pos, () => this.parseBinary(0));
  }

  private parseBinary(level: number): Expression {
    const ops = binaryLevels[level];
    if (!ops) return this.parseUnary();
    let left = this.parseBinary(level + 1);
    for (;;) {
      this.skipWhitespace();
      const operator = this.matchOperator(ops.symbols, ops.words);
      if (!operator) return left;
      this.skipWhitespace();
      const right = this.parseBinary(level + 1);
      left = { kind: 'binary', operator, left, right, ...this.span(left.start, right.end) };
    }
  }

  private matchOperator(
    symbols: [string, BinaryOperator][],
    words: [string, BinaryOperator][],
  ): BinaryOperator | undefined {
    for (const [symbol, op] of symbols) {
      // `=` alone is not an operator here, and `!=`'s `!` must not be read as `!`'s operand.
      if (this.text.startsWith(symbol, this.pos)) {
        if ((symbol === '<' || symbol === '>') && this.text[this.pos + 1] === '=') continue;
        this.pos += symbol.length;
        return op;
      }
    }
    for (const [word, op] of words) {
      if (this.atWord(word)) {
        this.pos += word.length;
        return op;
      }
    }
    return undefined;
  }

  private parseUnary(): Expression {
    this.skipWhitespace();
    const start = this.pos;
    if ((this.text[this.pos] === '!' && this.text[this.pos + 1] !== '=') || this.atWord('not')) {
      this.pos += this.text[this.pos] === '!' ? 1 : 3;
      const operand = this.nested(start, () => this.parseUnary());
      return { kind: 'unary', operator: '!', operand, ...this.span(start, operand.end) };
    }
    if (this.text[this.pos] === '-' && !isDigit(this.text[this.pos + 1])) {
      this.pos++;
      const operand = this.nested(start, () => this.parseUnary());
      return { kind: 'unary', operator: '-', operand, ...this.span(start, operand.end) };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): Expression {
    this.skipWhitespace();
    const start = this.pos;
    const c = this.text[this.pos];
    if (c === '$') return this.parseReference(true)!;
    if (c === '"' || c === "'") return this.parseString();
    if (isDigit(c) || (c === '-' && isDigit(this.text[this.pos + 1]))) return this.parseNumber();
    if (c === '[') return this.parseListOrRange();
    if (c === '{') return this.parseMap();
    if (c === '(') {
      this.pos++;
      const inner = this.parseExpression();
      this.expect(')', 'to close the parenthesis');
      return inner;
    }
    if (this.atWord('true') || this.atWord('false')) {
      const value = this.atWord('true');
      this.pos += value ? 4 : 5;
      return { kind: 'boolean', value, ...this.span(start, this.pos) };
    }
    if (this.atWord('null')) {
      this.pos += 4;
      return { kind: 'null', ...this.span(start, this.pos) };
    }
    const found = c === undefined ? 'the end of the template' : `'${c}'`;
    return this.fail(
      `Expected a value ($reference, 'string', number, true, false, null, [list] or {map}), found ${found}`,
    );
  }

  private parseNumber(): Expression {
    const start = this.pos;
    if (this.text[this.pos] === '-') this.pos++;
    while (isDigit(this.text[this.pos])) this.pos++;
    let isDouble = false;
    if (this.text[this.pos] === '.' && isDigit(this.text[this.pos + 1])) {
      isDouble = true;
      this.pos++;
      while (isDigit(this.text[this.pos])) this.pos++;
    }
    if (isIdentifierPart(this.text[this.pos]))
      this.fail(`Malformed number '${this.text.slice(start, this.pos + 1)}'`, start, this.pos + 1);
    const value = Number(this.text.slice(start, this.pos));
    return { kind: 'number', value, isDouble, ...this.span(start, this.pos) };
  }

  private parseString(): StringLiteral {
    const start = this.pos;
    const quote = this.text[this.pos]!;
    let p = start + 1;
    let value = '';
    let from = p;
    for (;;) {
      if (p >= this.text.length) this.fail(`String is never closed: add ${quote} at its end`, start, p);
      const c = this.text[p];
      if (c === '\\' && this.text[p + 1] === quote) p += 2;
      else if (c === quote && this.text[p + 1] === quote) {
        value += this.text.slice(from, p + 1);
        p += 2;
        from = p;
      } else if (c === quote) break;
      else p++;
    }
    value += this.text.slice(from, p);
    const contentEnd = p;
    this.pos = p + 1;
    const interpolated =
      quote === '"' && (value.includes('$') || value.includes('#'))
        ? this.parseInterpolation(start + 1, contentEnd)
        : undefined;
    return { kind: 'string', value, interpolated, ...this.span(start, this.pos) };
  }

  private parseListOrRange(): Expression {
    const start = this.pos;
    this.pos++;
    this.skipWhitespace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return { kind: 'list', items: [], ...this.span(start, this.pos) };
    }
    const first = this.parseExpression();
    this.skipWhitespace();
    if (this.text.startsWith('..', this.pos)) {
      this.pos += 2;
      this.skipWhitespace();
      const to = this.parseExpression();
      this.expect(']', 'to close the range [from..to]');
      return { kind: 'range', from: first, to, ...this.span(start, this.pos) };
    }
    const items = [first];
    while (this.text[this.pos] === ',') {
      this.pos++;
      this.skipWhitespace();
      items.push(this.parseExpression());
      this.skipWhitespace();
    }
    this.expect(']', 'to close the list');
    return { kind: 'list', items, ...this.span(start, this.pos) };
  }

  private parseMap(): Expression {
    const start = this.pos;
    this.pos++;
    const entries: { key: Expression; value: Expression }[] = [];
    this.skipWhitespace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return { kind: 'map', entries, ...this.span(start, this.pos) };
    }
    for (;;) {
      this.skipWhitespace();
      const key = this.parseExpression();
      this.expect(':', 'between a map key and its value');
      this.skipWhitespace();
      const value = this.parseExpression();
      entries.push({ key, value });
      this.skipWhitespace();
      if (this.text[this.pos] === ',') {
        this.pos++;
        continue;
      }
      this.expect('}', 'to close the map');
      return { kind: 'map', entries, ...this.span(start, this.pos) };
    }
  }
}
