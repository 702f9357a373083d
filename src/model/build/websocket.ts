import type { SourceNode } from '../sourceNode';
import type { Authorizer, Integration, IntegrationResponse, Route } from '../gatewayApi';
import { getProperty, toValue } from '../parse';
import type { BuildContext } from './context';
import { entriesOf, itemsOf } from './context';
import type { BuiltApi, Resource } from './builtApi';
import { identitySourceOf, securityEffect } from './authorizers';
import { lambdaFunctionOf } from './lambdaUri';
import { refTarget, targetIntegration } from './refs';
import { buildTemplates } from './templates';
import {
  asRecord,
  booleanOf,
  dropUndefined,
  maybeIntrinsic,
  numberOf,
  plainString,
  plainStringMap,
  stringList,
  stringMap,
  versionString,
} from './values';

/**
 * WebSocket APIs (and HTTP APIs without a body) written as AWS::ApiGatewayV2 resources: Route, Integration,
 * IntegrationResponse, RouteResponse and Authorizer resources are joined through their `ApiId`,
 * `IntegrationId`, `RouteId` and `Target` references.
 */
export function addV2Resources(ctx: BuildContext, resources: Resource[], built: Map<string, BuiltApi>): void {
  const ofType = (type: string): Resource[] => resources.filter((r) => r.type === `AWS::ApiGatewayV2::${type}`);
  const apiOf = (r: Resource): BuiltApi | undefined => {
    const id = refTarget(getProperty(r.properties, 'ApiId'));
    const target = id === undefined ? undefined : built.get(id);
    return target?.hasBody === false && target.evidence.resourceType === 'AWS::ApiGatewayV2::Api' ? target : undefined;
  };
  const integrations = new Map<string, Integration>();
  for (const r of ofType('Integration')) {
    if (apiOf(r) !== undefined) integrations.set(r.logicalId, buildV2Integration(ctx, r));
  }
  for (const r of ofType('IntegrationResponse')) {
    const integration = integrations.get(refTarget(getProperty(r.properties, 'IntegrationId')) ?? '');
    integration?.responses.push(buildIntegrationResponse(ctx, r));
  }
  for (const r of ofType('Authorizer')) apiOf(r)?.api.authorizers.push(buildV2Authorizer(r));
  const routes = new Map<string, Route>();
  for (const r of ofType('Route')) {
    const target = apiOf(r);
    if (target === undefined) continue;
    const route = buildV2Route(r, target.evidence.protocolType?.toUpperCase() === 'WEBSOCKET', integrations);
    Object.assign(route, securityEffect(route.security ?? [], target.api.authorizers));
    if (route.security?.length === 0) delete route.security;
    routes.set(r.logicalId, route);
    target.api.routes.push(route);
  }
  for (const r of ofType('RouteResponse')) {
    const route = routes.get(refTarget(getProperty(r.properties, 'RouteId')) ?? '');
    const key = plainString(getProperty(r.properties, 'RouteResponseKey'));
    if (route === undefined || key === undefined) continue;
    const models = entriesOf(ctx, getProperty(r.properties, 'ResponseModels')).map(([type]) => type);
    route.responses.push({ statusCode: key, headers: [], contentTypes: models, loc: r.loc });
  }
}

function buildV2Route(r: Resource, websocket: boolean, integrations: Map<string, Integration>): Route {
  const get = (key: string): SourceNode | undefined => getProperty(r.properties, key);
  const routeKey = plainString(get('RouteKey')) ?? '';
  const [method, path] = websocket ? [routeKey, routeKey] : splitHttpRouteKey(routeKey);
  const integrationId = targetIntegration(get('Target'));
  const integration = integrationId === undefined ? undefined : integrations.get(integrationId);
  const authorizer = refTarget(get('AuthorizerId'));
  const route: Route = dropUndefined({
    method,
    path,
    loc: r.loc,
    operationId: plainString(get('OperationName')),
    tags: [],
    parameters: [],
    responses: [],
    integration,
    security: authorizer === undefined ? undefined : [{ [authorizer]: stringList(get('AuthorizationScopes')) }],
    authorizerNames: [],
    apiKeyRequired: booleanOf(get('ApiKeyRequired')) ?? false,
    routeResponseSelectionExpression: plainString(get('RouteResponseSelectionExpression')),
    authorizationType: plainString(get('AuthorizationType')),
    extensions: {},
  });
  return route;
}

