import { parseArgs } from 'node:util';
import {
  builtInPricesAfterPriceListFailure,
  builtInPricesFor,
  CACHE_SIZES_GB,
  estimateCost,
  formatEstimate,
  parseCount,
  parseQuantity,
  type CostUsage,
  type PriceTable,
} from '../../model/cost';
import { awsOptionSpecs, awsOptionsUsage, checkRegionName, resolvePlace } from '../aws/awsOptions';
import { loadAws, type AwsModule } from '../aws/loadAws';
import { withClients } from '../aws/session';
import { ExitCode, UsageError, type CliIo } from '../io';
import { parseApiType } from '../options';

export const costUsage = `usage: apigw cost --type REST|HTTP|WEBSOCKET --requests N [--payload-kb K] [--messages N]
                  [--connection-minutes N] [--cache-gb G] [--region R] [--prices table|aws] [--format text|json]

Estimates what an API costs a month on API Gateway: tiered request prices (REST, HTTP) or message and
connection-minute prices (WebSocket), HTTP requests metered per 512 KB and WebSocket messages per 32 KB, and a
REST stage cache at 730 hours a month. Not counted: the free tier, data transfer out, the integrations.
Counts are written 5000000, 5_000_000, 5e6, 5M or 2.5B (K, M, B: thousand, million, billion).
  --type T               REST, HTTP or WEBSOCKET (any case)
  --requests N           REST and HTTP: requests a month
  --payload-kb K         the average request (HTTP) or message (WebSocket) size in KB, which metering counts
  --messages N           WebSocket: messages sent and received a month
  --connection-minutes N WebSocket: connection minutes a month (default 0)
  --cache-gb G           REST: the stage cache size, one of ${CACHE_SIZES_GB.join(', ')}
  --region R             the region whose prices apply (default: AWS_REGION, AWS_DEFAULT_REGION, else us-east-1)
  --prices table|aws     table (default): the built-in, dated table (US East prices; another region is told it
                         differs); aws: the region's prices from the AWS Price List API (needs credentials;
                         falls back to the table, saying why)
  --format text|json     json: {"type", "region", "monthlyUsd", "lines": [{"item", "quantity", "usd"}],
                         "prices": {"date", "source"}, "notes"}
With --prices aws:
${awsOptionsUsage
  .split('\n')
  .filter((line) => !line.startsWith('  --region'))
  .join('\n')}
Exit status: 0 estimated, 2 usage error (a bad number, type or cache size).`;

const costOptions = {
  type: { type: 'string' },
  requests: { type: 'string' },
  'payload-kb': { type: 'string' },
  messages: { type: 'string' },
  'connection-minutes': { type: 'string' },
  'cache-gb': { type: 'string' },
  ...awsOptionSpecs,
  prices: { type: 'string' },
  format: { type: 'string' },
} as const;

type CostValues = Partial<Record<keyof typeof costOptions, string>>;

function count(values: CostValues, name: 'requests' | 'messages' | 'connection-minutes'): number | undefined {
  const text = values[name];
  if (text === undefined) return undefined;
  const parsed = parseCount(text, `--${name}`);
  if (!parsed.ok) throw new UsageError(parsed.error);
  return parsed.value;
}

function cacheSize(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const parsed = parseQuantity(text, '--cache-gb');
  const size = parsed.ok ? CACHE_SIZES_GB.find((s) => Number(s) === parsed.value) : undefined;
  if (size === undefined)
    throw new UsageError(
      `--cache-gb must be one of API Gateway's cache sizes, ${CACHE_SIZES_GB.join(', ')} (GB), not '${text}'`,
    );
  return size;
}

/**
 * `--requests -5` as `--requests=-5`: node's parseArgs takes a value that starts with '-' for an option, so a negative
 * number would be refused as a missing value instead of with the message that says counts are 0 or more.
 */
function joinNegatives(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const next = argv[i + 1];
    const name = arg.startsWith('--') ? arg.slice(2) : '';
    if (Object.hasOwn(costOptions, name) && next !== undefined && /^-[\d.]/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

/** The usage the options describe; bad values are usage errors that name the option. */
export function usageOf(values: CostValues): CostUsage {
  if (values.type === undefined) throw new UsageError('give --type REST, HTTP or WEBSOCKET');
  const type = parseApiType(values.type);
  const requests = count(values, 'requests');
  const messages = count(values, 'messages');
  const connectionMinutes = count(values, 'connection-minutes');
  if (type === 'WEBSOCKET') {
    if (requests !== undefined)
      throw new UsageError(
        'WebSocket APIs are billed per message and connection minute: give --messages (and --connection-minutes) instead of --requests',
      );
    if (messages === undefined) throw new UsageError('give --messages N, the messages a month of the WebSocket API');
  } else {
    if (messages !== undefined || connectionMinutes !== undefined)
      throw new UsageError(
        `--messages and --connection-minutes are WebSocket prices; ${type === 'HTTP' ? 'an' : 'a'} ${type} API is billed per request (--requests)`,
      );
    if (requests === undefined) throw new UsageError(`give --requests N, the requests a month of the ${type} API`);
  }
  const payload = values['payload-kb'];
  let payloadKb: number | undefined;
  if (payload !== undefined) {
    const parsed = parseQuantity(payload, '--payload-kb');
    if (!parsed.ok) throw new UsageError(parsed.error);
    payloadKb = parsed.value;
  }
  const cacheGb = cacheSize(values['cache-gb']);
  if (cacheGb !== undefined && type !== 'REST')
    throw new UsageError(`--cache-gb: only REST APIs have a stage cache, not ${type} APIs`);
  return {
    type,
    ...(requests !== undefined ? { requests } : {}),
    ...(messages !== undefined ? { messages } : {}),
    ...(connectionMinutes !== undefined ? { connectionMinutes } : {}),
    ...(payloadKb !== undefined ? { payloadKb } : {}),
    ...(cacheGb !== undefined ? { cacheGb } : {}),
  };
}

/** The region's prices from the Price List API, else the table with a note saying why. */
async function awsPrices(values: CostValues, region: string, io: CliIo, aws?: AwsModule): Promise<PriceTable> {
  const module = aws ?? (await loadAws());
  const place = await resolvePlace({ ...values, region }, module);
  try {
    return await withClients(module, place, io, (clients) => module.fetchPriceTable(clients, region));
  } catch (error) {
    const problem = module.describeProblem(error, { region, operation: 'GetProducts' });
    return builtInPricesAfterPriceListFailure(region, problem.message);
  }
}

export async function runCost(
  argv: string[],
  io: CliIo,
  aws?: AwsModule,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args: joinNegatives(argv),
    allowPositionals: true,
    options: costOptions,
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not '${format}'`);
  const prices = values.prices ?? 'table';
  if (prices !== 'table' && prices !== 'aws') throw new UsageError(`--prices must be table or aws, not '${prices}'`);
  if (prices === 'table' && (values.profile !== undefined || values['endpoint-url'] !== undefined))
    throw new UsageError('--profile and --endpoint-url are for --prices aws (the built-in table needs no AWS call)');
  const usage = usageOf(values);
  const region = values.region ?? (env['AWS_REGION'] || env['AWS_DEFAULT_REGION'] || 'us-east-1');
  checkRegionName(region);
  const table = prices === 'aws' ? await awsPrices(values, region, io, aws) : builtInPricesFor(region);
  const result = estimateCost(usage, table);
  if (!result.ok) throw new UsageError(result.error);
  if (format === 'json') io.out(`${JSON.stringify(result.estimate, null, 2)}\n`);
  else io.out(formatEstimate(result.estimate));
  return ExitCode.ok;
}
