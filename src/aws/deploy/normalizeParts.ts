// The canonical form of the parts of a definition that API Gateway stores and gives back in its exports: an
// integration, a security scheme / authorizer, CORS, a resource policy, gateway responses and validators. Defaults
// AWS fills in on export (passthroughBehavior when_no_match, timeoutInMillis 29000 / 30000, connectionType
// INTERNET, payloadFormatVersion 1.0 of HTTP proxy integrations, the TTL 300 of REST authorizers...) are removed,
// and enums are written in one case, so a local definition and the export of the same API read the same.
import { dict } from '../../shared/dict';

export type DefinitionKind = 'REST' | 'HTTP';

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Own entries of an object (nothing for anything else). */
export function entries(value: unknown): Array<[string, unknown]> {
  return isObject(value) ? Object.entries(value) : [];
}

/** Integration timeout AWS uses when none is given: 29 s for REST (and WebSocket), 30 s for HTTP APIs. */
export const defaultTimeout = { REST: 29000, HTTP: 30000 } as const;

/** `x-amazon-apigateway-integration`, canonical. */
export function normalizeIntegration(raw: unknown, kind: DefinitionKind): Json | undefined {
  if (!isObject(raw)) return undefined;
  const out = dict<unknown>();
  for (const [key, value] of Object.entries(raw)) if (value !== undefined && value !== null) out[key] = value;
  const type = typeof out['type'] === 'string' ? out['type'].toLowerCase() : undefined;
  if (type !== undefined) out['type'] = type;
  if (typeof out['httpMethod'] === 'string') out['httpMethod'] = out['httpMethod'].toUpperCase();
  if (type === 'mock') delete out['httpMethod'];
  if (typeof out['connectionType'] === 'string' && out['connectionType'].toUpperCase() === 'INTERNET')
    delete out['connectionType'];
  if (typeof out['passthroughBehavior'] === 'string') {
    const behavior = out['passthroughBehavior'].toLowerCase();
    if (behavior === 'when_no_match') delete out['passthroughBehavior'];
    else out['passthroughBehavior'] = behavior;
  }
  if (Number(out['timeoutInMillis']) === defaultTimeout[kind]) delete out['timeoutInMillis'];
  else if (out['timeoutInMillis'] !== undefined) out['timeoutInMillis'] = Number(out['timeoutInMillis']);
  normalizePayloadFormat(out, kind, type);
  if (typeof out['contentHandling'] === 'string') out['contentHandling'] = out['contentHandling'].toUpperCase();
  if (Array.isArray(out['cacheKeyParameters']) && out['cacheKeyParameters'].length === 0)
    delete out['cacheKeyParameters'];
  if (out['cacheKeyParameters'] === undefined) delete out['cacheNamespace'];
  else out['cacheKeyParameters'] = [...(out['cacheKeyParameters'] as unknown[])].map(String).sort();
  for (const key of ['requestParameters', 'requestTemplates', 'responseParameters', 'tlsConfig']) dropEmpty(out, key);
  if (kind === 'REST') normalizeIntegrationResponses(out, type);
  return out;
}

function normalizePayloadFormat(out: Json, kind: DefinitionKind, type: string | undefined): void {
  if (out['payloadFormatVersion'] === undefined) return;
  if (kind === 'REST') {
    delete out['payloadFormatVersion']; // REST APIs have none; AWS neither keeps nor exports it
    return;
  }
  const raw = out['payloadFormatVersion'];
  const version = typeof raw === 'number' && Number.isInteger(raw) ? raw.toFixed(1) : textOf(raw);
  // "For all other integrations, 1.0 is the only supported value" (x-amazon-apigateway-integration reference).
  if (version === '1.0' && type !== 'aws_proxy') delete out['payloadFormatVersion'];
  else out['payloadFormatVersion'] = version;
}

