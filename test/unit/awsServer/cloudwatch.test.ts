// CloudWatch in the test double, through the real SDK client: ListMetrics filters and pages, GetMetricData computes
// each statistic per period from the seeded samples, scans both ways, pages by MaxDatapoints, and refuses bad input
// as CloudWatch does.
import {
  CloudWatchClient,
  GetMetricDataCommand,
  ListMetricsCommand,
  type ListMetricsCommandInput,
  type MetricDataQuery,
} from '@aws-sdk/client-cloudwatch';
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { clientConfig, useServer } from './setup';

const h = useServer();
const minute = 60_000;
/** A whole hour, so periods start on it. */
const t0 = Date.UTC(2026, 11, 7, 10, 0, 0);

const client = (): CloudWatchClient => new CloudWatchClient({ ...clientConfig(h.server), maxAttempts: 1 });

function seed(): void {
  h.server.reset();
  const { metrics } = h.server.state;
  metrics.push({
    namespace: 'AWS/ApiGateway',
    metricName: 'Latency',
    dimensions: { ApiName: 'Pets', Stage: 'prod' },
    unit: 'Milliseconds',
    // Minute 0: 10, 20, 30, 40; minute 1: 100; minute 3: 5.
    samples: [
      { timestamp: t0 + 1000, value: 10 },
      { timestamp: t0 + 2000, value: 20 },
      { timestamp: t0 + 3000, value: 30 },
      { timestamp: t0 + 4000, value: 40 },
      { timestamp: t0 + minute + 5, value: 100 },
      { timestamp: t0 + 3 * minute, value: 5 },
    ],
  });
  metrics.push({
    namespace: 'AWS/ApiGateway',
    metricName: 'Count',
    dimensions: { ApiName: 'Pets', Stage: 'prod', Method: 'GET', Resource: '/pets' },
    samples: [{ timestamp: t0, value: 1 }],
  });
  metrics.push({
    namespace: 'AWS/ApiGateway',
    metricName: 'Count',
    dimensions: { ApiName: 'Other', Stage: 'prod' },
    samples: [],
  });
  metrics.push({ namespace: 'AWS/Lambda', metricName: 'Errors', dimensions: { FunctionName: 'f' }, samples: [] });
}

const latency = (id: string, stat: string, period = 60): MetricDataQuery => ({
  Id: id,
  MetricStat: {
    Metric: {
      Namespace: 'AWS/ApiGateway',
      MetricName: 'Latency',
      Dimensions: [
        { Name: 'ApiName', Value: 'Pets' },
        { Name: 'Stage', Value: 'prod' },
      ],
    },
    Period: period,
    Stat: stat,
  },
});

const window = { StartTime: new Date(t0), EndTime: new Date(t0 + 10 * minute) };

describe('test double: CloudWatch ListMetrics', () => {
  beforeEach(seed);

  it('filters by namespace, metric name and dimensions (a name alone, or a name and value)', async () => {
    const cw = client();
    const names = async (input: ListMetricsCommandInput): Promise<string[]> =>
      ((await cw.send(new ListMetricsCommand(input))).Metrics ?? []).map(
        (m) => `${m.MetricName}:${(m.Dimensions ?? []).map((d) => `${d.Name}=${d.Value}`).join(',')}`,
      );
    assert.deepEqual(await names({ Namespace: 'AWS/ApiGateway', Dimensions: [{ Name: 'ApiName', Value: 'Pets' }] }), [
      'Latency:ApiName=Pets,Stage=prod',
      'Count:ApiName=Pets,Method=GET,Resource=/pets,Stage=prod',
    ]);
    assert.deepEqual(
      await names({ Namespace: 'AWS/ApiGateway', MetricName: 'Count', Dimensions: [{ Name: 'Resource' }] }),
      ['Count:ApiName=Pets,Method=GET,Resource=/pets,Stage=prod'],
    );
    assert.equal((await names({})).length, 4);
    cw.destroy();
  });

  it('pages by 500 with NextToken, and refuses a token it did not give', async () => {
    h.server.reset();
    for (let i = 0; i < 501; i++)
      h.server.state.metrics.push({ namespace: 'N', metricName: `M${i}`, dimensions: {}, samples: [] });
    const cw = client();
    const first = await cw.send(new ListMetricsCommand({ Namespace: 'N' }));
    assert.equal(first.Metrics?.length, 500);
    assert.ok(first.NextToken);
    const second = await cw.send(new ListMetricsCommand({ Namespace: 'N', NextToken: first.NextToken }));
    assert.deepEqual(
      second.Metrics?.map((m) => m.MetricName),
      ['M500'],
    );
    assert.equal(second.NextToken, undefined);
    await assert.rejects(
      cw.send(new ListMetricsCommand({ NextToken: 'bm90IGEgbnVtYmVy' })),
      (e: Error) => e.name === 'InvalidParameterValueException' && /NextToken/.test(e.message),
    );
    cw.destroy();
  });
});

