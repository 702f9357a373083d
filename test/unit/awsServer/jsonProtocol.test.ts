// The JSON-protocol services of the test double (CloudWatch, CloudWatch Logs, Price List): the real SDK clients reach
// it, signatures are checked for each service's own signing name, and errors come back as the SDK names them.
import { CloudWatchClient, ListMetricsCommand } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient, CreateLogGroupCommand, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { DescribeServicesCommand, PricingClient } from '@aws-sdk/client-pricing';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clientConfig, credentials, useServer } from './setup';

const h = useServer();

test('an operation the double does not model is refused by name, per JSON service', async () => {
  const cloudwatch = new CloudWatchClient({ ...clientConfig(h.server), maxAttempts: 1 });
  const logs = new CloudWatchLogsClient({ ...clientConfig(h.server), maxAttempts: 1 });
  const pricing = new PricingClient({ ...clientConfig(h.server), region: 'us-east-1', maxAttempts: 1 });
  h.server.reset();
  h.server.fail('monitoring:ListMetrics', {
    errorType: 'InvalidParameterValueException',
    status: 400,
    message: 'bad',
  });
  await assert.rejects(
    cloudwatch.send(new ListMetricsCommand({})),
    (e: Error & { Code?: string }) => e.name === 'InvalidParameterValueException' && e.Code === 'InvalidParameterValue',
  );
  h.server.fail('DescribeLogGroups', { errorType: 'AccessDeniedException', status: 400, message: 'no' });
  await assert.rejects(logs.send(new DescribeLogGroupsCommand({})), (e: Error) => e.name === 'AccessDeniedException');
  await assert.rejects(
    pricing.send(new DescribeServicesCommand({ ServiceCode: 'AmazonApiGateway' })),
    (e: Error) => e.name === 'UnknownOperationException' && /does not model DescribeServices/.test(e.message),
  );
  assert.deepEqual(
    h.server.requests.map((r) => [r.service, r.operation]),
    [
      ['monitoring', 'ListMetrics'],
      ['logs', 'DescribeLogGroups'],
      ['pricing', 'DescribeServices'],
    ],
  );
  for (const c of [cloudwatch, logs, pricing]) c.destroy();
});

test('a JSON-protocol call signed for another region or with unknown keys is refused', async () => {
  const logs = new CloudWatchLogsClient({
    ...clientConfig(h.server),
    credentials: { ...credentials, secretAccessKey: 'wrong' },
    maxAttempts: 1,
  });
  await assert.rejects(logs.send(new DescribeLogGroupsCommand({})), (e: Error) => /Signature/.test(e.name));
  logs.destroy();
});

test('log groups: CreateLogGroup, DescribeLogGroups by prefix with nextToken pages, a duplicate and a bad name refused', async () => {
  const logs = new CloudWatchLogsClient({ ...clientConfig(h.server), maxAttempts: 1 });
  h.server.reset();
  for (const name of ['/aws/apigw/b', '/aws/apigw/a', 'API-Gateway-Execution-Logs_abc/prod'])
    await logs.send(new CreateLogGroupCommand({ logGroupName: name }));
  const first = await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/aws/apigw/', limit: 1 }));
  assert.deepEqual(
    first.logGroups?.map((g) => g.logGroupName),
    ['/aws/apigw/a'],
  );
  assert.ok(first.nextToken);
  const second = await logs.send(
    new DescribeLogGroupsCommand({ logGroupNamePrefix: '/aws/apigw/', limit: 1, nextToken: first.nextToken }),
  );
  assert.deepEqual(
    second.logGroups?.map((g) => g.logGroupName),
    ['/aws/apigw/b'],
  );
  assert.equal(second.nextToken, undefined);
  await assert.rejects(
    logs.send(new CreateLogGroupCommand({ logGroupName: '/aws/apigw/a' })),
    (e: Error) => e.name === 'ResourceAlreadyExistsException',
  );
  await assert.rejects(
    logs.send(new CreateLogGroupCommand({ logGroupName: 'bad name!' })),
    (e: Error) => e.name === 'InvalidParameterException' && /logGroupName/.test(e.message),
  );
  logs.destroy();
});