function normalizeIntegrationResponses(out: Json, type: string | undefined): void {
  if (!isObject(out['responses'])) {
    delete out['responses'];
    return;
  }
  const responses = dict<unknown>();
  for (const [pattern, raw] of Object.entries(out['responses'])) {
    if (!isObject(raw)) continue;
    const response = dict<unknown>();
    for (const [key, value] of Object.entries(raw)) if (value !== undefined && value !== null) response[key] = value;
    if (response['statusCode'] !== undefined) response['statusCode'] = textOf(response['statusCode']);
    if (typeof response['contentHandling'] === 'string')
      response['contentHandling'] = response['contentHandling'].toUpperCase();
    dropEmpty(response, 'responseParameters');
    dropEmpty(response, 'responseTemplates');
    responses[pattern] = response;
  }
  const onlyDefault200 =
    Object.keys(responses).length === 1 &&
    JSON.stringify(responses['default']) === JSON.stringify({ statusCode: '200' });
  // Proxy integrations pass the backend's answer through; the console adds `default: 200`, which changes nothing.
  if (Object.keys(responses).length === 0 || (onlyDefault200 && type?.endsWith('_proxy') === true))
    delete out['responses'];
  else out['responses'] = responses;
}

/** A scalar as text (status codes written as numbers); anything else as JSON. */
export function textOf(value: unknown): string {
  return typeof value === 'string'
    ? value
    : typeof value === 'number' || typeof value === 'boolean'
      ? String(value)
      : JSON.stringify(value);
}

export function dropEmpty(out: Json, key: string): void {
  const value = out[key];
  if (value === undefined || value === null) delete out[key];
  else if (Array.isArray(value) ? value.length === 0 : isObject(value) && Object.keys(value).length === 0)
    delete out[key];
}

/** A security scheme (with `x-amazon-apigateway-authorizer` / `-authtype`), canonical. */
export function normalizeScheme(raw: unknown, kind: DefinitionKind): Json | undefined {
  if (!isObject(raw)) return undefined;
  const out = dict<unknown>();
  for (const key of ['type', 'name', 'in', 'scheme', 'openIdConnectUrl', 'x-amazon-apigateway-authtype']) {
    if (raw[key] !== undefined && raw[key] !== null) out[key] = raw[key];
  }
  if (isObject(raw['flows']) && Object.keys(raw['flows']).length > 0) out['flows'] = raw['flows'];
  const authorizer = raw['x-amazon-apigateway-authorizer'];
  if (isObject(authorizer)) {
    const a = dict<unknown>();
    for (const [key, value] of Object.entries(authorizer)) if (value !== undefined && value !== null) a[key] = value;
    if (typeof a['type'] === 'string') a['type'] = a['type'].toLowerCase();
    if (a['identitySource'] !== undefined) a['identitySource'] = identitySource(a['identitySource']);
    if (kind === 'REST' && Number(a['authorizerResultTtlInSeconds']) === 300) delete a['authorizerResultTtlInSeconds'];
    const payloadVersion = a['authorizerPayloadFormatVersion'];
    if (typeof payloadVersion === 'number') a['authorizerPayloadFormatVersion'] = payloadVersion.toFixed(1);
    if (isObject(a['jwtConfiguration'])) {
      const jwt = { ...a['jwtConfiguration'] };
      if (Array.isArray(jwt['audience'])) jwt['audience'] = [...(jwt['audience'] as unknown[])].map(String).sort();
      a['jwtConfiguration'] = jwt;
    }
    if (Array.isArray(a['providerARNs'])) a['providerARNs'] = [...(a['providerARNs'] as unknown[])].map(String).sort();
    out['x-amazon-apigateway-authorizer'] = a;
  }
  return out;
}

/** 'a,b' / 'a, b' / ['a', 'b'] → 'a, b'. */
function identitySource(value: unknown): string {
  const parts = Array.isArray(value) ? value.map(String) : String(value).split(',');
  return parts
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .join(', ');
}

