// The monthly cost of one API from its usage and a price table: tiered request (or message) prices across the
// month, HTTP requests metered per 512 KB and WebSocket messages per 32 KB, connection minutes, and the REST
// stage cache at 730 hours a month. Expected bad input (a negative count, a cache size API Gateway does not
// offer, messages for a REST API) gives `ok: false` with a message that says what to give instead.
import { formatCount, formatPerMillion, formatUsd, times, toUsd } from './money';
import {
  CACHE_SIZES_GB,
  HOURS_PER_MONTH,
  HTTP_METERING_KB,
  MAX_PAYLOAD_KB,
  WEBSOCKET_MAX_MESSAGE_KB,
  WEBSOCKET_METERING_KB,
  type CostApiType,
  type PriceSource,
  type PriceTable,
  type PriceTier,
} from './priceTable';

/** What an API does in a month. Counts are whole numbers; sizes may have decimals. */
export interface CostUsage {
  type: CostApiType;
  /** REST and HTTP: requests a month. */
  requests?: number;
  /** The average request (HTTP) or message (WebSocket) size in KB; HTTP requests and messages are metered by it. */
  payloadKb?: number;
  /** WebSocket: messages sent and received a month. */
  messages?: number;
  /** WebSocket: connection minutes a month. */
  connectionMinutes?: number;
  /** REST: the stage cache size in GB, as API Gateway names it ('0.5' … '237'). */
  cacheGb?: string;
}

/** One line of an estimate: what is billed, how many units, and their price. */
export interface CostLine {
  item: string;
  quantity: number;
  usd: number;
}

export interface CostEstimate {
  type: CostApiType;
  region: string;
  monthlyUsd: number;
  lines: CostLine[];
  prices: PriceSource;
  /** Metering, prices borrowed from another region, what is not counted. */
  notes: string[];
}

export type EstimateResult = { ok: true; estimate: CostEstimate } | { ok: false; error: string };

const typeNames: Record<CostApiType, string> = { REST: 'REST API', HTTP: 'HTTP API', WEBSOCKET: 'WebSocket API' };
const withArticle: Record<CostApiType, string> = {
  REST: 'a REST API',
  HTTP: 'an HTTP API',
  WEBSOCKET: 'a WebSocket API',
};

/** The estimate of `usage` at the prices of `table`. */
export function estimateCost(usage: CostUsage, table: PriceTable): EstimateResult {
  const error = checkUsage(usage);
  if (error !== undefined) return { ok: false, error };
  const parts: Array<{ item: string; quantity: number; amount: bigint }> = [];
  const notes: string[] = [...table.notes];
  const name = typeNames[usage.type];
  if (usage.type === 'WEBSOCKET') {
    const messages = meter(usage.messages ?? 0, usage.payloadKb, WEBSOCKET_METERING_KB, 'Messages', 'message');
    if (typeof messages === 'string') return { ok: false, error: messages };
    if (messages.note !== undefined) notes.push(messages.note);
    parts.push(...tiered(`${name} messages`, messages.billed, table.messages));
    parts.push(...tiered('Connection minutes', usage.connectionMinutes ?? 0, table.connectionMinutes));
  } else {
    const increment = usage.type === 'HTTP' ? HTTP_METERING_KB : Number.POSITIVE_INFINITY;
    const requests = meter(usage.requests ?? 0, usage.payloadKb, increment, 'HTTP API requests', 'request');
    if (typeof requests === 'string') return { ok: false, error: requests };
    if (requests.note !== undefined) notes.push(requests.note);
    parts.push(...tiered(`${name} requests`, requests.billed, usage.type === 'HTTP' ? table.http : table.rest));
  }
  if (usage.cacheGb !== undefined) {
    const hourly = table.cacheUsdPerHour.get(usage.cacheGb);
    if (hourly === undefined)
      return { ok: false, error: `The prices for ${table.region} have no ${usage.cacheGb} GB cache.` };
    parts.push({
      item: `Cache ${usage.cacheGb} GB at ${formatUsd(Number(hourly))} an hour, ${HOURS_PER_MONTH} hours`,
      quantity: HOURS_PER_MONTH,
      amount: times(HOURS_PER_MONTH, hourly),
    });
  }
  notes.push('Not counted: the free tier of new accounts, data transfer out, and what the integrations cost.');
  const total = parts.reduce((sum, p) => sum + p.amount, 0n);
  return {
    ok: true,
    estimate: {
      type: usage.type,
      region: table.region,
      monthlyUsd: toUsd(total),
      lines: parts.map((p) => ({ item: p.item, quantity: p.quantity, usd: toUsd(p.amount) })),
      prices: { date: table.date, source: table.source },
      notes,
    },
  };
}

/**
 * `count` requests or messages of `payloadKb` as billed: each counts one unit per `incrementKb` started, said in a
 * note when that is more than one; a string when the billed count is too large to count exactly.
 */
