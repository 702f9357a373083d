import { JavaDouble, display, isJsonList, markJsonList, type Value, type VtlMap } from './values';
import { dict } from '../shared/dict';

/** The method request a template sees (the shape of `apigw render --event`'s `request`). */
export interface TemplateRequest {
  method?: string;
  /** The request path without the stage, e.g. `/pets/7`. */
  path?: string;
  /** The resource template, e.g. `/pets/{id}`. */
  resourcePath?: string;
  headers?: Record<string, string>;
  multiValueHeaders?: Record<string, string[]>;
  queryStringParameters?: Record<string, string>;
  multiValueQueryStringParameters?: Record<string, string[]>;
  pathParameters?: Record<string, string>;
  /** The raw body text; null or absent for none. */
  body?: string | null;
  stage?: string;
  stageVariables?: Record<string, string>;
  /** `$context` values to set (nested objects for `identity`, `authorizer`…), merged over the defaults. */
  context?: Record<string, unknown>;
}

/** The integration's response: with it, the template is a response template (`$input` is this body). */
export interface TemplateIntegrationResponse {
  statusCode?: number | string;
  headers?: Record<string, string>;
  body?: string | null;
}

export interface TemplateContext {
  request: TemplateRequest;
  integrationResponse?: TemplateIntegrationResponse;
  /** WebSocket APIs add the connection variables to `$context` (default REST). */
  apiType?: 'REST' | 'WEBSOCKET';
  /**
   * `$context.requestOverride` / `responseOverride` as the request template of the same request left them
   * (`RenderResult.carried`): a response template starts from them, as in API Gateway, where one `$context`
   * serves the whole request.
   */
  carried?: CarriedOverrides;
}

/** The override maps of `$context` as one template left them, for the next template of the same request. */
export interface CarriedOverrides {
  readonly requestOverride: Value;
  readonly responseOverride: Value;
}

/** What `$context.requestOverride.*` / `$context.responseOverride.*` were set to: applied by the caller. */
export interface TemplateOverrides {
  request: { header: Record<string, string>; path: Record<string, string>; querystring: Record<string, string> };
  response: { status: number | undefined; header: Record<string, string> };
}

/** Plain JSON-like data (from an event file) → template values: objects become maps. */
export function toValue(data: unknown, depth = 0): Value {
  if (data === null || data === undefined || depth > 64) return null;
  if (typeof data === 'string' || typeof data === 'boolean') return data;
  if (typeof data === 'number') return Number.isInteger(data) ? data : new JavaDouble(data);
  if (Array.isArray(data)) return data.map((d: unknown) => toValue(d, depth + 1));
  if (typeof data === 'object') {
    const map: VtlMap = new Map();
    for (const [k, v] of Object.entries(data as Record<string, unknown>)) map.set(k, toValue(v, depth + 1));
    return map;
  }
  return null;
}

type Entries = ReadonlyArray<readonly [string, Value]>;

