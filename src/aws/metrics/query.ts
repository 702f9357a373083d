// GetMetricData in as few calls as its limits allow: up to 500 queries a call, each call's pages followed through
// NextToken (a page holds at most 100,800 datapoints, and a query's points may run over several pages), the
// datapoints oldest first. A query CloudWatch could not answer whole (StatusCode Forbidden / InternalError) keeps
// the points it got and says why.
import {
  GetMetricDataCommand,
  type Dimension,
  type GetMetricDataCommandOutput,
  type MetricDataQuery,
} from '@aws-sdk/client-cloudwatch';
import type { AwsClients } from '../types';
import { METRICS_NAMESPACE } from './catalogue';

/** GetMetricData's limit of queries in one call. */
export const MAX_QUERIES_PER_CALL = 500;

export interface StatQuery {
  id: string;
  metric: string;
  dimensions: Dimension[];
  stat: string;
  periodSeconds: number;
}

export interface QueryResult {
  timestamps: number[];
  values: number[];
  /** Set when CloudWatch did not answer the query whole: its status code and messages. */
  problem?: string;
}

function toQuery(q: StatQuery): MetricDataQuery {
  return {
    Id: q.id,
    MetricStat: {
      Metric: { Namespace: METRICS_NAMESPACE, MetricName: q.metric, Dimensions: q.dimensions },
      Period: q.periodSeconds,
      Stat: q.stat,
    },
    ReturnData: true,
  };
}

/** The datapoints of every query over [start, end), by query id. */
export async function runQueries(
  clients: AwsClients,
  queries: readonly StatQuery[],
  start: Date,
  end: Date,
): Promise<Map<string, QueryResult>> {
  const results = new Map<string, QueryResult>(queries.map((q) => [q.id, { timestamps: [], values: [] }]));
  for (let i = 0; i < queries.length; i += MAX_QUERIES_PER_CALL) {
    const chunk = queries.slice(i, i + MAX_QUERIES_PER_CALL).map(toQuery);
    const seen = new Set<string>();
    let token: string | undefined;
    do {
      const page: GetMetricDataCommandOutput = await clients.cloudwatch.send(
        new GetMetricDataCommand({
          MetricDataQueries: chunk,
          StartTime: start,
          EndTime: end,
          ScanBy: 'TimestampAscending',
          ...(token !== undefined ? { NextToken: token } : {}),
        }),
      );
      for (const r of page.MetricDataResults ?? []) {
        const result = results.get(r.Id ?? '');
        if (!result) continue;
        const times = r.Timestamps ?? [];
        const values = r.Values ?? [];
        for (let k = 0; k < Math.min(times.length, values.length); k++) {
          result.timestamps.push(times[k]!.getTime());
          result.values.push(values[k]!);
        }
        if (r.StatusCode === 'Forbidden' || r.StatusCode === 'InternalError') {
          const said = (r.Messages ?? [])
            .map((m) => m.Value)
            .filter(Boolean)
            .join('; ');
          result.problem = `CloudWatch answered ${r.StatusCode}${said ? `: ${said}` : ''}`;
        }
      }
      token = page.NextToken;
      // A server that hands back a token already seen must not make us loop for ever.
      if (token !== undefined && seen.has(token)) break;
      if (token !== undefined) seen.add(token);
    } while (token !== undefined);
  }
  for (const result of results.values()) sortByTime(result);
  return results;
}

/** Oldest first (pages may interleave), a timestamp once. */
function sortByTime(result: QueryResult): void {
  const order = result.timestamps.map((t, i) => [t, result.values[i]!] as const).sort(([a], [b]) => a - b);
  const byTime = new Map(order);
  result.timestamps = [...byTime.keys()];
  result.values = [...byTime.values()];
}
