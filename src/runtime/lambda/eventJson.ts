import { contextValues, formatRequestTime } from '../requestContext';
import type { Exchange } from '../types';
import { buildProxyEventV1, displayHeaderName, eventBody } from './events';

/**
 * The Lambda proxy events of events.ts written straight to JSON text, byte for byte what
 * `JSON.stringify(buildProxyEventV1(ex))` / `JSON.stringify(buildProxyEventV2(ex))` give (eventJson.test.ts
 * checks it): the worker is sent text, and building the object only to serialise it cost a proxy call more than
 * its trip to the worker and back (a third of the main thread's time in the profile of the bench's Lambda route:
 * ~30 objects and arrays a request, then a generic walk over them). The keys and their order are the builders';
 * a change there must be made here too, which the test enforces.
 */
export function proxyEventV1Json(ex: Exchange): string {
  const names = ex.request.headers;
  // Two lower-case names never share a display name; a name with capitals (a request made in code, not by
  // node:http) might, and the object keeps one key for both: left to the builder.
  for (const name in names) if (hasUpperCase(name)) return JSON.stringify(buildProxyEventV1(ex));
  const ctx = contextValues(ex);
  let headers = '';
  let multiValueHeaders = '';
  for (const name in names) {
    const values = names[name]!;
    const key = quote(displayHeaderName(name));
    const comma = headers === '' ? '' : ',';
    headers += `${comma}${key}:${quote(values[values.length - 1] ?? '')}`;
    multiValueHeaders += `${comma}${key}:${list(values)}`;
  }
  let query = '';
  for (const name in ex.query) {
    const values = ex.query[name]!;
    query += `${query === '' ? '' : ','}${quote(name)}:${quote(values[values.length - 1] ?? '')}`;
  }
  const { body, isBase64Encoded } = eventBody(ex, ex.served.api.type === 'REST');
  const identity = ctx.identity;
  const path = quote(ex.request.publicPath ?? ex.request.path);
  return (
    `{"resource":${quote(ex.match?.resourcePath ?? ex.path)},"path":${quote(ex.request.publicPath ?? ex.path)},` +
    `"httpMethod":${quote(ctx.httpMethod)},"headers":${object(headers)},"multiValueHeaders":${object(multiValueHeaders)},` +
    `"queryStringParameters":${object(query)},"multiValueQueryStringParameters":${orNull(ex.query)},` +
    `"pathParameters":${orNull(ex.match?.pathParameters ?? {})},"stageVariables":${orNull(ex.served.stageVariables)},` +
    `"requestContext":{"accountId":${quote(ctx.accountId)},"apiId":${quote(ctx.apiId)},` +
    `"authorizer":${ctx.authorizer === undefined ? 'null' : JSON.stringify(ctx.authorizer)},` +
    `"domainName":${quote(ctx.domainName)},"domainPrefix":${quote(beforeDot(ctx.domainName))},` +
    `"extendedRequestId":${quote(ctx.requestId)},"httpMethod":${quote(ctx.httpMethod)},` +
    `"identity":{"accessKey":${text(identity.accessKey)},"accountId":${text(identity.accountId)},` +
    `"caller":${text(identity.caller)},"cognitoAuthenticationProvider":null,"cognitoAuthenticationType":null,` +
    `"cognitoIdentityId":null,"cognitoIdentityPoolId":null,"principalOrgId":null,` +
    `"sourceIp":${quote(identity.sourceIp)},"user":${text(identity.user)},"userAgent":${text(identity.userAgent)},` +
    `"userArn":${text(identity.userArn)},"apiKey":${text(identity.apiKey)}},` +
    `"path":${path},"protocol":${quote(ctx.protocol)},"requestId":${quote(ctx.requestId)},` +
    `"requestTime":${quote(ctx.requestTime)},"requestTimeEpoch":${number(ctx.requestTimeEpoch)},` +
    `"resourceId":"local","resourcePath":${quote(ctx.resourcePath)},"stage":${quote(ctx.stage)}},` +
    `"body":${text(body)},"isBase64Encoded":${isBase64Encoded}}`
  );
}

