// API Gateway's prices as the cost estimate uses them: tiers per month across the account, cache by size per hour.
// Types and the built-in, dated table. Pure: `apigw cost` reads it without loading the AWS SDK.

/** The API types API Gateway bills differently. */
export type CostApiType = 'REST' | 'HTTP' | 'WEBSOCKET';

/**
 * One tier of a monthly price: units from `from` (inclusive) up to `to` (exclusive; undefined: no end) cost
 * `usdPerUnit` each. Prices are decimal strings as the AWS Price List writes them ('0.0000035000'), so the
 * maths stays exact (see estimate.ts).
 */
export interface PriceTier {
  from: number;
  to?: number;
  usdPerUnit: string;
}

/** Where prices came from and when, and what the reader should know about them. */
export interface PriceSource {
  /** The day the figures were read (YYYY-MM-DD), or the Price List's publication date. */
  date: string;
  /** 'https://aws.amazon.com/api-gateway/pricing/' or 'AWS Price List API (GetProducts, AmazonApiGateway)'. */
  source: string;
}

/** Every price the estimate needs, for one region. */
export interface PriceTable extends PriceSource {
  region: string;
  /** REST API requests. */
  rest: PriceTier[];
  /** HTTP API requests, each metered in 512 KB increments. */
  http: PriceTier[];
  /** WebSocket messages, each metered in 32 KB increments. */
  messages: PriceTier[];
  /** WebSocket connection minutes. */
  connectionMinutes: PriceTier[];
  /** REST stage cache: USD per hour by cache size in GB ('0.5', '1.6', … '237'). */
  cacheUsdPerHour: ReadonlyMap<string, string>;
  /** Said with every estimate made from this table (a region whose prices are borrowed, a fallback). */
  notes: string[];
}

/** The cache sizes API Gateway offers (CacheClusterSize), in GB, as the API writes them. */
export const CACHE_SIZES_GB = ['0.5', '1.6', '6.1', '13.5', '28.4', '58.2', '118', '237'] as const;

/** API Gateway bills a month of cache as 730 hours. */
export const HOURS_PER_MONTH = 730;

/** HTTP API requests are metered in 512 KB increments: a 513 KB request counts as two. */
export const HTTP_METERING_KB = 512;

/** WebSocket messages are metered in 32 KB increments: a 33 KB message counts as two. */
export const WEBSOCKET_METERING_KB = 32;

/** The largest WebSocket message API Gateway accepts (128 KB). */
export const WEBSOCKET_MAX_MESSAGE_KB = 128;

/** The largest REST or HTTP API payload API Gateway accepts (10 MB). */
export const MAX_PAYLOAD_KB = 10 * 1024;

export const PRICING_PAGE = 'https://aws.amazon.com/api-gateway/pricing/';

/**
 * US East (N. Virginia), from the API Gateway pricing page (PRICING_PAGE) and the same figures in the AWS Price
 * List (usage types USE1-ApiGatewayRequest, USE1-ApiGatewayHttpRequest, USE1-ApiGatewayMessage,
 * USE1-ApiGatewayMinute, product family "Amazon API Gateway Cache"), read on the date below. Not counted: the
 * free tier of new accounts, data transfer out, and what the integrations (Lambda, …) cost.
 */
export const builtInPrices: PriceTable = {
  region: 'us-east-1',
  date: '2026-12-07',
  source: PRICING_PAGE,
  rest: [
    { from: 0, to: 333_000_000, usdPerUnit: '0.0000035' },
    { from: 333_000_000, to: 1_000_000_000, usdPerUnit: '0.0000028' },
    { from: 1_000_000_000, to: 20_000_000_000, usdPerUnit: '0.00000238' },
    { from: 20_000_000_000, usdPerUnit: '0.00000151' },
  ],
  http: [
    { from: 0, to: 300_000_000, usdPerUnit: '0.000001' },
    { from: 300_000_000, usdPerUnit: '0.0000009' },
  ],
  messages: [
    { from: 0, to: 1_000_000_000, usdPerUnit: '0.000001' },
    { from: 1_000_000_000, usdPerUnit: '0.0000008' },
  ],
  connectionMinutes: [{ from: 0, usdPerUnit: '0.00000025' }],
  cacheUsdPerHour: new Map([
    ['0.5', '0.020'],
    ['1.6', '0.038'],
    ['6.1', '0.200'],
    ['13.5', '0.250'],
    ['28.4', '0.500'],
    ['58.2', '1.000'],
    ['118', '1.900'],
    ['237', '3.800'],
  ]),
  notes: [],
};

/**
 * The built-in prices for `region`. Only US East (N. Virginia) is in the table: another region gets its figures
 * with a note saying so (API Gateway's prices differ between regions; `--prices aws` reads the region's own).
 */
export function builtInPricesFor(region: string): PriceTable {
  if (region === builtInPrices.region) return builtInPrices;
  return {
    ...builtInPrices,
    region,
    notes: [
      `The built-in table has US East (N. Virginia) prices only: they are used for ${region}, whose prices differ. ` +
        'Read the region’s own prices from the AWS Price List API (apigw cost --prices aws, or with AWS credentials in VS Code).',
    ],
  };
}

/**
 * The built-in table for `region` when the AWS Price List API could not be read: its notes say so first, with
 * `problem` (a sentence: why the call failed).
 */
export function builtInPricesAfterPriceListFailure(region: string, problem: string): PriceTable {
  const table = builtInPricesFor(region);
  return {
    ...table,
    notes: [`The AWS Price List API could not be read: ${problem} The built-in table is used.`, ...table.notes],
  };
}
