// What the chart page tells the extension it drew, after every render: kept by the panel for the integration tests
// (the webview's DOM is out of their reach) and for the log. Types and their check only.

/** One chart of the page: a metric, the lines drawn (statistic and points), or why it is empty. */
export interface ChartRender {
  metric: string;
  unit?: string;
  /** False when the chart shows its note instead of a plot. */
  drawn: boolean;
  series: { stat: string; points: number }[];
  note?: string;
}

export interface MetricsRender {
  title: string;
  windowMs: number;
  periodSeconds: number;
  charts: ChartRender[];
  /** Rows of the per-route table; undefined when the page shows no table. */
  routes?: number;
  notes: string[];
  /** Set when the page shows a load failure instead of charts. */
  error?: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The page's message as a render report, or undefined when it is not one (a page must not be trusted blindly). */
export function asMetricsRender(value: unknown): MetricsRender | undefined {
  if (!isObject(value)) return undefined;
  const { title, windowMs, periodSeconds, charts, notes } = value;
  if (typeof title !== 'string' || typeof windowMs !== 'number' || typeof periodSeconds !== 'number') return undefined;
  if (!Array.isArray(charts) || !Array.isArray(notes)) return undefined;
  const ok = charts.every(
    (c) => isObject(c) && typeof c.metric === 'string' && typeof c.drawn === 'boolean' && Array.isArray(c.series),
  );
  return ok ? (value as unknown as MetricsRender) : undefined;
}
