import type { SourceNode } from './sourceNode';
import type { ApiType, GatewayApi } from './gatewayApi';
import { getProperty } from './parse';

/**
 * Deciding whether an API is REST, HTTP or WebSocket, with the reason in words. The rules are documented in
 * docs/api-type.md: an explicit override wins, then the CloudFormation resource type, then the document's
 * features (Swagger 2.0 is REST; OpenAPI 3 is HTTP when it uses HTTP-API-only features and no REST-only ones).
 */
export interface TypeEvidence {
  /** `ReadOptions.apiType`. */
  override?: ApiType;
  /** The CloudFormation resource declaring the API, when there is one. */
  resourceType?: string;
  logicalId?: string;
  /** `ProtocolType` of an AWS::ApiGatewayV2::Api, as written. */
  protocolType?: string;
  /** The API is the one SAM creates for function events (ServerlessRestApi / ServerlessHttpApi). */
  implicit?: boolean;
  /** The OpenAPI / Swagger root the API was built from. */
  root?: SourceNode;
}

export function decideApiType(api: GatewayApi, evidence: TypeEvidence): { type: ApiType; reason: string } {
  if (evidence.override !== undefined) {
    return { type: evidence.override, reason: `Set to ${evidence.override} by the apiType option.` };
  }
  const fromResource = typeOfResource(evidence);
  if (fromResource !== undefined) return fromResource;
  if (api.source.openapiVersion?.startsWith('2')) {
    return { type: 'REST', reason: 'Swagger 2.0 definitions are REST APIs (HTTP APIs import only OpenAPI 3).' };
  }
  const httpOnly = httpOnlyFeatures(api, evidence.root);
  const restOnly = restOnlyFeatures(api);
  if (httpOnly.length > 0 && restOnly.length === 0) {
    return { type: 'HTTP', reason: `Uses features only HTTP APIs have: ${httpOnly.join(', ')}.` };
  }
  if (httpOnly.length > 0) {
    return {
      type: 'REST',
      reason:
        `REST, because it uses REST-only features (${restOnly.join(', ')}) as well as HTTP-API-only ones ` +
        `(${httpOnly.join(', ')}), which a REST import ignores. Set apiType to override.`,
    };
  }
  if (restOnly.length > 0) {
    return { type: 'REST', reason: `Uses features only REST APIs have: ${restOnly.join(', ')}.` };
  }
  return {
    type: 'REST',
    reason: 'REST by default: the definition uses no feature specific to REST or HTTP APIs. Set apiType to override.',
  };
}

function typeOfResource(e: TypeEvidence): { type: ApiType; reason: string } | undefined {
  if (e.implicit) {
    const type: ApiType = e.resourceType === 'AWS::Serverless::HttpApi' ? 'HTTP' : 'REST';
    const events = type === 'HTTP' ? 'HttpApi' : 'Api';
    return {
      type,
      reason: `The ${type} API that SAM creates for the ${events} events of AWS::Serverless::Function resources.`,
    };
  }
  const what = `${e.resourceType} resource '${e.logicalId ?? ''}'`;
  switch (e.resourceType) {
    case 'AWS::Serverless::Api':
    case 'AWS::ApiGateway::RestApi':
      return { type: 'REST', reason: `Declared by the ${what}, a REST API.` };
    case 'AWS::Serverless::HttpApi':
      return { type: 'HTTP', reason: `Declared by the ${what}, an HTTP API.` };
    case 'AWS::ApiGatewayV2::Api': {
      const protocol = e.protocolType?.toUpperCase();
      if (protocol === 'WEBSOCKET') return { type: 'WEBSOCKET', reason: `The ${what} has ProtocolType WEBSOCKET.` };
      if (protocol === 'HTTP') return { type: 'HTTP', reason: `The ${what} has ProtocolType HTTP.` };
      return { type: 'HTTP', reason: `The ${what} has no ProtocolType: HTTP, as for an imported OpenAPI body.` };
    }
    default:
      return undefined;
  }
}

/** Features that only HTTP APIs support, by the name a user would search for. */
export function httpOnlyFeatures(api: GatewayApi, root: SourceNode | undefined): string[] {
  const found = new Set<string>();
  if (api.extensions['x-amazon-apigateway-cors'] !== undefined) found.add('x-amazon-apigateway-cors');
  const components = getProperty(root, 'components');
  if (getProperty(components, 'x-amazon-apigateway-integrations') !== undefined) {
    found.add('components.x-amazon-apigateway-integrations');
  }
  for (const route of api.routes) {
    if (route.path === '$default') found.add('a $default route');
    const i = route.integration;
    if (i?.payloadFormatVersion !== undefined) found.add('payloadFormatVersion');
    if (i?.integrationSubtype !== undefined) found.add('integrationSubtype');
    if (i?.sharedName !== undefined) found.add('components.x-amazon-apigateway-integrations');
  }
  for (const a of api.authorizers) {
    if (a.type === 'jwt') found.add('a jwt authorizer');
    if (a.authorizerPayloadFormatVersion !== undefined) found.add('authorizerPayloadFormatVersion');
    if (a.enableSimpleResponses !== undefined) found.add('enableSimpleResponses');
  }
  return [...found];
}

/** Features that only REST APIs support. */
export function restOnlyFeatures(api: GatewayApi): string[] {
  const found = new Set<string>();
  for (const route of api.routes) {
    const i = route.integration;
    if (i === undefined) continue;
    if (i.requestTemplates.length > 0) found.add('requestTemplates');
    if (i.responses.length > 0) found.add('integration responses');
    if (i.passthroughBehavior !== undefined) found.add('passthroughBehavior');
    if (i.type === 'AWS' || i.type === 'MOCK' || i.type === 'HTTP') found.add(`${i.type} integrations`);
  }
  if (api.validators.length > 0 || api.defaultValidator !== undefined) found.add('request validators');
  if (api.routes.some((r) => r.requestValidator !== undefined)) found.add('request validators');
  if (api.gatewayResponses.length > 0) found.add('gateway responses');
  if (api.apiKeySource !== undefined) found.add('x-amazon-apigateway-api-key-source');
  if (api.binaryMediaTypes.length > 0) found.add('x-amazon-apigateway-binary-media-types');
  if (api.policy !== undefined) found.add('x-amazon-apigateway-policy');
  if (api.extensions['x-amazon-apigateway-documentation'] !== undefined) found.add('x-amazon-apigateway-documentation');
  for (const a of api.authorizers) {
    if (a.type === 'cognito_user_pools' || a.authType === 'cognito_user_pools')
      found.add('a cognito_user_pools authorizer');
    if (a.type === 'token') found.add('a token authorizer');
  }
  return [...found];
}
