import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AwsTestApi } from '../../src/extension/aws';
import type { AwsNode } from '../../src/extension/aws/awsNodes';
import type { MetricsRender } from '../../src/extension/metrics/metricsRender';
import { startAwsTestServer, type AwsTestServer } from '../aws/server';
import {
  awsTestEnvironment,
  resetAwsSettings,
  seedRestApi,
  setEnv,
  useAwsTestEndpoint,
} from './helpers/awsEnvironment';
import { awsTree } from './helpers/awsTree';
import { extensionApi } from './helpers/extension';

const region = 'eu-west-1';
const credentials = { accessKeyId: 'AKIDDASHBOARD', secretAccessKey: 'dashboard-secret' };
const MINUTE = 60_000;

/** A REST API imported straight into the test server; its CloudWatch metrics are keyed by this name. */
const definition = {
  openapi: '3.0.1',
  info: { title: 'Dashboard Pets', version: '1.0' },
  paths: {
    '/pets': {
      get: {
        responses: { '200': { description: 'The pets' } },
        'x-amazon-apigateway-integration': {
          type: 'mock',
          requestTemplates: { 'application/json': '{"statusCode": 200}' },
          responses: { default: { statusCode: '200' } },
        },
      },
    },
  },
};

suite('Stage dashboard', () => {
  let server: AwsTestServer;
  let aws: AwsTestApi;
  let savedEnv: Record<string, string | undefined>;

  const stageNode = (): Promise<AwsNode> => awsTree(aws).nodeAt('Dashboard Pets', 'prod');
  const chart = (render: MetricsRender, metric: string) => {
    const found = render.charts.find((c) => c.metric === metric);
    assert.ok(found, `no ${metric} chart among ${render.charts.map((c) => c.metric).join(', ')}`);
    return found;
  };

  suiteSetup(async () => {
    const api = await extensionApi();
    assert.ok(api.aws, 'the extension exposes no AWS test API');
    aws = api.aws;
    server = await startAwsTestServer({ region, credentials: [credentials] });
    await seedRestApi(server, region, credentials, definition);
    // Count: 2 requests in each of 5 minutes 30–26 minutes ago; Latency in 3 of those minutes; a 4XXError
    // datapoint two days old (so the 3 h window has none of it).
    const now = Math.floor(Date.now() / MINUTE) * MINUTE;
    const stage = { ApiName: 'Dashboard Pets', Stage: 'prod' };
    const metric = (metricName: string, samples: { timestamp: number; value: number }[]) =>
      server.state.metrics.push({ namespace: 'AWS/ApiGateway', metricName, dimensions: stage, samples });
    metric(
      'Count',
      Array.from({ length: 10 }, (_, i) => ({ timestamp: now - (30 - Math.floor(i / 2)) * MINUTE + i, value: 1 })),
    );
    metric(
      'Latency',
      [30, 29, 28].map((m, i) => ({ timestamp: now - m * MINUTE, value: 50 + i * 25 })),
    );
    metric('4XXError', [{ timestamp: now - 48 * 60 * MINUTE, value: 1 }]);
    savedEnv = setEnv(awsTestEnvironment(credentials));
    await useAwsTestEndpoint(server.url, region);
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await resetAwsSettings();
    setEnv(savedEnv);
    await server.close();
  });

  test('opens from the stage node and draws the seeded datapoints, an empty metric showing why', async () => {
    const render = await vscode.commands.executeCommand<MetricsRender | undefined>(
      'apigw.openStageDashboard',
      await stageNode(),
    );
    assert.ok(render, 'the command failed (see the log)');
    assert.equal(render.error, undefined);
    assert.equal(render.title, 'Dashboard Pets · prod (REST)');
    assert.equal(render.windowMs, 3 * 60 * MINUTE);
    assert.equal(render.periodSeconds, 60);
    const count = chart(render, 'Count');
    assert.ok(count.drawn);
    assert.deepEqual(count.series, [{ stat: 'Sum', points: 5 }]);
    const latency = chart(render, 'Latency');
    assert.ok(latency.drawn);
    assert.deepEqual(latency.series, [
      { stat: 'Average', points: 3 },
      { stat: 'p50', points: 3 },
      { stat: 'p90', points: 3 },
      { stat: 'p99', points: 3 },
    ]);
    const clientErrors = chart(render, '4XXError');
    assert.equal(clientErrors.drawn, false);
    assert.equal(clientErrors.note, 'No 4XXError datapoints in the last 3 h.');
    const cache = chart(render, 'CacheHitCount');
    assert.equal(cache.drawn, false);
    assert.match(cache.note ?? '', /only when the stage has an API cache enabled/);
    assert.equal(render.routes, undefined);
    assert.ok(
      render.notes.some((n) => /detailed CloudWatch metrics/.test(n)),
      render.notes.join('\n'),
    );
    // Found with ListMetrics, read with GetMetricData, both signed for CloudWatch ('monitoring').
    const calls = server.requests.filter((r) => r.service === 'monitoring').map((r) => r.operation);
    assert.deepEqual([...new Set(calls)], ['ListMetrics', 'GetMetricData']);
    await (
      globalThis as { __vscodeE2E?: { screenshot?: (name: string) => Promise<boolean> } }
    ).__vscodeE2E?.screenshot?.('stage-dashboard');
  });

  test('shows on the page why CloudWatch refused, instead of charts', async () => {
    server.fail('monitoring:ListMetrics', { errorType: 'AccessDeniedException', status: 403, message: 'not allowed' });
    const render = await vscode.commands.executeCommand<MetricsRender | undefined>(
      'apigw.openStageDashboard',
      await stageNode(),
    );
    assert.ok(render);
    assert.match(render.error ?? '', /^Could not read the metrics of stage prod of Dashboard Pets: /);
    assert.deepEqual(render.charts, []);
  });
});
