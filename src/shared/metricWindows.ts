const HOUR = 3_600_000;

/**
 * The windows the metrics dashboard offers, with the period each charts by default (see aws/metrics/window.ts).
 * Here, not there, because the dashboard's page is extension code, which bundles nothing of src/aws.
 */
export const metricWindows = [
  { label: '1 h', ms: HOUR, periodSeconds: 60 },
  { label: '3 h', ms: 3 * HOUR, periodSeconds: 60 },
  { label: '12 h', ms: 12 * HOUR, periodSeconds: 300 },
  { label: '1 d', ms: 24 * HOUR, periodSeconds: 300 },
  { label: '1 w', ms: 7 * 24 * HOUR, periodSeconds: 3600 },
] as const;

/** The window the dashboard opens on (3 h), as `apigw metrics` looks back 3h unless told otherwise. */
export const defaultMetricWindowMs = 3 * HOUR;
