// Tailing one log group: the history of a window (FilterLogEvents, paged), then, when following, the new events —
// by Live Tail, or by polling FilterLogEvents when Live Tail is refused or the endpoint does not speak it (the user
// is told which, once). Filters (text, request id) go to CloudWatch as a pattern and are checked on each event.
import type { AwsClients } from '../types';
import { findLogGroup } from './findLogGroup';
import { LiveTailUnavailable, liveTail } from './liveTail';
import { checkFilter, filterPatternOf, matchesFilter, type LogFilter } from './logFilter';
import { filterEvents, pollEvents, type Sleep } from './pollEvents';
import type { TailEvent, TailItem } from './types';

export interface TailOptions extends LogFilter {
  logGroup: string;
  /** The history shown first: events from this time (ms since the epoch). Undefined: no history. */
  startTime?: number;
  /** The end of the history when not following (default: now). */
  endTime?: number;
  /** Keep going with the new events until `signal` aborts. */
  follow?: boolean;
  signal?: AbortSignal;
  /** Try Live Tail first when following (default true); false: poll. */
  liveTail?: boolean;
  /** Between two FilterLogEvents rounds when polling (default 2000 ms). */
  pollIntervalMs?: number;
  /** Said after "Log group X does not exist" (e.g. why a stage's group may not exist yet). */
  notFoundHint?: string;
  sleep?: Sleep;
  now?: () => number;
}

/** How far behind the newest event polling looks again, for events ingested late. */
const overlapMs = 30_000;

/** The tail of a log group: its events and notices, until the history ends (or, following, until `signal` aborts). */
export async function* tailLogs(clients: AwsClients, options: TailOptions): AsyncGenerator<TailItem, void, undefined> {
  checkFilter(options);
  const now = options.now ?? Date.now;
  const group = await findLogGroup(clients, options.logGroup, options.notFoundHint);
  const filterPattern = filterPatternOf(options);
  const pattern = filterPattern !== undefined ? { filterPattern } : {};
  const signal = options.signal ? { signal: options.signal } : {};
  const passes = (e: TailEvent): boolean => matchesFilter(e.message, options);
  // What was shown lately, so polling after a Live Tail that gave up does not show it again.
  let shown: TailEvent[] = [];
  let newest = 0;
  const remember = (event: TailEvent): void => {
    newest = Math.max(newest, event.timestamp);
    shown.push(event);
    if (shown.length > 2000) shown = shown.filter((e) => e.timestamp >= newest - overlapMs);
  };
  const followFrom = now();
  if (options.startTime !== undefined) {
    const endTime = options.follow ? followFrom : (options.endTime ?? followFrom);
    for await (const event of filterEvents(clients, {
      logGroup: group.name,
      startTime: options.startTime,
      endTime,
      ...pattern,
      ...signal,
    })) {
      if (!passes(event)) continue;
      if (options.follow) remember(event);
      yield { kind: 'event', event };
    }
  }
  if (!options.follow || options.signal?.aborted) return;
  if (options.liveTail !== false) {
    try {
      for await (const item of liveTail(clients, { group, ...pattern, ...signal })) {
        if (item.kind === 'event') {
          if (!passes(item.event)) continue;
          remember(item.event);
        }
        yield item;
      }
      return;
    } catch (error) {
      if (!(error instanceof LiveTailUnavailable)) throw error;
      yield { kind: 'notice', notice: { code: error.code, message: error.message } };
    }
  } else {
    yield {
      kind: 'notice',
      notice: { code: 'polling', message: `Following ${group.name} by polling FilterLogEvents.` },
    };
  }
  for await (const event of pollEvents(clients, {
    logGroup: group.name,
    startTime: Math.max(options.startTime ?? followFrom, Math.max(newest, followFrom) - overlapMs),
    seen: shown.filter((e) => e.timestamp >= newest - overlapMs),
    overlapMs,
    ...pattern,
    ...signal,
    ...(options.pollIntervalMs !== undefined ? { intervalMs: options.pollIntervalMs } : {}),
    ...(options.sleep ? { sleep: options.sleep } : {}),
  })) {
    if (passes(event)) yield { kind: 'event', event };
  }
}
