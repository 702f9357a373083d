import type { SourceNode } from '../sourceNode';
import type { GatewayApi } from '../gatewayApi';
import { getProperty, locOf, toValue } from '../parse';
import type { BuildContext } from './context';
import type { BuiltApi, Resource } from './cloudformation';
import { buildCors, corsKeys } from './gatewayExtensions';
import { applySamAuth } from './samAuth';
import { booleanOf, maybeIntrinsic, numberOf, plainString, stringList, stringMap } from './values';
import { refTarget } from './refs';

/**
 * Settings written as properties of the API resource rather than in its body. Where both say something,
 * the body's value is kept unless noted (SAM merges its properties into the body the same way).
 */
export function applyResourceProperties(ctx: BuildContext, resource: Resource, api: GatewayApi): void {
  const props = resource.properties;
  const get = (key: string): SourceNode | undefined => getProperty(props, key);
  const stageName = get('StageName');
  if (stageName !== undefined) {
    api.stage = { name: maybeIntrinsic(stageName), variables: stringMap(get('Variables')), loc: locOf(stageName) };
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
  if (auth !== undefined) applySamAuth(ctx, auth, api);
}

/** SAM's `CorsConfiguration: true`: every origin allowed. */
const allowAll = { allowOrigins: ['*'], allowMethods: [], allowHeaders: [], exposeHeaders: [] };

function setIfDefined<K extends keyof GatewayApi>(api: GatewayApi, key: K, value: GatewayApi[K] | undefined): void {
  if (value !== undefined) api[key] = value;
}

const stageTypes = ['AWS::ApiGateway::Stage', 'AWS::ApiGatewayV2::Stage'];

/** Stage resources (`AWS::ApiGateway::Stage`, `AWS::ApiGatewayV2::Stage`) give the stage of the API they name. */
export function applyStages(_ctx: BuildContext, resources: Resource[], built: Map<string, BuiltApi>): void {
  for (const resource of resources) {
    if (!stageTypes.includes(resource.type)) continue;
    const props = resource.properties;
    const apiId = refTarget(getProperty(props, 'RestApiId') ?? getProperty(props, 'ApiId'));
    const target = apiId === undefined ? undefined : built.get(apiId);
    if (target === undefined || target.api.stage !== undefined) continue;
    target.api.stage = {
      name: maybeIntrinsic(getProperty(props, 'StageName')),
      variables: stringMap(getProperty(props, 'Variables') ?? getProperty(props, 'StageVariables')),
      loc: resource.loc,
    };
    if (target.api.stage.name === undefined) delete target.api.stage.name;
  }
}
