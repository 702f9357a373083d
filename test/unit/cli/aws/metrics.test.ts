import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { formatMetricsText, sparkline } from '../../../../src/cli/aws/metricsText';
import type { MetricsReport } from '../../../../src/shared/metrics';
import { useCliServer } from './harness';

const MINUTE = 60_000;

describe('apigw metrics', () => {
  const h = useCliServer();
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'apigw-metrics-'));
  let restId = '';

  before(() => {
    restId = h.server.state.createRestApi({ name: 'Pets' }).wire.id as string;
    // Whole minutes well inside the window, so the periods are known whatever the clock says.
    const at = Math.floor(Date.now() / MINUTE) * MINUTE - 20 * MINUTE;
    const push = (metricName: string, dimensions: Record<string, string>, values: number[], offset = 0) =>
      h.server.state.metrics.push({
        namespace: 'AWS/ApiGateway',
        metricName,
        dimensions,
        samples: values.map((value, i) => ({ timestamp: at + offset + i * 1000, value })),
      });
    const stage = { ApiName: 'Pets', Stage: 'prod' };
    push('Count', stage, [1, 1, 1]);
    push('Count', stage, [1], 5 * MINUTE);
    push('Latency', stage, [120, 80]);
    const route = { ...stage, Method: 'GET', Resource: '/pets' };
    push('Count', route, [1, 1, 1, 1]);
    push('4XXError', route, [1]);
  });

  it('prints each series with its total and periods, the notes of the empty ones, and the route table', async () => {
    const { code, out, err } = await h.run(cwd, 'metrics', restId, '--stage', 'prod');
    assert.equal(err, '');
    assert.equal(code, 0);
    assert.match(out, /^Pets · prod \(REST\): .* UTC → .* UTC, 60 s periods\n/);
    assert.match(out, /\nCount Sum +2 +total 4, peak 3 +█▃\n/);
    assert.match(out, /\nLatency Average +1 +min 100 ms, max 100 ms/);
    assert.match(out, /\n5XXError Sum +0 +—\n/);
    assert.match(out, /\nNotes:\n/);
    assert.match(out, /\n {2}CloudWatch holds no 5XXError metric for stage prod/);
    assert.match(out, /\n {2}CloudWatch holds no CacheHitCount .*only when the stage has an API cache enabled/);
    assert.match(
      out,
      /\nRoutes:\n {2}Route +Requests +Client errors +Server errors +p99 latency\n {2}GET \/pets +4 +25\.0 % +0\.0 % +—\n/,
    );
  });

  it('prints the report as JSON with --format json, over the --since window with the --period given', async () => {
    const { code, out, err } = await h.run(
      cwd,
      'metrics',
      restId,
      '--stage',
      'prod',
      '--since',
      '1h',
      '--period',
      '300',
      '--format',
      'json',
    );
    assert.equal(err, '');
    assert.equal(code, 0);
    const report = JSON.parse(out) as MetricsReport;
    assert.equal(report.periodSeconds, 300);
    assert.equal(report.end - report.start, 3_600_000);
    const count = report.series.find((s) => s.metric === 'Count' && s.stat === 'Sum');
    assert.equal(
      count?.values.reduce((a, b) => a + b, 0),
      4,
    );
    assert.deepEqual(report.routes?.[0]?.route, 'GET /pets');
  });

  it('refuses bad options with a usage error saying what is expected', async () => {
    const cases: [string[], RegExp][] = [
      [['--stage', 'prod', '--since', '3x'], /--since: '3x' is not a duration: give a number and a unit, such as 30m/],
      [['--stage', 'prod', '--since', '600d'], /--since: '600d' is longer than CloudWatch keeps metrics/],
      [['--stage', 'prod', '--period', 'abc'], /--period must be a number of seconds such as 60 or 300, not 'abc'/],
      [['--stage', 'prod', '--period', '90'], /--period: the period must be a whole number of minutes/],
      [['--stage', 'prod', '--since', '1w', '--period', '60'], /--period: a period of 60 s gives 10080 points/],
      [['--stage', 'prod', '--format', 'xml'], /--format must be text or json, not 'xml'/],
      [[], /--stage is required/],
    ];
    for (const [args, message] of cases) {
      const { code, err } = await h.run(cwd, 'metrics', restId, ...args);
      assert.equal(code, 2, args.join(' '));
      assert.match(err, message);
      assert.match(err, /usage: apigw metrics API_ID --stage S/);
    }
  });

  it('says which API it could not find, and what AWS refused', async () => {
    const missing = await h.run(cwd, 'metrics', 'nope123456', '--stage', 'prod');
    assert.equal(missing.code, 1);
    assert.match(missing.err, /apigw metrics: No REST, HTTP or WebSocket API has the id 'nope123456'/);
    h.server.fail('monitoring:ListMetrics', {
      errorType: 'AccessDeniedException',
      status: 403,
      message: 'not allowed',
    });
    const denied = await h.run(cwd, 'metrics', restId, '--stage', 'prod');
    assert.equal(denied.code, 1);
    assert.match(denied.err, /^apigw metrics: .*/);
    assert.doesNotMatch(denied.err, /at .*\.js/);
  });
});

describe('metrics text', () => {
  it('draws a sparkline scaled to the maximum, flat for zeros, keeping the latest periods', () => {
    assert.equal(sparkline([0, 4, 8]), '▁▄█');
    assert.equal(sparkline([0, 0]), '▁▁');
    assert.equal(sparkline([1, 2, 3, 4], 2), '▆█');
  });

  it('names the units: milliseconds and bytes', () => {
    const report: MetricsReport = {
      title: 'Notes · $default (HTTP)',
      apiType: 'HTTP',
      start: 0,
      end: 3_600_000,
      periodSeconds: 60,
      series: [
        { metric: 'DataProcessed', stat: 'Sum', unit: 'Bytes', timestamps: [0, 60_000], values: [2_097_152, 1024] },
      ],
      notes: [],
    };
    assert.match(formatMetricsText(report), /DataProcessed Sum +2 +total 2\.0 MiB, peak 2\.0 MiB/);
  });
});
