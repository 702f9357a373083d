// What an estimate in VS Code compares, pure: the API types side by side, the estimate of each, what importing a
// definition as the other type would drop (the model's list of features only one type has, which the import
// checks of the language service use too), and a stage's measured total from its metrics report.
import { httpOnlyFeatures, restOnlyFeatures } from '../../model/apiType';
import type { GatewayApi } from '../../model';
import { estimateCost, type CostApiType, type CostEstimate, type CostUsage, type PriceTable } from '../../model/cost';
import type { MetricsReport } from '../../shared/metrics';
import type { CostReport } from './costReport';

/** The types an estimate compares: REST and HTTP side by side (its own first), a WebSocket API alone. */
export function comparedTypes(type: CostApiType): CostApiType[] {
  if (type === 'WEBSOCKET') return ['WEBSOCKET'];
  return type === 'REST' ? ['REST', 'HTTP'] : ['HTTP', 'REST'];
}

/** The estimate of each type for the same usage, or the first refusal of the usage. */
export function estimatesOf(
  types: readonly CostApiType[],
  usage: Omit<CostUsage, 'type'>,
  table: PriceTable,
): { ok: true; estimates: CostEstimate[] } | { ok: false; error: string } {
  const estimates: CostEstimate[] = [];
  const { cacheGb, ...uncached } = usage;
  for (const type of types) {
    // Only REST APIs have a stage cache: the other types are estimated without it, and say so.
    const cached = cacheGb !== undefined && type === 'REST';
    const result = estimateCost({ type, ...(cached ? usage : uncached) }, table);
    if (!result.ok) return result;
    if (cacheGb !== undefined && !cached)
      result.estimate.notes.unshift(
        `${type === 'HTTP' ? 'HTTP' : 'WebSocket'} APIs have no stage cache: the ${cacheGb} GB cache is not counted here.`,
      );
    estimates.push(result.estimate);
  }
  return { ok: true, estimates };
}

/** What importing `api` as the other of REST and HTTP would drop: the features only its own type has. */
export function importDropsOf(api: GatewayApi): CostReport['importDrops'] {
  if (api.type === 'REST') return { as: 'HTTP', features: restOnlyFeatures(api) };
  if (api.type === 'HTTP') return { as: 'REST', features: httpOnlyFeatures(api, undefined) };
  return undefined;
}

/** The stage-wide Sum of `metric` over the report's window; undefined when CloudWatch holds no such series. */
export function totalOf(report: MetricsReport, metric: string): number | undefined {
  const series = report.series.find((s) => s.metric === metric && s.stat === 'Sum' && s.route === undefined);
  if (series === undefined || series.values.length === 0) return undefined;
  return Math.round(series.values.reduce((sum, v) => sum + v, 0));
}
