// The Price List API in the test double, through the real SDK client: pages, filters, and its validation errors.
import { GetProductsCommand, PricingClient } from '@aws-sdk/client-pricing';
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';

const items = (output: { PriceList?: unknown }): string[] =>
  Array.isArray(output.PriceList) ? (output.PriceList as unknown[]).map((item) => String(item)) : [];
import { startAwsTestServer, type AwsTestServer } from '../../aws/server';

const credentials = { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' };
let server: AwsTestServer;
let client: PricingClient;

before(async () => {
  server = await startAwsTestServer({ region: 'eu-west-1', credentials: [credentials] });
  client = new PricingClient({ region: 'us-east-1', endpoint: server.url, credentials, maxAttempts: 1 });
});
after(async () => {
  client.destroy();
  await server.close();
});

it('pages by MaxResults and NextToken, and filters on attributes and the product family', async () => {
  const first = await client.send(new GetProductsCommand({ ServiceCode: 'AmazonApiGateway', MaxResults: 5 }));
  assert.equal(items(first).length, 5);
  assert.equal(first.FormatVersion, 'aws_v1');
  const rest = await client.send(
    new GetProductsCommand({ ServiceCode: 'AmazonApiGateway', MaxResults: 100, NextToken: first.NextToken }),
  );
  assert.equal(items(rest).length, 7);
  assert.equal(rest.NextToken, undefined);
  const cache = await client.send(
    new GetProductsCommand({
      ServiceCode: 'AmazonApiGateway',
      Filters: [
        { Type: 'TERM_MATCH', Field: 'productFamily', Value: 'Amazon API Gateway Cache' },
        { Type: 'TERM_MATCH', Field: 'cacheMemorySizeGb', Value: '0.5' },
      ],
    }),
  );
  const item = JSON.parse(items(cache)[0] ?? '{}') as { product: { attributes: { usagetype: string } } };
  assert.equal(items(cache).length, 1);
  assert.equal(item.product.attributes.usagetype, 'USE1-ApiGatewayCacheUsage:0.5GB');
  const other = await client.send(new GetProductsCommand({ ServiceCode: 'AmazonEC2' }));
  assert.deepEqual(other.PriceList, []);
});

it('refuses a missing service code and a MaxResults over 100', async () => {
  await assert.rejects(client.send(new GetProductsCommand({ ServiceCode: '' })), {
    name: 'InvalidParameterException',
  });
  await assert.rejects(client.send(new GetProductsCommand({ ServiceCode: 'AmazonApiGateway', MaxResults: 101 })), {
    name: 'InvalidParameterException',
    message: /less than or equal to 100/,
  });
});
