import type { Accessor, BinaryExpression, Block, Expression, ReferenceNode, Span } from './ast';
import { callMethod, getProperty, printBounded } from './javaMethods';
import { MethodError, VtlRuntimeError, type RenderState } from './runtime';
import {
  HostObject,
  JavaDouble,
  isNumber,
  isTruthy,
  numberOf,
  toMapKey,
  valuesEqual,
  type Value,
  type VtlMap,
} from './values';

export type Eval = (s: RenderState) => Value;
export type Exec = (s: RenderState) => void;

/** A `#define`d block: rendered each time its reference is used. */
export class DefinedBlock extends HostObject {
  readonly typeName = '#define';
  constructor(readonly exec: Exec) {
    super();
  }
  call(): undefined {
    return undefined;
  }
  /** The block's text; a block that uses itself stops at the macro depth limit, as a macro calling itself does. */
  render(s: RenderState, span: Span): string {
    if (s.depth >= s.limits.recursionDepth) {
      throw new VtlRuntimeError(
        `A #define block is used inside itself more than ${s.limits.recursionDepth} deep: stop the recursion`,
        'apigw.vtl.limit.recursion',
        span,
      );
    }
    const saved = s.out;
    s.out = '';
    s.depth++;
    try {
      this.exec(s);
      return s.out;
    } finally {
      s.depth--;
      s.out = saved;
    }
  }
}

/** Compiles blocks inside double-quoted strings; supplied by the statement compiler. */
export type BlockCompiler = (block: Block) => Exec;

type Access = (s: RenderState, target: Value) => Value | undefined;

/** About how much work a value is to go through: characters of a string, 8 per item of a list or map. */
function sizeOf(v: Value | undefined): number {
  if (typeof v === 'string') return v.length;
  if (Array.isArray(v)) return v.length * 8;
  if (v instanceof Map) return v.size * 8;
  return 0;
}

function runtimeError(error: unknown, span: Span): never {
  if (error instanceof MethodError) throw new VtlRuntimeError(error.message, error.code, span);
  throw error;
}

function compileAccessor(accessor: Accessor, compileBlock: BlockCompiler): Access {
  switch (accessor.kind) {
    case 'property': {
      const name = accessor.name;
      return (_s, target) => getProperty(target, name);
    }
    case 'method': {
      const name = accessor.name;
      const args = accessor.args.map((a) => compileExpression(a, compileBlock));
      return (s, target) => {
        s.tick(accessor);
        const values = args.map((a) => a(s));
        let result: Value | undefined;
        try {
          result = callMethod(target, name, values, s.limits);
        } catch (error) {
          runtimeError(error, accessor);
        }
        // Work in proportion to the sizes involved: the clock is read after a few expensive calls (F08).
        const work = sizeOf(target) + sizeOf(result);
        if (work > 4096) s.charge(work >> 6, accessor);
        if (typeof result === 'string' && result.length > 4096) s.checkString(result, accessor);
        return result;
      };
    }
    case 'index': {
      const index = compileExpression(accessor.index, compileBlock);
      return (s, target) => {
        const key = index(s);
        if (Array.isArray(target)) {
          if (!isNumber(key)) return undefined;
          const i = Math.trunc(numberOf(key));
          return target[i < 0 ? target.length + i : i] ?? null;
        }
        if (target instanceof Map) return target.get(toMapKey(key)) ?? null;
        return undefined;
      };
    }
  }
}

/** Evaluates a reference to its value, or null when the variable or any member along the way is missing. */
export function compileReference(node: ReferenceNode, compileBlock: BlockCompiler): Eval {
  const name = node.name;
  const accessors = node.accessors.map((a) => compileAccessor(a, compileBlock));
  const root = (s: RenderState): Value => {
    const v = s.lookup(name);
    if (v === undefined) return null;
    return v instanceof DefinedBlock ? v.render(s, node) : v;
  };
  if (accessors.length === 0) return root;
  if (accessors.length === 1) {
    const only = accessors[0]!;
    return (s) => {
      const v = root(s);
      return v === null ? null : (only(s, v) ?? null);
    };
  }
  return (s) => {
    let v = root(s);
    for (let i = 0; i < accessors.length; i++) {
      if (v === null) return null;
      const next = accessors[i]!(s, v);
      if (next === undefined) return null;
      v = next;
    }
    return v;
  };
}

/** The object a `#set($a.b.c = …)` target's last accessor applies to. */
export function compileTargetOwner(node: ReferenceNode, compileBlock: BlockCompiler): Eval {
  return compileReference({ ...node, accessors: node.accessors.slice(0, -1) }, compileBlock);
}

export function compileExpression(node: Expression, compileBlock: BlockCompiler): Eval {
  switch (node.kind) {
    case 'reference':
      return compileReference(node, compileBlock);
    case 'string': {
      if (!node.interpolated) {
        const value = node.value;
        return () => value;
      }
      const exec = compileBlock(node.interpolated);
      return (s) => {
        const saved = s.out;
        s.out = '';
        try {
          exec(s);
          return s.out;
        } catch (error) {
          // The text being built is a string, not the output: report the string, at the string.
          if (error instanceof VtlRuntimeError && error.code === 'apigw.vtl.limit.output') s.stringTooLong(node);
          throw error;
        } finally {
          s.out = saved;
        }
      };
    }
    case 'number': {
      const value: Value = node.isDouble ? new JavaDouble(node.value) : node.value;
      return () => value;
    }
    case 'boolean': {
      const value = node.value;
      return () => value;
    }
    case 'null':
      return () => null;
    case 'list': {
      const items = node.items.map((i) => compileExpression(i, compileBlock));
      return (s) => items.map((i) => i(s));
    }
    case 'range':
      return compileRange(node.from, node.to, node, compileBlock);
    case 'map': {
      const entries = node.entries.map(
        (e) => [compileExpression(e.key, compileBlock), compileExpression(e.value, compileBlock)] as const,
      );
      return (s) => {
        const map: VtlMap = new Map();
        for (const [k, v] of entries) map.set(toMapKey(k(s)), v(s));
        return map;
      };
    }
    case 'unary': {
      const operand = compileExpression(node.operand, compileBlock);
      if (node.operator === '!') return (s) => !isTruthy(operand(s));
      return (s) => {
        const v = operand(s);
        if (typeof v === 'number') return -v;
        return v instanceof JavaDouble ? new JavaDouble(-v.value) : null;
      };
    }
    case 'binary':
      return compileBinary(node, compileBlock);
  }
}

