// Live Tail (StartLiveTail): an event stream that sends one sessionStart, then a sessionUpdate about every second
// with the new events (up to 500). The session ends when the consumer stops (the stream is aborted), and by itself
// after three hours (SessionTimeoutException in the stream): a new session is then started, and the user told. A
// session that cannot start says why (LiveTailUnavailable), so the tail can follow by polling instead.
import { StartLiveTailCommand, type StartLiveTailResponseStream } from '@aws-sdk/client-cloudwatch-logs';
import { contextOf } from '../guard';
import { toAwsError } from '../problems';
import type { AwsClients, AwsProblem } from '../types';
import type { LogGroupRef } from './findLogGroup';
import type { TailItem, TailNotice } from './types';

/** Live Tail cannot run here: refused (AccessDenied on logs:StartLiveTail) or not spoken by the endpoint. */
export class LiveTailUnavailable extends Error {
  override readonly name = 'LiveTailUnavailable';
  constructor(
    readonly code: 'liveTailRefused' | 'liveTailUnsupported',
    message: string,
    readonly problem: AwsProblem,
  ) {
    super(message);
  }
}

/** Errors of endpoints that do not model StartLiveTail (LocalStack, a proxy, a test server). */
const unsupportedNames = new Set([
  'UnknownOperationException',
  'UnsupportedOperation',
  'InvalidAction',
  'NotImplemented',
]);

/** Why a StartLiveTail failure means "follow by polling instead", or undefined when it is a failure to report. */
export function liveTailUnavailable(error: unknown, clients: AwsClients): LiveTailUnavailable | undefined {
  const problem = toAwsError(error, { ...contextOf(clients), operation: 'StartLiveTail' }).problem;
  const name = (error as { name?: unknown } | null)?.name;
  const status = problem.httpStatus;
  if (problem.kind === 'accessDenied') {
    return new LiveTailUnavailable(
      'liveTailRefused',
      'Live Tail was refused (AccessDenied on logs:StartLiveTail): following by polling FilterLogEvents instead. ' +
        'Allow logs:StartLiveTail to see events as they arrive.',
      problem,
    );
  }
  if (
    (typeof name === 'string' && unsupportedNames.has(name)) ||
    status === 404 ||
    status === 501 ||
    problem.kind === 'network'
  ) {
    const where = clients.place.endpointUrl ?? `CloudWatch Logs in ${clients.place.region}`;
    return new LiveTailUnavailable(
      'liveTailUnsupported',
      `${where} does not support Live Tail (${problem.awsMessage ?? problem.message}): following by polling FilterLogEvents instead.`,
      problem,
    );
  }
  if (problem.kind === 'throttled') {
    return new LiveTailUnavailable(
      'liveTailUnsupported',
      `Live Tail is not available now (${problem.message}): following by polling FilterLogEvents instead.`,
      problem,
    );
  }
  return undefined;
}

export interface LiveTailOptions {
  group: LogGroupRef;
  filterPattern?: string;
  signal?: AbortSignal;
  /** Sessions in a row that fail or close early with no event between them before Live Tail is given up (default 3). */
  maxStreamErrors?: number;
}

const errorName = (error: unknown): string | undefined => {
  const name = (error as { name?: unknown } | null)?.name;
  return typeof name === 'string' ? name : undefined;
};

type SessionEnd =
  { kind: 'aborted' } | { kind: 'timeout' } | { kind: 'streamError'; message: string } | { kind: 'ended' };

/** The notice of a session that ended and was started again. */
function renewal(end: SessionEnd): TailNotice {
  const why =
    end.kind === 'timeout'
      ? 'The Live Tail session reached its three-hour limit'
      : end.kind === 'streamError'
        ? `The Live Tail session failed (${end.message})`
        : 'The Live Tail session was closed by the server';
  return { code: 'liveTailRenewed', message: `${why}: started a new session.` };
}

