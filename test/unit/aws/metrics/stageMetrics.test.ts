// The stage metrics report against the AWS test double (real SDK clients): dimensions found with ListMetrics,
// statistics per period from GetMetricData, the per-route table, and an empty metric told, not failed.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { createClients } from '../../../../src/aws/clients';
import { getStageMetrics } from '../../../../src/aws/metrics/stageMetrics';
import type { AwsClients } from '../../../../src/aws/types';
import type { MetricsReport } from '../../../../src/shared/metrics';
import { startAwsTestServer, type AwsTestServer } from '../../../aws/server';
import type { MetricRecord } from '../../../aws/server/state';
import { rejection } from '../rejection';

const region = 'eu-west-1';
const credentials = { accessKeyId: 'AKIDMETRICS', secretAccessKey: 'metrics-secret' };
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** The window's end: a whole minute, so the samples below fall in known periods. */
const now = Date.UTC(2026, 11, 7, 12, 0, 0);

let server: AwsTestServer;
let clients: AwsClients;

before(async () => {
  server = await startAwsTestServer({ region, credentials: [credentials] });
  clients = createClients({ region, endpointUrl: server.url }, { credentials, maxAttempts: 1 });
});
after(async () => {
  clients.rest.destroy();
  clients.cloudwatch.destroy();
  await server.close();
});

/** `count` samples of `value`, one a second from `minutesAgo` minutes before the end. */
const samples = (minutesAgo: number, count: number, value = 1): MetricRecord['samples'] =>
  Array.from({ length: count }, (_, i) => ({ timestamp: now - minutesAgo * MINUTE + i * 1000, value }));

function metric(metricName: string, dimensions: Record<string, string>, s: MetricRecord['samples']): void {
  server.state.metrics.push({ namespace: 'AWS/ApiGateway', metricName, dimensions, samples: s });
}

const line = (report: MetricsReport, metricName: string, stat: string) => {
  const found = report.series.find((s) => s.metric === metricName && s.stat === stat);
  assert.ok(found, `no ${metricName} ${stat} series`);
  return found;
};

