// Log events by FilterLogEvents: every page of a time window (through `nextToken`; a page may be empty while a token
// remains, as CloudWatch searches the group's streams a part at a time), and following a group by asking again every
// few seconds. Events are told once: FilterLogEvents' eventId de-duplicates the windows, which overlap so that an
// event ingested a little late (its timestamp already behind the newest one seen) is still shown.
import { FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { toAwsError } from '../problems';
import { contextOf } from '../guard';
import type { AwsClients } from '../types';
import { logGroupNotFound } from './findLogGroup';
import type { TailEvent } from './types';

export interface EventWindow {
  logGroup: string;
  /** Ms since the epoch; inclusive. */
  startTime: number;
  /** Ms since the epoch; inclusive; undefined: up to now. */
  endTime?: number;
  filterPattern?: string;
  signal?: AbortSignal;
}

/** Waits `ms`, or less when `signal` aborts (it then resolves: the caller checks the signal). */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const sleep: Sleep = (ms, signal) =>
  new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });

/** A call's failure as an AwsError; a group that vanished (ResourceNotFoundException) is a notFound. */
function problemOf(clients: AwsClients, error: unknown, logGroup: string): Error {
  if ((error as { name?: unknown } | null)?.name === 'ResourceNotFoundException') {
    return logGroupNotFound(logGroup, clients.place.region);
  }
  return toAwsError(error, { ...contextOf(clients), operation: 'FilterLogEvents' });
}

/** Every event of the window, page by page, oldest first within a page. Stops early when the signal aborts. */
export async function* filterEvents(
  clients: AwsClients,
  window: EventWindow,
): AsyncGenerator<TailEvent, void, undefined> {
  const seenTokens = new Set<string>();
  let token: string | undefined;
  for (;;) {
    if (window.signal?.aborted) return;
    let page;
    try {
      page = await clients.logs.send(
        new FilterLogEventsCommand({
          logGroupName: window.logGroup,
          startTime: window.startTime,
          ...(window.endTime !== undefined ? { endTime: window.endTime } : {}),
          ...(window.filterPattern !== undefined ? { filterPattern: window.filterPattern } : {}),
          ...(token !== undefined ? { nextToken: token } : {}),
        }),
        window.signal ? { abortSignal: window.signal } : {},
      );
    } catch (error) {
      if (window.signal?.aborted) return;
      throw problemOf(clients, error, window.logGroup);
    }
    for (const e of page.events ?? []) {
      yield {
        timestamp: e.timestamp ?? 0,
        logGroup: window.logGroup,
        logStream: e.logStreamName ?? '',
        message: e.message ?? '',
        ...(e.eventId !== undefined ? { eventId: e.eventId } : {}),
        ...(e.ingestionTime !== undefined ? { ingestionTime: e.ingestionTime } : {}),
      };
    }
    token = page.nextToken;
    // No token: the window is done. A token seen before: a server repeating itself must not make us loop for ever.
    if (!token || seenTokens.has(token)) return;
    seenTokens.add(token);
  }
}

export interface PollOptions {
  logGroup: string;
  /** Where following starts (ms since the epoch). */
  startTime: number;
  filterPattern?: string;
  signal?: AbortSignal;
  /** Between two rounds (default 2000 ms). */
  intervalMs?: number;
  /** How far behind the newest event each round looks again, for events ingested late (default 30 s). */
  overlapMs?: number;
  sleep?: Sleep;
  /** Events already shown (the history, a Live Tail that gave up), so the first rounds do not show them again. */
  seen?: Iterable<TailEvent>;
}

/**
 * The keys an event is known by: its eventId, and its stream, time and text (Live Tail events have no id, so an
 * event Live Tail showed is recognised when polling finds it again).
 */
function keysOf(event: TailEvent): string[] {
  const content = `${event.logStream}\u0000${event.timestamp}\u0000${event.message}`;
  return event.eventId !== undefined ? [`id:${event.eventId}`, content] : [content];
}

/** Follows a log group by FilterLogEvents rounds until the signal aborts; each event once (by eventId). */
export async function* pollEvents(
  clients: AwsClients,
  options: PollOptions,
): AsyncGenerator<TailEvent, void, undefined> {
  const interval = options.intervalMs ?? 2000;
  const overlap = options.overlapMs ?? 30_000;
  const wait = options.sleep ?? sleep;
  // key → timestamp: keys older than the next window's start are forgotten, so memory stays bounded.
  const seen = new Map<string, number>();
  let newest = options.startTime;
  for (const e of options.seen ?? []) {
    for (const key of keysOf(e)) seen.set(key, e.timestamp);
    newest = Math.max(newest, e.timestamp);
  }
  for (let round = 0; !options.signal?.aborted; round++) {
    if (round > 0) await wait(interval, options.signal);
    if (options.signal?.aborted) return;
    const from = Math.max(options.startTime, newest - overlap);
    for (const [id, at] of seen) if (at < from) seen.delete(id);
    for await (const event of filterEvents(clients, {
      logGroup: options.logGroup,
      startTime: from,
      ...(options.filterPattern !== undefined ? { filterPattern: options.filterPattern } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    })) {
      const keys = keysOf(event);
      if (keys.some((k) => seen.has(k))) continue;
      for (const key of keys) seen.set(key, event.timestamp);
      newest = Math.max(newest, event.timestamp);
      yield event;
    }
  }
}
