import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../../shared/logger';
import { nullLogger } from '../../shared/logger';
import type { LambdaInvocation, LambdaInvoker, LambdaOutcome } from './invoker';
import { CallRing } from './callRing';
import { workerSource } from './workerSource';

interface Pending {
  /** The call's number on its worker: what the worker's results and console lines name it by. */
  seq: number;
  resolve(outcome: LambdaOutcome): void;
  /** When the call times out (performance.now() time). */
  deadline: number;
  logs: string[];
}

/**
 * The calls in flight on a worker, by their number: a ring of slots (call n in slot n modulo the size, which
 * doubles when the slot is taken), not a Map keyed by request id. A Map with an entry added and deleted per call
 * reallocated its hash table every few calls, and that table and the calls' state were what the main thread's
 * young-generation GCs found alive under load; request ids need not be unique either (two calls with the same id
 * were one entry, and the first never settled).
 */
class Calls {
  private slots: (Pending | undefined)[] = new Array<Pending | undefined>(16).fill(undefined);
  size = 0;

  add(pending: Pending): void {
    let slots = this.slots;
    if (slots[pending.seq & (slots.length - 1)] !== undefined) {
      // Taken by an older call still in flight: twice the slots, each call in its slot for the new size.
      const grown = new Array<Pending | undefined>(slots.length * 2).fill(undefined);
      for (const call of slots) if (call !== undefined) grown[call.seq & (grown.length - 1)] = call;
      this.slots = slots = grown;
      if (slots[pending.seq & (slots.length - 1)] !== undefined) return this.add(pending);
    }
    slots[pending.seq & (slots.length - 1)] = pending;
    this.size++;
  }

  get(seq: number): Pending | undefined {
    const call = this.slots[seq & (this.slots.length - 1)];
    return call !== undefined && call.seq === seq ? call : undefined;
  }

  delete(call: Pending): void {
    const at = call.seq & (this.slots.length - 1);
    if (this.slots[at] !== call) return;
    this.slots[at] = undefined;
    this.size--;
  }

  /** The calls in flight (a copy: the caller may delete them as it goes). */
  all(): Pending[] {
    const calls: Pending[] = [];
    for (const call of this.slots) if (call !== undefined) calls.push(call);
    return calls;
  }
}

/** One worker thread for one handler module; replaced when the module's folder changes or the worker dies. */
class HandlerWorker {
  readonly worker: Worker;
  readonly pending = new Calls();
  /**
   * Where the calls go (callRing.ts), when this Node has shared memory and Atomics.waitAsync; else, and for a
   * call too long for the ring or while it is full, the worker's message port.
   */
  private readonly ring = sharedMemoryWorks() ? new CallRing() : undefined;
  /** The number of the next call. */
  private seq: number;
  stale = false;
  dead = false;
  /**
   * The invocations of the current task (the callback the event loop is running, e.g. one socket's data), as
   * comma-separated JSON texts, and whether a flush is due.
   */
  private outbox = '';
  private outboxCount = 0;
  private flushing = false;
  /**
   * One timer for the calls in flight, armed for the earliest deadline (a timer per call was a Timeout object
   * made and cancelled per request); `timerAt` is its deadline, Infinity when none is armed.
   */
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Infinity;

  constructor(
    readonly module: string,
    private readonly onGone: (w: HandlerWorker) => void,
    logger: Logger,
    firstCall: number,
  ) {
    this.seq = firstCall;
    const ring = this.ring && { control: this.ring.control, bytes: this.ring.bytes.buffer };
    this.worker = new Worker(workerSource, { eval: true, workerData: { module, ring }, stdout: true, stderr: true });
    this.worker.stdout.on('data', (chunk: Buffer) =>
      logger.info(`[${path.basename(module)}] ${chunk.toString().trimEnd()}`),
    );
    this.worker.stderr.on('data', (chunk: Buffer) =>
      logger.warn(`[${path.basename(module)}] ${chunk.toString().trimEnd()}`),
    );
    this.worker.on('message', (message: WorkerMessage) => this.receive(message));
    this.worker.on('error', (error) => this.fail(`the handler crashed: ${error.message}`));
    this.worker.on('exit', (code) =>
      this.fail(`the handler's worker exited with code ${code} (process.exit or a fatal error)`),
    );
    this.worker.unref();
  }

