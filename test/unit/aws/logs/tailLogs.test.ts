// Tailing against the AWS test double: the real SDK client on the wire, FilterLogEvents history and polling, and
// the fallback when Live Tail is refused (the double answers StartLiveTail with AccessDenied).
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { createClients } from '../../../../src/aws/clients';
import { tailLogs, type TailOptions } from '../../../../src/aws/logs/tailLogs';
import type { TailItem } from '../../../../src/aws/logs/types';
import type { AwsClients } from '../../../../src/aws/types';
import { startAwsTestServer, type AwsTestServer } from '../../../aws/server';
import { SCAN_WINDOW } from '../../../aws/server/logEvents';
import { rejection } from '../rejection';

const t0 = 1_700_000_000_000;
const group = 'API-Gateway-Execution-Logs_abc/prod';
let server: AwsTestServer;
let clients: AwsClients;

before(async () => {
  server = await startAwsTestServer({ region: 'eu-west-1' });
  clients = createClients(
    { region: 'eu-west-1', endpointUrl: server.url },
    { credentials: { accessKeyId: 'AKID', secretAccessKey: 'SECRET' }, maxAttempts: 1 },
  );
});
after(() => server.close());
beforeEach(() => server.reset());

/** Runs a tail; `rounds` polling waits are allowed (each may add events first), then the tail is aborted. */
async function run(options: Omit<TailOptions, 'signal' | 'sleep' | 'now'>, rounds = 0, onRound?: (n: number) => void) {
  const controller = new AbortController();
  let round = 0;
  const items: TailItem[] = [];
  for await (const item of tailLogs(clients, {
    now: () => t0 + 1_000_000,
    ...options,
    signal: controller.signal,
    sleep: () => {
      round++;
      if (round > rounds) controller.abort();
      else onRound?.(round);
      return Promise.resolve();
    },
  })) {
    items.push(item);
  }
  return {
    messages: items.flatMap((i) => (i.kind === 'event' ? [i.event.message] : [])),
    notices: items.flatMap((i) => (i.kind === 'notice' ? [i.notice] : [])),
    items,
  };
}

test('the history of a window: every page through nextToken, empty pages included, filtered by text and request id', async () => {
  server.state.addLogGroup(
    group,
    Array.from({ length: SCAN_WINDOW * 4 }, (_, i) => ({
      timestamp: t0 + i,
      message: i === 10 || i === SCAN_WINDOW * 3 + 1 ? `(req-${i}) Method completed with status: 500` : `(req-${i}) ok`,
    })),
  );
  const { messages } = await run({ logGroup: group, startTime: t0, text: 'status: 500' });
  assert.deepEqual(messages, [
    '(req-10) Method completed with status: 500',
    `(req-${SCAN_WINDOW * 3 + 1}) Method completed with status: 500`,
  ]);
  const pages = server.requests.filter((r) => r.operation === 'FilterLogEvents');
  assert.equal(pages.length, 4, 'one page a scan window, two of them empty');
  const byId = await run({ logGroup: group, startTime: t0, requestId: 'req-10' });
  assert.deepEqual(byId.messages, ['(req-10) Method completed with status: 500']);
  const body = JSON.parse(server.requests.at(-1)!.body) as { filterPattern?: string };
  assert.equal(body.filterPattern, '"req-10"');
});

test('following when Live Tail is refused: says so, polls FilterLogEvents, shows each event once', async () => {
  const now = t0 + 1_000_000;
  server.state.addLogGroup(group, [{ timestamp: now - 5000, message: '(a) before' }]);
  const { messages, notices } = await run({ logGroup: group, startTime: now - 60_000, follow: true }, 2, (n) => {
    // New events arrive between rounds, one of them late (its time before the newest already shown).
    if (n === 1) server.state.addLogGroup(group, [{ timestamp: now + 10, message: '(b) new' }]);
    if (n === 2)
      server.state.addLogGroup(group, [
        { timestamp: now + 5, message: '(c) late' },
        { timestamp: now + 20, message: '(d) newer' },
      ]);
  });
  assert.deepEqual(messages, ['(a) before', '(b) new', '(c) late', '(d) newer']);
  assert.deepEqual(
    notices.map((n) => n.code),
    ['liveTailRefused'],
  );
  assert.match(notices[0]!.message, /AccessDenied on logs:StartLiveTail.*polling FilterLogEvents/);
  assert.equal(server.requests.filter((r) => r.operation === 'StartLiveTail').length, 1);
  // StartLiveTail was sent the group's ARN (never a name, never ending in :*).
  const start = JSON.parse(server.requests.find((r) => r.operation === 'StartLiveTail')!.body) as {
    logGroupIdentifiers: string[];
  };
  assert.deepEqual(start.logGroupIdentifiers, [`arn:aws:logs:eu-west-1:123456789012:log-group:${group}`]);
});

test('following without Live Tail polls at once and says so', async () => {
  server.state.addLogGroup(group, []);
  const { notices } = await run({ logGroup: group, follow: true, liveTail: false }, 1);
  assert.deepEqual(
    notices.map((n) => n.code),
    ['polling'],
  );
  assert.equal(server.requests.filter((r) => r.operation === 'StartLiveTail').length, 0);
});

test('a log group that does not exist is told before tailing, with the hint', async () => {
  const error = await rejection(
    run({ logGroup: 'API-Gateway-Execution-Logs_abc/none', startTime: t0, notFoundHint: 'Call the stage first.' }),
  );
  assert.equal(error.problem.kind, 'notFound');
  assert.match(
    error.message,
    /The log group API-Gateway-Execution-Logs_abc\/none does not exist in eu-west-1\. Call the stage first\./,
  );
});

test('a group deleted while polling ends the tail with a clear message', async () => {
  server.state.addLogGroup(group, []);
  const error = await rejection(
    run({ logGroup: group, follow: true, liveTail: false }, 3, () => server.state.logGroups.delete(group)),
  );
  assert.equal(error.problem.kind, 'notFound');
  assert.match(error.message, /does not exist/);
});

test('bad filters are refused before any call', async () => {
  const error = await rejection(run({ logGroup: group, text: '' }));
  assert.match(error.message, /filter text is empty/);
  assert.equal(server.requests.length, 0);
});

test('other failures of FilterLogEvents are told as AWS problems', async () => {
  server.state.addLogGroup(group, []);
  server.fail('FilterLogEvents', { errorType: 'ThrottlingException', times: 1 });
  const error = await rejection(run({ logGroup: group, startTime: t0 }));
  assert.equal(error.problem.kind, 'throttled');
  assert.equal(error.problem.operation, 'FilterLogEvents');
});