export function proxyEventV2Json(ex: Exchange): string {
  const ctx = contextValues(ex);
  let headers = '';
  let cookies: string | undefined;
  const names = ex.request.headers;
  for (const name in names) {
    const values = names[name]!;
    if (name === 'cookie') {
      cookies = list(
        values
          .flatMap((v) => v.split(';'))
          .map((c) => c.trim())
          .filter((c) => c !== ''),
      );
    } else headers += `${headers === '' ? '' : ','}${quote(name)}:${quote(values.join(','))}`;
  }
  let query = '';
  for (const name in ex.query) query += `${query === '' ? '' : ','}${quote(name)}:${quote(ex.query[name]!.join(','))}`;
  const { body, isBase64Encoded } = eventBody(ex, false);
  const path = quote(ex.request.publicPath ?? ex.request.path);
  let json =
    `{"version":"2.0","routeKey":${quote(ctx.routeKey)},"rawPath":${path},"rawQueryString":${quote(ex.request.query)}` +
    (cookies === undefined ? '' : `,"cookies":${cookies}`) +
    `,"headers":{${headers}}` +
    (query === '' ? '' : `,"queryStringParameters":{${query}}`) +
    `,"requestContext":{"accountId":${quote(ctx.accountId)},"apiId":${quote(ctx.apiId)},` +
    `"domainName":${quote(ctx.domainName)},"domainPrefix":${quote(beforeDot(ctx.domainName))},` +
    `"http":{"method":${quote(ctx.httpMethod)},"path":${path},"protocol":${quote(ctx.protocol)},` +
    `"sourceIp":${quote(ctx.identity.sourceIp)},"userAgent":${quote(ctx.identity.userAgent ?? '')}},` +
    `"requestId":${quote(ctx.requestId)},"routeKey":${quote(ctx.routeKey)},"stage":${quote(ctx.stage)},` +
    `"time":${quote(formatRequestTime(ex.startedAt))},"timeEpoch":${number(ex.startedAt)}` +
    (ctx.authorizer === undefined ? '' : `,"authorizer":${JSON.stringify(ctx.authorizer)}`) +
    '}';
  if (body !== null) json += `,"body":${quote(body)}`;
  const pathParameters = ex.match?.pathParameters ?? {};
  if (Object.keys(pathParameters).length > 0) json += `,"pathParameters":${JSON.stringify(pathParameters)}`;
  json += `,"isBase64Encoded":${isBase64Encoded}`;
  if (Object.keys(ex.served.stageVariables).length > 0)
    json += `,"stageVariables":${JSON.stringify(ex.served.stageVariables)}`;
  return `${json}}`;
}

/**
 * A string as JSON: quoted as it is when JSON.stringify would leave it so (no quote, backslash, control character
 * or surrogate: most), else by JSON.stringify.
 */
export function quote(value: string): string {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 32 || c === 34 || c === 92 || (c >= 0xd800 && c <= 0xdfff)) return JSON.stringify(value);
  }
  return `"${value}"`;
}

function text(value: string | null | undefined): string {
  return value === null || value === undefined ? 'null' : quote(value);
}

/** A number as JSON (what JSON.stringify gives: its text, null when not finite). */
export function number(value: number): string {
  return Number.isFinite(value) ? String(value) : 'null';
}

function list(values: string[]): string {
  let out = '';
  for (const value of values) out += `${out === '' ? '' : ','}${quote(value)}`;
  return `[${out}]`;
}

/** `{members}`, or null for none (nullIfEmpty of the builder). */
function object(members: string): string {
  return members === '' ? 'null' : `{${members}}`;
}

function orNull(value: object): string {
  return Object.keys(value).length === 0 ? 'null' : JSON.stringify(value);
}

/** `text.split('.')[0]` without splitting the whole text. */
function beforeDot(text: string): string {
  const dot = text.indexOf('.');
  return dot < 0 ? text : text.slice(0, dot);
}

function hasUpperCase(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c >= 65 && c <= 90) return true;
  }
  return false;
}
