// ApiShape from an OpenAPI document — the desired body, or the export of the deployed API — after
// normalizeDefinition: routes by key with their integration and method settings, authorizers, models, gateway
// responses and API settings, each in canonical form so that two shapes compare value by value.
import { dict } from '../../shared/dict';
import type { AwsApiKind } from '../types';
import { ANY_METHOD, type DefinitionKind, normalizeDefinition } from './normalize';
import { entries, isObject, type Json } from './normalizeParts';
import type { ApiShape, RouteShape } from './types';

/** The shape of an OpenAPI document of a REST or HTTP API. */
export function shapeFromDocument(doc: unknown, kind: DefinitionKind): ApiShape {
  const normalized = normalizeDefinition(doc, { kind });
  const swagger = normalized['swagger'] !== undefined;
  const routes = dict<RouteShape>();
  for (const [path, item] of entries(normalized['paths'])) {
    for (const [method, rawOp] of entries(item)) {
      if (!isObject(rawOp)) continue;
      const key = routeKey(kind, method, path, rawOp);
      const settings: Json = { ...rawOp };
      delete settings['x-amazon-apigateway-integration'];
      const route: RouteShape = { key, settings };
      const integration = rawOp['x-amazon-apigateway-integration'];
      if (isObject(integration)) route.integration = integration;
      routes[key] = route;
    }
  }
  const components = isObject(normalized['components']) ? normalized['components'] : {};
  const schemes = swagger ? normalized['securityDefinitions'] : components['securitySchemes'];
  const authorizers = dict<unknown>();
  const settings = dict<unknown>();
  for (const [name, scheme] of entries(schemes)) {
    // A REST API key scheme is not an authorizer: it says the key is read from the x-api-key header.
    if (
      kind === 'REST' &&
      isObject(scheme) &&
      scheme['type'] === 'apiKey' &&
      scheme['x-amazon-apigateway-authtype'] === undefined
    ) {
      settings[`apiKey ${name}`] = scheme;
    } else {
      authorizers[name] = scheme;
    }
  }
  const models = dict<unknown>();
  for (const [name, schema] of entries(swagger ? normalized['definitions'] : components['schemas']))
    models[name] = schema;
  const gatewayResponses = dict<unknown>();
  for (const [type, response] of entries(normalized['x-amazon-apigateway-gateway-responses']))
    gatewayResponses[type] = response;
  const info = isObject(normalized['info']) ? normalized['info'] : {};
  if (info['title'] !== undefined) settings['title'] = info['title'];
  if (info['description'] !== undefined) settings['description'] = info['description'];
  for (const [key, value] of Object.entries(normalized)) {
    if (key.startsWith('x-amazon-apigateway-') && key !== 'x-amazon-apigateway-gateway-responses') {
      settings[key.slice('x-amazon-apigateway-'.length)] = value;
    }
  }
  const shape: ApiShape = { kind, routes, authorizers, models, gatewayResponses, settings };
  if (typeof info['title'] === 'string') shape.name = info['title'];
  return shape;
}

/** 'GET /pets'; 'ANY /{proxy+}' for x-amazon-apigateway-any-method; '$default' for an HTTP API's default route. */
export function routeKey(kind: DefinitionKind, method: string, path: string, op?: Json): string {
  if (
    kind === 'HTTP' &&
    method === ANY_METHOD &&
    (op?.['isDefaultRoute'] === true || path === '/$default' || path === '$default')
  ) {
    return '$default';
  }
  return `${method === ANY_METHOD ? 'ANY' : method.toUpperCase()} ${path}`;
}

/** An empty shape of `kind` (an API that exists but whose definition could not be read). */
export function emptyShape(kind: AwsApiKind): ApiShape {
  return { kind, routes: dict(), authorizers: dict(), models: dict(), gatewayResponses: dict(), settings: dict() };
}
