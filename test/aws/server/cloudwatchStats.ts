// CloudWatch's statistics over the raw samples of one period, as GetMetricData computes them: SampleCount, Sum,
// Average, Minimum, Maximum and percentiles pNN(.N) (nearest rank over the period's samples).

const PERCENTILE = /^p(\d{1,2}(\.\d{1,2})?|100)$/;

/** Whether CloudWatch knows `stat` (the double models the statistics above, not the trimmed ones such as TM99). */
export function isKnownStat(stat: string): boolean {
  return ['SampleCount', 'Sum', 'Average', 'Minimum', 'Maximum'].includes(stat) || PERCENTILE.test(stat);
}

/** The statistic of a non-empty list of values. */
export function statOf(stat: string, values: readonly number[]): number {
  switch (stat) {
    case 'SampleCount':
      return values.length;
    case 'Sum':
      return values.reduce((a, b) => a + b, 0);
    case 'Average':
      return values.reduce((a, b) => a + b, 0) / values.length;
    case 'Minimum':
      return Math.min(...values);
    case 'Maximum':
      return Math.max(...values);
    default: {
      const p = Number(stat.slice(1));
      const sorted = [...values].sort((a, b) => a - b);
      const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
      return sorted[rank - 1]!;
    }
  }
}
