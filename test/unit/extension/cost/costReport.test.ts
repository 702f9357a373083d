// The estimate document of Estimate Monthly Cost, in plain Node: REST and HTTP side by side for the examples'
// definitions, what an import as the other type drops, a WebSocket API alone, a stage's measured total.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { comparedTypes, estimatesOf, importDropsOf, totalOf } from '../../../../src/extension/cost/costComparison';
import { describeUsage, renderCostReport } from '../../../../src/extension/cost/costReport';
import { readDefinition, type GatewayApi } from '../../../../src/model';
import { builtInPrices } from '../../../../src/model/cost';
import { nodeFileSystem } from '../../../../src/shared/nodeFileSystem';
import type { MetricsReport } from '../../../../src/shared/metrics';

const examples = path.resolve(__dirname, '../../../../../examples');

async function apiOf(...parts: string[]): Promise<GatewayApi> {
  const result = await readDefinition(path.join(examples, ...parts), { fs: nodeFileSystem });
  if (!result.ok) throw new Error(result.failure.error.message);
  const api = result.definition.apis[0];
  if (api === undefined) throw new Error('no API');
  return api;
}

test('pets-rest: REST and HTTP side by side, and the REST-only features an HTTP import drops', async () => {
  const api = await apiOf('pets-rest', 'openapi.yaml');
  assert.equal(api.type, 'REST');
  const usage = { requests: 10_000_000, payloadKb: 1 };
  const result = estimatesOf(comparedTypes(api.type), usage, builtInPrices);
  assert.ok(result.ok);
  const drops = importDropsOf(api);
  assert.equal(drops?.as, 'HTTP');
  assert.ok((drops?.features.length ?? 0) > 0, 'pets-rest uses REST-only features');
  const text = renderCostReport({
    title: api.name,
    subject: 'pets-rest/openapi.yaml',
    apiType: api.type,
    estimates: result.estimates,
    usage: describeUsage(usage),
    ...(drops !== undefined ? { importDrops: drops } : {}),
  });
  const lines = text.split('\n');
  assert.equal(lines[0], `# Monthly cost estimate: ${api.name}`);
  assert.equal(lines[2], 'REST API · pets-rest/openapi.yaml · 10 M requests a month of 1 KB');
  assert.ok(lines.includes('| | REST API | HTTP API |'));
  assert.ok(lines.includes('| **Monthly cost** | **$35.00** | **$10.00** |'));
  assert.ok(lines.includes('As an HTTP API it would cost $10.00 a month: 71% less.'));
  assert.ok(lines.includes('## What an import as an HTTP API would drop'));
  for (const feature of drops?.features ?? []) assert.ok(lines.includes(`- ${feature}`), feature);
  assert.ok(lines.includes('## REST API') && lines.includes('## HTTP API'));
  assert.match(text, /```text\nREST API in us-east-1: \$35\.00 a month\n/);
});

test('notes-http: HTTP first, REST beside it, what a REST import drops', async () => {
  const api = await apiOf('notes-http', 'openapi.json');
  assert.equal(api.type, 'HTTP');
  assert.deepEqual(comparedTypes(api.type), ['HTTP', 'REST']);
  const drops = importDropsOf(api);
  assert.equal(drops?.as, 'REST');
  assert.ok(drops?.features.includes('a jwt authorizer'), String(drops?.features));
});

test('chat-websocket: one column, messages and connection minutes', async () => {
  const api = await apiOf('chat-websocket', 'template.yaml');
  assert.equal(api.type, 'WEBSOCKET');
  const usage = { messages: 2_000_000, connectionMinutes: 4_000_000 };
  const result = estimatesOf(comparedTypes(api.type), usage, builtInPrices);
  assert.ok(result.ok);
  assert.equal(importDropsOf(api), undefined);
  const text = renderCostReport({
    title: api.name,
    subject: 'chat-websocket/template.yaml',
    apiType: 'WEBSOCKET',
    estimates: result.estimates,
    usage: describeUsage(usage),
  });
  assert.match(text, /WebSocket API · chat-websocket\/template\.yaml · 2 M messages a month, 4 M connection minutes/);
  assert.match(text, /\| \*\*Monthly cost\*\* \| \*\*\$3\.00\*\* \|/);
  assert.doesNotMatch(text, /would drop/);
});

test('a REST cache is counted in the REST estimate only; the HTTP one says it has none', () => {
  const usage = { requests: 1_000_000, cacheGb: '0.5' };
  const result = estimatesOf(['REST', 'HTTP'], usage, builtInPrices);
  assert.ok(result.ok);
  const [rest, http] = result.estimates;
  assert.equal(rest?.monthlyUsd, 3.5 + 14.6);
  assert.equal(http?.monthlyUsd, 1);
  assert.equal(http?.notes[0], 'HTTP APIs have no stage cache: the 0.5 GB cache is not counted here.');
  assert.equal(describeUsage(usage), '1 M requests a month, a 0.5 GB cache');
});

test('a usage the calculator refuses is returned as the refusal', () => {
  assert.deepEqual(estimatesOf(['HTTP', 'REST'], { requests: 1, payloadKb: 20_000 }, builtInPrices), {
    ok: false,
    error: 'A HTTP API payload is at most 10 MB (10240 KB); 20000 KB is more than API Gateway accepts.'.replace(
      'A HTTP',
      'An HTTP',
    ),
  });
});

test('a stage’s measured total: the stage-wide Sum of the metric over the window', () => {
  const report: MetricsReport = {
    title: 'Pets · prod (REST)',
    apiType: 'REST',
    start: 0,
    end: 1,
    periodSeconds: 86_400,
    notes: [],
    series: [
      { metric: 'Count', stat: 'Sum', timestamps: [1, 2, 3], values: [100, 250.4, 0] },
      { metric: 'Count', stat: 'Sum', route: 'GET /pets', timestamps: [1], values: [99] },
      { metric: 'Latency', stat: 'Average', timestamps: [1], values: [12] },
      { metric: 'MessageCount', stat: 'Sum', timestamps: [], values: [] },
    ],
  };
  assert.equal(totalOf(report, 'Count'), 350);
  assert.equal(totalOf(report, 'MessageCount'), undefined);
  assert.equal(totalOf(report, 'ConnectCount'), undefined);
});