/** 'GET /pets' → ['GET', '/pets']; '$default' → ['ANY', '$default']. */
function splitHttpRouteKey(routeKey: string): [string, string] {
  const space = routeKey.indexOf(' ');
  if (space < 0) return ['ANY', routeKey];
  return [routeKey.slice(0, space).toUpperCase(), routeKey.slice(space + 1).trim()];
}

function buildV2Integration(ctx: BuildContext, r: Resource): Integration {
  const get = (key: string): SourceNode | undefined => getProperty(r.properties, key);
  const type = plainString(get('IntegrationType'))?.toUpperCase();
  const uri = maybeIntrinsic(get('IntegrationUri'));
  // eslint-disable-next-line no-restricted-syntax -- JSON-like data (for ajv, YAML and tests): look keys up with ownValue
  const responseParameters: Record<string, Record<string, string>> = {};
  for (const [status, value] of entriesOf(ctx, get('ResponseParameters')))
    responseParameters[status] = plainStringMap(value);
  return dropUndefined({
    type,
    uri,
    httpMethod: plainString(get('IntegrationMethod'))?.toUpperCase(),
    connectionType: plainString(get('ConnectionType')),
    connectionId: maybeIntrinsic(get('ConnectionId')),
    credentials: maybeIntrinsic(get('CredentialsArn')),
    passthroughBehavior: plainString(get('PassthroughBehavior')),
    contentHandling: plainString(get('ContentHandlingStrategy')),
    timeoutInMillis: numberOf(get('TimeoutInMillis')),
    cacheKeyParameters: [],
    requestParameters: stringMap(get('RequestParameters')),
    requestTemplates: buildTemplates(ctx, get('RequestTemplates')),
    responses: [],
    responseParameters,
    payloadFormatVersion: versionString(get('PayloadFormatVersion')),
    integrationSubtype: plainString(get('IntegrationSubtype')),
    tlsConfig:
      get('TlsConfig') &&
      dropUndefined({ serverNameToVerify: plainString(getProperty(get('TlsConfig'), 'ServerNameToVerify')) }),
    templateSelectionExpression: plainString(get('TemplateSelectionExpression')),
    lambdaFunction: type === 'AWS' || type === 'AWS_PROXY' ? lambdaFunctionOf(uri) : undefined,
    loc: r.loc,
    raw: asRecord(toValue(r.properties)),
  });
}

function buildIntegrationResponse(ctx: BuildContext, r: Resource): IntegrationResponse {
  const get = (key: string): SourceNode | undefined => getProperty(r.properties, key);
  return dropUndefined({
    pattern: plainString(get('IntegrationResponseKey')) ?? '$default',
    responseParameters: stringMap(get('ResponseParameters')),
    responseTemplates: buildTemplates(ctx, get('ResponseTemplates')),
    contentHandling: plainString(get('ContentHandlingStrategy')),
    loc: r.loc,
  });
}

function buildV2Authorizer(r: Resource): Authorizer {
  const get = (key: string): SourceNode | undefined => getProperty(r.properties, key);
  const jwt = get('JwtConfiguration');
  return dropUndefined({
    name: r.logicalId,
    type: plainString(get('AuthorizerType'))?.toLowerCase(),
    authorizerUri: maybeIntrinsic(get('AuthorizerUri')),
    authorizerCredentials: maybeIntrinsic(get('AuthorizerCredentialsArn')),
    identitySource: identitySourceOf(get('IdentitySource')),
    identityValidationExpression: plainString(get('IdentityValidationExpression')),
    authorizerResultTtlInSeconds: numberOf(get('AuthorizerResultTtlInSeconds')),
    providerARNs: [],
    jwtConfiguration: jwt && {
      issuer: maybeIntrinsic(getProperty(jwt, 'Issuer')),
      audience: itemsOf(getProperty(jwt, 'Audience')).map(toValue),
    },
    authorizerPayloadFormatVersion: versionString(get('AuthorizerPayloadFormatVersion')),
    enableSimpleResponses: booleanOf(get('EnableSimpleResponses')),
    loc: r.loc,
    raw: asRecord(toValue(r.properties)),
  });
}
