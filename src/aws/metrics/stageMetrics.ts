// The metrics report of one deployed stage: which metrics CloudWatch holds for it (ListMetrics), their datapoints
// over the window (GetMetricData), charted series per metric and statistic, and the per-route table when the stage
// sends detailed metrics. A metric with no datapoints is an empty series with a note saying why, not an error.
import type { MetricSeries, MetricsReport, RouteMetrics } from '../../shared/metrics';
import { badInput, guarded, requireText } from '../guard';
import { getApiSummary, requireKind } from '../inventory';
import type { AwsApiKind, AwsClients } from '../types';
import { detailedMetricsHint, metricsOf, routeMetricNames, type MetricSpec } from './catalogue';
import { findStageMetrics, restMetricsName, stageDimensions, type FoundMetric } from './discover';
import { runQueries, type QueryResult, type StatQuery } from './query';
import { choosePeriod, describeWindow, MAX_WINDOW_MS, periodGrain, periodProblem } from './window';

export interface StageMetricsRequest {
  /** The API; REST metrics are keyed by its name, which is read from AWS when not given. */
  api: { kind: AwsApiKind; id: string; name?: string };
  stage: string;
  /** How far back the report looks, in ms (the dashboard's 1 h … 1 w, or the CLI's --since). */
  windowMs: number;
  /** Seconds a datapoint covers; default: the window's (see choosePeriod). */
  periodSeconds?: number;
  /** The end of the window in ms since the epoch (default: now). */
  now?: number;
}

const MINUTE = 60_000;

/** The report of a stage's CloudWatch metrics over the window. */
export async function getStageMetrics(clients: AwsClients, request: StageMetricsRequest): Promise<MetricsReport> {
  const operation = 'GetMetricData';
  requireKind(request.api.kind, operation);
  requireText(request.api.id, 'An API id', operation);
  requireText(request.stage, 'A stage name', operation);
  const { windowMs } = request;
  if (!Number.isFinite(windowMs) || windowMs < MINUTE || windowMs > MAX_WINDOW_MS) {
    throw badInput(`The window must be from 1 minute to 455 days (CloudWatch's retention), not ${windowMs} ms.`);
  }
  const periodSeconds = request.periodSeconds ?? choosePeriod(windowMs);
  const problem = periodProblem(periodSeconds, windowMs);
  if (problem !== undefined) throw badInput(`Cannot chart ${describeWindow(windowMs)} of metrics: ${problem}.`);
  // CloudWatch answers fastest for times aligned with the period (GetMetricData, StartTime): the window ends at the
  // next period boundary (an hour at most), and starts on its retention grain.
  const align = Math.min(periodSeconds * 1000, 60 * MINUTE);
  const end = Math.ceil((request.now ?? Date.now()) / align) * align;
  const grain = periodGrain(windowMs) * 1000;
  const start = Math.floor((end - windowMs) / grain) * grain;
  return guarded(clients, async () => {
    const api = {
      kind: request.api.kind,
      id: request.api.id,
      name: request.api.name ?? (await getApiSummary(clients, request.api.kind, request.api.id)).name,
    };
    const keys = stageDimensions(api.kind, api, request.stage);
    const found = await findStageMetrics(clients, keys);
    const plan = planQueries(api.kind, found, periodSeconds, Math.ceil((end - start) / grain) * (grain / 1000));
    const results = await runQueries(clients, plan.queries, new Date(start), new Date(end));
    const window = describeWindow(windowMs);
    const series = plan.charts.map((c) => seriesOf(c, results, request.stage, window));
    const notes: string[] = [];
    if (found.length === 0) {
      notes.push(
        `CloudWatch holds no metrics for stage ${request.stage} of ${api.name}: API Gateway sends them once the stage ` +
          'is called, and ListMetrics shows those that received data in the past two weeks.',
      );
    }
    if (api.kind === 'REST' && restMetricsName(api.name) !== api.name) {
      notes.push(
        `API Gateway drops non-ASCII characters from the ApiName dimension: these are the metrics of "${restMetricsName(api.name)}".`,
      );
    }
    const routes = routeRows(plan.routes, results);
    if (routes === undefined && found.length > 0) notes.push(detailedMetricsHint(api.kind, request.stage));
    return {
      title: `${api.name} · ${request.stage} (${api.kind})`,
      apiType: api.kind,
      start,
      end,
      periodSeconds,
      series,
      ...(routes !== undefined ? { routes } : {}),
      notes,
    };
  });
}

