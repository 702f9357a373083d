import { contextValues, formatRequestTime } from '../requestContext';
import type { Exchange } from '../types';
import { isTextContent } from '../binary';
import { dict, dictOf } from '../../shared/dict';

/**
 * Lambda proxy events built as the API Gateway developer guide documents them: payload format 1.0 (REST
 * APIs, and HTTP APIs that ask for it) and 2.0 (HTTP APIs' default).
 */
export function buildProxyEventV1(ex: Exchange): Record<string, unknown> {
  const ctx = contextValues(ex);
  const headers: Record<string, string> = dict();
  const multiValueHeaders: Record<string, string[]> = dict();
  for (const [name, values] of Object.entries(ex.request.headers)) {
    const display = displayHeaderName(name);
    headers[display] = values[values.length - 1] ?? '';
    multiValueHeaders[display] = values;
  }
  const query: Record<string, string> = dict();
  for (const [name, values] of Object.entries(ex.query)) query[name] = values[values.length - 1] ?? '';
  const { body, isBase64Encoded } = eventBody(ex, ex.served.api.type === 'REST');
  const pathParameters = ex.match?.pathParameters ?? {};
  return {
    resource: ex.match?.resourcePath ?? ex.path,
    // Through a custom domain (a mount) the event's path is the one the client sent, base path included.
    path: ex.request.publicPath ?? ex.path,
    httpMethod: ctx.httpMethod,
    headers: nullIfEmpty(headers),
    multiValueHeaders: nullIfEmpty(multiValueHeaders),
    queryStringParameters: nullIfEmpty(query),
    multiValueQueryStringParameters: nullIfEmpty(ex.query),
    pathParameters: nullIfEmpty(pathParameters),
    stageVariables: nullIfEmpty(ex.served.stageVariables),
    requestContext: {
      accountId: ctx.accountId,
      apiId: ctx.apiId,
      authorizer: ctx.authorizer ?? null,
      domainName: ctx.domainName,
      domainPrefix: ctx.domainName.split('.')[0],
      extendedRequestId: ctx.requestId,
      httpMethod: ctx.httpMethod,
      identity: {
        accessKey: ctx.identity.accessKey ?? null,
        accountId: ctx.identity.accountId ?? null,
        caller: ctx.identity.caller ?? null,
        cognitoAuthenticationProvider: null,
        cognitoAuthenticationType: null,
        cognitoIdentityId: null,
        cognitoIdentityPoolId: null,
        principalOrgId: null,
        sourceIp: ctx.identity.sourceIp,
        user: ctx.identity.user ?? null,
        userAgent: ctx.identity.userAgent,
        userArn: ctx.identity.userArn ?? null,
        apiKey: ctx.identity.apiKey,
      },
      path: ex.request.publicPath ?? ex.request.path,
      protocol: ctx.protocol,
      requestId: ctx.requestId,
      requestTime: ctx.requestTime,
      requestTimeEpoch: ctx.requestTimeEpoch,
      resourceId: 'local',
      resourcePath: ctx.resourcePath,
      stage: ctx.stage,
    },
    body,
    isBase64Encoded,
  };
}

export function buildProxyEventV2(ex: Exchange): Record<string, unknown> {
  const ctx = contextValues(ex);
  const headers: Record<string, string> = dict();
  let cookies: string[] | undefined;
  for (const [name, values] of Object.entries(ex.request.headers)) {
    if (name === 'cookie')
      cookies = values
        .flatMap((v) => v.split(';'))
        .map((c) => c.trim())
        .filter((c) => c !== '');
    else headers[name] = values.join(',');
  }
  const query: Record<string, string> = dict();
  for (const [name, values] of Object.entries(ex.query)) query[name] = values.join(',');
  const { body, isBase64Encoded } = eventBody(ex, false);
  const event: Record<string, unknown> = dictOf({
    version: '2.0',
    routeKey: ctx.routeKey,
    rawPath: ex.request.publicPath ?? ex.request.path,
    rawQueryString: ex.request.query,
  });
  if (cookies !== undefined) event['cookies'] = cookies;
  event['headers'] = headers;
  if (Object.keys(query).length > 0) event['queryStringParameters'] = query;
  const requestContext: Record<string, unknown> = dictOf({
    accountId: ctx.accountId,
    apiId: ctx.apiId,
    domainName: ctx.domainName,
    domainPrefix: ctx.domainName.split('.')[0],
    http: {
      method: ctx.httpMethod,
      path: ex.request.publicPath ?? ex.request.path,
      protocol: ctx.protocol,
      sourceIp: ctx.identity.sourceIp,
      userAgent: ctx.identity.userAgent ?? '',
    },
    requestId: ctx.requestId,
    routeKey: ctx.routeKey,
    stage: ctx.stage,
    time: formatRequestTime(ex.startedAt),
    timeEpoch: ex.startedAt,
  });
  if (ctx.authorizer !== undefined) requestContext['authorizer'] = ctx.authorizer;
  event['requestContext'] = requestContext;
  if (body !== null) event['body'] = body;
  const pathParameters = ex.match?.pathParameters ?? {};
  if (Object.keys(pathParameters).length > 0) event['pathParameters'] = pathParameters;
  event['isBase64Encoded'] = isBase64Encoded;
  if (Object.keys(ex.served.stageVariables).length > 0) event['stageVariables'] = ex.served.stageVariables;
  return event;
}

/** REST: base64 when the content type is one of the API's binary media types; HTTP: when it is not text. */
export function eventBody(ex: Exchange, rest: boolean): { body: string | null; isBase64Encoded: boolean } {
  if (ex.request.body.length === 0) return { body: null, isBase64Encoded: false };
  const contentType = ex.request.headers['content-type']?.[0];
  const binary = rest ? isBinaryFor(ex.served.api.binaryMediaTypes, contentType) : !isTextContent(contentType);
  return binary
    ? { body: ex.request.body.toString('base64'), isBase64Encoded: true }
    : { body: ex.request.body.toString('utf8'), isBase64Encoded: false };
}

export function isBinaryFor(binaryMediaTypes: string[], contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return binaryMediaTypes.some((pattern) => {
    const p = pattern.toLowerCase().replace(/~1/g, '/');
    if (p === '*/*') return true;
    if (p.endsWith('/*')) return type.startsWith(p.slice(0, -1));
    return p === type;
  });
}

function nullIfEmpty<T extends object>(value: T): T | null {
  return Object.keys(value).length === 0 ? null : value;
}

/**
 * `content-type` → `Content-Type` (REST proxy events keep the case the client sent; Node lower-cases it): each
 * a-z at the start or after a '-' upper-cased (a loop: a regex replace with a callback was a per-header cost).
 */
export function displayHeaderName(name: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c >= 97 && c <= 122 && (i === 0 || name.charCodeAt(i - 1) === 45)) {
      out += name.slice(from, i) + String.fromCharCode(c - 32);
      from = i + 1;
    }
  }
  return from === 0 ? name : out + name.slice(from);
}
