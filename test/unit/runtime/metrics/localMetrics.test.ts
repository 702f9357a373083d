import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ApiType } from '../../../../src/model';
import type { AccessRecord } from '../../../../src/runtime/accessLog/accessRecord';
import { LatencyHistogram } from '../../../../src/runtime/metrics/latencyHistogram';
import { LocalMetrics, otherRoutes } from '../../../../src/runtime/metrics/localMetrics';
import type { MetricSeries } from '../../../../src/shared/metrics';

const t0 = Date.UTC(2026, 11, 7, 12, 0, 0);

function record(apiType: ApiType, at: number, more: Partial<AccessRecord> = {}): AccessRecord {
  return {
    apiType,
    requestId: 'id',
    startedAt: at,
    stage: 'local',
    status: 200,
    responseLatencyMs: 10,
    responseLength: 100,
    requestLength: 20,
    domainName: '127.0.0.1',
    identity: { sourceIp: '127.0.0.1' },
    ...more,
  };
}

function series(report: { series: MetricSeries[] }, metric: string, stat: string, route?: string): MetricSeries {
  const found = report.series.find((s) => s.metric === metric && s.stat === stat && s.route === route);
  assert.ok(found, `no ${metric} ${stat} ${route ?? ''}`);
  return found;
}

const sum = (s: MetricSeries): number => s.values.reduce((a, b) => a + b, 0);

describe('latency histograms', () => {
  it('read percentiles within 2.5% and clamp to what was seen', () => {
    const h = new LatencyHistogram();
    for (let ms = 1; ms <= 1000; ms++) h.add(ms);
    for (const [p, exact] of [
      [50, 500],
      [90, 900],
      [99, 990],
    ] as const) {
      const value = h.percentile(p)!;
      assert.ok(Math.abs(value - exact) / exact <= 0.025, `p${p} ${value} vs ${exact}`);
    }
    assert.equal(h.average(), 500.5);
    const one = new LatencyHistogram();
    one.add(7);
    assert.equal(one.percentile(50), 7);
    assert.equal(one.percentile(99), 7);
    assert.equal(new LatencyHistogram().percentile(50), undefined);
  });

  it('count zero and negative latencies as 0 ms', () => {
    const h = new LatencyHistogram();
    h.add(-3);
    h.add(0);
    assert.equal(h.percentile(99), 0);
  });
});