function meter(
  count: number,
  payloadKb: number | undefined,
  incrementKb: number,
  what: string,
  one: string,
): { billed: number; note?: string } | string {
  const increments = meteredIncrements(payloadKb, incrementKb);
  const billed = count * increments;
  if (!Number.isSafeInteger(billed))
    return `${formatCount(count)} ${one}s of ${payloadKb} KB are ${count} × ${increments} billed ${one}s, too many to count exactly.`;
  if (increments === 1) return { billed };
  return {
    billed,
    note: `${what} are metered in ${incrementKb} KB increments: each ${payloadKb} KB ${one} counts as ${increments}, so ${formatCount(count)} ${one}s are billed as ${formatCount(billed)}.`,
  };
}

/** How many metered units one request or message of `payloadKb` counts as (at least 1). */
export function meteredIncrements(payloadKb: number | undefined, incrementKb: number): number {
  if (payloadKb === undefined || payloadKb <= incrementKb) return 1;
  return Math.ceil(payloadKb / incrementKb);
}

/**
 * `quantity` units spread over the tiers, one part a tier used (the first tier's line stays, with 0, when
 * nothing is used, so an estimate always names the price).
 */
export function tiered(
  what: string,
  quantity: number,
  tiers: readonly PriceTier[],
): Array<{ item: string; quantity: number; amount: bigint }> {
  const parts: Array<{ item: string; quantity: number; amount: bigint }> = [];
  for (const [index, tier] of tiers.entries()) {
    const end = tier.to ?? Number.POSITIVE_INFINITY;
    const inTier = Math.max(0, Math.min(quantity, end) - tier.from);
    if (inTier === 0 && !(index === 0 && quantity === 0)) continue;
    parts.push({
      item: `${what} ${tierName(tier, tiers.length)} at ${formatPerMillion(tier.usdPerUnit)} per million`,
      quantity: inTier,
      amount: times(inTier, tier.usdPerUnit),
    });
  }
  return parts;
}

function tierName(tier: PriceTier, count: number): string {
  if (count === 1) return '(all)';
  if (tier.to === undefined) return `(over ${formatCount(tier.from)})`;
  if (tier.from === 0) return `(first ${formatCount(tier.to)})`;
  return `(${formatCount(tier.from)} to ${formatCount(tier.to)})`;
}

function wholeCount(value: number | undefined, what: string): string | undefined {
  if (value === undefined) return undefined;
  if (!Number.isFinite(value) || value < 0 || !Number.isInteger(value))
    return `${what} must be a whole number of 0 or more, not ${value}.`;
  if (!Number.isSafeInteger(value))
    return `${what} (${value}) is too large to count exactly; give at most ${Number.MAX_SAFE_INTEGER}.`;
  return undefined;
}

function checkUsage(usage: CostUsage): string | undefined {
  const name = typeNames[usage.type];
  if (!(usage.type in typeNames)) return `The API type must be REST, HTTP or WEBSOCKET, not '${String(usage.type)}'.`;
  if (usage.type === 'WEBSOCKET') {
    if (usage.requests !== undefined)
      return 'WebSocket APIs are billed per message and connection minute, not per request: give the messages and connection minutes instead of requests.';
  } else {
    if (usage.messages !== undefined || usage.connectionMinutes !== undefined)
      return `Messages and connection minutes are prices of WebSocket APIs; ${withArticle[usage.type]} is billed per request.`;
    if (usage.requests === undefined) return `Give the requests a month of the ${name}.`;
  }
  if (usage.cacheGb !== undefined) {
    if (usage.type !== 'REST') return `Only REST APIs have a stage cache; ${withArticle[usage.type]} has none.`;
    if (!(CACHE_SIZES_GB as readonly string[]).includes(usage.cacheGb))
      return `API Gateway has no ${usage.cacheGb} GB cache: the sizes are ${CACHE_SIZES_GB.join(', ')} GB.`;
  }
  const counts =
    wholeCount(usage.requests, 'The requests a month') ??
    wholeCount(usage.messages, 'The messages a month') ??
    wholeCount(usage.connectionMinutes, 'The connection minutes a month');
  if (counts !== undefined) return counts;
  const payload = usage.payloadKb;
  if (payload !== undefined) {
    if (!Number.isFinite(payload) || payload < 0)
      return `The payload size must be a number of KB, 0 or more, not ${payload}.`;
    const max = usage.type === 'WEBSOCKET' ? WEBSOCKET_MAX_MESSAGE_KB : MAX_PAYLOAD_KB;
    if (payload > max)
      return usage.type === 'WEBSOCKET'
        ? `A WebSocket message is at most ${WEBSOCKET_MAX_MESSAGE_KB} KB; ${payload} KB is more than API Gateway accepts.`
        : `${withArticle[usage.type].replace(/^a/, 'A')} payload is at most 10 MB (${MAX_PAYLOAD_KB} KB); ${payload} KB is more than API Gateway accepts.`;
  }
  return undefined;
}
