// Live Tail with the CloudWatch Logs client mocked (aws-sdk-client-mock): the event stream's sessionStart and
// sessionUpdate, its three-hour end (SessionTimeoutException) and errors, the session ended when the consumer
// stops, and the fallback to polling when StartLiveTail is refused or not spoken.
import {
  DescribeLogGroupsCommand,
  FilterLogEventsCommand,
  StartLiveTailCommand,
  type StartLiveTailResponseStream,
} from '@aws-sdk/client-cloudwatch-logs';
import { mockClient } from 'aws-sdk-client-mock';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createClients } from '../../../../src/aws/clients';
import { LiveTailUnavailable, liveTail } from '../../../../src/aws/logs/liveTail';
import { tailLogs } from '../../../../src/aws/logs/tailLogs';
import type { TailItem } from '../../../../src/aws/logs/types';
import type { AwsClients } from '../../../../src/aws/types';
import { rejection } from '../rejection';

const group = {
  name: 'API-Gateway-Execution-Logs_abc/prod',
  arn: 'arn:aws:logs:us-east-1:123:log-group:API-Gateway-Execution-Logs_abc/prod',
};

function clientsFor(): AwsClients {
  return createClients(
    { region: 'us-east-1' },
    { credentials: { accessKeyId: 'AKID', secretAccessKey: 'SECRET' }, maxAttempts: 1 },
  );
}

const update = (...messages: string[]): StartLiveTailResponseStream => ({
  sessionUpdate: {
    sessionMetadata: { sampled: false },
    sessionResults: messages.map((message, i) => ({
      logStreamName: 's1',
      logGroupIdentifier: group.arn,
      message,
      timestamp: 1000 + i,
      ingestionTime: 1001 + i,
    })),
  },
});
const start: StartLiveTailResponseStream = { sessionStart: { sessionId: 'sess', logGroupIdentifiers: [group.arn] } };

/** An event stream of `items`, then (when `then` is given) a thrown error, else it waits until aborted. */
function stream(
  items: StartLiveTailResponseStream[],
  signal: AbortSignal | undefined,
  then?: Error,
): AsyncIterable<StartLiveTailResponseStream> {
  return {
    async *[Symbol.asyncIterator]() {
      yield* items;
      if (then) throw then;
      await new Promise<void>((resolve) => {
        if (signal?.aborted) resolve();
        signal?.addEventListener('abort', () => resolve(), { once: true });
      });
      const error = new Error('The operation was aborted');
      error.name = 'AbortError';
      throw error;
    },
  };
}

const named = (name: string, message = name): Error => Object.assign(new Error(message), { name });

async function take(items: AsyncIterable<TailItem>, count: number): Promise<TailItem[]> {
  const out: TailItem[] = [];
  for await (const item of items) {
    out.push(item);
    if (out.length >= count) break;
  }
  return out;
}

const describe = (item: TailItem): string =>
  item.kind === 'event' ? `event ${item.event.message}` : `notice ${item.notice.code}`;

test('a session: sessionStart is told once, sessionUpdate events come in order; stopping aborts the stream', async () => {
  const clients = clientsFor();
  const logs = mockClient(clients.logs);
  const signals: AbortSignal[] = [];
  logs
    .on(StartLiveTailCommand)
    .callsFake((input: { logGroupIdentifiers?: string[]; logEventFilterPattern?: string }) => {
      assert.deepEqual(input.logGroupIdentifiers, [group.arn]);
      assert.equal(input.logEventFilterPattern, '"500"');
      return { responseStream: stream([start, update(), update('(r1) a', '(r1) b')], signals.at(-1)) };
    });
  // aws-sdk-client-mock does not hand the abort signal to the fake: record it from the client's send.
  const send = clients.logs.send.bind(clients.logs);
  clients.logs.send = ((command: unknown, options?: { abortSignal?: AbortSignal }) => {
    if (options?.abortSignal) signals.push(options.abortSignal);
    return (send as (c: unknown, o?: unknown) => Promise<unknown>)(command, options);
  }) as typeof clients.logs.send;
  const items = await take(liveTail(clients, { group, filterPattern: '"500"' }), 3);
  assert.deepEqual(items.map(describe), ['notice liveTailStarted', 'event (r1) a', 'event (r1) b']);
  const event = items[1]!.kind === 'event' ? items[1]!.event : undefined;
  assert.deepEqual(event, {
    timestamp: 1000,
    logGroup: group.name,
    logStream: 's1',
    message: '(r1) a',
    ingestionTime: 1001,
  });
  assert.equal(signals.length, 1);
  assert.equal(signals[0]!.aborted, true, 'breaking out of the tail ends the session');
});

test('the three-hour limit: SessionTimeoutException (as an event or thrown) starts a new session and says so', async () => {
  const clients = clientsFor();
  const logs = mockClient(clients.logs);
  logs
    .on(StartLiveTailCommand)
    .resolvesOnce({
      responseStream: stream(
        [start, update('one'), { SessionTimeoutException: named('SessionTimeoutException', 'timed out') as never }],
        undefined,
      ),
    })
    .resolvesOnce({ responseStream: stream([start, update('two')], undefined, named('SessionTimeoutException')) })
    .resolves({ responseStream: stream([start, update('three')], undefined) });
  const items = await take(liveTail(clients, { group }), 6);
  assert.deepEqual(items.map(describe), [
    'notice liveTailStarted',
    'event one',
    'notice liveTailRenewed',
    'event two',
    'notice liveTailRenewed',
    'event three',
  ]);
  const renewed = items[2]!;
  assert.match(renewed.kind === 'notice' ? renewed.notice.message : '', /three-hour limit: started a new session/);
  assert.equal(logs.commandCalls(StartLiveTailCommand).length, 3);
});