/** HTTP API `x-amazon-apigateway-cors`: sets sorted, methods upper-case, header names lower-case, defaults dropped. */
export function normalizeCors(raw: unknown): Json | undefined {
  if (!isObject(raw)) return undefined;
  const out = dict<unknown>();
  for (const [key, value] of Object.entries(raw)) {
    const name = key.charAt(0).toLowerCase() + key.slice(1);
    if (Array.isArray(value)) {
      const lower = name === 'allowHeaders' || name === 'exposeHeaders';
      const items = value.map((v) =>
        name === 'allowMethods' ? String(v).toUpperCase() : lower ? String(v).toLowerCase() : String(v),
      );
      if (items.length > 0) out[name] = [...new Set(items)].sort();
    } else if (
      !(name === 'allowCredentials' && value === false) &&
      !(name === 'maxAge' && Number(value) === 0) &&
      value !== null
    ) {
      out[name] = value;
    }
  }
  return Object.keys(out).length === 0 ? undefined : out;
}

/** A resource policy: statements and their lists as arrays, `execute-api` ARNs of this API written as AWS accepts them on import. */
export function normalizePolicy(raw: unknown): unknown {
  let policy = raw;
  if (typeof policy === 'string') {
    try {
      policy = JSON.parse(policy) as unknown;
    } catch {
      return raw;
    }
  }
  if (!isObject(policy)) return policy;
  const statements = Array.isArray(policy['Statement']) ? policy['Statement'] : [policy['Statement']];
  return {
    ...policy,
    Statement: statements.filter(isObject).map((s) => {
      const out: Json = { ...s };
      for (const key of ['Action', 'NotAction', 'Resource', 'NotResource']) {
        if (out[key] === undefined) continue;
        const list = (Array.isArray(out[key]) ? (out[key] as unknown[]) : [out[key]]).map(String);
        out[key] = list.map((v) => v.replace(/^arn:aws[\w-]*:execute-api:[^:]*:[^:]*:[^/]+\//, 'execute-api:/')).sort();
      }
      return out;
    }),
  };
}

/** `x-amazon-apigateway-gateway-responses`, each with its status code as text and no empty maps. */
export function normalizeGatewayResponses(raw: unknown): Json | undefined {
  if (!isObject(raw)) return undefined;
  const out = dict<unknown>();
  for (const [type, value] of Object.entries(raw)) {
    if (!isObject(value)) continue;
    const response: Json = { ...value };
    if (response['statusCode'] !== undefined) response['statusCode'] = textOf(response['statusCode']);
    dropEmpty(response, 'responseParameters');
    dropEmpty(response, 'responseTemplates');
    out[type] = response;
  }
  return Object.keys(out).length === 0 ? undefined : out;
}

/** `x-amazon-apigateway-request-validators`: false flags are the default. */
export function normalizeValidators(raw: unknown): Json | undefined {
  if (!isObject(raw)) return undefined;
  const out = dict<unknown>();
  for (const [name, value] of Object.entries(raw)) {
    const validator = dict<unknown>();
    for (const [key, flag] of entries(value)) if (flag === true || flag === 'true') validator[key] = true;
    out[name] = validator;
  }
  return out;
}

/** `x-amazon-apigateway-endpoint-configuration` without its defaults. */
export function normalizeEndpointConfiguration(raw: unknown): Json | undefined {
  if (!isObject(raw)) return undefined;
  const out: Json = { ...raw };
  if (out['disableExecuteApiEndpoint'] === false) delete out['disableExecuteApiEndpoint'];
  if (Array.isArray(out['vpcEndpointIds']))
    out['vpcEndpointIds'] = [...(out['vpcEndpointIds'] as unknown[])].map(String).sort();
  dropEmpty(out, 'vpcEndpointIds');
  return Object.keys(out).length === 0 ? undefined : out;
}

/** Canonical JSON: keys sorted at every level, two-space indent. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value), null, 2);
}

/** A copy with object keys sorted at every level (arrays keep their order). */
export function sortKeys(value: unknown, depth = 0): unknown {
  if (depth > 1000) return value;
  if (Array.isArray(value)) return value.map((v) => sortKeys(v, depth + 1));
  if (!isObject(value)) return value;
  const out = dict<unknown>();
  for (const key of Object.keys(value).sort()) out[key] = sortKeys(value[key], depth + 1);
  return out;
}
