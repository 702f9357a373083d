import type { SourceNode } from '../sourceNode';
import type { Authorizer, GatewayApi } from '../gatewayApi';
import { getProperty, locOf, toValue } from '../parse';
import type { BuildContext } from './context';
import { entriesOf, itemsOf } from './context';
import { identitySourceOf, securityEffect } from './authorizers';
import {
  asRecord,
  booleanOf,
  dropUndefined,
  maybeIntrinsic,
  numberOf,
  plainString,
  stringList,
  versionString,
} from './values';

/**
 * SAM's `Auth` property of AWS::Serverless::Api / HttpApi: `Authorizers` become authorizers (unless the
 * body already declares one of that name), `DefaultAuthorizer` the API-wide security, and `ApiKeyRequired`
 * (REST) requires an API key on every method of the body. Returns `ApiKeyRequired`, which the API's function
 * events inherit unless their own `Auth.ApiKeyRequired` says otherwise.
 */
export function applySamAuth(ctx: BuildContext, auth: SourceNode, api: GatewayApi): { apiKeyRequired?: boolean } {
  const http = api.source.resourceType === 'AWS::Serverless::HttpApi';
  for (const [name, node] of entriesOf(ctx, getProperty(auth, 'Authorizers'))) {
    if (api.authorizers.some((a) => a.name === name)) continue;
    api.authorizers.push(samAuthorizer(name, node, http));
  }
  const defaultName = plainString(getProperty(auth, 'DefaultAuthorizer'));
  if (defaultName !== undefined && defaultName !== 'NONE' && api.security.length === 0) {
    api.security = [{ [defaultName]: [] }];
    for (const route of api.routes) {
      if (route.security === undefined) Object.assign(route, securityEffect(api.security, api.authorizers));
    }
  }
  const apiKeyRequired = http ? undefined : booleanOf(getProperty(auth, 'ApiKeyRequired'));
  if (apiKeyRequired === true) for (const route of api.routes) route.apiKeyRequired = true;
  return apiKeyRequired === undefined ? {} : { apiKeyRequired };
}

function samAuthorizer(name: string, node: SourceNode, http: boolean): Authorizer {
  const get = (key: string): SourceNode | undefined => getProperty(node, key);
  const identity = get('Identity');
  const jwt = get('JwtConfiguration');
  const functionArn = get('FunctionArn');
  const userPool = get('UserPoolArn');
  const type =
    jwt !== undefined
      ? 'jwt'
      : userPool !== undefined
        ? 'cognito_user_pools'
        : functionArn !== undefined
          ? (plainString(get('FunctionPayloadType')) ?? (http ? 'request' : 'token')).toLowerCase()
          : undefined;
  return dropUndefined({
    name,
    type,
    authType: type === 'cognito_user_pools' ? 'cognito_user_pools' : type === 'jwt' ? undefined : type && 'custom',
    authorizerUri: maybeIntrinsic(functionArn),
    authorizerCredentials: maybeIntrinsic(get('FunctionInvokeRole')),
    identitySource: identitySourceOf(get('IdentitySource')) ?? samIdentitySource(identity, type, http),
    identityValidationExpression: plainString(getProperty(identity, 'ValidationExpression')),
    authorizerResultTtlInSeconds: numberOf(getProperty(identity, 'ReauthorizeEvery')),
    providerARNs:
      userPool === undefined ? [] : userPool.kind === 'array' ? itemsOf(userPool).map(toValue) : [toValue(userPool)],
    jwtConfiguration:
      jwt === undefined
        ? undefined
        : {
            issuer: maybeIntrinsic(getProperty(jwt, 'issuer') ?? getProperty(jwt, 'Issuer')),
            audience: itemsOf(getProperty(jwt, 'audience') ?? getProperty(jwt, 'Audience')).map(toValue),
          },
    authorizerPayloadFormatVersion: versionString(get('AuthorizerPayloadFormatVersion')),
    enableSimpleResponses: booleanOf(get('EnableSimpleResponses')),
    loc: locOf(node),
    raw: asRecord(toValue(node)),
  });
}

/** SAM's `Identity` (Header, QueryStrings, Headers...) as an API Gateway identity source. */
function samIdentitySource(
  identity: SourceNode | undefined,
  type: string | undefined,
  http: boolean,
): string | undefined {
  const prefix = http ? '$request' : 'method.request';
  const sources: string[] = [];
  const header = plainString(getProperty(identity, 'Header'));
  if (header !== undefined) sources.push(`method.request.header.${header}`);
  for (const h of stringList(getProperty(identity, 'Headers'))) sources.push(`${prefix}.header.${h}`);
  for (const q of stringList(getProperty(identity, 'QueryStrings'))) sources.push(`${prefix}.querystring.${q}`);
  if (sources.length === 0 && (type === 'token' || type === 'cognito_user_pools')) {
    sources.push('method.request.header.Authorization');
  }
  return sources.length === 0 ? undefined : sources.join(', ');
}
