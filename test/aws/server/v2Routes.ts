// API Gateway v2: routes, integrations, route responses and authorizers of an API.
import { jsonBody, ok, q, type Ctx, type Reply, type Route } from './context';
import { badRequest, conflict, notFound } from './errors';
import type { HttpApiRecord } from './state';
import { changed, apiOf } from './v2Apis';
import { compact, obj, pageV2, str, type Json } from './util';

const ROUTE_MEMBERS = [
  'routeKey',
  'target',
  'authorizationType',
  'authorizerId',
  'authorizationScopes',
  'apiKeyRequired',
  'operationName',
  'requestModels',
  'requestParameters',
  'modelSelectionExpression',
  'routeResponseSelectionExpression',
];

const INTEGRATION_MEMBERS = [
  'integrationType',
  'integrationUri',
  'integrationMethod',
  'integrationSubtype',
  'connectionType',
  'connectionId',
  'contentHandlingStrategy',
  'credentialsArn',
  'description',
  'passthroughBehavior',
  'payloadFormatVersion',
  'requestParameters',
  'requestTemplates',
  'responseParameters',
  'templateSelectionExpression',
  'timeoutInMillis',
  'tlsConfig',
];

const pick = (body: Json, members: string[]): Json => compact(Object.fromEntries(members.map((k) => [k, body[k]])));

function routeOf(ctx: Ctx, record: HttpApiRecord): Json {
  const route = record.routes.get(ctx.params.routeId ?? '');
  if (!route)
    throw notFound(`Invalid Route identifier specified ${ctx.params.routeId ?? ''}`, { resourceType: 'Route' });
  return route;
}

function integrationOf(ctx: Ctx, record: HttpApiRecord): Json {
  const integration = record.integrations.get(ctx.params.integrationId ?? '');
  if (!integration)
    throw notFound(`Invalid Integration identifier specified ${ctx.params.integrationId ?? ''}`, {
      resourceType: 'Integration',
    });
  return integration;
}

/** Route keys: '$default' or 'METHOD /path' for HTTP APIs; anything for WebSocket APIs. */
function checkRoute(record: HttpApiRecord, route: Json, routeId: string | undefined): void {
  const key = str(route.routeKey);
  if (!key) throw badRequest('Invalid route key specified: null');
  if (
    record.wire.protocolType === 'HTTP' &&
    key !== '$default' &&
    !/^(ANY|GET|PUT|POST|DELETE|PATCH|HEAD|OPTIONS) \/\S*$/.test(key)
  )
    throw badRequest(`Invalid route key specified: ${key}`);
  for (const other of record.routes.values())
    if (other.routeKey === key && other.routeId !== routeId)
      throw conflict(`Route with key ${key} already exists for this API`);
  const target = str(route.target);
  if (target !== undefined) {
    const id = /^integrations\/(.+)$/.exec(target)?.[1];
    if (!id || !record.integrations.has(id)) throw badRequest(`Invalid target specified: ${target}`);
  }
  const authorizerId = str(route.authorizerId);
  if (authorizerId !== undefined && !record.authorizers.has(authorizerId))
    throw badRequest(`Invalid authorizer identifier specified ${authorizerId}`);
}

function createRoute(ctx: Ctx): Reply {
  const record = apiOf(ctx);
  const route: Json = {
    routeId: ctx.state.newId(7),
    apiKeyRequired: false,
    authorizationType: 'NONE',
    apiGatewayManaged: false,
    ...pick(jsonBody(ctx), ROUTE_MEMBERS),
  };
  checkRoute(record, route, undefined);
  record.routes.set(String(route.routeId), route);
  changed(record, ctx.state);
  return ok(route, 201);
}

function updateRoute(ctx: Ctx): Reply {
  const record = apiOf(ctx);
  const route = routeOf(ctx, record);
  const next = { ...route, ...pick(jsonBody(ctx), ROUTE_MEMBERS) };
  checkRoute(record, next, String(route.routeId));
  Object.assign(route, next);
  changed(record, ctx.state);
  return ok(route);
}

function deleteRoute(ctx: Ctx): Reply {
  const record = apiOf(ctx);
  const route = routeOf(ctx, record);
  record.routes.delete(String(route.routeId));
  record.routeResponses.delete(String(route.routeId));
  changed(record, ctx.state);
  return { status: 204 };
}

const HTTP_TYPES = ['AWS_PROXY', 'HTTP_PROXY'];
const WEBSOCKET_TYPES = ['AWS', 'AWS_PROXY', 'HTTP', 'HTTP_PROXY', 'MOCK'];

function checkIntegration(record: HttpApiRecord, integration: Json): void {
  const type = str(integration.integrationType) ?? '';
  const http = record.wire.protocolType === 'HTTP';
  if (!(http ? HTTP_TYPES : WEBSOCKET_TYPES).includes(type)) {
    if (http && WEBSOCKET_TYPES.includes(type))
      throw badRequest(
        'Currently, an API with a protocol type of HTTP may only be associated with proxy integrations (AWS_PROXY, HTTP_PROXY)',
      );
    throw badRequest(`Invalid integration type specified: ${type || 'null'}`);
  }
  if (type !== 'MOCK' && !str(integration.integrationUri) && !str(integration.integrationSubtype))
    throw badRequest('Integration URI is required for this integration type');
}

