// CloudWatch (JSON 1.0, query-compatible) for the operations the product calls: ListMetrics (namespace, metric name
// and dimension filters, RecentlyActive, NextToken pages of 500) and GetMetricData (MetricStat queries whose
// statistics are computed per period from the samples tests seed in `state.metrics`; ScanBy, MaxDatapoints and
// NextToken pages; CloudWatch's validation errors). Timestamps are epoch seconds on the wire, as the JSON protocols
// write them. Metric math expressions are not modelled: such a query is refused by name.
import type { JsonHandler } from './jsonProtocol';
import { AwsError } from './errors';
import { isKnownStat, statOf } from './cloudwatchStats';
import type { MetricRecord } from './state';
import { isObj, str, type Json } from './util';

const invalid = (message: string): AwsError => new AwsError(400, 'InvalidParameterValueException', message);
const missing = (message: string): AwsError => new AwsError(400, 'MissingRequiredParameterException', message);

const LIST_PAGE = 500;
const MAX_QUERIES = 500;
const MAX_DATAPOINTS = 100_800;
const QUERY_ID = /^[a-z][a-zA-Z0-9_]*$/;

/** A timestamp member: epoch seconds (what the SDK sends), or an ISO date; undefined when absent. */
function timeOf(value: unknown, name: string): number | undefined {
  if (value === undefined) return undefined;
  const ms = typeof value === 'number' ? value * 1000 : typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (!Number.isFinite(ms)) throw invalid(`The parameter ${name} is not a valid timestamp.`);
  return ms;
}

function tokenStart(token: unknown, error: () => AwsError): number {
  if (token === undefined) return 0;
  const n = typeof token === 'string' ? Number(Buffer.from(token, 'base64').toString('utf8')) : Number.NaN;
  if (!Number.isInteger(n) || n < 0) throw error();
  return n;
}

const tokenOf = (n: number): string => Buffer.from(String(n)).toString('base64');

const dimensionsWire = (m: MetricRecord): Json[] =>
  Object.entries(m.dimensions)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([Name, Value]) => ({ Name, Value }));

function matchesFilters(m: MetricRecord, filters: unknown[]): boolean {
  return filters.every((f) => {
    const name = isObj(f) ? str(f.Name) : undefined;
    if (name === undefined) throw invalid('The parameter Dimensions.member.Name is required.');
    const value = isObj(f) ? str(f.Value) : undefined;
    return name in m.dimensions && (value === undefined || m.dimensions[name] === value);
  });
}

/** One query of GetMetricData, checked. */
interface MetricQuery {
  id: string;
  label: string;
  namespace: string;
  metricName: string;
  dimensions: Record<string, string>;
  period: number;
  stat: string;
  returnData: boolean;
}

function parseQuery(q: unknown, index: number): MetricQuery {
  const at = `MetricDataQueries.member.${index + 1}`;
  if (!isObj(q)) throw invalid(`The parameter ${at} must be a structure.`);
  const id = str(q.Id);
  if (id === undefined) throw missing(`The parameter ${at}.Id is required.`);
  if (!QUERY_ID.test(id))
    throw invalid(
      `The value ${id} for parameter ${at}.Id is not valid: it must start with a lowercase letter and contain only letters, numbers and underscores.`,
    );
  if (q.Expression !== undefined)
    throw invalid(`The AWS test double does not evaluate metric math (${at}.Expression); use MetricStat.`);
  const stat = q.MetricStat;
  if (!isObj(stat)) throw missing(`Exactly one of ${at}.MetricStat and ${at}.Expression must be given.`);
  const metric = isObj(stat.Metric) ? stat.Metric : undefined;
  const namespace = str(metric?.Namespace);
  const metricName = str(metric?.MetricName);
  if (!metric || namespace === undefined || metricName === undefined)
    throw missing(`The parameters ${at}.MetricStat.Metric.Namespace and MetricName are required.`);
  const period = stat.Period;
  if (typeof period !== 'number' || !Number.isInteger(period) || period < 1)
    throw invalid(`The parameter ${at}.MetricStat.Period must be a positive whole number of seconds.`);
  if (period % 60 !== 0 && ![1, 5, 10, 20, 30].includes(period))
    throw invalid(`The parameter ${at}.MetricStat.Period must be 1, 5, 10, 20, 30 or a multiple of 60.`);
  const statistic = str(stat.Stat);
  if (statistic === undefined) throw missing(`The parameter ${at}.MetricStat.Stat is required.`);
  if (!isKnownStat(statistic))
    throw invalid(`The value ${statistic} for parameter ${at}.MetricStat.Stat is not a valid statistic.`);
  const dimensions: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const d of Array.isArray(metric.Dimensions) ? metric.Dimensions : []) {
    const name = isObj(d) ? str(d.Name) : undefined;
    const value = isObj(d) ? str(d.Value) : undefined;
    if (name === undefined || value === undefined)
      throw missing(`Each dimension of ${at}.MetricStat.Metric.Dimensions needs a Name and a Value.`);
    dimensions[name] = value;
  }
  return {
    id,
    label: str(q.Label) ?? metricName,
    namespace,
    metricName,
    dimensions,
    period,
    stat: statistic,
    returnData: q.ReturnData !== false,
  };
}

/** The samples of the metric a query names: those whose dimension set is exactly the query's (CloudWatch matches
 * them whole); tests may seed one metric in several records. */
