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
    const key = esc(displayHeaderName(name));
    const comma = headers === '' ? '' : ',';
    headers += `${comma}"${key}":"${esc(values[values.length - 1] ?? '')}"`;
    multiValueHeaders += `${comma}"${key}":${list(values)}`;
  }
  let query = '';
  for (const name in ex.query) {
    const values = ex.query[name]!;
    query += `${query === '' ? '' : ','}"${esc(name)}":"${esc(values[values.length - 1] ?? '')}"`;
  }
  const { body, isBase64Encoded } = eventBody(ex, ex.served.api.type === 'REST');
  const identity = ctx.identity;
  const path = esc(ex.request.publicPath ?? ex.request.path);
  return (
    `{"resource":"${esc(ex.match?.resourcePath ?? ex.path)}","path":"${esc(ex.request.publicPath ?? ex.path)}",` +
    `"httpMethod":"${esc(ctx.httpMethod)}","headers":${object(headers)},"multiValueHeaders":${object(multiValueHeaders)},` +
    `"queryStringParameters":${object(query)},"multiValueQueryStringParameters":${orNull(ex.query)},` +
    `"pathParameters":${orNull(ex.match?.pathParameters ?? {})},"stageVariables":${orNull(ex.served.stageVariables)},` +
    `"requestContext":{"accountId":"${esc(ctx.accountId)}","apiId":"${esc(ctx.apiId)}",` +
    `"authorizer":${ctx.authorizer === undefined ? 'null' : JSON.stringify(ctx.authorizer)},` +
    `"domainName":"${esc(ctx.domainName)}","domainPrefix":"${esc(beforeDot(ctx.domainName))}",` +
    `"extendedRequestId":"${esc(ctx.requestId)}","httpMethod":"${esc(ctx.httpMethod)}",` +
    `"identity":{"accessKey":${text(identity.accessKey)},"accountId":${text(identity.accountId)},` +
    `"caller":${text(identity.caller)},"cognitoAuthenticationProvider":null,"cognitoAuthenticationType":null,` +
    `"cognitoIdentityId":null,"cognitoIdentityPoolId":null,"principalOrgId":null,` +
    `"sourceIp":"${esc(identity.sourceIp)}","user":${text(identity.user)},"userAgent":${text(identity.userAgent)},` +
    `"userArn":${text(identity.userArn)},"apiKey":${text(identity.apiKey)}},` +
    `"path":"${path}","protocol":"${esc(ctx.protocol)}","requestId":"${esc(ctx.requestId)}",` +
    `"requestTime":"${esc(ctx.requestTime)}","requestTimeEpoch":${number(ctx.requestTimeEpoch)},` +
    `"resourceId":"local","resourcePath":"${esc(ctx.resourcePath)}","stage":"${esc(ctx.stage)}"},` +
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
    } else headers += `${headers === '' ? '' : ','}"${esc(name)}":"${esc(values.join(','))}"`;
  }
  let query = '';
  for (const name in ex.query) query += `${query === '' ? '' : ','}"${esc(name)}":"${esc(ex.query[name]!.join(','))}"`;
  const { body, isBase64Encoded } = eventBody(ex, false);
  const path = esc(ex.request.publicPath ?? ex.request.path);
  let json =
    `{"version":"2.0","routeKey":"${esc(ctx.routeKey)}","rawPath":"${path}","rawQueryString":"${esc(ex.request.query)}"` +
    (cookies === undefined ? '' : `,"cookies":${cookies}`) +
    `,"headers":{${headers}}` +
    (query === '' ? '' : `,"queryStringParameters":{${query}}`) +
    `,"requestContext":{"accountId":"${esc(ctx.accountId)}","apiId":"${esc(ctx.apiId)}",` +
    `"domainName":"${esc(ctx.domainName)}","domainPrefix":"${esc(beforeDot(ctx.domainName))}",` +
    `"http":{"method":"${esc(ctx.httpMethod)}","path":"${path}","protocol":"${esc(ctx.protocol)}",` +
    `"sourceIp":"${esc(ctx.identity.sourceIp)}","userAgent":"${esc(ctx.identity.userAgent ?? '')}"},` +
    `"requestId":"${esc(ctx.requestId)}","routeKey":"${esc(ctx.routeKey)}","stage":"${esc(ctx.stage)}",` +
    `"time":"${esc(formatRequestTime(ex.startedAt))}","timeEpoch":${number(ex.startedAt)}` +
    (ctx.authorizer === undefined ? '' : `,"authorizer":${JSON.stringify(ctx.authorizer)}`) +
    '}';
  if (body !== null) json += `,"body":"${esc(body)}"`;
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

/**
 * A string's JSON escape, without the quotes: the string itself (no new string) when JSON.stringify would leave
 * it as it is. The events write `"${esc(x)}"` into their template: the quotes are part of the template's own
 * text, where `${quote(x)}` made two more pieces of the event's string per value, each a string object that
 * flattening the event then walked.
 */
function esc(value: string): string {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 32 || c === 34 || c === 92 || (c >= 0xd800 && c <= 0xdfff)) return JSON.stringify(value).slice(1, -1);
  }
  return value;
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
  for (const value of values) out += `${out === '' ? '' : ','}"${esc(value)}"`;
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