/** Fixed sample values, built once and copied into a fresh map for each render (templates may change them). */
const authorizerDefaults: Entries = [
  ['principalId', null],
  ['claims', null],
];
const errorDefaults: Entries = [
  ['message', null],
  ['messageString', null],
  ['responseType', null],
  ['validationErrorString', null],
];
const identityDefaults: Entries = [
  ['accountId', null],
  ['apiKey', null],
  ['apiKeyId', null],
  ['caller', null],
  ['clientCert', null],
  ['cognitoAuthenticationProvider', null],
  ['cognitoAuthenticationType', null],
  ['cognitoIdentityId', null],
  ['cognitoIdentityPoolId', null],
  ['principalOrgId', null],
  ['sourceIp', '127.0.0.1'],
  ['user', null],
  ['userAgent', null],
  ['userArn', null],
  ['vpcId', null],
  ['vpceId', null],
];
const sampleApiId = 'abcdef1234';
/** Every `$context` key in API Gateway's order; null where the value depends on the request (set below). */
const restDefaults: Entries = [
  ['accountId', '123456789012'],
  ['apiId', sampleApiId],
  ['authorizer', null],
  ['awsEndpointRequestId', 'e0b9cb58-0000-4000-8000-000000000001'],
  ['deploymentId', 'dep1234'],
  ['domainName', `${sampleApiId}.execute-api.us-east-1.amazonaws.com`],
  ['domainPrefix', sampleApiId],
  ['error', null],
  ['extendedRequestId', 'EXAMPLEextReqId='],
  ['httpMethod', null],
  ['identity', null],
  ['isCanaryRequest', null],
  ['path', null],
  ['protocol', 'HTTP/1.1'],
  ['requestId', 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef'],
  ['requestOverride', null],
  ['requestTime', '01/Jan/2024:00:00:00 +0000'],
  ['requestTimeEpoch', 1704067200000],
  ['resourceId', 'res123'],
  ['resourcePath', null],
  ['responseOverride', null],
  ['stage', null],
  ['wafResponseCode', null],
  ['webaclArn', null],
];
const webSocketDefaults: Entries = [
  ...restDefaults,
  ['connectedAt', 1704067200000],
  ['connectionId', 'L0SM9cOFvHcCIhw='],
  ['eventType', 'MESSAGE'],
  ['messageDirection', 'IN'],
  ['messageId', 'L0SM9dOFvHcCIhw='],
  ['routeKey', '$default'],
];

function userAgentOf(headers: Record<string, string>): string | null {
  for (const name of Object.keys(headers)) if (name.toLowerCase() === 'user-agent') return headers[name] ?? null;
  return null;
}

/**
 * The `$context` API Gateway gives mapping templates, with fixed sample values where no request says otherwise:
 * a new map (and new nested maps) on every call.
 */
export function buildContextMap(ctx: TemplateContext): VtlMap {
  const request = ctx.request;
  const stage = request.stage ?? 'test';
  const map: VtlMap = new Map(ctx.apiType === 'WEBSOCKET' ? webSocketDefaults : restDefaults);
  const identity: VtlMap = new Map(identityDefaults);
  identity.set('userAgent', userAgentOf(request.headers ?? {}));
  map.set('authorizer', new Map(authorizerDefaults));
  map.set('error', new Map(errorDefaults));
  map.set('httpMethod', (request.method ?? 'GET').toUpperCase());
  map.set('identity', identity);
  map.set('path', `/${stage}${request.path ?? '/'}`);
  map.set(
    'requestOverride',
    new Map<string, Value>([
      ['header', new Map()],
      ['path', new Map()],
      ['querystring', new Map()],
    ]),
  );
  map.set('resourcePath', request.resourcePath ?? request.path ?? '/');
  map.set(
    'responseOverride',
    new Map<string, Value>([
      ['header', new Map()],
      ['status', null],
    ]),
  );
  map.set('stage', stage);
  if (ctx.carried !== undefined) {
    // Copies: the maps of one render are never changed by another.
    map.set('requestOverride', copyValue(ctx.carried.requestOverride));
    map.set('responseOverride', copyValue(ctx.carried.responseOverride));
  }
  const extra = request.context;
  if (isRecord(extra)) mergeData(map, extra, 0);
  return map;
}

/** A deep copy of maps and lists (a list from JSON stays one); other values are immutable or host objects. */
function copyValue(v: Value, depth = 0): Value {
  if (depth > 64) return null;
  if (v instanceof Map) {
    const map: VtlMap = new Map();
    for (const [k, value] of v) map.set(k, copyValue(value, depth + 1));
    return map;
  }
  if (Array.isArray(v)) {
    const list = v.map((item) => copyValue(item, depth + 1));
    return isJsonList(v) ? markJsonList(list) : list;
  }
  return v;
}

/** What a template left in `$context.requestOverride` / `responseOverride`, for the next template. */
export function carriedOverrides(context: VtlMap): CarriedOverrides {
  return {
    requestOverride: context.get('requestOverride') ?? null,
    responseOverride: context.get('responseOverride') ?? null,
  };
}

const isRecord = (data: unknown): data is Record<string, unknown> =>
  typeof data === 'object' && data !== null && !Array.isArray(data);

/** Merges plain data (at `depth`) into a map, converting only what it sets (as `toValue` would). */
function mergeData(into: VtlMap, data: Record<string, unknown>, depth: number): void {
  for (const key of Object.keys(data)) {
    const value = data[key];
    const existing = into.get(key);
    if (existing instanceof Map && isRecord(value) && depth + 1 <= 64) mergeData(existing, value, depth + 1);
    else into.set(key, toValue(value, depth + 1));
  }
}

function stringRecord(v: Value | undefined): Record<string, string> {
  const record: Record<string, string> = dict();
  if (v instanceof Map) for (const [k, value] of v) if (value !== null) record[display(k)] = display(value);
  return record;
}

/** No overrides: what a template that never touches `$context` leaves. */
export function emptyOverrides(): TemplateOverrides {
  return { request: { header: {}, path: {}, querystring: {} }, response: { status: undefined, header: {} } };
}

/** Reads back what the template set in `$context.requestOverride` / `$context.responseOverride`. */
export function readOverrides(context: VtlMap): TemplateOverrides {
  const request = context.get('requestOverride');
  const response = context.get('responseOverride');
  const req = request instanceof Map ? request : new Map<string, Value>();
  const res = response instanceof Map ? response : new Map<string, Value>();
  const status = res.get('status');
  const statusNumber = status === null || status === undefined ? undefined : Number(display(status));
  return {
    request: {
      header: stringRecord(req.get('header')),
      path: stringRecord(req.get('path')),
      querystring: stringRecord(req.get('querystring')),
    },
    response: {
      status: Number.isInteger(statusNumber) ? statusNumber : undefined,
      header: stringRecord(res.get('header')),
    },
  };
}
