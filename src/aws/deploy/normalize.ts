// normalizeDefinition: one canonical OpenAPI document for a local definition and for the export of the deployed
// API, so that the two compare as text (Compare with Deployed, `apigw diff`) and as shapes (the deploy plan).
// It keeps what API Gateway stores and gives back, and drops what it rewrites or never keeps: servers / host /
// basePath, info.version, x-amazon-apigateway-importexport-version, documentation (summaries, descriptions, tags),
// parameter schemas of REST APIs (a method only keeps "required"), and for HTTP APIs everything routes do not keep
// (parameters, request bodies, responses, schemas). Root `security` and the root request validator are pushed
// down into the operations, as AWS applies and exports them; `$ref`s other than to schemas are written inline.
import { dict } from '../../shared/dict';
import {
  canonicalJson,
  type DefinitionKind,
  dropEmpty,
  entries,
  isObject,
  type Json,
  normalizeCors,
  normalizeEndpointConfiguration,
  normalizeGatewayResponses,
  normalizeIntegration,
  normalizePolicy,
  normalizeScheme,
  normalizeValidators,
  sortKeys,
} from './normalizeParts';

export { canonicalJson, type DefinitionKind };

export const ANY_METHOD = 'x-amazon-apigateway-any-method';
export const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', ANY_METHOD] as const;

/** REST unless the document shows an HTTP API (its import/export version, CORS, or a payloadFormatVersion). */
export function guessKind(doc: unknown): DefinitionKind {
  if (!isObject(doc)) return 'REST';
  if (doc['x-amazon-apigateway-importexport-version'] !== undefined || doc['x-amazon-apigateway-cors'] !== undefined)
    return 'HTTP';
  for (const [, item] of entries(doc['paths'])) {
    for (const [, op] of entries(item)) {
      const integration = isObject(op) ? op['x-amazon-apigateway-integration'] : undefined;
      if (isObject(integration) && integration['payloadFormatVersion'] !== undefined) return 'HTTP';
    }
  }
  return 'REST';
}

/** The canonical document (keys sorted at every level). The input is not changed. */
export function normalizeDefinition(doc: unknown, options: { kind?: DefinitionKind } = {}): Json {
  const src = isObject(doc) ? (JSON.parse(JSON.stringify(doc)) as Json) : dict<unknown>();
  const kind = options.kind ?? guessKind(src);
  const swagger = typeof src['swagger'] === 'string' || typeof src['swagger'] === 'number';
  const resolve = localResolver(src);
  const out = dict<unknown>();
  if (swagger) out['swagger'] = '2.0';
  else if (typeof src['openapi'] === 'string')
    out['openapi'] = src['openapi'].startsWith('3.0') ? '3.0.1' : src['openapi'];
  const info = isObject(src['info']) ? src['info'] : {};
  out['info'] = dropUndefined({ title: info['title'], description: info['description'] });

  const components = isObject(src['components']) ? src['components'] : {};
  const rawSchemes = swagger ? src['securityDefinitions'] : components['securitySchemes'];
  const aliases = kind === 'REST' ? apiKeyAliases(rawSchemes, resolve) : new Map<string, string>();
  const context: OperationContext = {
    kind,
    swagger,
    resolve,
    aliases,
    security: Array.isArray(src['security']) ? src['security'] : undefined,
    validator: kind === 'REST' ? src['x-amazon-apigateway-request-validator'] : undefined,
    pathParameters: [],
  };
  const paths = dict<unknown>();
  for (const [path, rawItem] of entries(src['paths'])) {
    const item = resolve(rawItem);
    if (!isObject(item)) continue;
    const normalized = dict<unknown>();
    for (const method of METHODS) {
      const op = resolve(item[method]);
      if (!isObject(op)) continue;
      const pathParameters = Array.isArray(item['parameters']) ? item['parameters'] : [];
      normalized[method] = normalizeOperation(op, { ...context, pathParameters });
    }
    if (Object.keys(normalized).length > 0) paths[path] = normalized;
  }
  out['paths'] = paths;

  const schemes = dict<unknown>();
  for (const [name, scheme] of entries(rawSchemes)) {
    const normalized = normalizeScheme(resolve(scheme), kind);
    if (normalized !== undefined) schemes[aliases.get(name) ?? name] = normalized;
  }
  const schemas = kind === 'REST' ? (swagger ? src['definitions'] : components['schemas']) : undefined;
  if (swagger) {
    if (isObject(schemas) && Object.keys(schemas).length > 0) out['definitions'] = schemas;
    if (Object.keys(schemes).length > 0) out['securityDefinitions'] = schemes;
  } else {
    const c = dict<unknown>();
    if (isObject(schemas) && Object.keys(schemas).length > 0) c['schemas'] = schemas;
    if (Object.keys(schemes).length > 0) c['securitySchemes'] = schemes;
    if (Object.keys(c).length > 0) out['components'] = c;
  }
  for (const [key, value] of Object.entries(src)) {
    if (!key.startsWith('x-amazon-apigateway-')) continue;
    const normalized = normalizeRootExtension(key, value, kind);
    if (normalized !== undefined) out[key] = normalized;
  }
  return sortKeys(out) as Json;
}

