import type { Block, ForeachNode, IfNode, MacroCallNode, MacroNode, ReferenceNode, SetNode, Statement } from './ast';
import { ForeachObject } from './builtins';
import {
  DefinedBlock,
  compileExpression,
  compileReference,
  compileTargetOwner,
  type Eval,
  type Exec,
} from './compileExpression';
import { printBounded } from './javaMethods';
import { printedLengthAtLeast } from './printBound';
import { BreakSignal, MethodError, VtlRuntimeError, breakSignal, stopSignal, type RenderState } from './runtime';
import { HostObject, display, isNumber, kindOf, numberOf, toMapKey, type Value } from './values';

interface CompiledMacro {
  params: string[];
  body: Exec;
}

const traceValueLength = 200;

/**
 * Turns a template tree into closures, once per template text. `macros` holds every `#macro` of the template
 * (Velocity 1.7 registers inline macros when the template is parsed, so a call may come before the definition).
 */
export class StatementCompiler {
  private readonly macros = new Map<string, CompiledMacro>();
  private readonly macroNodes: MacroNode[] = [];

  constructor(private readonly text: string) {}

  compileTemplate(body: Block): Exec {
    this.collectMacros(body);
    for (const node of this.macroNodes) {
      if (!this.macros.has(node.name))
        this.macros.set(node.name, { params: node.params, body: this.compileBlock(node.body) });
    }
    return this.compileBlock(body);
  }

  private collectMacros(block: Block): void {
    for (const node of block) {
      if (node.kind === 'macro') this.macroNodes.push(node);
      else if (node.kind === 'if') {
        for (const b of node.branches) this.collectMacros(b.body);
        if (node.elseBody) this.collectMacros(node.elseBody);
      } else if (node.kind === 'foreach' || node.kind === 'define') this.collectMacros(node.body);
    }
  }

  readonly compileBlock = (block: Block): Exec => {
    const parts = block.map((node) => this.compileStatement(node)).filter((e): e is Exec => e !== undefined);
    if (parts.length === 0) return () => undefined;
    if (parts.length === 1) return parts[0]!;
    return (s) => {
      for (let i = 0; i < parts.length; i++) parts[i]!(s);
    };
  };

  private compileStatement(node: Statement): Exec | undefined {
    switch (node.kind) {
      case 'text': {
        const value = node.value;
        return (s) => s.write(value, node);
      }
      case 'comment':
      case 'macro':
        return undefined;
      case 'reference':
        return this.compilePrint(node);
      case 'set':
        return this.compileSet(node);
      case 'if':
        return this.compileIf(node);
      case 'foreach':
        return this.compileForeach(node);
      case 'break':
        return () => {
          throw breakSignal;
        };
      case 'stop':
        return () => {
          throw stopSignal;
        };
      case 'define': {
        const body = this.compileBlock(node.body);
        const block = new DefinedBlock(body);
        return (s) => s.assign(node.variable, block);
      }
      case 'macroCall':
        return this.compileMacroCall(node);
    }
  }

  /** `$x` in text: its value; a null prints nothing in API Gateway, or the reference text in literal mode. */
  private compilePrint(node: ReferenceNode): Exec {
    const value = compileReference(node, this.compileBlock);
    const quiet = node.quiet;
    const source = node.source;
    return (s) => {
      const v = value(s);
      if (v === null) {
        if (!quiet && !s.nullAsEmpty) s.write(source, node);
      } else s.write(typeof v === 'string' ? v : printed(v, s, node), node);
    };
  }

  private compileSet(node: SetNode): Exec {
    const value = compileExpression(node.value, this.compileBlock);
    const target = node.target;
    const last = target.accessors[target.accessors.length - 1];
    const record = (s: RenderState, v: Value): void => {
      if (!s.trace) return;
      const text =
        printedLengthAtLeast(v, s.limits.outputSize) > s.limits.outputSize
          ? `(${kindOf(v)} too long to show)`
          : display(v);
      s.record({
        kind: 'set',
        range: node.range,
        target: target.source,
        value: text.length > traceValueLength ? `${text.slice(0, traceValueLength)}…` : text,
      });
    };
    if (!last) {
      const name = target.name;
      return (s) => {
        const v = value(s);
        record(s, v);
        // Velocity 1.7: a null right-hand side leaves the variable as it was.
        if (v !== null) s.assign(name, v);
      };
    }
    const owner = compileTargetOwner(target, this.compileBlock);
    const key: Eval =
      last.kind === 'index'
        ? compileExpression(last.index, this.compileBlock)
        : () => (last.kind === 'property' ? last.name : null);
    return (s) => {
      const v = value(s);
      record(s, v);
      if (v === null) return;
      const object = owner(s);
      const k = key(s);
      if (object instanceof Map) object.set(toMapKey(k), v);
      else if (Array.isArray(object) && isNumber(k)) {
        const i = Math.trunc(numberOf(k));
        if (i < 0 || i >= object.length) {
          throw new VtlRuntimeError(
            `#set: index ${i} is out of bounds for a list of ${object.length}`,
            'apigw.vtl.set',
            target,
          );
        }
        object[i] = v;
      } else if (object instanceof HostObject) {
        throw new VtlRuntimeError(
          `#set cannot change ${object.typeName}: assign to a $variable or a map instead`,
          'apigw.vtl.set',
          target,
        );
      }
    };
  }

