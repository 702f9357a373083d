// A WebSocket API has no import: what to deploy is read from its AWS::ApiGatewayV2 resources (Api, Route,
// Integration, IntegrationResponse, RouteResponse, Authorizer), with intrinsics substituted and the references
// between them (ApiId, Target, RouteId, IntegrationId, AuthorizerId) kept as logical ids, which apply maps to the
// ids AWS gives the created parts.
import type { SourceNode } from '../../model';
import { getProperty } from '../../model/parse';
import { refTarget, targetIntegration } from '../../model/build/refs';
import { dict } from '../../shared/dict';
import { type MaterializeContext, materialize } from './materialize';
import type { Resource } from './templateParts';
import type { WebSocketAuthorizer, WebSocketDefinition, WebSocketIntegration, WebSocketRoute } from './types';

/** The properties of each resource type that are settings of the v2 API (others are references or CloudFormation's). */
const settingsOf = {
  Api: [
    'Name',
    'RouteSelectionExpression',
    'ApiKeySelectionExpression',
    'Description',
    'DisableSchemaValidation',
    'DisableExecuteApiEndpoint',
    'Version',
    'Tags',
  ],
  Route: [
    'AuthorizationType',
    'ApiKeyRequired',
    'AuthorizationScopes',
    'OperationName',
    'RouteResponseSelectionExpression',
    'ModelSelectionExpression',
    'RequestModels',
    'RequestParameters',
  ],
  Integration: [
    'IntegrationType',
    'IntegrationUri',
    'IntegrationMethod',
    'ConnectionType',
    'ConnectionId',
    'CredentialsArn',
    'ContentHandlingStrategy',
    'PassthroughBehavior',
    'PayloadFormatVersion',
    'RequestParameters',
    'RequestTemplates',
    'TemplateSelectionExpression',
    'TimeoutInMillis',
    'Description',
    'IntegrationSubtype',
    'TlsConfig',
  ],
  IntegrationResponse: [
    'ResponseParameters',
    'ResponseTemplates',
    'TemplateSelectionExpression',
    'ContentHandlingStrategy',
  ],
  RouteResponse: ['ResponseModels', 'ResponseParameters', 'ModelSelectionExpression'],
  Authorizer: [
    'AuthorizerType',
    'AuthorizerUri',
    'AuthorizerCredentialsArn',
    'IdentitySource',
    'IdentityValidationExpression',
    'AuthorizerResultTtlInSeconds',
    'Name',
    'JwtConfiguration',
    'AuthorizerPayloadFormatVersion',
    'EnableSimpleResponses',
  ],
} as const;

/** Reads the WebSocket API `api` and the V2 resources that belong to it. Problems go to `base.diagnostics`. */
export function readWebSocket(
  resources: Resource[],
  api: Resource,
  base: Omit<MaterializeContext, 'what' | 'bodyRoot'>,
): { definition: WebSocketDefinition; notes: string[] } {
  const mine = (r: Resource): boolean => refTarget(getProperty(r.properties, 'ApiId')) === api.logicalId;
  const ofType = (type: string): Resource[] =>
    resources.filter((r) => r.type === `AWS::ApiGatewayV2::${type}` && mine(r));
  const settings = (r: Resource, keys: readonly string[]): Record<string, unknown> => {
    const out = dict<unknown>();
    for (const key of keys) {
      const node = getProperty(r.properties, key);
      if (node === undefined) continue;
      const value = materialize(node, { ...base, what: `The ${key} of '${r.logicalId}'` });
      if (value !== undefined) out[key] = value;
    }
    return out;
  };
  const keyOf = (r: Resource, key: string): string | undefined => {
    const node = getProperty(r.properties, key);
    const value =
      node === undefined ? undefined : materialize(node, { ...base, what: `The ${key} of '${r.logicalId}'` });
    return typeof value === 'string' ? value : undefined;
  };

  const integrations: WebSocketIntegration[] = ofType('Integration').map((r) => ({
    logicalId: r.logicalId,
    settings: settings(r, settingsOf.Integration),
    responses: [],
    ref: { file: r.loc.file, range: r.loc.range },
  }));
  for (const r of ofType('IntegrationResponse')) {
    const owner = integrations.find((i) => i.logicalId === refTarget(getProperty(r.properties, 'IntegrationId')));
    const key = keyOf(r, 'IntegrationResponseKey');
    if (owner !== undefined && key !== undefined)
      owner.responses.push({ key, settings: settings(r, settingsOf.IntegrationResponse) });
  }
  const authorizers: WebSocketAuthorizer[] = ofType('Authorizer').map((r) => {
    const values = settings(r, settingsOf.Authorizer);
    return {
      logicalId: r.logicalId,
      name: typeof values['Name'] === 'string' ? values['Name'] : r.logicalId,
      settings: values,
      ref: { file: r.loc.file, range: r.loc.range },
    };
  });
  const routes: WebSocketRoute[] = [];
  for (const r of ofType('Route')) {
    const routeKey = keyOf(r, 'RouteKey');
    if (routeKey === undefined) continue;
    const route: WebSocketRoute = {
      logicalId: r.logicalId,
      routeKey,
      settings: settings(r, settingsOf.Route),
      responses: [],
      ref: { file: r.loc.file, range: r.loc.range },
    };
    const target = getProperty(r.properties, 'Target');
    const integration = targetIntegration(target) ?? literalTarget(target);
    if (integration !== undefined) route.integration = integration;
    const authorizer = refTarget(getProperty(r.properties, 'AuthorizerId'));
    if (authorizer !== undefined) route.authorizer = authorizer;
    routes.push(route);
  }
  for (const r of ofType('RouteResponse')) {
    const owner = routes.find((route) => route.logicalId === refTarget(getProperty(r.properties, 'RouteId')));
    const key = keyOf(r, 'RouteResponseKey');
    if (owner !== undefined && key !== undefined)
      owner.responses.push({ key, settings: settings(r, settingsOf.RouteResponse) });
  }
  const apiSettings = settings(api, settingsOf.Api);
  if (apiSettings['Name'] === undefined) apiSettings['Name'] = api.logicalId;
  const skipped = ['Model', 'ApiMapping', 'DomainName'].flatMap((t) =>
    ofType(t).map((r) => `${r.logicalId} (${r.type})`),
  );
  const notes = skipped.length === 0 ? [] : [`Not deployed from here (CloudFormation only): ${skipped.join(', ')}.`];
  return { definition: { api: apiSettings, routes, integrations, authorizers }, notes };
}

/** A literal `integrations/abc123` target names an integration that already exists; kept as its id. */
function literalTarget(node: SourceNode | undefined): string | undefined {
  if (node?.kind !== 'scalar' || typeof node.value !== 'string') return undefined;
  const match = /^integrations\/(.+)$/.exec(node.value);
  return match?.[1] === undefined ? undefined : `id:${match[1]}`;
}
