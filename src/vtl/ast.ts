import type { Range } from '../shared/range';

/**
 * The syntax tree of a Velocity (VTL 1.7) template. Every node carries its `range` (0-based line and character
 * within the template text, as in LSP) and its `start`/`end` offsets, so the checker and the embedded-template
 * mapper can place diagnostics on the exact characters.
 */
export interface Span {
  range: Range;
  start: number;
  end: number;
}

export type Block = Statement[];

export type Statement =
  | TextNode
  | CommentNode
  | ReferenceNode
  | SetNode
  | IfNode
  | ForeachNode
  | BreakNode
  | StopNode
  | MacroNode
  | MacroCallNode
  | DefineNode;

export interface TextNode extends Span {
  kind: 'text';
  value: string;
}

/** `## …` or `#* … *#`: kept in the tree for tools, never rendered. */
export interface CommentNode extends Span {
  kind: 'comment';
  value: string;
}

export type Accessor = PropertyAccessor | MethodAccessor | IndexAccessor;

export interface PropertyAccessor extends Span {
  kind: 'property';
  name: string;
}

export interface MethodAccessor extends Span {
  kind: 'method';
  name: string;
  args: Expression[];
}

export interface IndexAccessor extends Span {
  kind: 'index';
  index: Expression;
}

/** `$name`, `$!name`, `${name}`, `$!{name.a.b()}`: a variable followed by property, method and index accessors. */
export interface ReferenceNode extends Span {
  kind: 'reference';
  name: string;
  /** Span of the variable name itself. */
  nameSpan: Span;
  quiet: boolean;
  braced: boolean;
  accessors: Accessor[];
  /** The reference exactly as written, printed when a non-quiet reference is null in literal mode. */
  source: string;
}

export interface SetNode extends Span {
  kind: 'set';
  target: ReferenceNode;
  value: Expression;
}

export interface IfBranch extends Span {
  condition: Expression;
  body: Block;
}

export interface IfNode extends Span {
  kind: 'if';
  branches: IfBranch[];
  elseBody: Block | undefined;
}

export interface ForeachNode extends Span {
  kind: 'foreach';
  variable: string;
  variableSpan: Span;
  iterable: Expression;
  body: Block;
}

export interface BreakNode extends Span {
  kind: 'break';
}

export interface StopNode extends Span {
  kind: 'stop';
}

export interface MacroNode extends Span {
  kind: 'macro';
  name: string;
  params: string[];
  body: Block;
}

export interface MacroCallNode extends Span {
  kind: 'macroCall';
  name: string;
  args: Expression[];
}

export interface DefineNode extends Span {
  kind: 'define';
  variable: string;
  body: Block;
}

export type Expression =
  | ReferenceNode
  | StringLiteral
  | NumberLiteral
  | BooleanLiteral
  | NullLiteral
  | ListLiteral
  | RangeLiteral
  | MapLiteral
  | BinaryExpression
  | UnaryExpression;

export interface StringLiteral extends Span {
  kind: 'string';
  /** The text between the quotes (doubled quotes already collapsed). */
  value: string;
  /** Double-quoted strings are templates themselves: references and directives inside are rendered. */
  interpolated: Block | undefined;
}

export interface NumberLiteral extends Span {
  kind: 'number';
  value: number;
  /** `1.0` is a Java Double, `1` an Integer. */
  isDouble: boolean;
}

export interface BooleanLiteral extends Span {
  kind: 'boolean';
  value: boolean;
}

export interface NullLiteral extends Span {
  kind: 'null';
}

export interface ListLiteral extends Span {
  kind: 'list';
  items: Expression[];
}

export interface RangeLiteral extends Span {
  kind: 'range';
  from: Expression;
  to: Expression;
}

export interface MapLiteral extends Span {
  kind: 'map';
  entries: { key: Expression; value: Expression }[];
}

export type BinaryOperator = '||' | '&&' | '==' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | '/' | '%';

export interface BinaryExpression extends Span {
  kind: 'binary';
  operator: BinaryOperator;
  left: Expression;
  right: Expression;
}

export interface UnaryExpression extends Span {
  kind: 'unary';
  operator: '!' | '-';
  operand: Expression;
}

/** A parsed template: its statements, the syntax errors found, and the macros it defines. */
export interface TemplateAst {
  text: string;
  body: Block;
}
