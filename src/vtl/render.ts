import type { Diagnostic } from '../shared/diagnostic';
import { documentStart } from '../shared/range';
import type { TemplateAst } from './ast';
import type { Exec } from './compileExpression';
import { StatementCompiler } from './compileStatements';
import { parseTemplate } from './parser';
import {
  RenderState,
  StopSignal,
  BreakSignal,
  VtlRuntimeError,
  defaultLimits,
  type RenderLimits,
  type TraceEvent,
} from './runtime';
import { emptyOverrides, type CarriedOverrides, type TemplateContext, type TemplateOverrides } from './templateContext';
import { TemplateGlobals } from './templateGlobals';
import type { Value } from './values';

/** A template parsed and compiled to closures; reuse it for every render of the same text. */
export interface CompiledTemplate {
  readonly text: string;
  readonly ast: TemplateAst;
  readonly exec: Exec;
}

export type CompileResult = { ok: true; template: CompiledTemplate } | { ok: false; errors: Diagnostic[] };

const cacheSize = 256;
/** Compiled templates by text, each with when it was last used (a count of look-ups): the least recent goes first. */
const cache = new Map<string, { result: CompileResult; used: number }>();
let lookups = 0;

/**
 * Parses and compiles template text; results are cached by text (a small LRU), so call it freely. A hit only
 * stamps its entry (no delete and re-insert into the map per render); the least recently used entry is found
 * when one must go, which is rare.
 */
export function compileTemplate(text: string): CompileResult {
  const cached = cache.get(text);
  if (cached !== undefined) {
    cached.used = ++lookups;
    return cached.result;
  }
  let result: CompileResult;
  try {
    const parsed = parseTemplate(text);
    result = parsed.ok
      ? {
          ok: true,
          template: { text, ast: parsed.ast, exec: new StatementCompiler(text).compileTemplate(parsed.ast.body) },
        }
      : parsed;
  } catch (error) {
    // The parser bounds nesting (maxNesting) and long chains compile in a loop, so this is a last resort.
    if (!(error instanceof RangeError && /call stack/i.test(error.message))) throw error;
    result = { ok: false, errors: [{ ...tooDeep, range: documentStart }] };
  }
  if (cache.size >= cacheSize) cache.delete(leastRecentlyUsed());
  cache.set(text, { result, used: ++lookups });
  return result;
}

function leastRecentlyUsed(): string {
  let oldest = '';
  let when = Infinity;
  for (const [text, entry] of cache) {
    if (entry.used < when) {
      when = entry.used;
      oldest = text;
    }
  }
  return oldest;
}

const tooDeep = {
  code: 'apigw.vtl.limit.recursion',
  severity: 'error',
  message: 'Template nests too deeply to evaluate: simplify it',
} as const;

export interface RenderOptions {
  limits?: Partial<RenderLimits>;
  /** Record `#set` values, branches taken and loop counts in `trace`. */
  trace?: boolean;
  /**
   * How a null, non-quiet reference prints: 'empty' as API Gateway does (default), or 'literal' as plain
   * Velocity 1.7 does (the reference text, e.g. `$name`).
   */
  nullReferences?: 'empty' | 'literal';
}

export interface RenderResult {
  /** The output; on an error, what was rendered before it. */
  output: string;
  overrides: TemplateOverrides;
  /**
   * `$context.requestOverride` / `responseOverride` as the template left them (custom keys too): give them as
   * `TemplateContext.carried` to the response template of the same request. Undefined when there is nothing to
   * carry (the template never read `$context` and was given none).
   */
  carried?: CarriedOverrides;
  /** Template errors (at most one: rendering stops at the first), with the place in the template. */
  errors: Diagnostic[];
  trace?: TraceEvent[];
}

/** Renders a compiled template for one request (and integration response, for a response template). */
export function renderTemplate(
  template: CompiledTemplate,
  context: TemplateContext,
  options: RenderOptions = {},
): RenderResult {
  const limits = options.limits ? { ...defaultLimits, ...options.limits } : defaultLimits;
  const globals = new TemplateGlobals(context);
  const state = new RenderState(
    limits,
    new Map<string, Value>(),
    options.trace === true,
    options.nullReferences !== 'literal',
    globals.get,
  );
  const errors: Diagnostic[] = [];
  try {
    template.exec(state);
  } catch (error) {
    if (error instanceof VtlRuntimeError) {
      errors.push({
        code: error.code,
        severity: 'error',
        message: error.message,
        range: error.span?.range ?? documentStart,
      });
    } else if (error instanceof RangeError && /call stack/i.test(error.message)) {
      errors.push({ ...tooDeep, range: documentStart });
    } else if (error instanceof RangeError && /Invalid (string|array) length/i.test(error.message)) {
      // Sizes are checked before text and lists are built; this is the last resort for a path that is not.
      errors.push({
        code: 'apigw.vtl.limit.output',
        severity: 'error',
        message: `The template built a text or list larger than JavaScript can hold: it builds without bound`,
        range: documentStart,
      });
    } else if (!(error instanceof StopSignal || error instanceof BreakSignal)) {
      throw error;
    }
  }
  const result: RenderResult = { output: state.out, overrides: globals.overrides(), errors };
  const carried = globals.carried();
  if (carried !== undefined) result.carried = carried;
  if (state.trace) result.trace = state.trace;
  return result;
}

/** Compiles (cached) and renders in one call; a syntax error comes back in `errors` with empty output. */
export function renderTemplateText(text: string, context: TemplateContext, options: RenderOptions = {}): RenderResult {
  const compiled = compileTemplate(text);
  if (!compiled.ok) {
    return { output: '', overrides: emptyOverrides(), errors: compiled.errors };
  }
  return renderTemplate(compiled.template, context, options);
}