describe('local metrics', () => {
  it("REST: CloudWatch's names (Count, 4XXError, 5XXError, Latency, IntegrationLatency) for the stage and per route", () => {
    let now = t0 + 60_000;
    const metrics = new LocalMetrics('REST', { now: () => now });
    metrics.add(
      record('REST', t0 + 1_000, { route: 'GET /pets', responseLatencyMs: 5, integration: { latencyMs: 3 } }),
    );
    metrics.add(record('REST', t0 + 2_000, { route: 'GET /pets', status: 404, responseLatencyMs: 15 }));
    metrics.add(record('REST', t0 + 12_000, { route: 'POST /pets', status: 502, responseLatencyMs: 40 }));
    metrics.add(record('REST', t0 + 13_000, { status: 403 })); // no route matched: the stage only
    now = t0 + 60_000;
    const report = metrics.report(5 * 60_000, 'Mock: pets', { routeSeries: true });
    assert.equal(report.apiType, 'REST');
    assert.equal(report.periodSeconds, 10);
    assert.deepEqual(
      [...new Set(report.series.filter((s) => s.route === undefined).map((s) => `${s.metric} ${s.stat}`))],
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
      ],
    );
    assert.equal(sum(series(report, 'Count', 'Sum')), 4);
    assert.equal(sum(series(report, '4XXError', 'Sum')), 2);
    assert.equal(sum(series(report, '5XXError', 'Sum')), 1);
    assert.equal(sum(series(report, 'Count', 'Sum', 'GET /pets')), 2);
    // Counts have a point for every period (0 where nothing came); latencies only where something did.
    const count = series(report, 'Count', 'Sum');
    assert.equal(count.timestamps.length, count.values.length);
    assert.equal(count.timestamps[1]! - count.timestamps[0]!, 10_000);
    const p99 = series(report, 'Latency', 'p99');
    assert.deepEqual(p99.timestamps, [t0, t0 + 10_000]);
    assert.equal(series(report, 'IntegrationLatency', 'Average').values.length, 1, 'only calls out have a latency');
    assert.deepEqual(report.routes, [
      { route: 'GET /pets', requests: 2, clientErrorRate: 0.5, serverErrorRate: 0, p99LatencyMs: 15 },
      { route: 'POST /pets', requests: 1, clientErrorRate: 0, serverErrorRate: 1, p99LatencyMs: 40 },
    ]);
    assert.deepEqual(report.notes, [
      `Counted since ${new Date(t0 + 60_000).toISOString()}, when the mock API started counting: the charts show that time.`,
    ]);
  });

  it('HTTP: 4xx, 5xx and DataProcessed (request and response bytes)', () => {
    const metrics = new LocalMetrics('HTTP', { now: () => t0 + 30_000 });
    metrics.add(record('HTTP', t0, { route: 'GET /items', status: 429 }));
    metrics.add(record('HTTP', t0, { route: 'GET /items', status: 503 }));
    const report = metrics.report(60_000, 'Mock');
    assert.equal(sum(series(report, '4xx', 'Sum')), 1);
    assert.equal(sum(series(report, '5xx', 'Sum')), 1);
    const data = series(report, 'DataProcessed', 'Sum');
    assert.equal(data.unit, 'Bytes');
    assert.equal(sum(data), 240);
    assert.equal(
      report.series.some((s) => s.metric === '4XXError'),
      false,
    );
  });

  it('WebSocket: ConnectCount, MessageCount, ClientError, ExecutionError, IntegrationError', () => {
    const metrics = new LocalMetrics('WEBSOCKET', { now: () => t0 + 30_000 });
    const ws = (eventType: string) => ({ connectionId: 'c', connectedAt: t0, eventType });
    metrics.add(
      record('WEBSOCKET', t0, { route: '$connect', websocket: ws('CONNECT'), integration: { latencyMs: 4 } }),
    );
    metrics.add(record('WEBSOCKET', t0, { route: 'send', websocket: ws('MESSAGE'), integration: { latencyMs: 6 } }));
    metrics.add(record('WEBSOCKET', t0, { status: 403, websocket: ws('MESSAGE'), error: { message: 'Forbidden' } }));
    metrics.add(
      record('WEBSOCKET', t0, {
        route: 'fail',
        status: 500,
        websocket: ws('MESSAGE'),
        error: { message: 'Internal server error' },
        integration: { latencyMs: 2, error: 'threw' },
      }),
    );
    metrics.add(
      record('WEBSOCKET', t0, { route: 'send', status: 400, websocket: ws('MESSAGE'), integration: { latencyMs: 1 } }),
    );
    metrics.add(record('WEBSOCKET', t0, { route: '$disconnect', websocket: ws('DISCONNECT') }));
    const report = metrics.report(60_000, 'Mock');
    assert.equal(sum(series(report, 'ConnectCount', 'Sum')), 1);
    assert.equal(sum(series(report, 'MessageCount', 'Sum')), 4);
    assert.equal(sum(series(report, 'ClientError', 'Sum')), 1);
    assert.equal(sum(series(report, 'ExecutionError', 'Sum')), 1);
    assert.equal(sum(series(report, 'IntegrationError', 'Sum')), 1);
    assert.equal(series(report, 'IntegrationLatency', 'p99').values[0], 6);
    assert.equal(
      report.series.some((s) => s.metric === 'Count'),
      false,
    );
  });

  it('keeps an hour of 10 s buckets and drops older ones (bounded memory), and says so for a longer window', () => {
    let now = t0;
    const metrics = new LocalMetrics('REST', { now: () => now });
    for (let i = 0; i < 3 * 360; i++) {
      now = t0 + i * 10_000;
      metrics.add(record('REST', now, { route: 'GET /' }));
    }
    const report = metrics.report(3 * 3600_000, 'Mock');
    assert.equal(sum(series(report, 'Count', 'Sum')), 361);
    assert.ok(report.periodSeconds >= 60, `period ${report.periodSeconds}`);
    assert.ok(series(report, 'Count', 'Sum').timestamps.length <= 121);
    assert.ok(report.notes.includes('The mock keeps 60 minutes of requests: older ones are not shown.'));
  });

  it('counts routes after the hundredth together, and says so', () => {
    const metrics = new LocalMetrics('HTTP', { now: () => t0, maxRoutes: 2 });
    for (const route of ['GET /a', 'GET /b', 'GET /c', 'GET /d']) metrics.add(record('HTTP', t0, { route }));
    const report = metrics.report(60_000, 'Mock');
    assert.deepEqual(
      report.routes?.map((r) => [r.route, r.requests]),
      [
        [otherRoutes, 2],
        ['GET /a', 1],
        ['GET /b', 1],
      ],
    );
    assert.ok(report.notes.includes(`Routes after the first 2 are counted together as "${otherRoutes}".`));
  });

  it('an empty window: zero counts and a note saying how to fill it, not an error', () => {
    const metrics = new LocalMetrics('REST', { now: () => t0 });
    const report = metrics.report(60_000, 'Mock');
    assert.equal(sum(series(report, 'Count', 'Sum')), 0);
    assert.deepEqual(series(report, 'Latency', 'p99').values, []);
    assert.deepEqual(report.routes, []);
    assert.ok(report.notes[0]!.startsWith('No requests reached the mock API in this window'));
  });

  it('a window longer than the counting covers the counting time only, in 10 s periods, without route series', () => {
    let now = t0;
    const metrics = new LocalMetrics('HTTP', { now: () => now });
    now = t0 + 120_000;
    metrics.add(record('HTTP', t0 + 100_000, { route: 'GET /items' }));
    const report = metrics.report(3 * 3600_000, 'Mock');
    assert.equal(report.periodSeconds, 10);
    assert.ok(report.start >= t0 - 10_000 && report.start <= t0, `start ${report.start - t0}`);
    assert.equal(
      report.series.some((s) => s.route !== undefined),
      false,
    );
    assert.deepEqual(
      report.routes?.map((r) => r.route),
      ['GET /items'],
    );
    assert.deepEqual(report.notes, [
      `Counted since ${new Date(t0).toISOString()}, when the mock API started counting: the charts show that time.`,
    ]);
    const full = metrics.report(3 * 3600_000, 'Mock', { clampToCounting: false });
    assert.equal(full.periodSeconds, 90);
  });

  it('clear forgets what was counted', () => {
    const metrics = new LocalMetrics('REST', { now: () => t0 });
    metrics.add(record('REST', t0, { route: 'GET /' }));
    metrics.clear();
    assert.equal(sum(series(metrics.report(60_000, 'Mock'), 'Count', 'Sum')), 0);
  });
});