function samplesOf(records: readonly MetricRecord[], q: MetricQuery): MetricRecord['samples'] {
  const names = Object.keys(q.dimensions);
  return records
    .filter(
      (m) =>
        m.namespace === q.namespace &&
        m.metricName === q.metricName &&
        Object.keys(m.dimensions).length === names.length &&
        names.every((n) => m.dimensions[n] === q.dimensions[n]),
    )
    .flatMap((m) => m.samples);
}

/** The query's datapoints, ascending: one per period (from `start`) holding at least one sample. */
function datapoints(samples: MetricRecord['samples'], q: MetricQuery, start: number, end: number): [number, number][] {
  const buckets = new Map<number, number[]>();
  const periodMs = q.period * 1000;
  for (const s of samples) {
    if (s.timestamp < start || s.timestamp >= end) continue;
    const bucket = start + Math.floor((s.timestamp - start) / periodMs) * periodMs;
    const values = buckets.get(bucket) ?? [];
    values.push(s.value);
    buckets.set(bucket, values);
  }
  return [...buckets.entries()].sort(([a], [b]) => a - b).map(([t, values]) => [t, statOf(q.stat, values)]);
}

export const cloudwatchOperations: Record<string, JsonHandler> = {
  ListMetrics(input, ctx) {
    const namespace = str(input.Namespace);
    const metricName = str(input.MetricName);
    const filters = Array.isArray(input.Dimensions) ? (input.Dimensions as unknown[]) : [];
    if (filters.length > 10) throw invalid('The collection Dimensions must not have a size greater than 10.');
    const recent = str(input.RecentlyActive);
    if (recent !== undefined && recent !== 'PT3H')
      throw invalid(`The value ${recent} for parameter RecentlyActive is not valid: the only value is PT3H.`);
    const since = Date.now() - 3 * 3600_000;
    const metrics = ctx.state.metrics
      .filter(
        (m) =>
          (namespace === undefined || m.namespace === namespace) &&
          (metricName === undefined || m.metricName === metricName) &&
          matchesFilters(m, filters) &&
          (recent === undefined || m.samples.some((s) => s.timestamp >= since)),
      )
      .map((m) => ({ Namespace: m.namespace, MetricName: m.metricName, Dimensions: dimensionsWire(m) }))
      // A metric seeded in several records is listed once.
      .filter((m, i, all) => all.findIndex((o) => JSON.stringify(o) === JSON.stringify(m)) === i);
    const start = tokenStart(input.NextToken, () => invalid('The service cannot use the NextToken given.'));
    if (start > metrics.length) throw invalid('The service cannot use the NextToken given.');
    const end = Math.min(metrics.length, start + LIST_PAGE);
    return { Metrics: metrics.slice(start, end), ...(end < metrics.length ? { NextToken: tokenOf(end) } : {}) };
  },

  GetMetricData(input, ctx) {
    const queries = input.MetricDataQueries;
    if (!Array.isArray(queries) || queries.length === 0)
      throw missing('The parameter MetricDataQueries is required and must hold at least one query.');
    if (queries.length > MAX_QUERIES)
      throw invalid(`The collection MetricDataQueries must not have a size greater than ${MAX_QUERIES}.`);
    const start = timeOf(input.StartTime, 'StartTime');
    const end = timeOf(input.EndTime, 'EndTime');
    if (start === undefined) throw missing('The parameter StartTime is required.');
    if (end === undefined) throw missing('The parameter EndTime is required.');
    if (start >= end) throw invalid('The parameter StartTime must be less than the parameter EndTime.');
    const scanBy = str(input.ScanBy) ?? 'TimestampDescending';
    if (scanBy !== 'TimestampDescending' && scanBy !== 'TimestampAscending')
      throw invalid(`The value ${scanBy} for parameter ScanBy is not valid.`);
    const max = input.MaxDatapoints ?? MAX_DATAPOINTS;
    if (typeof max !== 'number' || !Number.isInteger(max) || max < 1)
      throw invalid('The parameter MaxDatapoints must be a positive whole number.');
    const parsed = queries.map(parseQuery);
    const ids = new Set<string>();
    for (const q of parsed) {
      if (ids.has(q.id)) throw invalid(`The values for parameter Id in MetricDataQueries are not unique: ${q.id}.`);
      ids.add(q.id);
    }
    // CloudWatch rounds a start time of the last 15 days down to the minute.
    const from = start - (start % 60_000);
    const all = parsed
      .filter((q) => q.returnData)
      .map((q) => {
        const points = datapoints(samplesOf(ctx.state.metrics, q), q, from, end);
        return { q, points: scanBy === 'TimestampDescending' ? points.reverse() : points };
      });
    // Pages of at most `max` datapoints, the queries in order; the token counts the datapoints already sent. Every
    // page names every query (an empty slice when its points are on other pages), as CloudWatch's pages do.
    const invalidToken = (): AwsError =>
      new AwsError(400, 'InvalidNextToken', 'The service cannot use the NextToken given.');
    const sent = tokenStart(input.NextToken, invalidToken);
    const total = all.reduce((n, r) => n + r.points.length, 0);
    if (sent > total) throw invalidToken();
    let skip = sent;
    let room = max;
    const results = all.map(({ q, points }): Json => {
      const first = Math.min(skip, points.length);
      skip -= first;
      const page = points.slice(first, first + room);
      room -= page.length;
      return {
        Id: q.id,
        Label: q.label,
        Timestamps: page.map(([t]) => t / 1000),
        Values: page.map(([, v]) => v),
        StatusCode: first + page.length === points.length ? 'Complete' : 'PartialData',
      };
    });
    const next = sent + (max - room);
    return { MetricDataResults: results, Messages: [], ...(next < total ? { NextToken: tokenOf(next) } : {}) };
  },
};
