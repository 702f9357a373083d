// ApiShapes of WebSocket APIs: the desired one from the template's AWS::ApiGatewayV2 resources, the deployed one
// from GetApi / GetRoutes / GetIntegrations / GetRouteResponses / GetIntegrationResponses / GetAuthorizers.
// Settings keep their v2 API names; enum values are upper-cased. A deployed part is compared only on the settings
// the template gives (projectOnto): what the template leaves out, AWS keeps as it is on update.
import type {
  Authorizer,
  GetApiResponse,
  Integration,
  IntegrationResponse,
  Route,
  RouteResponse,
} from '@aws-sdk/client-apigatewayv2';
import { dict } from '../../shared/dict';
import { isObject, type Json } from './normalizeParts';
import { emptyShape } from './shape';
import type { ApiShape, RouteShape, WebSocketDefinition } from './types';

const upperCased = new Set([
  'AuthorizationType',
  'IntegrationType',
  'ConnectionType',
  'ContentHandlingStrategy',
  'PassthroughBehavior',
  'IntegrationMethod',
  'AuthorizerType',
]);

/** Settings in canonical form: enums upper-case, versions as text, no undefined values. */
export function normalizeWebSocketSettings(settings: Record<string, unknown>): Json {
  const out = dict<unknown>();
  for (const [key, value] of Object.entries(settings)) {
    if (value === undefined || value === null) continue;
    if (upperCased.has(key) && typeof value === 'string') out[key] = value.toUpperCase();
    else if (key === 'PayloadFormatVersion' && typeof value === 'number') out[key] = value.toFixed(1);
    else if (key === 'TimeoutInMillis' || key === 'AuthorizerResultTtlInSeconds') out[key] = Number(value);
    else if (key === 'ApiKeyRequired' || key === 'DisableSchemaValidation' || key === 'DisableExecuteApiEndpoint')
      out[key] = value === true || value === 'true';
    else out[key] = value;
  }
  return out;
}

/** What the template declares. Routes name their authorizer by name (`authorizer`). */
export function desiredWebSocketShape(definition: WebSocketDefinition): ApiShape {
  const shape = emptyShape('WEBSOCKET');
  Object.assign(shape.settings, normalizeWebSocketSettings(definition.api));
  if (typeof definition.api['Name'] === 'string') shape.name = definition.api['Name'];
  for (const authorizer of definition.authorizers) {
    shape.authorizers[authorizer.name] = normalizeWebSocketSettings({ ...authorizer.settings, Name: authorizer.name });
  }
  for (const route of definition.routes) {
    const settings = normalizeWebSocketSettings(route.settings);
    const authorizer = definition.authorizers.find((a) => a.logicalId === route.authorizer);
    if (authorizer !== undefined) settings['authorizer'] = authorizer.name;
    const shaped: RouteShape = { key: route.routeKey, settings, responses: dict(), integrationResponses: dict() };
    for (const response of route.responses)
      shaped.responses![response.key] = normalizeWebSocketSettings(response.settings);
    const integration = definition.integrations.find((i) => i.logicalId === route.integration);
    if (integration !== undefined) {
      shaped.integration = normalizeWebSocketSettings(integration.settings);
      for (const response of integration.responses)
        shaped.integrationResponses![response.key] = normalizeWebSocketSettings(response.settings);
    }
    shape.routes[route.routeKey] = shaped;
  }
  return shape;
}

/** What AWS answered about a deployed WebSocket API. */
export interface DeployedWebSocketParts {
  api: GetApiResponse;
  routes: Route[];
  integrations: Integration[];
  /** By RouteId. */
  routeResponses: Map<string, RouteResponse[]>;
  /** By IntegrationId. */
  integrationResponses: Map<string, IntegrationResponse[]>;
  authorizers: Authorizer[];
}

/** Values AWS reports when a part was created without them. */
const defaults = {
  route: { ApiKeyRequired: false, AuthorizationType: 'NONE' },
  integration: { ConnectionType: 'INTERNET', TimeoutInMillis: 29000, PayloadFormatVersion: '1.0' },
} as const;

