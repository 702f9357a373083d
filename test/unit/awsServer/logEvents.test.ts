// The test double's FilterLogEvents and StartLiveTail, through the real CloudWatch Logs client.
import {
  CloudWatchLogsClient,
  FilterLogEventsCommand,
  StartLiveTailCommand,
  type FilteredLogEvent,
} from '@aws-sdk/client-cloudwatch-logs';
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { SCAN_WINDOW } from '../../aws/server/logEvents';
import { clientConfig, region, useServer } from './setup';

const h = useServer();
const group = 'API-Gateway-Execution-Logs_abc123/prod';
const t0 = 1_700_000_000_000;

function client(): CloudWatchLogsClient {
  // StartLiveTail's `stream-` host prefix cannot apply to a loopback endpoint.
  return new CloudWatchLogsClient({ ...clientConfig(h.server), maxAttempts: 1, disableHostPrefix: true });
}

beforeEach(() => {
  h.server.reset();
  h.server.state.addLogGroup(group, [
    { timestamp: t0 + 2, message: '(r-2) Method completed with status: 200', logStream: 'b' },
    { timestamp: t0, message: '(r-1) Extended Request Id: x', logStream: 'a' },
    { timestamp: t0 + 1, message: '(r-1) Method request path: {}', logStream: 'a' },
    { timestamp: t0 + 3, message: '(r-3) Method completed with status: 500', logStream: 'b' },
  ]);
});

