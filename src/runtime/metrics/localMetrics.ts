import type { ApiType } from '../../model';
import type { MetricSeries, MetricsReport, RouteMetrics } from '../../shared/metrics';
import type { AccessRecord } from '../accessLog/accessRecord';
import { LatencyHistogram } from './latencyHistogram';

/** What one stage or route counted in one time bucket. */
class Counters {
  /** Requests (WebSocket: events of every kind). */
  count = 0;
  clientErrors = 0;
  serverErrors = 0;
  /** HTTP: request and response bytes. */
  bytes = 0;
  /** WebSocket. */
  connects = 0;
  messages = 0;
  clientError = 0;
  executionError = 0;
  integrationError = 0;
  readonly latency = new LatencyHistogram();
  readonly integrationLatency = new LatencyHistogram();

  add(r: AccessRecord): void {
    this.count++;
    if (r.status >= 400 && r.status <= 499) this.clientErrors++;
    else if (r.status >= 500 && r.status <= 599) this.serverErrors++;
    this.bytes += r.requestLength + r.responseLength;
    this.latency.add(r.responseLatencyMs);
    if (r.integration !== undefined) this.integrationLatency.add(r.integration.latencyMs);
    const ws = r.websocket;
    if (ws === undefined) return;
    if (ws.eventType === 'CONNECT') this.connects++;
    else if (ws.eventType === 'MESSAGE') this.messages++;
    // Refused before any integration ran (no route, IAM): ClientError; the integration could not be called or
    // failed: ExecutionError; it answered 4XX / 5XX: IntegrationError (CloudWatch's WebSocket metrics).
    if (r.error !== undefined && r.status >= 400 && r.status <= 499) this.clientError++;
    else if (r.integration?.error !== undefined) this.executionError++;
    else if (r.status >= 400) this.integrationError++;
  }

  merge(other: Counters): void {
    this.count += other.count;
    this.clientErrors += other.clientErrors;
    this.serverErrors += other.serverErrors;
    this.bytes += other.bytes;
    this.connects += other.connects;
    this.messages += other.messages;
    this.clientError += other.clientError;
    this.executionError += other.executionError;
    this.integrationError += other.integrationError;
    this.latency.merge(other.latency);
    this.integrationLatency.merge(other.integrationLatency);
  }
}

class Bucket {
  readonly stage = new Counters();
  readonly routes = new Map<string, Counters>();
  constructor(readonly start: number) {}
}

type Stat = 'Sum' | 'Average' | 'p50' | 'p90' | 'p99';
interface MetricSpec {
  metric: string;
  unit: 'Count' | 'Milliseconds' | 'Bytes';
  read: (c: Counters) => number | LatencyHistogram;
}

const latencyStats: Stat[] = ['Average', 'p50', 'p90', 'p99'];

/** CloudWatch's metrics for each API type, under its names ("Amazon API Gateway dimensions and metrics"). */
const metricSpecs: Record<ApiType, MetricSpec[]> = {
  REST: [
    { metric: 'Count', unit: 'Count', read: (c) => c.count },
    { metric: '4XXError', unit: 'Count', read: (c) => c.clientErrors },
    { metric: '5XXError', unit: 'Count', read: (c) => c.serverErrors },
    { metric: 'Latency', unit: 'Milliseconds', read: (c) => c.latency },
    { metric: 'IntegrationLatency', unit: 'Milliseconds', read: (c) => c.integrationLatency },
  ],
  HTTP: [
    { metric: 'Count', unit: 'Count', read: (c) => c.count },
    { metric: '4xx', unit: 'Count', read: (c) => c.clientErrors },
    { metric: '5xx', unit: 'Count', read: (c) => c.serverErrors },
    { metric: 'Latency', unit: 'Milliseconds', read: (c) => c.latency },
    { metric: 'IntegrationLatency', unit: 'Milliseconds', read: (c) => c.integrationLatency },
    { metric: 'DataProcessed', unit: 'Bytes', read: (c) => c.bytes },
  ],
  WEBSOCKET: [
    { metric: 'ConnectCount', unit: 'Count', read: (c) => c.connects },
    { metric: 'MessageCount', unit: 'Count', read: (c) => c.messages },
    { metric: 'ClientError', unit: 'Count', read: (c) => c.clientError },
    { metric: 'ExecutionError', unit: 'Count', read: (c) => c.executionError },
    { metric: 'IntegrationError', unit: 'Count', read: (c) => c.integrationError },
    { metric: 'IntegrationLatency', unit: 'Milliseconds', read: (c) => c.integrationLatency },
  ],
};