describe('getStageMetrics, REST', () => {
  let apiId = '';
  beforeEach(() => {
    server.reset();
    apiId = server.state.createRestApi({ name: 'Pets' }).wire.id as string;
    const stage = { ApiName: 'Pets', Stage: 'prod' };
    metric('Count', stage, [...samples(10, 3), ...samples(5, 2)]);
    metric('5XXError', stage, samples(5, 1));
    metric('Latency', stage, [
      { timestamp: now - 10 * MINUTE, value: 100 },
      { timestamp: now - 10 * MINUTE + 1, value: 300 },
    ]);
    // Another stage and another API: not in the report.
    metric('Count', { ApiName: 'Pets', Stage: 'dev' }, samples(10, 7));
    metric('Count', { ApiName: 'Other', Stage: 'prod' }, samples(10, 9));
    // An old datapoint, outside a 1 h window.
    metric('4XXError', stage, samples(120, 1));
  });

  it('charts the stage-wide metrics found with ListMetrics, keyed by the API name read from AWS', async () => {
    const report = await getStageMetrics(clients, {
      api: { kind: 'REST', id: apiId },
      stage: 'prod',
      windowMs: HOUR,
      now,
    });
    assert.equal(report.title, 'Pets · prod (REST)');
    assert.equal(report.apiType, 'REST');
    assert.equal(report.periodSeconds, 60);
    assert.equal(report.end, now);
    assert.equal(report.start, now - HOUR);
    const count = line(report, 'Count', 'Sum');
    assert.deepEqual(count.values, [3, 2]);
    assert.deepEqual(count.timestamps, [now - 10 * MINUTE, now - 5 * MINUTE]);
    assert.equal(count.unit, 'Count');
    assert.equal(count.note, undefined);
    assert.deepEqual(line(report, 'Latency', 'Average').values, [200]);
    assert.deepEqual(line(report, 'Latency', 'p99').values, [300]);
    assert.deepEqual(line(report, 'Latency', 'p50').values, [100]);
    assert.equal(line(report, 'Latency', 'p90').unit, 'Milliseconds');
    assert.deepEqual(line(report, '5XXError', 'Sum').values, [1]);
    assert.deepEqual(
      report.series.map((s) => `${s.metric} ${s.stat}`),
      [
        'Count Sum',
        '4XXError Sum',
        '5XXError Sum',
        'Latency Average',
        'Latency p50',
        'Latency p90',
        'Latency p99',
        'IntegrationLatency Average',
        'IntegrationLatency p50',
        'IntegrationLatency p90',
        'IntegrationLatency p99',
        'CacheHitCount Sum',
        'CacheMissCount Sum',
      ],
    );
  });

  it('gives an empty metric an empty series with a note why, not an error', async () => {
    const report = await getStageMetrics(clients, {
      api: { kind: 'REST', id: apiId, name: 'Pets' },
      stage: 'prod',
      windowMs: HOUR,
      now,
    });
    const old = line(report, '4XXError', 'Sum');
    assert.deepEqual(old.values, []);
    assert.equal(old.note, 'No 4XXError datapoints in the last 1 h.');
    const cache = line(report, 'CacheHitCount', 'Sum');
    assert.deepEqual(cache.values, []);
    assert.match(
      cache.note!,
      /holds no CacheHitCount metric for stage prod .*only when the stage has an API cache enabled/,
    );
    assert.match(line(report, 'IntegrationLatency', 'p99').note!, /IntegrationLatency/);
    // The 3 h window reaches the old datapoint.
    const wider = await getStageMetrics(clients, {
      api: { kind: 'REST', id: apiId, name: 'Pets' },
      stage: 'prod',
      windowMs: 3 * HOUR,
      now,
    });
    assert.deepEqual(line(wider, '4XXError', 'Sum').values, [1]);
  });

  it('says how to turn on detailed metrics when there are no per-route ones', async () => {
    const report = await getStageMetrics(clients, {
      api: { kind: 'REST', id: apiId, name: 'Pets' },
      stage: 'prod',
      windowMs: HOUR,
      now,
    });
    assert.equal(report.routes, undefined);
    assert.ok(
      report.notes.some((n) => /detailed CloudWatch metrics .*\/\*\/\*\/metrics\/enabled/.test(n)),
      report.notes.join('\n'),
    );
  });

  it('builds the per-route table from the Method and Resource dimensions of detailed metrics', async () => {
    const get = { ApiName: 'Pets', Stage: 'prod', Method: 'GET', Resource: '/pets' };
    const post = { ApiName: 'Pets', Stage: 'prod', Method: 'POST', Resource: '/pets' };
    metric('Count', get, samples(20, 10));
    metric('4XXError', get, samples(20, 2));
    metric('5XXError', get, samples(20, 1));
    metric(
      'Latency',
      get,
      Array.from({ length: 100 }, (_, i) => ({ timestamp: now - 20 * MINUTE + i, value: i + 1 })),
    );
    metric('Count', post, samples(30, 4));
    const report = await getStageMetrics(clients, {
      api: { kind: 'REST', id: apiId, name: 'Pets' },
      stage: 'prod',
      windowMs: HOUR,
      now,
    });
    assert.deepEqual(report.routes, [
      { route: 'GET /pets', requests: 10, clientErrorRate: 0.2, serverErrorRate: 0.1, p99LatencyMs: 99 },
      { route: 'POST /pets', requests: 4, clientErrorRate: 0, serverErrorRate: 0 },
    ]);
    assert.ok(!report.notes.some((n) => /detailed/.test(n)));
    // Route metrics do not enter the stage-wide charts.
    assert.deepEqual(line(report, 'Count', 'Sum').values, [3, 2]);
  });

  it('pages ListMetrics and sends GetMetricData in as few calls as 500 queries a call allow', async () => {
    for (let i = 0; i < 520; i++) {
      metric('Count', { ApiName: 'Pets', Stage: 'prod', Method: 'GET', Resource: `/r${i}` }, samples(2, i % 3));
    }
    server.requests.length = 0;
    const report = await getStageMetrics(clients, {
      api: { kind: 'REST', id: apiId, name: 'Pets' },
      stage: 'prod',
      windowMs: HOUR,
      now,
    });
    const calls = server.requests.filter((r) => r.service === 'monitoring').map((r) => r.operation);
    // 524 metrics: two ListMetrics pages; 13 chart queries and 520 route queries: two GetMetricData calls.
    assert.deepEqual(calls, ['ListMetrics', 'ListMetrics', 'GetMetricData', 'GetMetricData']);
    assert.equal(report.routes?.length, 520);
    assert.deepEqual(report.routes?.[0], { route: 'GET /r101', requests: 2, clientErrorRate: 0, serverErrorRate: 0 });
  });

  it('aligns the window with the period, as CloudWatch answers best', async () => {
    const base = { api: { kind: 'REST' as const, id: apiId, name: 'Pets' }, stage: 'prod' };
    const twelve = await getStageMetrics(clients, { ...base, windowMs: 12 * HOUR, now: now + 2 * MINUTE + 5000 });
    assert.equal(twelve.periodSeconds, 300);
    assert.equal(twelve.end, now + 5 * MINUTE);
    assert.equal(twelve.end - twelve.start, 12 * HOUR);
    const hour = await getStageMetrics(clients, { ...base, windowMs: HOUR, now: now + 2 * MINUTE + 5000 });
    assert.equal(hour.end, now + 3 * MINUTE);
  });

  it('says so when CloudWatch holds nothing for the stage', async () => {
    const report = await getStageMetrics(clients, {
      api: { kind: 'REST', id: apiId, name: 'Pets' },
      stage: 'beta',
      windowMs: HOUR,
      now,
    });
    assert.ok(report.series.every((s) => s.values.length === 0 && s.note !== undefined));
    assert.match(report.notes[0]!, /CloudWatch holds no metrics for stage beta of Pets/);
  });

  it('refuses a bad window or period before calling AWS, and tells AccessDenied as a problem', async () => {
    const base = { api: { kind: 'REST' as const, id: apiId, name: 'Pets' }, stage: 'prod', now };
    server.requests.length = 0;
    const short = await rejection(getStageMetrics(clients, { ...base, windowMs: 1000 }));
    assert.equal(short.problem.kind, 'badRequest');
    assert.match(short.problem.message, /window must be from 1 minute to 455 days/);
    const period = await rejection(getStageMetrics(clients, { ...base, windowMs: HOUR, periodSeconds: 45 }));
    assert.match(period.problem.message, /Cannot chart 1 h of metrics: the period must be a whole number of minutes/);
    const stage = await rejection(getStageMetrics(clients, { ...base, stage: ' ', windowMs: HOUR }));
    assert.match(stage.problem.message, /A stage name is required/);
    assert.equal(server.requests.length, 0);
    server.fail('monitoring:GetMetricData', { errorType: 'AccessDeniedException', status: 403, message: 'no' });
    const denied = await rejection(getStageMetrics(clients, { ...base, windowMs: HOUR }));
    assert.equal(denied.problem.kind, 'accessDenied');
  });
});

