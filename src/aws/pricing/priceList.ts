// API Gateway's prices from AWS Price List items (GetProducts' PriceList: one JSON document a product, as a
// string). Pure. A product is recognised by its usage type ('USE1-ApiGatewayRequest', …) or, for the stage cache,
// by its family ('Amazon API Gateway Cache') and cacheMemorySizeGb; its tiers are the OnDemand price dimensions,
// from beginRange to endRange ('Inf': no end). What the list lacks is taken from the built-in table, with a note.
import { builtInPrices, CACHE_SIZES_GB, type PriceTable, type PriceTier } from '../../model/cost/priceTable';

export const PRICE_LIST_SOURCE = 'AWS Price List API (GetProducts, service code AmazonApiGateway)';

type TierKey = 'rest' | 'http' | 'messages' | 'connectionMinutes';

const USAGE_TYPES: ReadonlyArray<[suffix: string, key: TierKey, what: string]> = [
  ['ApiGatewayHttpRequest', 'http', 'HTTP API request'],
  ['ApiGatewayRequest', 'rest', 'REST API request'],
  ['ApiGatewayMessage', 'messages', 'WebSocket message'],
  ['ApiGatewayMinute', 'connectionMinutes', 'WebSocket connection minute'],
];

export type PriceListResult = { ok: true; table: PriceTable } | { ok: false; error: string };

interface Dimension {
  beginRange?: unknown;
  endRange?: unknown;
  unit?: unknown;
  pricePerUnit?: { USD?: unknown };
}

interface Product {
  product?: { productFamily?: unknown; attributes?: Record<string, unknown> };
  terms?: { OnDemand?: Record<string, { priceDimensions?: Record<string, Dimension> }> };
  publicationDate?: unknown;
}

const DECIMAL = /^\d+(\.\d+)?$/;

/** The prices of `region` in `items`; `ok: false` when none of API Gateway's prices are there. */
export function parsePriceList(items: readonly string[], region: string): PriceListResult {
  const tiers = new Map<TierKey, PriceTier[]>();
  const cache = new Map<string, string>();
  let date: string | undefined;
  let unreadable = 0;
  for (const text of items) {
    const product = parseProduct(text);
    if (product === undefined) {
      unreadable++;
      continue;
    }
    const attributes = product.product?.attributes ?? {};
    const regionCode = attributes['regionCode'];
    if (typeof regionCode === 'string' && regionCode !== region) continue;
    const dimensions = dimensionsOf(product);
    if (dimensions.length === 0) continue;
    const usageType = typeof attributes['usagetype'] === 'string' ? attributes['usagetype'] : '';
    const found = USAGE_TYPES.find(([suffix]) => usageType === suffix || usageType.endsWith(`-${suffix}`));
    let used = false;
    if (found !== undefined && !tiers.has(found[1])) {
      const list = tiersOf(dimensions);
      if (list !== undefined) {
        tiers.set(found[1], list);
        used = true;
      }
    } else if (product.product?.productFamily === 'Amazon API Gateway Cache') {
      const size = cacheSize(attributes['cacheMemorySizeGb']);
      const price = dimensions[0]?.pricePerUnit?.USD;
      if (size !== undefined && typeof price === 'string' && DECIMAL.test(price)) {
        cache.set(size, price);
        used = true;
      }
    }
    const published = typeof product.publicationDate === 'string' ? product.publicationDate.slice(0, 10) : undefined;
    if (
      used &&
      published !== undefined &&
      /^\d{4}-\d{2}-\d{2}$/.test(published) &&
      (date === undefined || published > date)
    )
      date = published;
  }
  if (tiers.size === 0 && cache.size === 0) {
    const why = unreadable > 0 ? ` (${unreadable} of its ${items.length} items could not be read)` : '';
    return { ok: false, error: `The AWS Price List has no API Gateway prices for ${region}${why}.` };
  }
  const notes: string[] = [];
  const borrowed = USAGE_TYPES.filter(([, key]) => !tiers.has(key)).map(([, , what]) => `${what}s`);
  const missingSizes = CACHE_SIZES_GB.filter((size) => !cache.has(size));
  if (missingSizes.length > 0) borrowed.push(`caches of ${missingSizes.join(', ')} GB`);
  if (borrowed.length > 0)
    notes.push(
      `The AWS Price List gave no ${region} prices for ${borrowed.join(', ')}: the built-in US East (N. Virginia) prices of ${builtInPrices.date} are used for them.`,
    );
  for (const size of missingSizes) cache.set(size, builtInPrices.cacheUsdPerHour.get(size) ?? '0');
  return {
    ok: true,
    table: {
      region,
      date: date ?? new Date().toISOString().slice(0, 10),
      source: PRICE_LIST_SOURCE,
      rest: tiers.get('rest') ?? builtInPrices.rest,
      http: tiers.get('http') ?? builtInPrices.http,
      messages: tiers.get('messages') ?? builtInPrices.messages,
      connectionMinutes: tiers.get('connectionMinutes') ?? builtInPrices.connectionMinutes,
      cacheUsdPerHour: cache,
      notes,
    },
  };
}

function parseProduct(text: string): Product | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function dimensionsOf(product: Product): Dimension[] {
  const onDemand = product.terms?.OnDemand;
  if (typeof onDemand !== 'object' || onDemand === null) return [];
  return Object.values(onDemand).flatMap((term) =>
    typeof term?.priceDimensions === 'object' && term.priceDimensions !== null
      ? Object.values(term.priceDimensions)
      : [],
  );
}

/** The tiers of the dimensions, sorted; undefined when a range or a price cannot be read, or they leave gaps. */
function tiersOf(dimensions: readonly Dimension[]): PriceTier[] | undefined {
  const tiers: PriceTier[] = [];
  for (const d of dimensions) {
    const price = d.pricePerUnit?.USD;
    const from = Number(d.beginRange ?? '0');
    const end = d.endRange === undefined || d.endRange === 'Inf' ? undefined : Number(d.endRange);
    if (
      typeof price !== 'string' ||
      !DECIMAL.test(price) ||
      !Number.isFinite(from) ||
      (end !== undefined && !(end > from))
    )
      return undefined;
    tiers.push({ from, ...(end !== undefined ? { to: end } : {}), usdPerUnit: price });
  }
  tiers.sort((a, b) => a.from - b.from);
  if (tiers[0]?.from !== 0) return undefined;
  for (let i = 1; i < tiers.length; i++) if (tiers[i - 1]?.to !== tiers[i]?.from) return undefined;
  return tiers;
}

/** API Gateway's name of the cache size the Price List writes ('118.0' → '118', '1.55' → '1.6'). */
function cacheSize(value: unknown): string | undefined {
  const gb = typeof value === 'string' ? Number(value) : Number.NaN;
  if (!Number.isFinite(gb) || gb <= 0) return undefined;
  return CACHE_SIZES_GB.find((size) => Math.abs(Number(size) - gb) / gb < 0.05);
}