async function all(logs: CloudWatchLogsClient, input: ConstructorParameters<typeof FilterLogEventsCommand>[0]) {
  const events: FilteredLogEvent[] = [];
  let pages = 0;
  let empty = 0;
  let nextToken: string | undefined;
  do {
    const page = await logs.send(new FilterLogEventsCommand({ ...input, ...(nextToken ? { nextToken } : {}) }));
    pages++;
    if ((page.events ?? []).length === 0 && page.nextToken) empty++;
    events.push(...(page.events ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return { events, pages, empty };
}

test('FilterLogEvents: events oldest first, by name or ARN, within startTime / endTime, with stream names and ids', async () => {
  const logs = client();
  const { events } = await all(logs, { logGroupName: group });
  assert.deepEqual(
    events.map((e) => [e.timestamp, e.logStreamName, e.message]),
    [
      [t0, 'a', '(r-1) Extended Request Id: x'],
      [t0 + 1, 'a', '(r-1) Method request path: {}'],
      [t0 + 2, 'b', '(r-2) Method completed with status: 200'],
      [t0 + 3, 'b', '(r-3) Method completed with status: 500'],
    ],
  );
  assert.equal(new Set(events.map((e) => e.eventId)).size, 4);
  const arn = `arn:aws:logs:${region}:123456789012:log-group:${group}`;
  const byArn = await all(logs, { logGroupIdentifier: arn, startTime: t0 + 1, endTime: t0 + 2 });
  assert.deepEqual(
    byArn.events.map((e) => e.timestamp),
    [t0 + 1, t0 + 2],
  );
  const streams = await all(logs, { logGroupName: group, logStreamNames: ['b'] });
  assert.deepEqual(
    streams.events.map((e) => e.logStreamName),
    ['b', 'b'],
  );
  logs.destroy();
});

test('FilterLogEvents: plain terms, quoted phrases, ?any and -exclusion', async () => {
  const logs = client();
  const messages = async (filterPattern: string) =>
    (await all(logs, { logGroupName: group, filterPattern })).events.map((e) => e.message);
  assert.deepEqual(await messages('Method completed'), [
    '(r-2) Method completed with status: 200',
    '(r-3) Method completed with status: 500',
  ]);
  assert.deepEqual(await messages('"status: 500"'), ['(r-3) Method completed with status: 500']);
  assert.deepEqual(await messages('"(r-1)"'), ['(r-1) Extended Request Id: x', '(r-1) Method request path: {}']);
  assert.deepEqual(await messages('?Extended ?500'), [
    '(r-1) Extended Request Id: x',
    '(r-3) Method completed with status: 500',
  ]);
  assert.deepEqual(await messages('Method -completed'), ['(r-1) Method request path: {}']);
  // Case-sensitive, as CloudWatch's unstructured terms are.
  assert.deepEqual(await messages('method'), []);
  await assert.rejects(
    logs.send(new FilterLogEventsCommand({ logGroupName: group, filterPattern: '{ $.status = 500 }' })),
    (e: Error) => e.name === 'InvalidParameterException' && /JSON/.test(e.message),
  );
  logs.destroy();
});

test('FilterLogEvents: a page searches part of the group, so pages may be empty while a token remains; limit caps a page', async () => {
  const logs = client();
  const events = Array.from({ length: SCAN_WINDOW * 3 }, (_, i) => ({
    timestamp: t0 + 10 + i,
    message: i === SCAN_WINDOW * 2 + 5 ? '(r-rare) needle' : `(r-${i}) hay`,
  }));
  h.server.state.addLogGroup('big', events);
  const found = await all(logs, { logGroupName: 'big', filterPattern: 'needle' });
  assert.deepEqual(
    found.events.map((e) => e.message),
    ['(r-rare) needle'],
  );
  assert.ok(found.empty >= 2, `expected empty pages with a token, got ${found.empty} of ${found.pages}`);
  const limited = await logs.send(new FilterLogEventsCommand({ logGroupName: 'big', limit: 7 }));
  assert.equal(limited.events?.length, 7);
  assert.ok(limited.nextToken);
  const next = await logs.send(
    new FilterLogEventsCommand({ logGroupName: 'big', limit: 7, nextToken: limited.nextToken }),
  );
  assert.equal(next.events?.[0]?.message, '(r-7) hay');
  logs.destroy();
});

test('FilterLogEvents: a missing group, both name and identifier, a bad token and a bad limit are refused as AWS does', async () => {
  const logs = client();
  await assert.rejects(
    logs.send(new FilterLogEventsCommand({ logGroupName: 'nope' })),
    (e: Error) => e.name === 'ResourceNotFoundException' && /does not exist/.test(e.message),
  );
  await assert.rejects(
    logs.send(new FilterLogEventsCommand({ logGroupName: group, logGroupIdentifier: group })),
    (e: Error) => e.name === 'InvalidParameterException' && /mutually exclusive/.test(e.message),
  );
  await assert.rejects(
    logs.send(new FilterLogEventsCommand({ logGroupName: group, nextToken: 'bm9wZQ==' })),
    (e: Error) => e.name === 'InvalidParameterException' && /nextToken/.test(e.message),
  );
  await assert.rejects(
    logs.send(new FilterLogEventsCommand({ logGroupName: group, limit: 0 })),
    (e: Error) => e.name === 'InvalidParameterException' && /limit/.test(e.message),
  );
  logs.destroy();
});

test('StartLiveTail: checks the ARNs and the groups, then refuses with AccessDenied on logs:StartLiveTail', async () => {
  const logs = client();
  const arn = `arn:aws:logs:${region}:123456789012:log-group:${group}`;
  await assert.rejects(
    logs.send(new StartLiveTailCommand({ logGroupIdentifiers: [arn] })),
    (e: Error) => e.name === 'AccessDeniedException' && /logs:StartLiveTail/.test(e.message),
  );
  await assert.rejects(
    logs.send(new StartLiveTailCommand({ logGroupIdentifiers: [`${arn}:*`] })),
    (e: Error) => e.name === 'InvalidParameterException' && /':\*'/.test(e.message),
  );
  await assert.rejects(
    logs.send(new StartLiveTailCommand({ logGroupIdentifiers: [`${arn}-missing`] })),
    (e: Error) => e.name === 'ResourceNotFoundException',
  );
  assert.deepEqual(
    h.server.requests.filter((r) => r.operation === 'StartLiveTail').map((r) => r.service),
    ['logs', 'logs', 'logs'],
  );
  logs.destroy();
});