describe('test double: CloudWatch GetMetricData', () => {
  beforeEach(seed);

  it('computes each statistic per period from the samples, times as dates, newest first by default', async () => {
    const cw = client();
    const out = await cw.send(
      new GetMetricDataCommand({
        ...window,
        MetricDataQueries: ['Sum', 'Average', 'SampleCount', 'Minimum', 'Maximum', 'p50', 'p99'].map((s) =>
          latency(s.toLowerCase(), s),
        ),
      }),
    );
    const by = new Map(out.MetricDataResults?.map((r) => [r.Id, r]));
    assert.deepEqual(by.get('sum')?.Values, [5, 100, 100]);
    assert.deepEqual(
      by.get('sum')?.Timestamps?.map((d) => d.getTime()),
      [t0 + 3 * minute, t0 + minute, t0],
    );
    assert.deepEqual(by.get('average')?.Values, [5, 100, 25]);
    assert.deepEqual(by.get('samplecount')?.Values, [1, 1, 4]);
    assert.deepEqual(by.get('minimum')?.Values, [5, 100, 10]);
    assert.deepEqual(by.get('maximum')?.Values, [5, 100, 40]);
    assert.deepEqual(by.get('p50')?.Values, [5, 100, 20]);
    assert.deepEqual(by.get('p99')?.Values, [5, 100, 40]);
    assert.equal(by.get('sum')?.StatusCode, 'Complete');
    assert.equal(out.NextToken, undefined);
    cw.destroy();
  });

  it('aggregates longer periods, scans oldest first when asked, and answers an unknown metric with no points', async () => {
    const cw = client();
    const empty: MetricDataQuery = {
      Id: 'none',
      MetricStat: { Metric: { Namespace: 'AWS/ApiGateway', MetricName: '5XXError' }, Period: 60, Stat: 'Sum' },
    };
    const out = await cw.send(
      new GetMetricDataCommand({
        ...window,
        ScanBy: 'TimestampAscending',
        MetricDataQueries: [latency('five', 'Sum', 300), empty],
      }),
    );
    assert.deepEqual(out.MetricDataResults?.[0]?.Values, [205]);
    assert.deepEqual(out.MetricDataResults?.[1]?.Values, []);
    assert.equal(out.MetricDataResults?.[1]?.StatusCode, 'Complete');
    cw.destroy();
  });

  it('pages by MaxDatapoints with NextToken, every page naming every query', async () => {
    const cw = client();
    const input = {
      ...window,
      ScanBy: 'TimestampAscending' as const,
      MaxDatapoints: 2,
      MetricDataQueries: [latency('a', 'Sum'), latency('b', 'Maximum')],
    };
    const points = new Map<string, number[]>();
    let token: string | undefined;
    let pages = 0;
    do {
      const out = await cw.send(new GetMetricDataCommand({ ...input, ...(token ? { NextToken: token } : {}) }));
      pages++;
      assert.deepEqual(
        out.MetricDataResults?.map((r) => r.Id),
        ['a', 'b'],
      );
      for (const r of out.MetricDataResults ?? [])
        points.set(r.Id!, [...(points.get(r.Id!) ?? []), ...(r.Values ?? [])]);
      token = out.NextToken;
    } while (token);
    assert.equal(pages, 3);
    assert.deepEqual(points.get('a'), [100, 100, 5]);
    assert.deepEqual(points.get('b'), [40, 100, 5]);
    cw.destroy();
  });

  it("refuses bad input with CloudWatch's errors", async () => {
    const cw = client();
    const refuses = async (
      input: Partial<ConstructorParameters<typeof GetMetricDataCommand>[0]>,
      name: string,
      message: RegExp,
    ) =>
      assert.rejects(
        cw.send(new GetMetricDataCommand({ ...window, MetricDataQueries: [latency('a', 'Sum')], ...input })),
        (e: Error) => e.name === name && message.test(e.message),
      );
    await refuses({ StartTime: window.EndTime }, 'InvalidParameterValueException', /StartTime must be less than/);
    await refuses({ MetricDataQueries: [] }, 'MissingRequiredParameterException', /MetricDataQueries/);
    await refuses(
      { MetricDataQueries: [latency('a', 'p101')] },
      'InvalidParameterValueException',
      /p101.*not a valid statistic/,
    );
    await refuses({ MetricDataQueries: [latency('a', 'Sum', 90)] }, 'InvalidParameterValueException', /multiple of 60/);
    await refuses({ MetricDataQueries: [latency('A', 'Sum')] }, 'InvalidParameterValueException', /lowercase letter/);
    await refuses(
      { MetricDataQueries: [latency('a', 'Sum'), latency('a', 'Average')] },
      'InvalidParameterValueException',
      /not unique/,
    );
    await refuses(
      { MetricDataQueries: Array.from({ length: 501 }, (_, i) => latency(`q${i}`, 'Sum')) },
      'InvalidParameterValueException',
      /greater than 500/,
    );
    await refuses(
      { MetricDataQueries: [{ Id: 'e', Expression: 'SUM(METRICS())' }] },
      'InvalidParameterValueException',
      /metric math/,
    );
    await refuses({ NextToken: 'OTk5OQ==' }, 'InvalidNextToken', /NextToken/);
    await refuses({ MaxDatapoints: 0 }, 'InvalidParameterValueException', /MaxDatapoints/);
    cw.destroy();
  });
});
