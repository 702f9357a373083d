// GetMetricData in as few calls as the limits allow, with the client mocked: 500 queries a call, NextToken pages
// merged, a query CloudWatch could not answer whole keeps what it got and says why.
import { GetMetricDataCommand, type GetMetricDataCommandInput } from '@aws-sdk/client-cloudwatch';
import { mockClient } from 'aws-sdk-client-mock';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createClients } from '../../../../src/aws/clients';
import { runQueries, type StatQuery } from '../../../../src/aws/metrics/query';

const clients = () =>
  createClients({ region: 'us-east-1' }, { credentials: { accessKeyId: 'AKID', secretAccessKey: 'SECRET' } });

const query = (i: number): StatQuery => ({
  id: `q${i}`,
  metric: 'Count',
  dimensions: [{ Name: 'ApiId', Value: 'a' }],
  stat: 'Sum',
  periodSeconds: 60,
});

test('runQueries sends 1200 queries in 3 calls of at most 500, follows NextToken and merges the pages oldest first', async () => {
  const c = clients();
  const cw = mockClient(c.cloudwatch);
  const calls: GetMetricDataCommandInput[] = [];
  cw.on(GetMetricDataCommand).callsFake((input: GetMetricDataCommandInput) => {
    calls.push(input);
    const ids = (input.MetricDataQueries ?? []).map((q) => q.Id!);
    // The first call's q0 comes in two pages, the newer point first.
    if (ids[0] === 'q0' && input.NextToken === undefined) {
      return {
        MetricDataResults: [{ Id: 'q0', Timestamps: [new Date(120_000)], Values: [2], StatusCode: 'PartialData' }],
        NextToken: 'more',
      };
    }
    return {
      MetricDataResults: ids.map((Id) => ({
        Id,
        Timestamps: Id === 'q0' ? [new Date(60_000)] : [],
        Values: Id === 'q0' ? [1] : [],
        StatusCode: Id === 'q7' ? 'Forbidden' : 'Complete',
        ...(Id === 'q7' ? { Messages: [{ Code: 'Forbidden', Value: 'no access to this metric' }] } : {}),
      })),
    };
  });
  const results = await runQueries(
    c,
    Array.from({ length: 1200 }, (_, i) => query(i)),
    new Date(0),
    new Date(3_600_000),
  );
  assert.deepEqual(
    calls.map((i) => [i.MetricDataQueries?.length, i.NextToken, i.ScanBy]),
    [
      [500, undefined, 'TimestampAscending'],
      [500, 'more', 'TimestampAscending'],
      [500, undefined, 'TimestampAscending'],
      [200, undefined, 'TimestampAscending'],
    ],
  );
  assert.deepEqual(results.get('q0'), { timestamps: [60_000, 120_000], values: [1, 2] });
  assert.equal(results.get('q7')?.problem, 'CloudWatch answered Forbidden: no access to this metric');
  assert.equal(results.size, 1200);
});

test('runQueries stops when a server hands back a NextToken it gave before', async () => {
  const c = clients();
  const cw = mockClient(c.cloudwatch);
  let calls = 0;
  cw.on(GetMetricDataCommand).callsFake(() => {
    calls++;
    return { MetricDataResults: [], NextToken: 'same' };
  });
  await runQueries(c, [query(0)], new Date(0), new Date(60_000));
  assert.equal(calls, 2);
});
