import type { SourceNode } from '../sourceNode';
import type { GatewayApi } from '../gatewayApi';
import { getProperty, locOf, toValue } from '../parse';
import type { BuildContext } from './context';
import type { BuiltApi, Resource } from './builtApi';
import { buildCors, corsKeys } from './gatewayExtensions';
import { applySamAuth } from './samAuth';
import { booleanOf, maybeIntrinsic, numberOf, plainString, stringList, stringMap } from './values';
import { refTarget } from './refs';

/**
 * Settings written as properties of the API resource rather than in its body. Where both say something,
 * the body's value is kept unless noted (SAM merges its properties into the body the same way). Returns
 * SAM's `Auth.ApiKeyRequired`, which function events of the API inherit.
 */
export function applyResourceProperties(
  ctx: BuildContext,
  resource: Resource,
  api: GatewayApi,
): { apiKeyRequired?: boolean } {
  const props = resource.properties;
  const get = (key: string): SourceNode | undefined => getProperty(props, key);
  const stageName = get('StageName');
  const variables = get('Variables') ?? get('StageVariables');
  if (stageName !== undefined || variables !== undefined) {
    const at = stageName ?? variables;
    api.stage = { variables: stringMap(variables), loc: at === undefined ? resource.loc : locOf(at) };
    if (stageName !== undefined) api.stage.name = maybeIntrinsic(stageName);
    if (api.stage.name === undefined) delete api.stage.name;
  }
  const cors = resource.type === 'AWS::Serverless::Api' ? get('Cors') : get('CorsConfiguration');
  if (cors !== undefined && api.cors === undefined && booleanOf(cors) !== false) {
    const keys = resource.type === 'AWS::Serverless::Api' ? corsKeys.samApi : corsKeys.cloudformation;
    api.cors = booleanOf(cors) === true ? { ...allowAll, loc: locOf(cors) } : buildCors(cors, keys);
  }
  if (api.binaryMediaTypes.length === 0) {
    api.binaryMediaTypes = stringList(get('BinaryMediaTypes')).map((t) => t.replace(/~1/g, '/'));
  }
  api.description ??= plainString(get('Description'));
  if (api.description === undefined) delete api.description;
  setIfDefined(api, 'routeSelectionExpression', plainString(get('RouteSelectionExpression')));
  setIfDefined(api, 'apiKeySelectionExpression', plainString(get('ApiKeySelectionExpression')));
  setIfDefined(api, 'apiKeySource', api.apiKeySource ?? plainString(get('ApiKeySourceType')));
  setIfDefined(api, 'minimumCompressionSize', api.minimumCompressionSize ?? numberOf(get('MinimumCompressionSize')));
  setIfDefined(
    api,
    'disableExecuteApiEndpoint',
    api.disableExecuteApiEndpoint ?? booleanOf(get('DisableExecuteApiEndpoint')),
  );
  const endpoint = get('EndpointConfiguration');
  if (endpoint !== undefined && api.endpointConfiguration === undefined) {
    const types =
      endpoint.kind === 'scalar'
        ? stringList(endpoint)
        : stringList(getProperty(endpoint, 'Type') ?? getProperty(endpoint, 'Types'));
    api.endpointConfiguration = { types };
  }
  const policy = get('Policy');
  if (policy !== undefined && api.policy === undefined) api.policy = toValue(policy);
  const auth = get('Auth');
  return auth === undefined ? {} : applySamAuth(ctx, auth, api);
}

/** SAM's `CorsConfiguration: true`: every origin allowed. */
const allowAll = { allowOrigins: ['*'], allowMethods: [], allowHeaders: [], exposeHeaders: [] };

function setIfDefined<K extends keyof GatewayApi>(api: GatewayApi, key: K, value: GatewayApi[K] | undefined): void {
  if (value !== undefined) api[key] = value;
}

const stageTypes = ['AWS::ApiGateway::Stage', 'AWS::ApiGatewayV2::Stage'];

/**
 * Stage resources (`AWS::ApiGateway::Stage`, `AWS::ApiGatewayV2::Stage`) give the stage of the API they name;
 * without one, an `AWS::ApiGateway::Deployment` with a `StageName` (and `StageDescription.Variables`) does.
 */
export function applyStages(_ctx: BuildContext, resources: Resource[], built: Map<string, BuiltApi>): void {
  const stages = resources.filter((r) => stageTypes.includes(r.type));
  const deployments = resources.filter(
    (r) => r.type === 'AWS::ApiGateway::Deployment' && getProperty(r.properties, 'StageName') !== undefined,
  );
  for (const resource of [...stages, ...deployments]) {
    const props = resource.properties;
    const apiId = refTarget(getProperty(props, 'RestApiId') ?? getProperty(props, 'ApiId'));
    const target = apiId === undefined ? undefined : built.get(apiId);
    if (target === undefined || target.api.stage !== undefined) continue;
    const variables =
      resource.type === 'AWS::ApiGateway::Deployment'
        ? getProperty(getProperty(props, 'StageDescription'), 'Variables')
        : (getProperty(props, 'Variables') ?? getProperty(props, 'StageVariables'));
    target.api.stage = {
      name: maybeIntrinsic(getProperty(props, 'StageName')),
      variables: stringMap(variables),
      loc: resource.loc,
    };
    if (target.api.stage.name === undefined) delete target.api.stage.name;
  }
}
