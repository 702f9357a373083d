import { dictOf } from '../shared/dict';
/**
 * Stage method settings (throttling and caching) as AWS's `MethodSettings` write them: `resourcePath` `/*`
 * and `httpMethod` `*` are the stage-wide defaults, a resource path (`/pets/{id}`, or AWS's `/~1pets~1{id}`)
 * with a method overrides them. They come from the definition (SAM / CloudFormation stage `MethodSettings`,
 * `CacheClusterEnabled`, HTTP API `DefaultRouteSettings` / `RouteSettings`) and from apigw.config.json's
 * `"methodSettings"` / `"cacheClusterEnabled"`, which win.
 */
export interface MethodSetting {
  resourcePath: string;
  httpMethod: string;
  throttlingRateLimit?: number;
  throttlingBurstLimit?: number;
  cachingEnabled?: boolean;
  cacheTtlInSeconds?: number;
  requireAuthorizationForCacheControl?: boolean;
  unauthorizedCacheControlHeaderStrategy?: string;
}

/** What applies to one route: the stage-wide setting, then the resource's `*`, then the exact method. */
export function settingFor(settings: MethodSetting[] | undefined, method: string, resourcePath: string): MethodSetting {
  const merged: MethodSetting = { resourcePath, httpMethod: method };
  if (settings === undefined) return merged;
  const rank = (s: MethodSetting): number => (s.resourcePath === '/*' ? 0 : 2) + (s.httpMethod === '*' ? 0 : 1);
  const applies = settings.filter(
    (s) =>
      (s.resourcePath === '/*' || decodePath(s.resourcePath) === resourcePath) &&
      (s.httpMethod === '*' || s.httpMethod.toUpperCase() === method.toUpperCase()),
  );
  for (const s of applies.sort((a, b) => rank(a) - rank(b))) Object.assign(merged, definedOnly(s));
  merged.resourcePath = resourcePath;
  merged.httpMethod = method;
  return merged;
}

/** Whether any setting is more specific than the stage's (own throttle bucket). */
export function hasOwnSetting(settings: MethodSetting[] | undefined, method: string, resourcePath: string): boolean {
  return (settings ?? []).some(
    (s) =>
      s.resourcePath !== '/*' &&
      decodePath(s.resourcePath) === resourcePath &&
      (s.httpMethod === '*' || s.httpMethod.toUpperCase() === method.toUpperCase()),
  );
}

/** AWS's `/~1pets~1{id}` → `/pets/{id}`. */
function decodePath(p: string): string {
  return p.includes('~1') ? p.replace(/^\//, '').replace(/~1/g, '/').replace(/~0/g, '~') : p;
}

function definedOnly(s: MethodSetting): Partial<MethodSetting> {
  return Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined));
}

const keys: Record<string, keyof MethodSetting> = dictOf({
  ResourcePath: 'resourcePath',
  HttpMethod: 'httpMethod',
  ThrottlingRateLimit: 'throttlingRateLimit',
  ThrottlingBurstLimit: 'throttlingBurstLimit',
  CachingEnabled: 'cachingEnabled',
  CacheTtlInSeconds: 'cacheTtlInSeconds',
  RequireAuthorizationForCacheControl: 'requireAuthorizationForCacheControl',
  UnauthorizedCacheControlHeaderStrategy: 'unauthorizedCacheControlHeaderStrategy',
});

/** One `MethodSettings` item (PascalCase, from a template, or camelCase, from the config); undefined if malformed. */
export function readMethodSetting(data: unknown): MethodSetting | undefined {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const out: Record<string, unknown> = dictOf({ resourcePath: '/*', httpMethod: '*' });
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    const name = keys[key] ?? (Object.values(keys).includes(key as keyof MethodSetting) ? key : undefined);
    if (name === undefined) continue;
    const isString =
      name === 'resourcePath' || name === 'httpMethod' || name === 'unauthorizedCacheControlHeaderStrategy';
    const isBool = name === 'cachingEnabled' || name === 'requireAuthorizationForCacheControl';
    const v =
      isBool && typeof value === 'string'
        ? value === 'true'
        : !isString && !isBool && typeof value === 'string'
          ? Number(value)
          : value;
    if (isString ? typeof v !== 'string' : isBool ? typeof v !== 'boolean' : typeof v !== 'number' || !(v >= 0))
      return undefined;
    out[name] = v;
  }
  return out as unknown as MethodSetting;
}