/** The canonical document as text: JSON (keys sorted) — what Compare with Deployed shows side by side. */
export function normalizedText(doc: unknown, options: { kind?: DefinitionKind } = {}): string {
  return canonicalJson(normalizeDefinition(doc, options)) + '\n';
}

function normalizeRootExtension(key: string, value: unknown, kind: DefinitionKind): unknown {
  switch (key) {
    case 'x-amazon-apigateway-importexport-version': // AWS writes it on every HTTP API export
    case 'x-amazon-apigateway-request-validator': // pushed down into the operations
    case 'x-amazon-apigateway-documentation': // documentation, not configuration
    case 'x-amazon-apigateway-tag-value':
      return undefined;
    case 'x-amazon-apigateway-binary-media-types':
      return Array.isArray(value) && value.length > 0 ? [...new Set(value.map(String))].sort() : undefined;
    case 'x-amazon-apigateway-api-key-source':
      return typeof value === 'string' && value.toUpperCase() !== 'HEADER' ? value.toUpperCase() : undefined;
    case 'x-amazon-apigateway-cors':
      return kind === 'HTTP' ? normalizeCors(value) : undefined;
    case 'x-amazon-apigateway-policy':
      return normalizePolicy(value);
    case 'x-amazon-apigateway-gateway-responses':
      return normalizeGatewayResponses(value);
    case 'x-amazon-apigateway-request-validators':
      return normalizeValidators(value);
    case 'x-amazon-apigateway-endpoint-configuration':
      return normalizeEndpointConfiguration(value);
    default:
      return value;
  }
}

interface OperationContext {
  kind: DefinitionKind;
  swagger: boolean;
  resolve: (value: unknown) => unknown;
  /** REST: API key schemes by their name in the definition → 'api_key', the name AWS exports them under. */
  aliases: ReadonlyMap<string, string>;
  security: unknown[] | undefined;
  validator: unknown;
  pathParameters: unknown[];
}

function normalizeOperation(op: Json, ctx: OperationContext): Json {
  const out = dict<unknown>();
  if (typeof op['operationId'] === 'string') out['operationId'] = op['operationId'];
  const security = normalizeSecurity(Array.isArray(op['security']) ? op['security'] : ctx.security, ctx.aliases);
  if (security !== undefined) out['security'] = security;
  for (const [key, value] of Object.entries(op)) {
    if (!key.startsWith('x-amazon-apigateway-') || key === 'x-amazon-apigateway-integration') continue;
    if (key === 'x-amazon-apigateway-request-validator' && ctx.kind !== 'REST') continue;
    out[key] = value;
  }
  if (
    ctx.kind === 'REST' &&
    out['x-amazon-apigateway-request-validator'] === undefined &&
    typeof ctx.validator === 'string'
  ) {
    out['x-amazon-apigateway-request-validator'] = ctx.validator;
  }
  if (op['isDefaultRoute'] === true) out['isDefaultRoute'] = true;
  const integration = normalizeIntegration(ctx.resolve(op['x-amazon-apigateway-integration']), ctx.kind);
  if (integration !== undefined) out['x-amazon-apigateway-integration'] = integration;
  if (ctx.kind === 'HTTP') return out; // HTTP routes keep no parameters, request bodies or responses
  const parameters = normalizeParameters(
    [...ctx.pathParameters, ...(Array.isArray(op['parameters']) ? (op['parameters'] as unknown[]) : [])],
    ctx,
  );
  if (parameters.length > 0) out['parameters'] = parameters;
  const body = normalizeContentHolder(ctx.resolve(op['requestBody']), ctx);
  if (body !== undefined) {
    const required = (ctx.resolve(op['requestBody']) as Json)['required'] === true;
    if (required) body['required'] = true;
    if (Object.keys(body).length > 0) out['requestBody'] = body;
  }
  const responses = dict<unknown>();
  for (const [status, raw] of entries(op['responses'])) {
    // A method response has a status code: API Gateway keeps no `default` (or `2XX`) response of a REST method.
    if (/^[1-5]\d\d$/.test(status)) responses[status] = normalizeContentHolder(ctx.resolve(raw), ctx) ?? dict();
  }
  if (Object.keys(responses).length > 0) out['responses'] = responses;
  return out;
}