  private compileIf(node: IfNode): Exec {
    const branches = node.branches.map((b) => ({
      condition: compileExpression(b.condition, this.compileBlock),
      body: this.compileBlock(b.body),
    }));
    const elseBody = node.elseBody ? this.compileBlock(node.elseBody) : undefined;
    return (s) => {
      for (let i = 0; i < branches.length; i++) {
        const branch = branches[i]!;
        const v = branch.condition(s);
        if (v !== null && v !== false) {
          if (s.trace) s.record({ kind: 'if', range: node.range, branch: i });
          branch.body(s);
          return;
        }
      }
      if (s.trace) s.record({ kind: 'if', range: node.range, branch: elseBody ? 'else' : 'none' });
      if (elseBody) elseBody(s);
    };
  }

  private compileForeach(node: ForeachNode): Exec {
    const iterable = compileExpression(node.iterable, this.compileBlock);
    const body = this.compileBlock(node.body);
    const variable = node.variable;
    return (s) => {
      const source = iterable(s);
      const items: Value[] | undefined = Array.isArray(source)
        ? source
        : source instanceof Map
          ? [...source.values()]
          : undefined;
      if (!items) {
        if (s.trace) s.record({ kind: 'foreach', range: node.range, iterations: 0, stoppedAtLimit: false });
        return;
      }
      const vars = s.scope.vars;
      const saved = [vars.get(variable), vars.get('foreach'), vars.get('velocityCount')] as const;
      const limit = s.limits.loopIterations;
      const loop = new ForeachObject(items.length, saved[1] ?? null);
      vars.set('foreach', loop);
      let count = 0;
      try {
        for (; count < items.length && count < limit; count++) {
          s.tick(node);
          loop.index = count;
          vars.set(variable, items[count] ?? null);
          vars.set('velocityCount', count + 1);
          body(s);
        }
      } catch (signal) {
        if (!(signal instanceof BreakSignal)) throw signal;
      } finally {
        restore(vars, variable, saved[0]);
        restore(vars, 'foreach', saved[1]);
        restore(vars, 'velocityCount', saved[2]);
      }
      if (s.trace)
        s.record({
          kind: 'foreach',
          range: node.range,
          iterations: count,
          stoppedAtLimit: count >= limit && items.length > limit,
        });
    };
  }

  private compileMacroCall(node: MacroCallNode): Exec {
    const args = node.args.map((a) => compileExpression(a, this.compileBlock));
    const source = this.text.slice(node.start, node.end);
    return (s) => {
      const macro = this.macros.get(node.name);
      if (!macro) {
        // Velocity prints an unknown #name(...) as text.
        s.write(source, node);
        return;
      }
      s.tick(node);
      if (s.depth >= s.limits.recursionDepth) {
        throw new VtlRuntimeError(
          `#${node.name} nests macro calls more than ${s.limits.recursionDepth} deep: stop the recursion`,
          'apigw.vtl.limit.recursion',
          node,
        );
      }
      const vars = new Map<string, Value>();
      macro.params.forEach((p, i) => vars.set(p, args[i] ? args[i](s) : null));
      if (s.trace) s.record({ kind: 'macro', range: node.range, name: node.name });
      const savedScope = s.scope;
      s.scope = { vars, parent: savedScope };
      s.depth++;
      try {
        macro.body(s);
      } finally {
        s.depth--;
        s.scope = savedScope;
      }
    };
  }
}

/** A list or map printed, refused before it is built when it would pass the output limit. */
function printed(v: Value, s: RenderState, node: ReferenceNode): string {
  try {
    return printBounded(v, node.source, s.limits);
  } catch (error) {
    if (error instanceof MethodError) throw new VtlRuntimeError(error.message, error.code, node);
    throw error;
  }
}

function restore(vars: Map<string, Value>, name: string, value: Value | undefined): void {
  if (value === undefined) vars.delete(name);
  else vars.set(name, value);
}
