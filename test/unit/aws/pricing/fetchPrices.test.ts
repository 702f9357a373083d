// API Gateway's prices from the Price List API: through the real SDK client against the AWS test double (which
// answers GetProducts with us-east-1's products), and with the client mocked (pages, a partial list, failures).
import { GetProductsCommand, type GetProductsCommandInput } from '@aws-sdk/client-pricing';
import { mockClient } from 'aws-sdk-client-mock';
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createClients } from '../../../../src/aws/clients';
import { fetchPriceTable } from '../../../../src/aws/pricing/fetchPrices';
import type { AwsClients } from '../../../../src/aws/types';
import { builtInPrices, estimateCost } from '../../../../src/model/cost';
import { apiGatewayProducts } from '../../../aws/server/pricing';
import { startAwsTestServer, type AwsTestServer } from '../../../aws/server';
import { rejection } from '../rejection';

const credentials = { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' };
let server: AwsTestServer;

before(async () => {
  server = await startAwsTestServer({ region: 'us-east-1', credentials: [credentials] });
});
after(async () => {
  await server.close();
});

function clientsOf(region: string, endpointUrl?: string): AwsClients {
  return createClients(
    { region, ...(endpointUrl !== undefined ? { endpointUrl } : {}) },
    { credentials, maxAttempts: 1 },
  );
}

const sameCost = (a: typeof builtInPrices, b: typeof builtInPrices): void => {
  for (const usage of [
    { type: 'REST' as const, requests: 21_000_000_000, cacheGb: '118' },
    { type: 'HTTP' as const, requests: 400_000_000, payloadKb: 700 },
    { type: 'WEBSOCKET' as const, messages: 1_200_000_000, connectionMinutes: 9_000_000 },
  ]) {
    const x = estimateCost(usage, a);
    const y = estimateCost(usage, b);
    assert.ok(x.ok && y.ok);
    assert.equal(x.estimate.monthlyUsd, y.estimate.monthlyUsd);
  }
};

test('the test double: GetProducts for AmazonApiGateway filtered on the region gives the built-in table’s figures', async () => {
  server.reset();
  const clients = clientsOf('us-east-1', server.url);
  try {
    const table = await fetchPriceTable(clients);
    assert.equal(table.region, 'us-east-1');
    assert.equal(table.date, '2026-11-20');
    assert.equal(table.source, 'AWS Price List API (GetProducts, service code AmazonApiGateway)');
    assert.deepEqual(table.notes, []);
    assert.deepEqual(
      table.rest.map((t) => [t.from, t.to, t.usdPerUnit]),
      [
        [0, 333_000_000, '0.0000035000'],
        [333_000_000, 1_000_000_000, '0.0000028000'],
        [1_000_000_000, 20_000_000_000, '0.0000023800'],
        [20_000_000_000, undefined, '0.0000015100'],
      ],
    );
    assert.equal(table.cacheUsdPerHour.get('237'), '3.8000000000');
    sameCost(table, builtInPrices);
    const calls = server.requests.filter((r) => r.headers['x-amz-target'] === 'AWSPriceListService.GetProducts');
    assert.equal(calls.length, 1);
    assert.deepEqual(JSON.parse(calls[0]!.body), {
      ServiceCode: 'AmazonApiGateway',
      FormatVersion: 'aws_v1',
      Filters: [{ Type: 'TERM_MATCH', Field: 'regionCode', Value: 'us-east-1' }],
      MaxResults: 100,
    });
  } finally {
    clients.pricing.destroy();
  }
});

test('the test double: a region the list has no API Gateway prices for is a clear failure', async () => {
  server.reset();
  const clients = clientsOf('us-east-1', server.url);
  try {
    const error = await rejection(fetchPriceTable(clients, 'eu-west-3'));
    assert.equal(error.problem.kind, 'badRequest');
    assert.equal(error.message, 'The AWS Price List has no API Gateway prices for eu-west-3.');
  } finally {
    clients.pricing.destroy();
  }
});

test('the test double: AccessDenied on pricing:GetProducts is told as such', async () => {
  server.reset();
  server.fail('GetProducts', {
    errorType: 'AccessDeniedException',
    status: 400,
    message: 'User is not authorized to perform: pricing:GetProducts',
  });
  const clients = clientsOf('us-east-1', server.url);
  try {
    const error = await rejection(fetchPriceTable(clients));
    assert.equal(error.problem.kind, 'accessDenied');
  } finally {
    clients.pricing.destroy();
  }
});

test('mocked client: every NextToken page is read, and the pricing client asks the Price List region nearest the place', async () => {
  const clients = clientsOf('eu-west-1');
  const pricing = mockClient(clients.pricing);
  const items = apiGatewayProducts.map((p) => {
    const copy = structuredClone(p) as { product: { attributes: Record<string, string> } };
    copy.product.attributes['regionCode'] = 'eu-west-1';
    return JSON.stringify(copy);
  });
  const inputs: GetProductsCommandInput[] = [];
  pricing.on(GetProductsCommand).callsFake((input: GetProductsCommandInput) => {
    inputs.push(input);
    const start = Number(input.NextToken ?? 0);
    const next = start + 5;
    return {
      FormatVersion: 'aws_v1',
      PriceList: items.slice(start, next),
      ...(next < items.length ? { NextToken: String(next) } : {}),
    };
  });
  const table = await fetchPriceTable(clients);
  assert.deepEqual(
    inputs.map((i) => i.NextToken),
    [undefined, '5', '10'],
  );
  assert.equal(inputs[0]?.Filters?.[0]?.Value, 'eu-west-1');
  assert.equal(await clients.pricing.config.region(), 'eu-central-1');
  assert.equal(table.region, 'eu-west-1');
  sameCost(table, builtInPrices);
  pricing.restore();
});

test('mocked client: a list with REST prices only borrows the rest from the built-in table and says so', async () => {
  const clients = clientsOf('us-east-1');
  const pricing = mockClient(clients.pricing);
  pricing.on(GetProductsCommand).resolves({ PriceList: [JSON.stringify(apiGatewayProducts[0]), '{not json'] });
  const table = await fetchPriceTable(clients);
  assert.equal(table.rest[0]?.usdPerUnit, '0.0000035000');
  assert.equal(table.http, builtInPrices.http);
  assert.deepEqual(table.notes, [
    `The AWS Price List gave no us-east-1 prices for HTTP API requests, WebSocket messages, WebSocket connection minutes, caches of 0.5, 1.6, 6.1, 13.5, 28.4, 58.2, 118, 237 GB: the built-in US East (N. Virginia) prices of ${builtInPrices.date} are used for them.`,
  ]);
  pricing.restore();
});