function compileRange(fromNode: Expression, toNode: Expression, span: Span, compileBlock: BlockCompiler): Eval {
  const from = compileExpression(fromNode, compileBlock);
  const to = compileExpression(toNode, compileBlock);
  return (s) => {
    const a = from(s);
    const b = to(s);
    const whole = (v: Value): number | undefined =>
      typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v.trim()) : undefined;
    const start = whole(a);
    const end = whole(b);
    if (start === undefined || end === undefined) {
      throw new VtlRuntimeError('A range [from..to] needs whole numbers at both ends', 'apigw.vtl.range', span);
    }
    const size = Math.abs(end - start) + 1;
    if (size > s.limits.collectionSize) {
      throw new VtlRuntimeError(
        `The range [${start}..${end}] has ${size} elements, more than the limit of ${s.limits.collectionSize}: use a smaller range`,
        'apigw.vtl.limit.collection',
        span,
      );
    }
    const step = end >= start ? 1 : -1;
    const list: Value[] = new Array<Value>(size);
    for (let i = 0; i < size; i++) list[i] = start + i * step;
    s.steps += size >> 4;
    s.charge(size >> 4, span);
    return list;
  };
}

function arithmetic(op: string, a: Value, b: Value): Value {
  if (!isNumber(a) || !isNumber(b)) return null;
  const x = numberOf(a);
  const y = numberOf(b);
  const bothInts = typeof a === 'number' && typeof b === 'number';
  if ((op === '/' || op === '%') && y === 0) return null;
  let r: number;
  switch (op) {
    case '+':
      r = x + y;
      break;
    case '-':
      r = x - y;
      break;
    case '*':
      r = x * y;
      break;
    case '/':
      r = bothInts ? Math.trunc(x / y) : x / y;
      break;
    default:
      r = x % y;
  }
  return bothInts ? r : new JavaDouble(r);
}

function compare(op: string, a: Value, b: Value): boolean {
  if (!isNumber(a) || !isNumber(b)) return false;
  const x = numberOf(a);
  const y = numberOf(b);
  return op === '<' ? x < y : op === '<=' ? x <= y : op === '>' ? x > y : x >= y;
}

/**
 * `a + b + c + …` parses to a tree that leans left as deep as the chain is long (generated templates join
 * thousands of terms): the chain is compiled and evaluated in a loop, so neither recurses once per operator.
 */
function compileBinary(node: BinaryExpression, compileBlock: BlockCompiler): Eval {
  const chain: BinaryExpression[] = [];
  let first: Expression = node;
  while (first.kind === 'binary') {
    chain.push(first);
    first = first.left;
  }
  chain.reverse();
  const head = compileExpression(first, compileBlock);
  if (chain.length <= 2) {
    let compiled = head;
    for (const link of chain) compiled = binaryOperation(link, compiled, compileExpression(link.right, compileBlock));
    return compiled;
  }
  // Each link reads the value so far through `previous` (every operator evaluates its left side first, so a
  // nested evaluation of the same chain, through a macro, cannot change it before it is read).
  let current: Value = null;
  const previous: Eval = () => current;
  const links = chain.map((link) => binaryOperation(link, previous, compileExpression(link.right, compileBlock)));
  return (s) => {
    let v = head(s);
    for (let i = 0; i < links.length; i++) {
      current = v;
      v = links[i]!(s);
    }
    return v;
  };
}

/** One operator applied to its compiled operands. */
function binaryOperation(node: BinaryExpression, left: Eval, right: Eval): Eval {
  const op = node.operator;
  switch (op) {
    case '&&':
      return (s) => isTruthy(left(s)) && isTruthy(right(s));
    case '||':
      return (s) => isTruthy(left(s)) || isTruthy(right(s));
    case '==':
      return (s) => valuesEqual(left(s), right(s), s.nullAsEmpty);
    case '!=':
      return (s) => !valuesEqual(left(s), right(s), s.nullAsEmpty);
    case '<':
    case '<=':
    case '>':
    case '>=':
      return (s) => compare(op, left(s), right(s));
    case '+':
      return (s) => {
        const a = left(s);
        const b = right(s);
        if (a === null || b === null) return null;
        if (typeof a === 'string' || typeof b === 'string') {
          return s.checkString(`${stringOf(a, s, node)}${stringOf(b, s, node)}`, node);
        }
        return arithmetic(op, a, b);
      };
    default:
      return (s) => arithmetic(op, left(s), right(s));
  }
}

function stringOf(v: Value, s: RenderState, span: Span): string {
  if (typeof v === 'string') return v;
  try {
    return printBounded(v, '+', s.limits);
  } catch (error) {
    runtimeError(error, span);
  }
}
