import { gatewayError } from '../errors';
import { hasOwnSetting, settingFor } from '../methodSettings';
import type { Stage } from './stage';
import type { RuntimeConfig } from '../config';

/** A token bucket: `burst` tokens at most, refilled at `rate` a second. */
interface Bucket {
  tokens: number;
  at: number;
}

/** Buckets per config (a reload starts afresh), by route key or `stage` for the stage-wide bucket. */
const buckets = new WeakMap<RuntimeConfig, Map<string, Bucket>>();

export const throttledKind = { type: 'THROTTLED', status: 429, message: 'Too Many Requests' } as const;

/** Takes a token; false when the bucket is empty. `now` in ms. */
export function takeToken(bucket: Bucket, rate: number, burst: number, now: number): boolean {
  bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * rate);
  bucket.at = now;
  if (bucket.tokens < 1) return false;
  bucket.tokens -= 1;
  return true;
}

/**
 * Throttling as API Gateway does it: a token bucket (rate a second, burst at most) for the stage, and its
 * own for a method with its own method settings; an empty bucket answers 429 `{"message":"Too Many
 * Requests"}`. Off unless the definition or the config sets a rate or a burst limit.
 */
export const throttlingStage: Stage = {
  name: 'throttling',
  appliesTo: (served) => served.config.methodSettings !== undefined,
  run(ex) {
    const settings = ex.served.config.methodSettings;
    const match = ex.match;
    if (settings === undefined || match === undefined) return undefined;
    const method = match.route.method;
    const setting = settingFor(settings, method, match.resourcePath);
    const rate = setting.throttlingRateLimit;
    const burst = setting.throttlingBurstLimit;
    if (rate === undefined && burst === undefined) return undefined;
    let perConfig = buckets.get(ex.served.config);
    if (perConfig === undefined) buckets.set(ex.served.config, (perConfig = new Map<string, Bucket>()));
    const key = hasOwnSetting(settings, method, match.resourcePath) ? match.routeKey : 'stage';
    const r = rate ?? 10_000;
    const b = burst ?? Math.max(1, Math.ceil(r));
    const now = Date.now();
    let bucket = perConfig.get(key);
    if (bucket === undefined) perConfig.set(key, (bucket = { tokens: b, at: now }));
    if (takeToken(bucket, r, b, now)) return undefined;
    const scope = key === 'stage' ? 'the stage' : match.routeKey;
    ex.trace.push({ stage: 'throttling', detail: `throttled: ${scope} allows ${r} requests/s, burst ${b}`, ms: 0 });
    return gatewayError(
      throttledKind,
      `${match.routeKey} was throttled: ${scope} allows ${r} requests a second with a burst of ${b} (method settings' throttlingRateLimit / throttlingBurstLimit).`,
    );
  },
};
