// CloudWatch Logs FilterLogEvents and StartLiveTail as the test double answers them.
// FilterLogEvents searches a group's events (oldest first) a window of SCAN_WINDOW events a page, as CloudWatch
// searches a part of the group per call: a page may be empty while a `nextToken` remains. Filter patterns: terms
// (every one must appear, case-sensitive), "quoted phrases", `?term` (any of these), `-term` (none of these); JSON and
// space-delimited patterns ({ … }, [ … ]) are refused as the double does not model them.
// StartLiveTail checks its input and the groups, then refuses with AccessDeniedException (as an account without
// logs:StartLiveTail gets): the double speaks no event stream, so Live Tail itself is tested with the client mocked.
import type { Ctx } from './context';
import { AwsError } from './errors';
import type { LogEventRecord, LogGroupRecord } from './state';
import { str, type Json } from './util';

/** Events a FilterLogEvents page searches. */
export const SCAN_WINDOW = 50;

const invalid = (message: string): AwsError => new AwsError(400, 'InvalidParameterException', message);
const notFound = (): AwsError =>
  new AwsError(400, 'ResourceNotFoundException', 'The specified log group does not exist.');

interface Pattern {
  all: string[];
  any: string[];
  none: string[];
}

/** Parses an unstructured filter pattern. */
export function parsePattern(text: string): Pattern {
  const pattern: Pattern = { all: [], any: [], none: [] };
  const source = text.trim();
  if (source.startsWith('{') || source.startsWith('[')) {
    throw invalid('The AWS test double does not model JSON or space-delimited filter patterns.');
  }
  const token = /([?-]?)(?:"((?:[^"\\]|\\.)*)"|(\S+))/g;
  for (let m = token.exec(source); m; m = token.exec(source)) {
    const quoted = m[2];
    const term = quoted !== undefined ? quoted.replace(/\\(.)/g, '$1') : (m[3] ?? '');
    if (quoted === undefined && term.includes('"')) throw invalid('Invalid filter pattern: unbalanced quotes.');
    if (term === '') continue;
    (m[1] === '?' ? pattern.any : m[1] === '-' ? pattern.none : pattern.all).push(term);
  }
  return pattern;
}

export function matches(message: string, p: Pattern): boolean {
  return (
    p.all.every((t) => message.includes(t)) &&
    (p.any.length === 0 || p.any.some((t) => message.includes(t))) &&
    !p.none.some((t) => message.includes(t))
  );
}

/** The group a call names by `logGroupName` or `logGroupIdentifier` (a name or an ARN), never both. */
function groupOf(input: Json, ctx: Ctx): LogGroupRecord {
  const name = str(input.logGroupName);
  const identifier = str(input.logGroupIdentifier);
  if (name !== undefined && identifier !== undefined) {
    throw invalid('LogGroup name and LogGroup ARN are mutually exclusive parameters.');
  }
  const key = name ?? identifier;
  if (key === undefined) throw invalid('Either logGroupName or logGroupIdentifier must be specified.');
  const group =
    ctx.state.logGroups.get(key) ??
    [...ctx.state.logGroups.values()].find((g) => g.arn === key || g.arn.replace(/:\*$/, '') === key);
  if (!group) throw notFound();
  return group;
}

/** The id of the event at `index` of its group: stable, since a group's events are only ever appended. */
const eventIdOf = (group: LogGroupRecord, index: number, event: LogEventRecord): string =>
  `${String(event.timestamp).padStart(20, '0')}${String(index).padStart(12, '0')}${String(group.creationTime % 1e8).padStart(8, '0')}`;

function decodeToken(token: string | undefined): number {
  if (token === undefined) return 0;
  const at = Number.parseInt(
    Buffer.from(token, 'base64')
      .toString('utf8')
      .replace(/^scan:/, ''),
    10,
  );
  if (!Number.isInteger(at) || at < 0) throw invalid('The specified nextToken is invalid.');
  return at;
}

export function filterLogEvents(input: Json, ctx: Ctx): Json {
  const group = groupOf(input, ctx);
  const start = typeof input.startTime === 'number' ? input.startTime : 0;
  const end = typeof input.endTime === 'number' ? input.endTime : Number.MAX_SAFE_INTEGER;
  if (start < 0 || end < 0) throw invalid('startTime and endTime must be positive.');
  const limit = input.limit ?? 10_000;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > 10_000) {
    throw invalid(
      `1 validation error detected: Value '${JSON.stringify(limit)}' at 'limit' failed to satisfy constraint: Member must have value between 1 and 10000`,
    );
  }
  const pattern = parsePattern(str(input.filterPattern) ?? '');
  const streams = Array.isArray(input.logStreamNames) ? input.logStreamNames.map(String) : undefined;
  const prefix = str(input.logStreamNamePrefix);
  if (streams && prefix !== undefined) {
    throw invalid('logStreamNames and logStreamNamePrefix are mutually exclusive parameters.');
  }
  // The group's events in the window, oldest first (a stable order: by time, then as they were added).
  const candidates = group.events
    .map((event, index) => ({ event, index, stream: event.logStream ?? 'stream-1' }))
    .filter(({ event }) => event.timestamp >= start && event.timestamp <= end)
    .filter(({ stream }) => (streams ? streams.includes(stream) : prefix === undefined || stream.startsWith(prefix)))
    .sort((a, b) => a.event.timestamp - b.event.timestamp || a.index - b.index);
  const from = decodeToken(str(input.nextToken));
  if (from > candidates.length) throw invalid('The specified nextToken is invalid.');
  const events: Json[] = [];
  let at = from;
  for (; at < candidates.length && at < from + SCAN_WINDOW && events.length < limit; at++) {
    const { event, index, stream } = candidates[at]!;
    if (!matches(event.message, pattern)) continue;
    events.push({
      logStreamName: stream,
      timestamp: event.timestamp,
      message: event.message,
      ingestionTime: event.ingestionTime ?? event.timestamp,
      eventId: eventIdOf(group, index, event),
    });
  }
  return {
    events,
    searchedLogStreams: [],
    ...(at < candidates.length ? { nextToken: Buffer.from(`scan:${at}`).toString('base64') } : {}),
  };
}

export function startLiveTail(input: Json, ctx: Ctx): Json {
  const ids = input.logGroupIdentifiers;
  if (!Array.isArray(ids) || ids.length < 1 || ids.length > 10) {
    throw invalid('logGroupIdentifiers must name between 1 and 10 log groups.');
  }
  for (const id of ids) {
    const arn = String(id);
    if (!arn.startsWith('arn:') || arn.endsWith(':*')) {
      throw invalid(`Log group identifier ${arn} must be a log group ARN that does not end with ':*'.`);
    }
    if (![...ctx.state.logGroups.values()].some((g) => g.arn.replace(/:\*$/, '') === arn)) throw notFound();
  }
  const resource = String(ids[0]);
  throw new AwsError(
    400,
    'AccessDeniedException',
    `User: arn:aws:iam::${ctx.state.accountId}:user/test is not authorized to perform: logs:StartLiveTail on resource: ${resource} because no identity-based policy allows the logs:StartLiveTail action`,
  );
}
