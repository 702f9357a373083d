// The shape of a metrics report, shared by the stage dashboard (CloudWatch, src/aws), the mock's own counts
// (src/runtime) and the chart page: series of (time, value) points named as CloudWatch names them, and a per-route
// table. Types only.

/** One line of a chart: a metric with one statistic ('Sum', 'Average', 'p50', 'p90', 'p99', …), times in ms. */
export interface MetricSeries {
  /** CloudWatch's metric name: 'Count', '4XXError', '5xx', 'Latency', 'IntegrationLatency', 'ConnectCount', … */
  metric: string;
  stat: string;
  /** 'Count', 'Milliseconds', 'Bytes'. */
  unit?: string;
  /** Set for a per-route (per method and resource) series; absent for the whole stage. */
  route?: string;
  timestamps: number[];
  values: number[];
  /** Why the series is empty (no datapoints in the window, metric never sent, caching off, …); absent when it has points. */
  note?: string;
}

/** Requests, error rates and tail latency of one route over the window. */
export interface RouteMetrics {
  /** 'GET /pets/{petId}' (REST: method and resource; HTTP: the route key). */
  route: string;
  requests: number;
  /** Fractions of the requests, 0..1. */
  clientErrorRate: number;
  serverErrorRate: number;
  p99LatencyMs?: number;
}

export interface MetricsReport {
  /** 'Pets · prod (REST)', 'Mock: examples/pets.yaml'. */
  title: string;
  apiType: 'REST' | 'HTTP' | 'WEBSOCKET';
  start: number;
  end: number;
  periodSeconds: number;
  series: MetricSeries[];
  /** Undefined when per-route figures do not exist (REST without detailed metrics); see `notes`. */
  routes?: RouteMetrics[];
  /** Said above the charts: why a chart is empty, how to turn detailed metrics on, … */
  notes: string[];
}