/** Events of the stream items of one session, and how the session ended. */
async function* session(
  options: LiveTailOptions,
  stream: AsyncIterable<StartLiveTailResponseStream>,
  first: boolean,
  onEvent: () => void,
): AsyncGenerator<TailItem, SessionEnd, undefined> {
  try {
    for await (const item of stream) {
      if (item.sessionStart) {
        if (first) {
          yield {
            kind: 'notice',
            notice: { code: 'liveTailStarted', message: `Live Tail of ${options.group.name} started.` },
          };
        }
      } else if (item.sessionUpdate) {
        for (const e of item.sessionUpdate.sessionResults ?? []) {
          onEvent();
          yield {
            kind: 'event',
            event: {
              timestamp: e.timestamp ?? 0,
              logGroup: options.group.name,
              logStream: e.logStreamName ?? '',
              message: e.message ?? '',
              ...(e.ingestionTime !== undefined ? { ingestionTime: e.ingestionTime } : {}),
            },
          };
        }
      } else if (item.SessionTimeoutException) {
        return { kind: 'timeout' };
      } else if (item.SessionStreamingException) {
        return { kind: 'streamError', message: item.SessionStreamingException.message ?? 'SessionStreamingException' };
      }
    }
  } catch (error) {
    if (options.signal?.aborted) return { kind: 'aborted' };
    const name = errorName(error);
    if (name === 'SessionTimeoutException') return { kind: 'timeout' };
    if (name === 'AbortError') return { kind: 'aborted' };
    const message = error instanceof Error ? error.message : String(error);
    return { kind: 'streamError', message: `${name ?? 'Error'}: ${message}` };
  }
  return options.signal?.aborted ? { kind: 'aborted' } : { kind: 'ended' };
}

/**
 * Follows a log group by Live Tail until the signal aborts or the consumer stops. Throws LiveTailUnavailable when a
 * session cannot start for a reason polling gets around, an AwsError for other failures.
 */
export async function* liveTail(
  clients: AwsClients,
  options: LiveTailOptions,
): AsyncGenerator<TailItem, void, undefined> {
  const maxStreamErrors = options.maxStreamErrors ?? 3;
  let streamErrors = 0;
  for (let first = true; !options.signal?.aborted; first = false) {
    const controller = new AbortController();
    const abort = (): void => controller.abort();
    options.signal?.addEventListener('abort', abort, { once: true });
    try {
      let stream: AsyncIterable<StartLiveTailResponseStream> | undefined;
      try {
        const out = await clients.logs.send(
          new StartLiveTailCommand({
            logGroupIdentifiers: [options.group.arn],
            ...(options.filterPattern !== undefined ? { logEventFilterPattern: options.filterPattern } : {}),
          }),
          { abortSignal: controller.signal },
        );
        stream = out.responseStream;
      } catch (error) {
        if (options.signal?.aborted) return;
        throw (
          liveTailUnavailable(error, clients) ??
          toAwsError(error, { ...contextOf(clients), operation: 'StartLiveTail' })
        );
      }
      if (!stream) {
        throw new LiveTailUnavailable(
          'liveTailUnsupported',
          'StartLiveTail answered without an event stream: following by polling FilterLogEvents instead.',
          { kind: 'service', message: 'StartLiveTail answered without an event stream.', operation: 'StartLiveTail' },
        );
      }
      const end = yield* session(options, stream, first, () => (streamErrors = 0));
      if (end.kind === 'aborted') return;
      // A session that fails or closes again and again with no event in between is given up (no busy loop).
      if (end.kind !== 'timeout' && ++streamErrors >= maxStreamErrors) {
        const why = end.kind === 'streamError' ? end.message : 'the server closed the stream';
        throw new LiveTailUnavailable(
          'liveTailUnsupported',
          `Live Tail ended ${streamErrors} times in a row (${why}): following by polling FilterLogEvents instead.`,
          { kind: 'service', message: why, operation: 'StartLiveTail' },
        );
      }
      yield { kind: 'notice', notice: renewal(end) };
    } finally {
      options.signal?.removeEventListener('abort', abort);
      // Ends the session when the consumer stops early (the generator is returned) or a new one starts.
      controller.abort();
    }
  }
}
