import type { SourceNode } from '../sourceNode';
import type { Integration, IntegrationResponse, MethodResponse, Parameter, Route } from '../gatewayApi';
import { getProperty, keyLocOf, locOf, toValue } from '../parse';
import type { BuildContext } from './context';
import { asObject, itemsOf } from './context';
import type { Resource } from './builtApi';
import { lambdaFunctionOf } from './lambdaUri';
import { refTarget } from './refs';
import { buildTemplates } from './templates';
import {
  asRecord,
  booleanOf,
  dropUndefined,
  maybeIntrinsic,
  numberOf,
  plainString,
  stringList,
  stringMap,
} from './values';
import { dictOf } from '../../shared/dict';

/**
 * The route of an `AWS::ApiGateway::Method` resource at `path`. Its `loc` is the Method resource; authorizer,
 * validator and API-key settings come from `AuthorizerId`, `RequestValidatorId` and `ApiKeyRequired`.
 */
export function buildMethodRoute(
  ctx: BuildContext,
  method: Resource,
  at: { path: string; pathLoc?: Route['pathLoc'] },
): Route {
  const get = (key: string): SourceNode | undefined => getProperty(method.properties, key);
  const authorizer = refTarget(get('AuthorizerId'));
  const httpMethod = (plainString(get('HttpMethod')) ?? '').toUpperCase();
  const models = asObject(get('RequestModels'));
  const integration = get('Integration');
  return dropUndefined({
    method: httpMethod,
    path: at.path,
    loc: method.loc,
    pathLoc: at.pathLoc,
    operationId: plainString(get('OperationName')),
    tags: [],
    parameters: methodParameters(asObject(get('RequestParameters'))),
    requestBody:
      models === undefined
        ? undefined
        : { required: false, contentTypes: models.properties.map((p) => p.key), loc: locOf(models) },
    responses: itemsOf(get('MethodResponses')).map(methodResponse),
    integration: integration === undefined ? undefined : buildRestIntegration(ctx, integration),
    security: authorizer === undefined ? undefined : [{ [authorizer]: stringList(get('AuthorizationScopes')) }],
    authorizerNames: authorizer === undefined ? [] : [authorizer],
    apiKeyRequired: booleanOf(get('ApiKeyRequired')) ?? false,
    requestValidator: refTarget(get('RequestValidatorId')),
    authorizationType: plainString(get('AuthorizationType'))?.toUpperCase(),
    extensions: {},
  });
}

const parameterPlaces: Record<string, Parameter['in']> = dictOf({
  path: 'path',
  querystring: 'query',
  multivaluequerystring: 'query',
  header: 'header',
  multivalueheader: 'header',
});

/** `method.request.querystring.limit: true` → a required query parameter `limit`. */
function methodParameters(node: SourceNode | undefined): Parameter[] {
  const out: Parameter[] = [];
  if (node?.kind !== 'object') return out;
  for (const { key, value } of node.properties) {
    const match = /^method\.request\.([a-z]+)\.(.+)$/.exec(key);
    const where = match === null ? undefined : parameterPlaces[match[1] ?? ''];
    if (match === null || where === undefined) continue;
    out.push({
      name: match[2] ?? '',
      in: where,
      required: booleanOf(value) ?? where === 'path',
      loc: keyLocOf(node, key) ?? locOf(value),
    });
  }
  return out;
}

function methodResponse(node: SourceNode): MethodResponse {
  const parameters = asObject(getProperty(node, 'ResponseParameters'));
  const models = asObject(getProperty(node, 'ResponseModels'));
  return {
    statusCode: plainString(getProperty(node, 'StatusCode')) ?? '',
    headers: (parameters?.properties ?? []).map((p) => p.key.replace(/^method\.response\.header\./, '')),
    contentTypes: (models?.properties ?? []).map((p) => p.key),
    loc: locOf(node),
  };
}

/** The `Integration` property of an AWS::ApiGateway::Method, in the model's terms. */
export function buildRestIntegration(ctx: BuildContext, node: SourceNode): Integration {
  const get = (key: string): SourceNode | undefined => getProperty(node, key);
  const type = plainString(get('Type'))?.toUpperCase();
  const uri = maybeIntrinsic(get('Uri'));
  return dropUndefined({
    type,
    uri,
    httpMethod: plainString(get('IntegrationHttpMethod'))?.toUpperCase(),
    connectionType: plainString(get('ConnectionType')),
    connectionId: maybeIntrinsic(get('ConnectionId')),
    credentials: maybeIntrinsic(get('Credentials')),
    passthroughBehavior: plainString(get('PassthroughBehavior')),
    contentHandling: plainString(get('ContentHandling')),
    timeoutInMillis: numberOf(get('TimeoutInMillis')),
    cacheNamespace: plainString(get('CacheNamespace')),
    cacheKeyParameters: stringList(get('CacheKeyParameters')),
    requestParameters: stringMap(get('RequestParameters')),
    requestTemplates: buildTemplates(ctx, get('RequestTemplates')),
    responses: itemsOf(get('IntegrationResponses')).map((item) => integrationResponse(ctx, item)),
    responseParameters: {},
    lambdaFunction: type === 'AWS' || type === 'AWS_PROXY' ? lambdaFunctionOf(uri) : undefined,
    loc: locOf(node),
    raw: asRecord(toValue(node)),
  });
}

/** An `IntegrationResponses` item; without a `SelectionPattern` it is the default response. */
function integrationResponse(ctx: BuildContext, node: SourceNode): IntegrationResponse {
  const get = (key: string): SourceNode | undefined => getProperty(node, key);
  return dropUndefined({
    pattern: plainString(get('SelectionPattern')) ?? 'default',
    statusCode: plainString(get('StatusCode')),
    responseParameters: stringMap(get('ResponseParameters')),
    responseTemplates: buildTemplates(ctx, get('ResponseTemplates')),
    contentHandling: plainString(get('ContentHandling')),
    loc: locOf(node),
  });
}
