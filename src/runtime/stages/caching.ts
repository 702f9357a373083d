import { gatewayError } from '../errors';
import { settingFor, type MethodSetting } from '../methodSettings';
import type { Stage } from './stage';
import type { RuntimeConfig } from '../config';
import { firstHeader } from '../requestContext';
import type { Exchange, MockResponse, ServedApi } from '../types';

interface Entry {
  expires: number;
  response: MockResponse;
}

/** One cache per config (a reload empties it), by cache key. */
const caches = new WeakMap<RuntimeConfig, Map<string, Entry>>();
/** Exchanges whose response is to be stored, with their key and TTL. */
const pending = new WeakMap<Exchange, { key: string; ttlMs: number }>();

/**
 * Whether the REST stage cache applies: the stage cache is on (`cacheClusterEnabled`), and the method's
 * settings enable it. As on AWS, enabling the stage cache enables GET methods; other methods need a method
 * setting of their own with `cachingEnabled`. A TTL of 0 turns caching off.
 */
function cachePolicy(ex: Exchange): { setting: MethodSetting; ttlMs: number } | undefined {
  const match = ex.match;
  if (ex.served.api.type !== 'REST' || ex.served.config.cacheClusterEnabled !== true || match === undefined)
    return undefined;
  const method = ex.request.method.toUpperCase();
  const settings = ex.served.config.methodSettings;
  const setting = settingFor(settings, method, match.resourcePath);
  const explicit = (settings ?? []).some(
    (s) => s.httpMethod.toUpperCase() === method && s.cachingEnabled !== undefined && s.resourcePath !== '/*',
  );
  if (method !== 'GET' && !explicit) return undefined;
  if (setting.cachingEnabled === false) return undefined;
  const ttl = Math.min(setting.cacheTtlInSeconds ?? 300, 3600);
  return ttl > 0 ? { setting, ttlMs: ttl * 1000 } : undefined;
}

/** Caching stages do nothing unless the REST stage cache is on. */
function stageCacheOn(served: ServedApi): boolean {
  return served.api.type === 'REST' && served.config.cacheClusterEnabled === true;
}

/** The key: method, resource, the request path, and the integration's cache key parameters' values. */
function cacheKey(ex: Exchange): string {
  const match = ex.match!;
  const parts = [ex.request.method.toUpperCase(), match.resourcePath, ex.path];
  for (const name of match.route.integration?.cacheKeyParameters ?? []) {
    const [, where, param = ''] =
      /^method\.request\.(querystring|header|path|multivaluequerystring)\.(.+)$/.exec(name) ?? [];
    const value =
      where === 'header'
        ? firstHeader(ex.request.headers, param)
        : where === 'path'
          ? match.pathParameters[param]
          : ex.query[param]?.join(',');
    parts.push(`${name}=${value ?? ''}`);
  }
  return JSON.stringify(parts);
}

/**
 * Cache lookup, after the method request: a fresh entry answers without calling the integration. A client
 * `Cache-Control: max-age=0` refetches and replaces the entry when it may (the method does not require
 * authorization for cache control, or the request is SigV4-signed); otherwise the method's
 * `unauthorizedCacheControlHeaderStrategy` applies (FAIL_WITH_403, or ignore the header).
 */
export const cacheLookupStage: Stage = {
  name: 'cache',
  appliesTo: stageCacheOn,
  run(ex) {
    const policy = cachePolicy(ex);
    if (policy === undefined) return undefined;
    let cache = caches.get(ex.served.config);
    if (cache === undefined) caches.set(ex.served.config, (cache = new Map<string, Entry>()));
    const key = cacheKey(ex);
    pending.set(ex, { key, ttlMs: policy.ttlMs });
    const control = firstHeader(ex.request.headers, 'cache-control') ?? '';
    if (/(^|,)\s*max-age\s*=\s*0\s*(,|$)/i.test(control)) {
      const mayInvalidate =
        policy.setting.requireAuthorizationForCacheControl === false ||
        /^AWS4-HMAC-SHA256 /.test(firstHeader(ex.request.headers, 'authorization') ?? '');
      if (mayInvalidate) {
        cache.delete(key);
        ex.trace.push({ stage: 'cache', detail: 'Cache-Control: max-age=0: entry invalidated, refetching', ms: 0 });
        return undefined;
      }
      if (policy.setting.unauthorizedCacheControlHeaderStrategy === 'FAIL_WITH_403') {
        ex.trace.push({ stage: 'cache', detail: 'Cache-Control: max-age=0 refused (not authorized)', ms: 0 });
        pending.delete(ex);
        return gatewayError(
          { type: 'DEFAULT_4XX', status: 403, message: 'Forbidden' },
          'Cache-Control: max-age=0 needs authorization to invalidate the cache (requireAuthorizationForCacheControl); sign the request with SigV4 or set it to false in the method settings.',
        );
      }
      ex.trace.push({
        stage: 'cache',
        detail: 'Cache-Control: max-age=0 ignored (not authorized to invalidate)',
        ms: 0,
      });
    }
    const entry = cache.get(key);
    if (entry !== undefined && entry.expires > Date.now()) {
      ex.response = {
        status: entry.response.status,
        headers: { ...entry.response.headers },
        body: entry.response.body,
      };
      pending.delete(ex);
      if (ex.tracing) {
        ex.trace.push({
          stage: 'cache',
          detail: `cache hit (${Math.ceil((entry.expires - Date.now()) / 1000)} s left)`,
          ms: 0,
        });
      }
      return undefined;
    }
    if (ex.tracing) ex.trace.push({ stage: 'cache', detail: 'cache miss', ms: 0 });
    return undefined;
  },
};

/** After the integration response: stores 2xx answers under the key the lookup computed, for the TTL. */
export const cacheStoreStage: Stage = {
  name: 'cache',
  appliesTo: stageCacheOn,
  run(ex) {
    const todo = pending.get(ex);
    const response = ex.response;
    if (todo === undefined || response === undefined || ex.error !== undefined) return undefined;
    pending.delete(ex);
    if (response.status < 200 || response.status > 299) return undefined;
    caches.get(ex.served.config)?.set(todo.key, {
      expires: Date.now() + todo.ttlMs,
      response: { status: response.status, headers: { ...response.headers }, body: response.body },
    });
    if (ex.tracing) ex.trace.push({ stage: 'cache', detail: `stored for ${todo.ttlMs / 1000} s`, ms: 0 });
    return undefined;
  },
};