export function deployedWebSocketShape(parts: DeployedWebSocketParts): ApiShape {
  const shape = emptyShape('WEBSOCKET');
  shape.ids = {
    routes: dict(),
    integrationByRoute: dict(),
    routeResponses: dict(),
    integrationResponses: dict(),
    authorizers: dict(),
  };
  const ids = shape.ids;
  const {
    Name,
    RouteSelectionExpression,
    ApiKeySelectionExpression,
    Description,
    DisableSchemaValidation,
    DisableExecuteApiEndpoint,
    Version,
  } = parts.api;
  Object.assign(
    shape.settings,
    normalizeWebSocketSettings({
      Name,
      RouteSelectionExpression,
      ApiKeySelectionExpression,
      Description,
      DisableSchemaValidation,
      DisableExecuteApiEndpoint,
      Version,
    }),
  );
  if (Name !== undefined) shape.name = Name;
  const authorizerNames = new Map<string, string>();
  for (const a of parts.authorizers) {
    if (a.AuthorizerId === undefined || a.Name === undefined) continue;
    authorizerNames.set(a.AuthorizerId, a.Name);
    ids.authorizers[a.Name] = a.AuthorizerId;
    const { AuthorizerId: _id, ...settings } = a;
    shape.authorizers[a.Name] = normalizeWebSocketSettings(settings);
  }
  const integrations = new Map(
    parts.integrations.filter((i) => i.IntegrationId !== undefined).map((i) => [i.IntegrationId!, i]),
  );
  for (const route of parts.routes) {
    if (route.RouteKey === undefined || route.RouteId === undefined) continue;
    ids.routes[route.RouteKey] = route.RouteId;
    const { RouteId: _r, RouteKey: _k, Target, AuthorizerId, ApiGatewayManaged: _m, ...rest } = route;
    const settings = normalizeWebSocketSettings({ ...defaults.route, ...rest });
    if (AuthorizerId !== undefined && authorizerNames.has(AuthorizerId))
      settings['authorizer'] = authorizerNames.get(AuthorizerId);
    const shaped: RouteShape = { key: route.RouteKey, settings, responses: dict(), integrationResponses: dict() };
    for (const response of parts.routeResponses.get(route.RouteId) ?? []) {
      if (response.RouteResponseKey === undefined) continue;
      if (response.RouteResponseId !== undefined)
        ids.routeResponses[`${route.RouteKey} ${response.RouteResponseKey}`] = response.RouteResponseId;
      const { RouteResponseId: _i, RouteResponseKey: _rk, ...responseSettings } = response;
      shaped.responses![response.RouteResponseKey] = normalizeWebSocketSettings(responseSettings);
    }
    const integrationId =
      Target?.startsWith('integrations/') === true ? Target.slice('integrations/'.length) : undefined;
    const integration = integrationId === undefined ? undefined : integrations.get(integrationId);
    if (integrationId !== undefined && integration !== undefined) {
      ids.integrationByRoute[route.RouteKey] = integrationId;
      const {
        IntegrationId: _ii,
        IntegrationResponseSelectionExpression: _s,
        ApiGatewayManaged: _gm,
        ...integrationSettings
      } = integration;
      shaped.integration = normalizeWebSocketSettings({ ...defaults.integration, ...integrationSettings });
      for (const response of parts.integrationResponses.get(integrationId) ?? []) {
        if (response.IntegrationResponseKey === undefined) continue;
        if (response.IntegrationResponseId !== undefined)
          ids.integrationResponses[`${integrationId} ${response.IntegrationResponseKey}`] =
            response.IntegrationResponseId;
        const { IntegrationResponseId: _ri, IntegrationResponseKey: _irk, ...responseSettings } = response;
        shaped.integrationResponses![response.IntegrationResponseKey] = normalizeWebSocketSettings(responseSettings);
      }
    }
    shape.routes[route.RouteKey] = shaped;
  }
  return shape;
}

/**
 * `deployed` reduced to what `desired` says: each part present on both sides keeps only the settings the desired
 * part gives. Parts only one side has are kept whole (they are added or removed).
 */
export function projectOnto(deployed: ApiShape, desired: ApiShape): ApiShape {
  const pick = (value: unknown, like: unknown): unknown => {
    if (!isObject(value) || !isObject(like)) return value;
    const out = dict<unknown>();
    for (const key of Object.keys(like)) if (key in value) out[key] = value[key];
    return out;
  };
  const pickAll = (values: Record<string, unknown>, likes: Record<string, unknown>): Record<string, unknown> => {
    const out = dict<unknown>();
    for (const [key, value] of Object.entries(values)) out[key] = key in likes ? pick(value, likes[key]) : value;
    return out;
  };
  const routes = dict<RouteShape>();
  for (const [key, route] of Object.entries(deployed.routes)) {
    const want = desired.routes[key];
    if (want === undefined) {
      routes[key] = route;
      continue;
    }
    const projected: RouteShape = { key, settings: pick(route.settings, want.settings) as Json };
    if (route.integration !== undefined)
      projected.integration = pick(route.integration, want.integration ?? route.integration) as Json;
    projected.responses = pickAll(route.responses ?? {}, want.responses ?? {});
    projected.integrationResponses = pickAll(route.integrationResponses ?? {}, want.integrationResponses ?? {});
    routes[key] = projected;
  }
  const shape: ApiShape = {
    ...deployed,
    routes,
    authorizers: pickAll(deployed.authorizers, desired.authorizers),
    settings: pick(deployed.settings, desired.settings) as Record<string, unknown>,
  };
  return shape;
}