/** Alternatives sorted, each requirement's scopes sorted; an empty list (no authorization) is none. */
function normalizeSecurity(
  security: unknown[] | undefined,
  aliases: ReadonlyMap<string, string>,
): unknown[] | undefined {
  if (security === undefined || security.length === 0) return undefined;
  const requirements = security.filter(isObject).map((r) => {
    const out = dict<unknown>();
    for (const name of Object.keys(r).sort()) {
      out[aliases.get(name) ?? name] = Array.isArray(r[name]) ? (r[name] as unknown[]).map(String).sort() : [];
    }
    return out;
  });
  return requirements.sort((a, b) => (canonicalJson(a) < canonicalJson(b) ? -1 : 1));
}

/** Path and operation parameters merged (the operation's win), as a REST method keeps them: name, place, required. */
function normalizeParameters(list: unknown[], ctx: OperationContext): Json[] {
  const byKey = new Map<string, Json>();
  for (const raw of list) {
    const p = ctx.resolve(raw);
    if (!isObject(p) || typeof p['name'] !== 'string' || typeof p['in'] !== 'string') continue;
    const out = dict<unknown>();
    out['in'] = p['in'];
    if (p['in'] === 'body') {
      if (p['schema'] !== undefined) out['schema'] = p['schema'];
      if (p['required'] === true) out['required'] = true;
      byKey.set('body', out);
      continue;
    }
    out['name'] = p['name'];
    if (p['required'] === true || p['in'] === 'path') out['required'] = true;
    byKey.set(`${p['in']} ${p['name']}`, out);
  }
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, p]) => p);
}

/** A response or request body: header names and the schema of each content type (Swagger: `schema`). */
function normalizeContentHolder(raw: unknown, ctx: OperationContext): Json | undefined {
  if (!isObject(raw)) return undefined;
  const out = dict<unknown>();
  const headers = dict<unknown>();
  for (const [name] of entries(raw['headers'])) headers[name] = dict();
  if (Object.keys(headers).length > 0) out['headers'] = headers;
  if (ctx.swagger) {
    if (raw['schema'] !== undefined) out['schema'] = raw['schema'];
    return out;
  }
  const content = dict<unknown>();
  for (const [type, media] of entries(raw['content'])) {
    const schema = isObject(media) ? media['schema'] : undefined;
    content[type] = schema === undefined ? dict() : { schema };
  }
  if (Object.keys(content).length > 0) out['content'] = content;
  dropEmpty(out, 'content');
  return out;
}

/**
 * A REST API keeps only "this method needs an API key" (apiKeyRequired); its export names the scheme `api_key`
 * (in: header, name: x-api-key), whatever the definition called it.
 */
function apiKeyAliases(schemes: unknown, resolve: (value: unknown) => unknown): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const [name, raw] of entries(schemes)) {
    const scheme = resolve(raw);
    if (!isObject(scheme) || scheme['type'] !== 'apiKey' || scheme['x-amazon-apigateway-authtype'] !== undefined)
      continue;
    if (String(scheme['name']).toLowerCase() === 'x-api-key' && scheme['in'] === 'header') aliases.set(name, 'api_key');
  }
  return aliases;
}

/** Follows `#/…` refs inside the document (not to schemas, which stay references to models), bounded. */
function localResolver(root: Json): (value: unknown) => unknown {
  return (value) => {
    let current = value;
    for (let i = 0; i < 32 && isObject(current) && typeof current['$ref'] === 'string'; i++) {
      const ref = current['$ref'];
      if (!ref.startsWith('#/') || /^#\/(components\/schemas|definitions)\//.test(ref)) return current;
      const target = lookupPointer(root, ref.slice(2));
      if (target === undefined) return current;
      current = target;
    }
    return current;
  };
}

function lookupPointer(root: Json, pointer: string): unknown {
  let node: unknown = root;
  for (const raw of pointer.split('/')) {
    const segment = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObject(node) || !Object.prototype.hasOwnProperty.call(node, segment)) return undefined;
    node = node[segment];
  }
  return node;
}

function dropUndefined(value: Json): Json {
  const out = dict<unknown>();
  for (const [key, v] of Object.entries(value)) if (v !== undefined && v !== null) out[key] = v;
  return out;
}