function createIntegration(ctx: Ctx): Reply {
  const record = apiOf(ctx);
  const body = pick(jsonBody(ctx), INTEGRATION_MEMBERS);
  const http = record.wire.protocolType === 'HTTP';
  const integration: Json = {
    integrationId: ctx.state.newId(7),
    connectionType: 'INTERNET',
    timeoutInMillis: http ? 30000 : 29000,
    apiGatewayManaged: false,
    ...body,
  };
  if (!http && integration.passthroughBehavior === undefined && integration.integrationType !== 'AWS_PROXY')
    integration.passthroughBehavior = 'WHEN_NO_MATCH';
  if (integration.payloadFormatVersion === undefined) integration.payloadFormatVersion = '1.0';
  checkIntegration(record, integration);
  record.integrations.set(String(integration.integrationId), integration);
  changed(record, ctx.state);
  return ok(integration, 201);
}

function updateIntegration(ctx: Ctx): Reply {
  const record = apiOf(ctx);
  const integration = integrationOf(ctx, record);
  const next = { ...integration, ...pick(jsonBody(ctx), INTEGRATION_MEMBERS) };
  checkIntegration(record, next);
  Object.assign(integration, next);
  changed(record, ctx.state);
  return ok(integration);
}

function deleteIntegration(ctx: Ctx): Reply {
  const record = apiOf(ctx);
  const integration = integrationOf(ctx, record);
  const target = `integrations/${String(integration.integrationId)}`;
  const users = [...record.routes.values()].filter((r) => r.target === target).map((r) => String(r.routeKey));
  if (users.length > 0)
    throw conflict(
      `Cannot delete integration ${String(integration.integrationId)}: it is the target of route(s) ${users.join(', ')}`,
    );
  record.integrations.delete(String(integration.integrationId));
  changed(record, ctx.state);
  return { status: 204 };
}

function createRouteResponse(ctx: Ctx): Reply {
  const record = apiOf(ctx);
  const route = routeOf(ctx, record);
  const body = jsonBody(ctx);
  const key = str(body.routeResponseKey);
  if (!key) throw badRequest('Invalid route response key specified: null');
  const responses = record.routeResponses.get(String(route.routeId)) ?? new Map<string, Json>();
  for (const r of responses.values())
    if (r.routeResponseKey === key) throw conflict(`Route response with key ${key} already exists for this route`);
  const response = compact({
    routeResponseId: ctx.state.newId(6),
    routeResponseKey: key,
    modelSelectionExpression: str(body.modelSelectionExpression),
    responseModels: obj(body.responseModels),
    responseParameters: obj(body.responseParameters),
  });
  responses.set(String(response.routeResponseId), response);
  record.routeResponses.set(String(route.routeId), responses);
  changed(record, ctx.state);
  return ok(response, 201);
}

const page = (ctx: Ctx, items: Iterable<Json>): Reply =>
  ok(pageV2([...items], q(ctx, 'nextToken'), q(ctx, 'maxResults')));

const R = '/v2/apis/{apiId}/routes';
const I = '/v2/apis/{apiId}/integrations';
export const v2RouteRoutes: Route[] = [
  { method: 'GET', path: R, operation: 'GetRoutes', handler: (c) => page(c, apiOf(c).routes.values()) },
  { method: 'POST', path: R, operation: 'CreateRoute', handler: createRoute },
  { method: 'PATCH', path: `${R}/{routeId}`, operation: 'UpdateRoute', handler: updateRoute },
  { method: 'DELETE', path: `${R}/{routeId}`, operation: 'DeleteRoute', handler: deleteRoute },
  {
    method: 'GET',
    path: `${R}/{routeId}/routeresponses`,
    operation: 'GetRouteResponses',
    handler: (c) => {
      const record = apiOf(c);
      return page(c, record.routeResponses.get(String(routeOf(c, record).routeId))?.values() ?? []);
    },
  },
  {
    method: 'POST',
    path: `${R}/{routeId}/routeresponses`,
    operation: 'CreateRouteResponse',
    handler: createRouteResponse,
  },
  { method: 'GET', path: I, operation: 'GetIntegrations', handler: (c) => page(c, apiOf(c).integrations.values()) },
  { method: 'POST', path: I, operation: 'CreateIntegration', handler: createIntegration },
  { method: 'PATCH', path: `${I}/{integrationId}`, operation: 'UpdateIntegration', handler: updateIntegration },
  { method: 'DELETE', path: `${I}/{integrationId}`, operation: 'DeleteIntegration', handler: deleteIntegration },
  {
    method: 'GET',
    path: '/v2/apis/{apiId}/authorizers',
    operation: 'GetAuthorizers',
    handler: (c) => page(c, apiOf(c).authorizers.values()),
  },
];
