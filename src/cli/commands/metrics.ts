import { parseArgs } from 'node:util';
import { awsOptionSpecs, awsOptionsUsage, resolvePlace } from '../aws/awsOptions';
import { loadAws, type AwsModule } from '../aws/loadAws';
import { formatMetricsText } from '../aws/metricsText';
import { findApi, reportProblem, withClients } from '../aws/session';
import { ExitCode, UsageError, type CliIo } from '../io';

export const metricsUsage = `usage: apigw metrics API_ID --stage S [--since 3h] [--period 60] [--format text|json] [AWS options]

Prints a stage's CloudWatch metrics over a window ending now: REST Count, 4XXError, 5XXError, Latency and
IntegrationLatency (average, p50, p90, p99), CacheHitCount, CacheMissCount; HTTP Count, 4xx, 5xx, Latency,
IntegrationLatency, DataProcessed; WebSocket ConnectCount, MessageCount, ClientError, ExecutionError,
IntegrationError, IntegrationLatency; and per route (requests, error rates, p99 latency) when the stage sends
detailed metrics. The metrics' dimensions are found with ListMetrics, the datapoints read with GetMetricData.
  --stage S              the stage (required)
  --since DURATION       the window: 30m, 3h, 1d, 1w, … up to 455d (default: 3h)
  --period SECONDS       seconds a datapoint covers: a multiple of 60 (default: 60 up to 3 h, 300 up to 1 d, then
                         3600; CloudWatch keeps 1-minute data 15 days, 5-minute data 63 days)
  --format text|json     text: a line a series and the route table; json: the report
                         ({"title", "apiType", "start", "end", "periodSeconds", "series", "routes"?, "notes"})
${awsOptionsUsage}
Exit status: 0 printed (a metric with no datapoints is shown empty with the reason), 1 AWS refused or failed,
2 usage error.`;

export async function runMetrics(argv: string[], io: CliIo, aws?: AwsModule): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ...awsOptionSpecs,
      stage: { type: 'string' },
      since: { type: 'string', default: '3h' },
      period: { type: 'string' },
      format: { type: 'string', default: 'text' },
    },
  });
  if (positionals.length !== 1) throw new UsageError('give exactly one API_ID');
  const apiId = positionals[0]!;
  if (values.stage === undefined || values.stage.trim() === '') throw new UsageError('--stage is required');
  if (values.format !== 'text' && values.format !== 'json')
    throw new UsageError(`--format must be text or json, not '${values.format}'`);
  const module = aws ?? (await loadAws());
  const since = module.parseDuration(values.since);
  if ('error' in since) throw new UsageError(`--since: ${since.error}`);
  let periodSeconds: number | undefined;
  if (values.period !== undefined) {
    periodSeconds = /^\d+$/.test(values.period.trim()) ? Number(values.period) : Number.NaN;
    if (Number.isNaN(periodSeconds))
      throw new UsageError(`--period must be a number of seconds such as 60 or 300, not '${values.period}'`);
    const problem = module.periodProblem(periodSeconds, since.ms);
    if (problem !== undefined) throw new UsageError(`--period: ${problem}`);
  }
  const place = await resolvePlace(values, module);
  const stage = values.stage;
  let report;
  try {
    report = await withClients(module, place, io, async (clients) => {
      const api = await findApi(module, clients, apiId);
      return await module.getStageMetrics(clients, {
        api,
        stage,
        windowMs: since.ms,
        ...(periodSeconds !== undefined ? { periodSeconds } : {}),
      });
    });
  } catch (error) {
    return reportProblem(io, 'metrics', module.describeProblem(error, { region: place.region }));
  }
  io.out(values.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatMetricsText(report));
  return ExitCode.ok;
}
