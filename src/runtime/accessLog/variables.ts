import type { ApiType } from '../../model';
import { localAccountId, localApiId, formatRequestTime } from '../requestContext';
import type { AccessRecord } from './accessRecord';
import { ownValue } from '../../shared/dict';

/** A variable's value for one record; undefined, null and '' print as `-`. */
export type Getter = (r: AccessRecord) => string | number | undefined;

const REST = 1;
const HTTP = 2;
const WS = 4;
const ALL = REST | HTTP | WS;

const bits: Record<ApiType, number> = { REST, HTTP, WEBSOCKET: WS };

const none: Getter = () => undefined;

/**
 * The `$context` variables each API type's access log accepts, from the API Gateway developer guide's tables
 * ("Variables for access logging for API Gateway" for REST, "Customizing HTTP API access logs", "Configuring
 * logging for a WebSocket API"), with how the mock fills them. Variables for what the mock has no counterpart
 * of (Cognito identities, WAF, X-Ray, mutual TLS, custom domains, canaries) are known and print `-`, as AWS
 * prints a variable with no value.
 */
const table: ReadonlyArray<readonly [string, number, Getter]> = [
  ['accountId', ALL, () => localAccountId],
  ['apiId', ALL, () => localApiId],
  ['requestId', ALL, (r) => r.requestId],
  ['extendedRequestId', ALL, (r) => r.requestId],
  ['requestTime', ALL, (r) => formatRequestTime(r.startedAt)],
  ['requestTimeEpoch', ALL, (r) => r.startedAt],
  ['stage', ALL, (r) => r.stage],
  ['status', ALL, (r) => r.status],
  ['domainName', ALL, (r) => r.domainName],
  ['domainPrefix', REST | HTTP, (r) => r.domainName.split('.')[0]],
  ['identity.sourceIp', ALL, (r) => r.identity.sourceIp],
  ['identity.userAgent', ALL, (r) => r.identity.userAgent],
  ['identity.caller', ALL, (r) => r.identity.caller],
  ['identity.user', ALL, (r) => r.identity.user],
  ['identity.userArn', ALL, (r) => r.identity.userArn],
  ['identity.accountId', ALL, (r) => r.identity.accountId],
  ['identity.apiKey', REST | WS, (r) => r.identity.apiKey],
  ['identity.apiKeyId', REST | WS, none],
  ['identity.cognitoAuthenticationProvider', ALL, none],
  ['identity.cognitoAuthenticationType', REST | HTTP, none],
  ['identity.cognitoIdentityId', REST | HTTP, none],
  ['identity.cognitoIdentityPoolId', REST | HTTP, none],
  ['identity.principalOrgId', REST | HTTP, none],
  ['identity.vpcId', REST, none],
  ['identity.vpceId', REST, none],
  ['authorizer.principalId', ALL, (r) => scalar(authorizerValue(r, 'principalId'))],
  ['authorizer.error', REST | HTTP, none],
  ['authorizer.integrationLatency', REST, none],
  ['authorizer.integrationStatus', REST, none],
  ['authorizer.latency', REST, none],
  ['authorizer.requestId', REST, none],
  ['authorizer.status', REST, none],
  ['authorize.error', REST, none],
  ['authorize.latency', REST, none],
  ['authorize.status', REST, none],
  ['authenticate.error', REST, none],
  ['authenticate.latency', REST, none],
  ['authenticate.status', REST, none],
  ['error.message', ALL, (r) => r.error?.message],
  ['error.messageString', ALL, (r) => (r.error === undefined ? undefined : JSON.stringify(r.error.message))],
  ['error.responseType', ALL, (r) => r.error?.responseType],
  ['error.validationErrorString', REST | WS, (r) => r.error?.validationErrorString],
  ['integrationLatency', ALL, (r) => rounded(r.integration?.latencyMs)],
  ['integrationStatus', REST | HTTP, (r) => r.integration?.serviceStatus],
  ['integration.latency', REST | HTTP, (r) => rounded(r.integration?.latencyMs)],
  ['integration.status', REST | HTTP, (r) => r.integration?.status],
  ['integration.integrationStatus', REST | HTTP, (r) => r.integration?.serviceStatus],
  ['integration.error', REST | HTTP, (r) => r.integration?.error],
  ['integration.requestId', REST | HTTP, none],
  ['integrationErrorMessage', HTTP, (r) => r.integration?.error],
  ['awsEndpointRequestId', REST | HTTP, none],
  ['awsEndpointRequestId2', HTTP, none],
  ['customDomain.basePathMatched', REST | HTTP, none],
  ['httpMethod', REST | HTTP, (r) => r.httpMethod],
  ['path', REST | HTTP, (r) => r.path],
  ['protocol', REST | HTTP, (r) => r.protocol],
  ['resourcePath', REST, (r) => r.resourcePath],
  ['resourceId', REST, (r) => (r.route === undefined ? undefined : 'local')],
  ['routeKey', HTTP | WS, (r) => r.routeKey],
  ['responseLatency', REST | HTTP, (r) => rounded(r.responseLatencyMs)],
  ['responseLength', REST | HTTP, (r) => r.responseLength],
  ['dataProcessed', HTTP, (r) => r.requestLength + r.responseLength],
  ['deploymentId', REST, none],
  ['endpointType', REST, () => 'REGIONAL'],
  ['isCanaryRequest', REST, none],
  ['wafResponseCode', REST, none],
  ['webaclArn', REST, none],
  ['waf.error', REST, none],
  ['waf.latency', REST, none],
  ['waf.status', REST, none],
  ['xrayTraceId', REST, none],
  ['connectionId', WS, (r) => r.websocket?.connectionId],
  ['connectedAt', WS, (r) => r.websocket?.connectedAt],
  ['eventType', WS, (r) => r.websocket?.eventType],
  ['messageId', WS, (r) => r.websocket?.messageId],
];