  invoke(invocation: LambdaInvocation): Promise<LambdaOutcome> {
    return new Promise((resolve) => {
      const deadline = performance.now() + invocation.timeoutMs;
      const seq = this.seq;
      this.seq = (seq + 1) >>> 0;
      this.pending.add({ seq, resolve, deadline, logs: [] });
      if (deadline < this.timerAt) this.arm(deadline);
      // One JSON text a call, a list (see workerSource.ts): one native pass, no pieces to join and flatten.
      const parts = invocation.eventParts;
      const text = JSON.stringify([
        seq,
        invocation.requestId,
        invocation.timeoutMs,
        invocation.handler.exportName,
        invocation.functionName,
        parts ?? invocation.event ?? null,
        parts !== undefined ? 1 : 0,
      ]);
      if (this.ring?.put(text) !== true) {
        this.outbox = this.outbox === '' ? text : `${this.outbox},${text}`;
        this.outboxCount++;
      }
      if (!this.flushing) {
        this.flushing = true;
        // At the end of this task, not of this turn of the loop (setImmediate): each request's call goes to the
        // worker as soon as it is made, so the worker runs one handler while this thread reads the next request.
        // Posting once a turn batched ~5 calls a message, but the two threads then took turns; posting a task's
        // calls at once gave 25 % more Lambda-proxy requests a second on 2 cores, at less CPU per request.
        queueMicrotask(this.flush);
      }
    });
  }

  private arm(at: number): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(this.expire, Math.max(0, at - performance.now()));
  }

  private disarm(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = Infinity;
  }

  /** The calls past their deadline time out; else the timer is armed again for the next deadline. */
  private readonly expire = (): void => {
    this.timer = undefined;
    this.timerAt = Infinity;
    const now = performance.now();
    let next = Infinity;
    let expired = false;
    for (const pending of this.pending.all()) {
      if (pending.deadline <= now) {
        this.pending.delete(pending);
        pending.resolve({ kind: 'timeout', logs: pending.logs });
        expired = true;
      } else if (pending.deadline < next) next = pending.deadline;
    }
    // A handler past its timeout may be stuck in a loop: stop the worker (the next call starts a fresh one).
    if (expired) void this.terminate(`another invocation of ${path.basename(this.module)} timed out`);
    else if (next < Infinity) this.arm(next);
  };

  /** Wakes the worker for the calls of this task put in the ring; posts the others as one message. */
  private readonly flush = (): void => {
    this.flushing = false;
    this.ring?.wake();
    if (this.outboxCount === 0) return;
    // One call (most tasks): its list as it is; several: a list of them.
    const message = this.outboxCount === 1 ? this.outbox : `[${this.outbox}]`;
    this.outbox = '';
    this.outboxCount = 0;
    if (!this.dead) this.worker.postMessage(message);
  };

  private receive(message: WorkerMessage): void {
    if (typeof message === 'string') {
      for (const result of JSON.parse(message) as WorkerResult[]) this.settle(result);
    } else if (message.seq !== undefined) {
      this.pending.get(message.seq)?.logs.push(message.text);
    }
  }

  private settle(result: WorkerResult): void {
    const pending = this.pending.get(result[0]);
    if (pending === undefined) return;
    this.pending.delete(pending);
    if (this.pending.size === 0) this.disarm();
    if (result[1] === 1) {
      pending.resolve({ kind: 'ok', result: result[2], logs: pending.logs });
    } else {
      pending.resolve({
        kind: 'error',
        errorMessage: result[2],
        errorType: result[3],
        stackTrace: result[4],
        logs: pending.logs,
      });
    }
    if (this.stale && this.pending.size === 0) void this.terminate('reloaded');
  }

  private fail(message: string): void {
    if (this.dead) return;
    this.dead = true;
    this.disarm();
    for (const pending of this.pending.all()) {
      this.pending.delete(pending);
      pending.resolve({ kind: 'crash', message, logs: pending.logs });
    }
    this.onGone(this);
  }

  async terminate(reason: string): Promise<void> {
    if (this.dead) return;
    this.fail(`the handler's worker was stopped: ${reason}`);
    await this.worker.terminate();
  }
}

