import type { Range } from '../shared/range';
import type { Span } from './ast';
import type { Value } from './values';

/** Bounds on one render; every one is a clear template error when exceeded, never a hang or a crash. */
export interface RenderLimits {
  /** Wall-clock budget in milliseconds (default 1000). */
  timeMs: number;
  /** Evaluation steps: statements, loop iterations, method calls (default 5,000,000). */
  steps: number;
  /** Macro call depth (default 20, Velocity's `velocimacro.max.depth`). */
  recursionDepth: number;
  /** Characters of output, and of any one string built (default 10 MiB: API Gateway's payload limit). */
  outputSize: number;
  /** Iterations of one `#foreach`; API Gateway stops loops at 1000. */
  loopIterations: number;
  /** Elements of a list built by a range `[a..b]` (default 100,000). */
  collectionSize: number;
}

export const defaultLimits: RenderLimits = {
  timeMs: 1000,
  steps: 5_000_000,
  recursionDepth: 20,
  outputSize: 10 * 1024 * 1024,
  loopIterations: 1000,
  collectionSize: 100_000,
};

/** What happened while rendering, when asked for (`trace: true`): for the preview's step view. */
export type TraceEvent =
  | { kind: 'set'; range: Range; target: string; value: string }
  | { kind: 'if'; range: Range; branch: number | 'else' | 'none' }
  | { kind: 'foreach'; range: Range; iterations: number; stoppedAtLimit: boolean }
  | { kind: 'macro'; range: Range; name: string };

export const maxTraceEvents = 10_000;

/** A template error at run time, with the code and the place it happened. */
export class VtlRuntimeError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly span: Span | undefined,
  ) {
    super(message);
  }
}

/** A builtin failed the way Java would throw (index out of bounds, bad regex…); the evaluator adds the place. */
export class MethodError extends Error {
  constructor(
    message: string,
    readonly code = 'apigw.vtl.method',
  ) {
    super(message);
  }
}

/** Control flow signals: `#break` leaves the innermost loop, `#stop` ends the render. */
export class BreakSignal extends Error {}
export class StopSignal extends Error {}
export const breakSignal = new BreakSignal('#break outside a loop');
export const stopSignal = new StopSignal('#stop');

export interface Scope {
  vars: Map<string, Value>;
  parent: Scope | undefined;
}

/** Globals made on first use (`$context`, `$input`…): returns the same value for a name every time. */
export type LazyGlobals = (name: string) => Value | undefined;

/** The mutable state of one render. */
/** The clock is read after this much work (steps, or units charged for expensive calls): about a millisecond. */
const clockInterval = 4096;

export class RenderState {
  out = '';
  steps = 0;
  /** Work since the clock was last read (see `charge`). */
  private sinceClock = 0;
  depth = 0;
  readonly deadline: number;
  trace: TraceEvent[] | undefined;
  scope: Scope;
  readonly root: Scope;

  constructor(
    readonly limits: RenderLimits,
    globals: Map<string, Value>,
    trace: boolean,
    readonly nullAsEmpty: boolean,
    private readonly lazyGlobals?: LazyGlobals,
  ) {
    this.deadline = Date.now() + limits.timeMs;
    this.trace = trace ? [] : undefined;
    this.root = { vars: globals, parent: undefined };
    this.scope = this.root;
  }

  /** Counts one step; reads the clock every `clockInterval` units of work. */
  tick(span: Span): void {
    const steps = ++this.steps;
    if (steps > this.limits.steps) {
      throw new VtlRuntimeError(
        `Template stopped after ${this.limits.steps} evaluation steps: simplify it or raise the step limit`,
        'apigw.vtl.limit.steps',
        span,
      );
    }
    if (++this.sinceClock >= clockInterval) this.checkClock(span);
  }

  /**
   * Counts the work of one expensive step (a method over a long text or list: `units` is about its size / 64)
   * toward reading the clock, so a loop of a thousand such calls cannot run past the time limit between two
   * readings.
   */
  charge(units: number, span: Span): void {
    this.sinceClock += units;
    if (this.sinceClock >= clockInterval) this.checkClock(span);
  }

  private checkClock(span: Span): void {
    this.sinceClock = 0;
    if (Date.now() > this.deadline) {
      throw new VtlRuntimeError(
        `Template took longer than ${this.limits.timeMs} ms: simplify it or raise the time limit`,
        'apigw.vtl.limit.time',
        span,
      );
    }
  }

  write(text: string, span: Span): void {
    this.out += text;
    if (this.out.length > this.limits.outputSize) {
      throw new VtlRuntimeError(
        `Template output is larger than ${this.limits.outputSize} characters: API Gateway rejects payloads over 10 MB`,
        'apigw.vtl.limit.output',
        span,
      );
    }
  }

  checkString(s: string, span: Span): string {
    if (s.length > this.limits.outputSize) this.stringTooLong(span);
    return s;
  }

  stringTooLong(span: Span): never {
    throw new VtlRuntimeError(
      `A string grew past ${this.limits.outputSize} characters: the template builds text without bound`,
      'apigw.vtl.limit.output',
      span,
    );
  }

  lookup(name: string): Value | undefined {
    for (let s: Scope | undefined = this.scope; s; s = s.parent) {
      const v = s.vars.get(name);
      if (v !== undefined) return v;
    }
    return this.lazyGlobal(name);
  }

  /** A global not yet in the root scope: made now and kept there (a `#set` or `#foreach` may replace it later). */
  private lazyGlobal(name: string): Value | undefined {
    const v = this.lazyGlobals?.(name);
    if (v !== undefined) this.root.vars.set(name, v);
    return v;
  }

  /**
   * `#set($x = …)`: sets a macro argument in the macro's scope, anything else globally (Velocity 1.7's
   * default `velocimacro.context.localscope = false`).
   */
  assign(name: string, value: Value): void {
    for (let s: Scope | undefined = this.scope; s !== this.root && s; s = s.parent) {
      if (s.vars.has(name)) {
        s.vars.set(name, value);
        return;
      }
    }
    this.root.vars.set(name, value);
  }

  record(event: TraceEvent): void {
    if (this.trace && this.trace.length < maxTraceEvents) this.trace.push(event);
  }
}