const byType = new Map<ApiType, Map<string, Getter>>(
  (['REST', 'HTTP', 'WEBSOCKET'] as const).map((type) => [
    type,
    new Map(table.filter(([, types]) => (types & bits[type]) !== 0).map(([name, , get]) => [name, get])),
  ]),
);

/**
 * How `$context.<name>` is filled in an access log line of `type`, or undefined when that API type's access log
 * has no such variable. Besides the table: `authorizer.claims.<claim>` (REST and HTTP) and `authorizer.<key>`
 * (a Lambda authorizer's context), `identity.clientCert.*` (mutual TLS, which the mock does not do).
 */
export function accessLogVariable(type: ApiType, name: string): Getter | undefined {
  const known = byType.get(type)!.get(name);
  if (known !== undefined) return known;
  if (type !== 'WEBSOCKET' && name.startsWith('authorizer.claims.')) {
    const claim = name.slice('authorizer.claims.'.length);
    return (r) => scalar(claimsOf(r)?.[claim]);
  }
  if (name.startsWith('authorizer.') && name.split('.').length === 2) {
    const key = name.slice('authorizer.'.length);
    return (r) => scalar(authorizerValue(r, key));
  }
  if (type !== 'WEBSOCKET' && name.startsWith('identity.clientCert.')) return none;
  return undefined;
}

/** Every variable name of the table for `type` (for messages that list them). */
export function accessLogVariableNames(type: ApiType): string[] {
  return [...byType.get(type)!.keys()];
}

/** The JWT / Cognito claims: REST `$context.authorizer.claims`, HTTP `$context.authorizer.jwt.claims`. */
function claimsOf(r: AccessRecord): Record<string, unknown> | undefined {
  const authorizer = r.authorizer;
  if (authorizer === undefined) return undefined;
  const claims = ownValue(authorizer, 'claims') ?? ownValue(objectOf(ownValue(authorizer, 'jwt')), 'claims');
  return objectOf(claims);
}

/** A Lambda authorizer's value: REST and WebSocket keep its context beside principalId, HTTP under `lambda`. */
function authorizerValue(r: AccessRecord, key: string): unknown {
  const authorizer = r.authorizer;
  if (authorizer === undefined) return undefined;
  const lambda = r.apiType === 'HTTP' ? objectOf(ownValue(authorizer, 'lambda')) : undefined;
  return lambda !== undefined ? ownValue(lambda, key) : ownValue(authorizer, key);
}

function objectOf(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function scalar(value: unknown): string | number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function rounded(ms: number | undefined): number | undefined {
  return ms === undefined ? undefined : Math.round(ms);
}