export interface LocalMetricsOptions {
  /** Width of a time bucket (default 10 s): the finest period a report has. */
  bucketSeconds?: number;
  /** How far back requests are kept (default 1 hour); older buckets are dropped. */
  retentionSeconds?: number;
  /** Routes counted apart (default 100); requests to further routes are counted under "(other routes)". */
  maxRoutes?: number;
  now?: () => number;
}

export const otherRoutes = '(other routes)';

export interface ReportOptions {
  /** Series per route besides the stage's (default false: the charts draw the stage, the table the routes). */
  routeSeries?: boolean;
  /** Cover only the time since counting started when the window is longer (default true). */
  clampToCounting?: boolean;
}

/**
 * The mock stage's own metrics: every access record counted, for the stage and per route, under CloudWatch's
 * names for the API type, in time buckets (10 s by default) kept for an hour, latencies as histograms: memory
 * stays bounded however many requests come. `report(windowMs, title)` gives the charts' MetricsReport.
 */
export class LocalMetrics {
  private readonly buckets: Bucket[] = [];
  private readonly bucketMs: number;
  private readonly retentionMs: number;
  private readonly maxRoutes: number;
  private readonly now: () => number;
  private readonly routeNames = new Set<string>();
  private since: number;

  constructor(
    readonly apiType: ApiType,
    options: LocalMetricsOptions = {},
  ) {
    this.bucketMs = (options.bucketSeconds ?? 10) * 1000;
    this.retentionMs = (options.retentionSeconds ?? 3600) * 1000;
    this.maxRoutes = options.maxRoutes ?? 100;
    this.now = options.now ?? Date.now;
    this.since = this.now();
  }

  add(record: AccessRecord): void {
    const start = Math.floor(record.startedAt / this.bucketMs) * this.bucketMs;
    let bucket = this.buckets[this.buckets.length - 1];
    if (bucket === undefined || bucket.start < start) {
      bucket = new Bucket(start);
      this.buckets.push(bucket);
      this.prune();
    } else if (bucket.start > start) {
      // A request that started before the newest bucket (a slow one): counted in its own bucket.
      bucket = this.buckets.find((b) => b.start === start) ?? bucket;
    }
    bucket.stage.add(record);
    if (record.route === undefined) return;
    let route = record.route;
    if (!this.routeNames.has(route)) {
      if (this.routeNames.size >= this.maxRoutes) route = otherRoutes;
      else this.routeNames.add(route);
    }
    let counters = bucket.routes.get(route);
    if (counters === undefined) {
      counters = new Counters();
      bucket.routes.set(route, counters);
    }
    counters.add(record);
  }

  /** Forgets everything counted (the Clear action of the charts). */
  clear(): void {
    this.buckets.length = 0;
    this.routeNames.clear();
    this.since = this.now();
  }

  /** The stage's metrics over the last `windowMs`, in periods of 10 s or more (about 120 points at most). */
  report(windowMs: number, title: string, options: ReportOptions = {}): MetricsReport {
    const end = this.now();
    const asked = windowMs;
    // Nothing was counted before the mock started: a longer window would squeeze its requests into a few
    // coarse periods at the right edge, so the report covers the counting time (at least a minute) instead.
    const counted = Math.max(60_000, end - this.since + this.bucketMs);
    if (options.clampToCounting !== false && counted < windowMs) windowMs = counted;
    const periodMs = this.bucketMs * Math.max(1, Math.ceil(windowMs / this.bucketMs / 120));
    const start = Math.floor((end - windowMs) / periodMs) * periodMs;
    const periods: number[] = [];
    for (let t = start; t <= end; t += periodMs) periods.push(t);
    const stage = periods.map(() => new Counters());
    const routes = new Map<string, Counters[]>();
    const totals = new Map<string, Counters>();
    for (const bucket of this.buckets) {
      if (bucket.start < start || bucket.start > end) continue;
      const i = Math.floor((bucket.start - start) / periodMs);
      stage[i]!.merge(bucket.stage);
      for (const [name, counters] of bucket.routes) {
        let series = routes.get(name);
        if (series === undefined) {
          series = periods.map(() => new Counters());
          routes.set(name, series);
          totals.set(name, new Counters());
        }
        series[i]!.merge(counters);
        totals.get(name)!.merge(counters);
      }
    }
    const specs = metricSpecs[this.apiType];
    const series: MetricSeries[] = [];
    for (const spec of specs) series.push(...seriesOf(spec, periods, stage));
    const names = [...routes.keys()].sort();
    if (options.routeSeries === true)
      for (const name of names)
        for (const spec of specs) series.push(...seriesOf(spec, periods, routes.get(name)!, name));
    const total = stage.reduce((sum, c) => sum + c.count, 0);
    return {
      title,
      apiType: this.apiType,
      start,
      end,
      periodSeconds: periodMs / 1000,
      series,
      routes: names.map((name) => routeRow(name, totals.get(name)!, this.apiType)),
      notes: this.notes(total, end - asked, windowMs < asked),
    };
  }

