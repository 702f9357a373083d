// The filters of a tail: free text and a request id. Both are sent to CloudWatch Logs as a filter pattern of quoted
// terms (every term must appear, case-sensitive, as CloudWatch matches them), and checked again on each event, so an
// endpoint that ignores the pattern still shows only matching lines. API Gateway's execution log lines start with
// `(requestId)`; access log lines carry `$context.requestId` wherever the stage's format puts it: a request id matches
// lines that contain it.
import { badInput } from '../guard';

export interface LogFilter {
  /** Free text the line must contain. */
  text?: string;
  /** The request id the line must contain. */
  requestId?: string;
}

/** A quoted term of a CloudWatch Logs filter pattern (backslash and double quote escaped). */
function quoted(term: string): string {
  return `"${term.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** Refuses a filter CloudWatch would reject or that could never match, before any call. */
export function checkFilter(filter: LogFilter): void {
  for (const [what, value] of [
    ['The filter text', filter.text],
    ['The request id', filter.requestId],
  ] as const) {
    if (value === undefined) continue;
    if (value.trim() === '') throw badInput(`${what} is empty: give some text, or leave the filter out.`);
    if (/[\r\n]/.test(value)) throw badInput(`${what} must be one line: a log event is matched line by line.`);
    // FilterLogEvents and StartLiveTail take patterns of at most 1024 characters.
    if (value.length > 1000) throw badInput(`${what} is ${value.length} characters long; at most 1000 are allowed.`);
  }
  if (filter.requestId !== undefined && /\s/.test(filter.requestId.trim())) {
    throw badInput(`The request id '${filter.requestId}' has spaces: a request id is one word, such as 1b2c3d4e-….`);
  }
}

/** The filter pattern of FilterLogEvents / StartLiveTail for `filter`; undefined when nothing is filtered. */
export function filterPatternOf(filter: LogFilter): string | undefined {
  const terms = [filter.text?.trim(), filter.requestId?.trim()].filter((t): t is string => !!t);
  return terms.length > 0 ? terms.map(quoted).join(' ') : undefined;
}

/**
 * Whether a message passes the filter: the rule of the pattern (every term, case-sensitive), and the request id as a
 * whole word (the pattern matches it anywhere, so `abc-1` would also find `abc-12`).
 */
export function matchesFilter(message: string, filter: LogFilter): boolean {
  const text = filter.text?.trim();
  const requestId = filter.requestId?.trim();
  return (!text || message.includes(text)) && (!requestId || containsId(message, requestId));
}

/** Whether `id` appears in `message` as a whole word (so request id `abc-1` does not match `abc-12`). */
function containsId(message: string, id: string): boolean {
  for (let at = message.indexOf(id); at >= 0; at = message.indexOf(id, at + 1)) {
    const before = message[at - 1];
    const after = message[at + id.length];
    if ((before === undefined || !idChar.test(before)) && (after === undefined || !idChar.test(after))) return true;
  }
  return false;
}

const idChar = /[\w-]/;
