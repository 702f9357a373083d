import type { TailEvent, TailNotice } from '../../aws/logs/types';

// The lines of a Tail Logs document: a header saying what is tailed, one line an event, notices marked as such.
// No `vscode` here.

/** "2026-05-01T12:00:00.000Z  stream  message" (a message's own line breaks kept, indented). */
export function eventLine(event: TailEvent): string {
  const message = event.message.replace(/\r?\n$/, '').replace(/\r?\n/g, '\n    ');
  return `${new Date(event.timestamp).toISOString()}  ${event.logStream}  ${message}`;
}

export function noticeLine(notice: TailNotice, at: number): string {
  return `── ${new Date(at).toISOString()}  ${notice.message}`;
}

export interface TailHeader {
  apiName: string;
  apiId: string;
  stage: string;
  logGroup: string;
  which: 'execution' | 'access';
  filter?: string;
  requestId?: string;
  since: number;
}

export function headerLines(h: TailHeader): string[] {
  const what = h.which === 'execution' ? 'Execution log' : 'Access log';
  const filters = [
    ...(h.requestId !== undefined ? [`request id ${h.requestId}`] : []),
    ...(h.filter !== undefined ? [`lines containing "${h.filter}"`] : []),
  ];
  return [
    `${what} of stage ${h.stage} of ${h.apiName} (${h.apiId}): ${h.logGroup}`,
    `Since ${new Date(h.since).toISOString()}${filters.length ? `; only ${filters.join(' and ')}` : ''}. Close this editor to stop tailing.`,
    '',
  ];
}

/**
 * A filter typed in the Tail Logs box: a request id when it looks like one (a UUID, as REST and WebSocket APIs
 * give; or the `apigw-requestid` of an HTTP API, such as `Jx1ZkjKXoAMEVbQ=`), else text to match.
 */
export function parseFilterInput(input: string): { filter?: string; requestId?: string } {
  const value = input.trim();
  if (value === '') return {};
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) return { requestId: value };
  if (/^[A-Za-z0-9_-]{12,20}=$/.test(value)) return { requestId: value };
  return { filter: value };
}
