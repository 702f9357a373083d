// apigw logs against the AWS test double: the stage's log groups from GetStage, the history by FilterLogEvents, the
// filters, --follow falling back to polling when Live Tail is refused, ended by an abort (Ctrl-C in a terminal).
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { runLogs } from '../../../../src/cli/commands/logs';
import type { CliIo } from '../../../../src/cli/io';
import { region, useCliServer } from './harness';

const now = Date.UTC(2026, 4, 1, 12, 0, 0);
const cwd = process.cwd();

describe('apigw logs', () => {
  const h = useCliServer();
  const ids = { rest: '', http: '', restOff: '' };

  beforeEach(() => {
    h.server.reset();
    const rest = h.server.state.createRestApi({ name: 'Pets' });
    ids.rest = String(rest.wire.id);
    rest.stages.set('prod', {
      stageName: 'prod',
      methodSettings: { '*/*': { loggingLevel: 'INFO' } },
      accessLogSettings: {
        destinationArn: `arn:aws:logs:${region}:123456789012:log-group:pets-access`,
        format: '{"requestId":"$context.requestId","status":"$context.status"}',
      },
    });
    rest.stages.set('quiet', { stageName: 'quiet', methodSettings: {} });
    const http = h.server.state.createApi({ name: 'Notes', protocolType: 'HTTP' });
    ids.http = String(http.wire.apiId);
    http.stages.set('$default', { stageName: '$default' });
    h.server.state.addLogGroup(`API-Gateway-Execution-Logs_${ids.rest}/prod`, [
      { timestamp: now - 20 * 60_000, message: '(old-1) too old for --since 10m' },
      { timestamp: now - 5 * 60_000, message: '(req-1) Extended Request Id: abc=', logStream: 'a1' },
      { timestamp: now - 5 * 60_000 + 1, message: '(req-1) Method completed with status: 200', logStream: 'a1' },
      { timestamp: now - 4 * 60_000, message: '(req-2) Method completed with status: 500', logStream: 'b2' },
    ]);
    h.server.state.addLogGroup('pets-access', [
      { timestamp: now - 60_000, message: '{"requestId":"req-2","status":"500"}', logStream: 'acc' },
    ]);
  });

  async function logs(argv: string[], signal?: AbortSignal, io: Partial<CliIo> = {}) {
    let out = '';
    let err = '';
    const code = await runLogs(
      [...argv, '--region', region, '--endpoint-url', h.server.url],
      {
        cwd,
        out: (t) => {
          out += t;
          io.out?.(t);
        },
        err: (t) => {
          err += t;
          io.err?.(t);
        },
      },
      undefined,
      { now: () => now, ...(signal ? { signal } : {}) },
    );
    return { code, out, err };
  }

  it('prints the execution log of the last 10 minutes as TIME STREAM MESSAGE', async () => {
    const { code, out, err } = await logs([ids.rest, '--stage', 'prod']);
    assert.equal(err, '');
    assert.equal(code, 0);
    assert.equal(
      out,
      [
        '2026-05-01T11:55:00.000Z a1 (req-1) Extended Request Id: abc=',
        '2026-05-01T11:55:00.001Z a1 (req-1) Method completed with status: 200',
        '2026-05-01T11:56:00.000Z b2 (req-2) Method completed with status: 500',
        '',
      ].join('\n'),
    );
  });

  it('--format json: one object a line; --filter and --request-id narrow it; --access reads the access log', async () => {
    const json = await logs([ids.rest, '--stage', 'prod', '--request-id', 'req-2', '--format', 'json']);
    assert.equal(json.code, 0);
    assert.deepEqual(
      json.out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as unknown),
      [
        {
          timestamp: '2026-05-01T11:56:00.000Z',
          logGroup: `API-Gateway-Execution-Logs_${ids.rest}/prod`,
          logStream: 'b2',
          message: '(req-2) Method completed with status: 500',
        },
      ],
    );
    const text = await logs([ids.rest, '--stage', 'prod', '--filter', 'Extended', '--since', '1h']);
    assert.match(text.out, /^2026-05-01T11:55:00.000Z a1 \(req-1\) Extended Request Id: abc=\n$/);
    const access = await logs([ids.rest, '--stage', 'prod', '--access', '--request-id', 'req-2']);
    assert.equal(access.out, '2026-05-01T11:59:00.000Z acc {"requestId":"req-2","status":"500"}\n');
    const none = await logs([ids.rest, '--stage', 'prod', '--filter', 'nothing like this']);
    assert.equal(none.code, 0);
    assert.match(none.err, /no events in API-Gateway-Execution-Logs_\w+\/prod since .* that match the filter/);
  });

  it('--follow: Live Tail refused is told, new events come by polling, and an abort (Ctrl-C) ends it with 0', async () => {
    const controller = new AbortController();
    const group = `API-Gateway-Execution-Logs_${ids.rest}/prod`;
    const run = logs([ids.rest, '--stage', 'prod', '--follow', '--poll-interval', '0.01'], controller.signal, {
      err: (t) => {
        // Once following has fallen back to polling, a new request logs.
        if (/Live Tail was refused/.test(t))
          h.server.state.addLogGroup(group, [{ timestamp: now + 1000, message: '(req-3) new' }]);
      },
      out: (t) => {
        if (t.includes('(req-3) new')) controller.abort();
      },
    });
    const { code, out, err } = await run;
    assert.equal(code, 0);
    assert.match(err, /apigw logs: Live Tail was refused \(AccessDenied on logs:StartLiveTail\): following by polling/);
    assert.equal(out.split('\n').filter((l) => l.includes('(req-3) new')).length, 1);
    assert.match(out, /\(req-1\) Extended/);
  });

  it('logging off, an HTTP API without execution logs, a missing group: a clear message and exit 1', async () => {
    const off = await logs([ids.rest, '--stage', 'quiet']);
    assert.equal(off.code, 1);
    assert.match(
      off.err,
      /Execution logging is off on stage quiet of REST API \w+ \(logging level OFF\).*Logging Settings/,
    );
    const noAccess = await logs([ids.rest, '--stage', 'quiet', '--access']);
    assert.equal(noAccess.code, 1);
    assert.match(noAccess.err, /Access logging is off on stage quiet/);
    const http = await logs([ids.http, '--stage', '$default']);
    assert.equal(http.code, 1);
    assert.match(http.err, /HTTP APIs have no execution logs/);
    h.server.state.logGroups.delete(`API-Gateway-Execution-Logs_${ids.rest}/prod`);
    const missing = await logs([ids.rest, '--stage', 'prod']);
    assert.equal(missing.code, 1);
    assert.match(
      missing.err,
      /The log group API-Gateway-Execution-Logs_\w+\/prod does not exist in eu-west-1\. API Gateway creates it/,
    );
    const stage = await logs([ids.rest, '--stage', 'nope']);
    assert.equal(stage.code, 1);
    assert.match(stage.err, /apigw logs: .*stage/i);
  });

  it('refuses bad input with exit 2 before calling AWS', async () => {
    for (const [argv, message] of [
      [[ids.rest], /--stage is required/],
      [['--stage', 'prod'], /exactly one API_ID/],
      [[ids.rest, '--stage', 'prod', '--format', 'xml'], /--format must be text or json/],
      [[ids.rest, '--stage', 'prod', '--since', 'yesterday'], /--since: 'yesterday' is neither a duration/],
      [[ids.rest, '--stage', 'prod', '--poll-interval', '0'], /--poll-interval must be a number of seconds above 0/],
      [[ids.rest, '--stage', 'prod', '--filter', ''], /filter text is empty/],
      [[ids.rest, '--stage', 'prod', '--request-id', 'a b'], /request id 'a b' has spaces/],
    ] as const) {
      const before = h.server.requests.length;
      await assert.rejects(logs([...argv]), (e: Error) => message.test(e.message), String(message));
      assert.equal(h.server.requests.length, before);
    }
    const viaMain = await h.run(cwd, 'logs', ids.rest);
    assert.equal(viaMain.code, 2);
    assert.match(viaMain.err, /apigw logs: --stage is required\nusage: apigw logs API_ID/);
  });
});