/**
 * A line of console output (posted at once; `seq` is the call's number), or the JSON text of a list of results
 * (one a turn). A result is a list too (no keys for JSON.parse to look up). Calls and results carry the call's
 * number as a JSON number: JSON.stringify writes its digits without making a string, and JSON.parse gives a
 * number, where a string of 10 characters or fewer is made an internalized string (a look-up and an insertion
 * into V8's string table per call, each number a new one, kept until a full GC: as 8 hex digits, the worker's
 * string table look-ups were 8 % of its CPU).
 */
type WorkerMessage = { type: 'log'; seq?: number; text: string } | string;
type WorkerResult =
  | [seq: number, ok: 1, result: unknown]
  | [seq: number, ok: 0, errorMessage: string, errorType: string, stackTrace: string[]];

/** Whether the calls can go through shared memory (callRing.ts): read when a worker starts. */
function sharedMemoryWorks(): boolean {
  return typeof SharedArrayBuffer === 'function' && typeof Atomics.waitAsync === 'function';
}

/** Files whose change reloads the handlers of their folder: what `import` / `require` can load. */
const codeFile = /\.(?:[mc]?js|json|node|wasm)$/i;

/**
 * Runs handlers in worker threads, one per module: isolated from the runtime (a crash or `process.exit` only
 * ends the worker), bounded by the integration's timeout, console output captured per invocation, and
 * reloaded (a fresh worker imports the module again) when a code file in the module's folder changes.
 */
export class WorkerPoolInvoker implements LambdaInvoker {
  private readonly workers = new Map<string, HandlerWorker>();
  private readonly watchers = new Map<string, fs.FSWatcher>();
  private closed = false;

  /**
   * `firstCall`: the number a new worker's first call gets (0; tests start near 2^32 to see the numbers wrap).
   */
  constructor(
    private readonly logger: Logger = nullLogger,
    private readonly firstCall = 0,
  ) {}

  /**
   * Not an async function: the promise is the worker's own, with no suspended frame holding the invocation (and
   * its event text) until the call settles.
   */
  invoke(invocation: LambdaInvocation): Promise<LambdaOutcome> {
    // After close no worker starts again: nothing would ever stop it (and the process could not exit).
    if (this.closed) return Promise.resolve({ kind: 'crash', message: 'the mock runtime has stopped', logs: [] });
    const module = invocation.handler.module;
    let worker = this.workers.get(module);
    if (worker === undefined || worker.stale || worker.dead) {
      // Checked only when a worker starts: a live one is marked stale when its folder changes (or the file goes).
      if (!fs.existsSync(module)) {
        return Promise.resolve({
          kind: 'error',
          errorType: 'Runtime.ImportModuleError',
          errorMessage: `Cannot find the handler module ${module}`,
          stackTrace: [],
          logs: [],
        });
      }
      if (worker?.stale && worker.pending.size === 0) void worker.terminate('reloaded');
      worker = new HandlerWorker(
        module,
        (gone) => this.workers.get(module) === gone && this.workers.delete(module),
        this.logger,
        this.firstCall,
      );
      this.workers.set(module, worker);
      this.watch(path.dirname(module));
    }
    return worker.invoke(invocation);
  }

  private watch(dir: string): void {
    if (this.watchers.has(dir)) return;
    try {
      const watcher = fs.watch(dir, { persistent: false }, (_event, changed) => {
        // Only code reloads a handler: a log written beside it (apigw mock --access-log access.log, a handler's
        // own output) would otherwise restart its worker on every write.
        if (changed !== null && !codeFile.test(changed.toString())) return;
        for (const [module, worker] of this.workers) if (path.dirname(module) === dir) worker.stale = true;
      });
      watcher.on('error', () => watcher.close());
      this.watchers.set(dir, watcher);
    } catch {
      // Watching is a convenience: without it, handlers are not reloaded until the runtime restarts.
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
    const workers = [...this.workers.values()];
    this.workers.clear();
    await Promise.all(workers.map((w) => w.terminate('the mock runtime stopped')));
  }
}
