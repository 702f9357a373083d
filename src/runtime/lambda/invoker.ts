import type { HandlerRef } from '../config';
import type { ProxyEventParts } from './eventParts';

/** One call of a local Lambda handler. */
export interface LambdaInvocation {
  handler: HandlerRef;
  /** For messages and the handler's `context.functionName`. */
  functionName: string;
  /**
   * The event; or, for proxy integrations, its parts (eventParts.ts): the invoker makes the event from them
   * where the handler runs (eventMaker.ts).
   */
  event?: unknown;
  eventParts?: ProxyEventParts;
  timeoutMs: number;
  requestId: string;
}

/** What came of it; console output is captured in every case. */
export type LambdaOutcome =
  | { kind: 'ok'; result: unknown; logs: string[] }
  /** The handler threw or rejected (or could not be loaded): Lambda's function error. */
  | { kind: 'error'; errorMessage: string; errorType: string; stackTrace: string[]; logs: string[] }
  | { kind: 'timeout'; logs: string[] }
  /** The handler's worker died (process.exit, out of memory...): the runtime goes on. */
  | { kind: 'crash'; message: string; logs: string[] };

/** Runs local handlers; the default runs each module in its own worker thread. */
export interface LambdaInvoker {
  invoke(invocation: LambdaInvocation): Promise<LambdaOutcome>;
  /** Stops every worker. */
  close(): Promise<void>;
}