describe('getStageMetrics, HTTP and WebSocket', () => {
  beforeEach(() => server.reset());

  it('keys HTTP metrics by ApiId and Stage, with routes from the Route dimension', async () => {
    const api = server.state.createApi({ name: 'Notes', protocolType: 'HTTP' });
    const id = api.wire.apiId as string;
    metric('Count', { ApiId: id, Stage: '$default' }, samples(3, 4));
    metric('DataProcessed', { ApiId: id, Stage: '$default' }, samples(3, 2, 512));
    metric('Count', { ApiId: id, Stage: '$default', Route: 'GET /notes' }, samples(3, 4));
    metric('5xx', { ApiId: id, Stage: '$default', Route: 'GET /notes' }, samples(3, 1));
    const report = await getStageMetrics(clients, {
      api: { kind: 'HTTP', id },
      stage: '$default',
      windowMs: HOUR,
      now,
    });
    assert.equal(report.title, 'Notes · $default (HTTP)');
    assert.deepEqual(line(report, 'Count', 'Sum').values, [4]);
    assert.deepEqual(line(report, 'DataProcessed', 'Sum').values, [1024]);
    assert.equal(line(report, 'DataProcessed', 'Sum').unit, 'Bytes');
    assert.deepEqual(line(report, '4xx', 'Sum').values, []);
    assert.deepEqual(report.routes, [{ route: 'GET /notes', requests: 4, clientErrorRate: 0, serverErrorRate: 0.25 }]);
  });

  it('charts the WebSocket metrics and says how to turn on route metrics', async () => {
    const api = server.state.createApi({ name: 'Chat', protocolType: 'WEBSOCKET' });
    const id = api.wire.apiId as string;
    metric('ConnectCount', { ApiId: id, Stage: 'prod' }, samples(3, 2));
    metric('MessageCount', { ApiId: id, Stage: 'prod' }, samples(3, 5));
    const report = await getStageMetrics(clients, {
      api: { kind: 'WEBSOCKET', id, name: 'Chat' },
      stage: 'prod',
      windowMs: HOUR,
      now,
    });
    assert.deepEqual(
      [...new Set(report.series.map((s) => s.metric))],
      ['ConnectCount', 'MessageCount', 'ClientError', 'ExecutionError', 'IntegrationError', 'IntegrationLatency'],
    );
    assert.deepEqual(line(report, 'MessageCount', 'Sum').values, [5]);
    assert.ok(report.notes.some((n) => /DetailedMetricsEnabled/.test(n)));
  });
});
