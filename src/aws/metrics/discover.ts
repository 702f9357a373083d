// Which metrics a stage has, with the dimension sets CloudWatch actually holds: ListMetrics (paged by NextToken)
// filtered on the stage's key dimensions, never guessed. REST stages are keyed by the API's name (ApiName), HTTP and
// WebSocket stages by ApiId; per-route metrics carry more dimensions (Method and Resource, or Route). ListMetrics
// lists metrics that received data in the past two weeks.
import { ListMetricsCommand, type Dimension, type ListMetricsCommandOutput } from '@aws-sdk/client-cloudwatch';
import { collect, paginate } from '../paginate';
import type { AwsApiKind, AwsClients } from '../types';
import { METRICS_NAMESPACE } from './catalogue';

/** One metric of the stage as CloudWatch holds it. */
export interface FoundMetric {
  name: string;
  dimensions: Dimension[];
  /** Undefined for the stage-wide metric; 'GET /pets' (Method and Resource) or the route key for a per-route one. */
  route?: string;
}

/** The stage's key dimensions: what every metric of the stage carries. */
export function stageDimensions(kind: AwsApiKind, api: { id: string; name: string }, stage: string): Dimension[] {
  return kind === 'REST'
    ? [
        { Name: 'ApiName', Value: restMetricsName(api.name) },
        { Name: 'Stage', Value: stage },
      ]
    : [
        { Name: 'ApiId', Value: api.id },
        { Name: 'Stage', Value: stage },
      ];
}

/** API Gateway removes non-ASCII characters from the ApiName dimension before sending metrics. */
export function restMetricsName(name: string): string {
  // eslint-disable-next-line no-control-regex -- the ASCII range is what is kept.
  return name.replace(/[^\x00-\x7F]/g, '');
}

/** The route a metric's extra dimensions name, or undefined for a stage-wide metric. */
function routeOf(dimensions: readonly Dimension[], keys: readonly Dimension[]): string | undefined {
  const extra = new Map(
    dimensions.filter((d) => !keys.some((k) => k.Name === d.Name)).map((d) => [d.Name ?? '', d.Value ?? '']),
  );
  if (extra.size === 0) return undefined;
  const route = extra.get('Route');
  if (route !== undefined) return route;
  const method = extra.get('Method');
  const resource = extra.get('Resource');
  if (method !== undefined && resource !== undefined) return `${method} ${resource}`;
  return [...extra.entries()].map(([k, v]) => `${k}=${v}`).join(' ');
}

/** Every metric of the stage (stage-wide and per-route), as ListMetrics gives them. */
export async function findStageMetrics(clients: AwsClients, keys: Dimension[]): Promise<FoundMetric[]> {
  const metrics = await collect(
    paginate(
      (token) =>
        clients.cloudwatch.send(
          new ListMetricsCommand({
            Namespace: METRICS_NAMESPACE,
            Dimensions: keys,
            ...(token !== undefined ? { NextToken: token } : {}),
          }),
        ),
      (page: ListMetricsCommandOutput) => page.Metrics,
      (page) => page.NextToken,
    ),
  );
  const found: FoundMetric[] = [];
  for (const m of metrics) {
    const dimensions = m.Dimensions ?? [];
    // A filter matches metrics that have more dimensions too; keep only those of this stage's keys.
    if (!keys.every((k) => dimensions.some((d) => d.Name === k.Name && d.Value === k.Value))) continue;
    const route = routeOf(dimensions, keys);
    found.push({ name: m.MetricName ?? '', dimensions, ...(route !== undefined ? { route } : {}) });
  }
  return found;
}