test('the abort signal ends a session quietly', async () => {
  const clients = clientsFor();
  const logs = mockClient(clients.logs);
  const controller = new AbortController();
  logs.on(StartLiveTailCommand).callsFake(() => ({ responseStream: stream([start, update('x')], controller.signal) }));
  const items: TailItem[] = [];
  for await (const item of liveTail(clients, { group, signal: controller.signal })) {
    items.push(item);
    if (item.kind === 'event') controller.abort();
  }
  assert.deepEqual(items.map(describe), ['notice liveTailStarted', 'event x']);
});

test('refused or not spoken: LiveTailUnavailable says which; other failures are AWS problems', async () => {
  const clients = clientsFor();
  const logs = mockClient(clients.logs);
  logs.on(StartLiveTailCommand).rejectsOnce(
    Object.assign(
      named(
        'AccessDeniedException',
        'User: arn:aws:iam::1:user/u is not authorized to perform: logs:StartLiveTail on resource: x',
      ),
      {
        $metadata: { httpStatusCode: 400 },
      },
    ),
  );
  const refused = await take(liveTail(clients, { group }), 1).catch((e: unknown) => e);
  assert.ok(refused instanceof LiveTailUnavailable);
  assert.equal(refused.code, 'liveTailRefused');
  assert.match(refused.message, /AccessDenied on logs:StartLiveTail/);
  logs.reset();
  logs
    .on(StartLiveTailCommand)
    .rejectsOnce(
      Object.assign(named('UnknownOperationException', 'not modelled'), { $metadata: { httpStatusCode: 400 } }),
    );
  const unsupported = await take(liveTail(clients, { group }), 1).catch((e: unknown) => e);
  assert.ok(unsupported instanceof LiveTailUnavailable && unsupported.code === 'liveTailUnsupported');
  assert.match(unsupported.message, /does not support Live Tail/);
  logs.reset();
  logs.on(StartLiveTailCommand).rejectsOnce(
    Object.assign(named('ExpiredTokenException', 'The security token included in the request is expired'), {
      $metadata: { httpStatusCode: 400 },
    }),
  );
  const expired = await rejection(take(liveTail(clients, { group }), 1));
  assert.equal(expired.problem.kind, 'expiredCredentials');
});

test('stream errors again and again with no event between them give Live Tail up', async () => {
  const clients = clientsFor();
  const logs = mockClient(clients.logs);
  logs.on(StartLiveTailCommand).callsFake(() => ({
    responseStream: stream(
      [start, { SessionStreamingException: named('SessionStreamingException', 'boom') as never }],
      undefined,
    ),
  }));
  const items: TailItem[] = [];
  const error = await (async () => {
    for await (const item of liveTail(clients, { group, maxStreamErrors: 3 })) items.push(item);
  })().catch((e: unknown) => e);
  assert.ok(error instanceof LiveTailUnavailable);
  assert.match(error.message, /ended 3 times in a row \(boom\)/);
  assert.deepEqual(items.map(describe), ['notice liveTailStarted', 'notice liveTailRenewed', 'notice liveTailRenewed']);
});

test('tailLogs: Live Tail that gives up mid-way falls back to polling without showing its events twice', async () => {
  const clients = clientsFor();
  const logs = mockClient(clients.logs);
  logs.on(DescribeLogGroupsCommand).resolves({ logGroups: [{ logGroupName: group.name, arn: `${group.arn}:*` }] });
  // The first session shows an event and fails; the next ones fail at once, so Live Tail is given up.
  let sessions = 0;
  logs.on(StartLiveTailCommand).callsFake(() => ({
    responseStream: stream(
      [
        start,
        ...(sessions++ === 0 ? [update('(r1) live')] : []),
        { SessionStreamingException: named('SessionStreamingException', 'boom') as never },
      ],
      undefined,
    ),
  }));
  logs.on(FilterLogEventsCommand).resolves({
    events: [
      { eventId: '1', logStreamName: 's1', timestamp: 1000, message: '(r1) live', ingestionTime: 1001 },
      { eventId: '2', logStreamName: 's1', timestamp: 1005, message: '(r2) polled', ingestionTime: 1006 },
    ],
  });
  const controller = new AbortController();
  const items: TailItem[] = [];
  for await (const item of tailLogs(clients, {
    logGroup: group.name,
    follow: true,
    signal: controller.signal,
    now: () => 900,
    sleep: () => {
      controller.abort();
      return Promise.resolve();
    },
  })) {
    items.push(item);
  }
  const shown = items.map(describe);
  assert.deepEqual(
    shown.filter((s) => s.startsWith('event')),
    ['event (r1) live', 'event (r2) polled'],
  );
  assert.ok(shown.includes('notice liveTailUnsupported'));
  assert.deepEqual(logs.commandCalls(StartLiveTailCommand)[0]!.args[0].input.logGroupIdentifiers, [group.arn]);
});
