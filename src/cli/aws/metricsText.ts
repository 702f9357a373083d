// `apigw metrics --format text`: the report as a person reads it in a terminal: one line a series (points, total or
// range, a sparkline of the periods), the notes that say why a chart is empty, and the per-route table.
import type { MetricSeries, MetricsReport } from '../../shared/metrics';

const bars = '▁▂▃▄▅▆▇█';

/** The series' values as a line of bars, scaled from 0 to its maximum; at most `width` characters (the latest). */
export function sparkline(values: readonly number[], width = 30): string {
  const shown = values.slice(-width);
  const max = Math.max(0, ...shown);
  return shown.map((v) => bars[max === 0 ? 0 : Math.min(7, Math.floor((v / max) * 7.999))]).join('');
}

function number(value: number, unit: string | undefined): string {
  const rounded = Number.isInteger(value) ? String(value) : value.toFixed(value < 10 ? 2 : 1);
  if (unit === 'Milliseconds') return `${rounded} ms`;
  if (unit === 'Bytes') return value >= 1_048_576 ? `${(value / 1_048_576).toFixed(1)} MiB` : `${rounded} B`;
  return rounded;
}

/** 'total 42, peak 9 per period' for sums; 'min 12 ms, max 310 ms' for the other statistics. */
function summary(s: MetricSeries): string {
  if (s.values.length === 0) return '—';
  if (s.stat === 'Sum' || s.stat === 'SampleCount') {
    const total = s.values.reduce((a, b) => a + b, 0);
    return `total ${number(total, s.unit)}, peak ${number(Math.max(...s.values), s.unit)}`;
  }
  return `min ${number(Math.min(...s.values), s.unit)}, max ${number(Math.max(...s.values), s.unit)}`;
}

const time = (ms: number): string =>
  new Date(ms)
    .toISOString()
    .replace('T', ' ')
    .replace(/:\d\d\.\d{3}Z$/, ' UTC');

const pad = (text: string, width: number): string => text + ' '.repeat(Math.max(0, width - [...text].length));

const percent = (rate: number): string => `${(rate * 100).toFixed(1)} %`;

export function formatMetricsText(report: MetricsReport): string {
  const lines = [`${report.title}: ${time(report.start)} → ${time(report.end)}, ${report.periodSeconds} s periods`, ''];
  const rows = report.series.map((s) => [
    `${s.metric} ${s.stat}`,
    `${s.values.length}`,
    summary(s),
    sparkline(s.values),
  ]);
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => [...r[i]!].length), [6, 6, 7][i]!));
  lines.push(`${pad('Metric', widths[0]!)}  ${pad('Points', widths[1]!)}  ${pad('Summary', widths[2]!)}  Periods`);
  for (const r of rows)
    lines.push(`${pad(r[0]!, widths[0]!)}  ${pad(r[1]!, widths[1]!)}  ${pad(r[2]!, widths[2]!)}  ${r[3]}`.trimEnd());
  const empty = report.series.filter((s) => s.note !== undefined);
  if (empty.length > 0 || report.notes.length > 0) {
    lines.push('', 'Notes:');
    for (const note of report.notes) lines.push(`  ${note}`);
    // One line per metric: its statistics share the reason (which names the metric).
    const said = new Set<string>();
    for (const s of empty) {
      if (said.has(s.note!)) continue;
      said.add(s.note!);
      lines.push(`  ${s.note}`);
    }
  }
  if (report.routes !== undefined) {
    lines.push('', 'Routes:');
    const width = Math.max(5, ...report.routes.map((r) => [...r.route].length));
    lines.push(`  ${pad('Route', width)}  Requests  Client errors  Server errors  p99 latency`);
    for (const r of report.routes) {
      lines.push(
        `  ${pad(r.route, width)}  ${pad(String(r.requests), 8)}  ${pad(percent(r.clientErrorRate), 13)}  ${pad(percent(r.serverErrorRate), 13)}  ${r.p99LatencyMs !== undefined ? number(r.p99LatencyMs, 'Milliseconds') : '—'}`.trimEnd(),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
