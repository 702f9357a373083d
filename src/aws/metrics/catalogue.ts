// The CloudWatch metrics API Gateway sends, per API type, as the stage dashboard charts them: names, units and the
// statistics asked for (API Gateway developer guide: "Amazon API Gateway dimensions and metrics" for REST, "Monitor
// CloudWatch metrics for HTTP APIs", "Monitor WebSocket API execution with CloudWatch metrics"). All live in the
// AWS/ApiGateway namespace; REST metrics are keyed by ApiName (+ Stage, + Method and Resource with detailed metrics),
// HTTP and WebSocket metrics by ApiId (+ Stage, + Route with detailed metrics).
import type { AwsApiKind } from '../types';

export const METRICS_NAMESPACE = 'AWS/ApiGateway';

/** One metric of the dashboard. */
export interface MetricSpec {
  name: string;
  unit: 'Count' | 'Milliseconds' | 'Bytes';
  /** Counts are summed per period (as the console and CDK's canned metrics do); latencies get the average and tails. */
  stats: readonly string[];
  /** Said when the metric has no datapoints in the window. */
  whyEmpty?: string;
}

const latencyStats = ['Average', 'p50', 'p90', 'p99'] as const;

const count = (name: string, whyEmpty?: string): MetricSpec => ({
  name,
  unit: 'Count',
  stats: ['Sum'],
  ...(whyEmpty !== undefined ? { whyEmpty } : {}),
});

const latency = (name: string, whyEmpty?: string): MetricSpec => ({
  name,
  unit: 'Milliseconds',
  stats: latencyStats,
  ...(whyEmpty !== undefined ? { whyEmpty } : {}),
});

const integrationLatencyNote = 'API Gateway sends IntegrationLatency only for requests that reached an integration.';

const catalogue: Record<AwsApiKind, readonly MetricSpec[]> = {
  REST: [
    count('Count'),
    count('4XXError'),
    count('5XXError'),
    latency('Latency'),
    latency('IntegrationLatency', integrationLatencyNote),
    count('CacheHitCount', 'API Gateway sends cache metrics only when the stage has an API cache enabled.'),
    count('CacheMissCount', 'API Gateway sends cache metrics only when the stage has an API cache enabled.'),
  ],
  HTTP: [
    count('Count'),
    count('4xx'),
    count('5xx'),
    latency('Latency'),
    latency('IntegrationLatency', integrationLatencyNote),
    { name: 'DataProcessed', unit: 'Bytes', stats: ['Sum'] },
  ],
  WEBSOCKET: [
    count('ConnectCount'),
    count('MessageCount'),
    count('ClientError'),
    count('ExecutionError'),
    count('IntegrationError'),
    latency('IntegrationLatency', 'API Gateway does not send IntegrationLatency for callbacks and mock integrations.'),
  ],
};

/** The metrics of an API type, in the order the dashboard shows them. */
export function metricsOf(kind: AwsApiKind): readonly MetricSpec[] {
  return catalogue[kind];
}

/** The names of the metrics the per-route table reads: requests, client and server errors, latency. */
export function routeMetricNames(kind: AwsApiKind): {
  requests: string;
  clientErrors: string;
  serverErrors: string;
  latency: string;
} {
  switch (kind) {
    case 'REST':
      return { requests: 'Count', clientErrors: '4XXError', serverErrors: '5XXError', latency: 'Latency' };
    case 'HTTP':
      return { requests: 'Count', clientErrors: '4xx', serverErrors: '5xx', latency: 'Latency' };
    case 'WEBSOCKET':
      return {
        requests: 'MessageCount',
        clientErrors: 'ClientError',
        serverErrors: 'IntegrationError',
        latency: 'IntegrationLatency',
      };
  }
}

/** How per-route metrics are turned on, for the note shown when there are none. */
export function detailedMetricsHint(kind: AwsApiKind, stage: string): string {
  if (kind === 'REST') {
    return (
      `No per-route figures: stage ${stage} does not send detailed CloudWatch metrics (Method and Resource ` +
      'dimensions). Turn them on in the stage\'s logging settings ("Detailed CloudWatch metrics"; UpdateStage ' +
      'replace /*/*/metrics/enabled true). CloudWatch charges for the extra metrics.'
    );
  }
  return (
    `No per-route figures: stage ${stage} does not send detailed metrics (the Route dimension). Turn them on with ` +
    "the stage's DefaultRouteSettings.DetailedMetricsEnabled (UpdateStage). CloudWatch charges for the extra metrics."
  );
}