/** A chart line to fill: the metric, its statistic, and the query id (undefined: CloudWatch does not hold it). */
interface ChartPlan {
  spec: MetricSpec;
  stat: string;
  id?: string;
}

interface RoutePlan {
  route: string;
  requests?: string;
  clientErrors?: string;
  serverErrors?: string;
  latency?: string;
}

function planQueries(
  kind: AwsApiKind,
  found: readonly FoundMetric[],
  periodSeconds: number,
  routePeriodSeconds: number,
): { queries: StatQuery[]; charts: ChartPlan[]; routes: RoutePlan[] } {
  const queries: StatQuery[] = [];
  const add = (metric: FoundMetric, stat: string, period: number): string => {
    const id = `q${queries.length}`;
    queries.push({ id, metric: metric.name, dimensions: metric.dimensions, stat, periodSeconds: period });
    return id;
  };
  const charts: ChartPlan[] = [];
  for (const spec of metricsOf(kind)) {
    const metric = found.find((m) => m.route === undefined && m.name === spec.name);
    for (const stat of spec.stats) {
      charts.push(metric ? { spec, stat, id: add(metric, stat, periodSeconds) } : { spec, stat });
    }
  }
  // Per route, one datapoint over the whole window: the table's totals and tail latency.
  const names = routeMetricNames(kind);
  const byRoute = new Map<string, RoutePlan>();
  for (const metric of found) {
    if (metric.route === undefined) continue;
    const row = byRoute.get(metric.route) ?? { route: metric.route };
    byRoute.set(metric.route, row);
    if (metric.name === names.requests) row.requests = add(metric, 'Sum', routePeriodSeconds);
    if (metric.name === names.clientErrors) row.clientErrors = add(metric, 'Sum', routePeriodSeconds);
    if (metric.name === names.serverErrors) row.serverErrors = add(metric, 'Sum', routePeriodSeconds);
    if (metric.name === names.latency) row.latency = add(metric, 'p99', routePeriodSeconds);
  }
  return { queries, charts, routes: [...byRoute.values()] };
}

function seriesOf(chart: ChartPlan, results: Map<string, QueryResult>, stage: string, window: string): MetricSeries {
  const { spec, stat } = chart;
  const base = { metric: spec.name, stat, unit: spec.unit };
  const why = spec.whyEmpty !== undefined ? ` ${spec.whyEmpty}` : '';
  if (chart.id === undefined) {
    return {
      ...base,
      timestamps: [],
      values: [],
      note: `CloudWatch holds no ${spec.name} metric for stage ${stage} (none in the past two weeks).${why}`,
    };
  }
  const result = results.get(chart.id) ?? { timestamps: [], values: [] };
  const series: MetricSeries = { ...base, timestamps: result.timestamps, values: result.values };
  if (result.problem !== undefined) series.note = `${spec.name} ${stat}: ${result.problem}.`;
  else if (result.values.length === 0) series.note = `No ${spec.name} datapoints in the last ${window}.${why}`;
  return series;
}

const total = (results: Map<string, QueryResult>, id: string | undefined): number =>
  id === undefined ? 0 : (results.get(id)?.values ?? []).reduce((a, b) => a + b, 0);

function routeRows(plans: readonly RoutePlan[], results: Map<string, QueryResult>): RouteMetrics[] | undefined {
  if (plans.length === 0) return undefined;
  return plans
    .map((plan): RouteMetrics => {
      const requests = total(results, plan.requests);
      const rate = (id: string | undefined): number => (requests > 0 ? total(results, id) / requests : 0);
      const p99 = plan.latency === undefined ? [] : (results.get(plan.latency)?.values ?? []);
      return {
        route: plan.route,
        requests,
        clientErrorRate: rate(plan.clientErrors),
        serverErrorRate: rate(plan.serverErrors),
        ...(p99.length > 0 ? { p99LatencyMs: Math.max(...p99) } : {}),
      };
    })
    .sort((a, b) => b.requests - a.requests || a.route.localeCompare(b.route));
}