  private notes(total: number, from: number, clamped: boolean): string[] {
    const notes: string[] = [];
    if (total === 0)
      notes.push(
        'No requests reached the mock API in this window: send some (Invoke Route Locally) to fill the charts.',
      );
    if (from < this.since)
      notes.push(
        `Counted since ${new Date(this.since).toISOString()}, when the mock API started counting${clamped ? ': the charts show that time' : ''}.`,
      );
    if (this.now() - Math.max(from, this.since) > this.retentionMs)
      notes.push(
        `The mock keeps ${Math.round(this.retentionMs / 60000)} minutes of requests: older ones are not shown.`,
      );
    if (this.routeNames.size >= this.maxRoutes)
      notes.push(`Routes after the first ${this.maxRoutes} are counted together as "${otherRoutes}".`);
    return notes;
  }

  private prune(): void {
    const oldest = this.now() - this.retentionMs;
    let drop = 0;
    while (drop < this.buckets.length - 1 && this.buckets[drop]!.start + this.bucketMs <= oldest) drop++;
    if (drop > 0) this.buckets.splice(0, drop);
  }
}

/** A metric's series over the periods: counts with 0 where nothing came, latency statistics where something did. */
function seriesOf(spec: MetricSpec, periods: number[], counters: Counters[], route?: string): MetricSeries[] {
  const first = spec.read(counters[0] ?? new Counters());
  const base = { metric: spec.metric, unit: spec.unit, ...(route !== undefined ? { route } : {}) };
  if (!(first instanceof LatencyHistogram)) {
    return [{ ...base, stat: 'Sum', timestamps: periods, values: counters.map((c) => spec.read(c) as number) }];
  }
  const requests = counters.reduce((n, c) => n + c.count, 0);
  return latencyStats.map((stat) => {
    const timestamps: number[] = [];
    const values: number[] = [];
    counters.forEach((c, i) => {
      const histogram = spec.read(c) as LatencyHistogram;
      const value = stat === 'Average' ? histogram.average() : histogram.percentile(Number(stat.slice(1)));
      if (value === undefined) return;
      timestamps.push(periods[i]!);
      values.push(value);
    });
    const series: MetricSeries = { ...base, stat, timestamps, values };
    if (values.length === 0) series.note = emptyNote(spec.metric, requests, route);
    return series;
  });
}

/** Why a latency series has no point: nothing came, or nothing called an integration out. */
function emptyNote(metric: string, requests: number, route: string | undefined): string {
  const where = route === undefined ? '' : ` for ${route}`;
  if (requests === 0) return `${metric}: no requests${where} in this window.`;
  return `${metric}: no integration was called${where} (MOCK integrations have no integration latency, as in CloudWatch).`;
}

function routeRow(route: string, c: Counters, type: ApiType): RouteMetrics {
  const requests = c.count;
  const rate = (n: number): number => (requests === 0 ? 0 : n / requests);
  const row: RouteMetrics =
    type === 'WEBSOCKET'
      ? {
          route,
          requests,
          clientErrorRate: rate(c.clientError),
          serverErrorRate: rate(c.executionError + c.integrationError),
        }
      : { route, requests, clientErrorRate: rate(c.clientErrors), serverErrorRate: rate(c.serverErrors) };
  const p99 = c.latency.percentile(99);
  if (p99 !== undefined) row.p99LatencyMs = p99;
  return row;
}
