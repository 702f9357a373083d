import { contextValues } from '../requestContext';
import type { Exchange } from '../types';
import { eventBody } from './eventBody';

/**
 * What a Lambda proxy event is made of: the request's own values, in a list (a JSON array, without a key per
 * value), with header and query names and values as lists ([name, [values], ...]). The runtime sends this to
 * the handler's worker and the worker makes the event (eventMaker.ts). Writing the whole event as JSON text on
 * the runtime's thread (~100 string pieces a request, then flattened and copied by postMessage) was the largest
 * cost of a Lambda-proxy request there; JSON.stringify writes these in one native pass, and with no keys it has
 * half as many characters to write (V8 11 writes a string's characters one at a time) and the worker's
 * JSON.parse has no key to look up.
 */
export type ProxyEventParts = [
  version: '1.0' | '2.0',
  /** 1.0: the route's resource path; `path` the request path (the client's, base path included, on a mount). */
  resource: string,
  path: string,
  /** The path as the client sent it: 1.0's requestContext.path, 2.0's rawPath and http.path. */
  requestPath: string,
  rawQueryString: string,
  method: string,
  /** Header names as received (lower-case from node:http), each followed by its values. */
  headers: (string | string[])[],
  /** Query string names in order, each followed by its values. */
  query: (string | string[])[],
  /** Names and values: [name, value, ...]; so are stage variables. */
  pathParameters: string[],
  stageVariables: string[],
  accountId: string,
  apiId: string,
  domainName: string,
  requestId: string,
  requestTime: string,
  requestTimeEpoch: number,
  protocol: string,
  resourcePath: string,
  routeKey: string,
  stage: string,
  /** The authorizer's output, or null. */
  authorizer: unknown,
  sourceIp: string,
  userAgent: string | null,
  apiKey: string | null,
  /** IAM routes: the verified caller (else null), its account, ids and ARN. */
  accessKey: string | null,
  callerAccountId: string | null,
  caller: string | null,
  user: string | null,
  userArn: string | null,
  body: string | null,
  isBase64Encoded: boolean,
];

/** The parts of the payload `version` event for a request (REST APIs: always 1.0). */
export function proxyEventParts(ex: Exchange, version: '1.0' | '2.0'): ProxyEventParts {
  const ctx = contextValues(ex);
  const identity = ctx.identity;
  const { body, isBase64Encoded } = eventBody(ex, version === '1.0' && ex.served.api.type === 'REST');
  return [
    version,
    ex.match?.resourcePath ?? ex.path, // resource
    ex.request.publicPath ?? ex.path, // path
    ex.request.publicPath ?? ex.request.path, // requestPath
    ex.request.query, // rawQueryString
    ctx.httpMethod, // method
    listOf(ex.request.headers),
    listOf(ex.query),
    pairsOf(ex.match?.pathParameters),
    pairsOf(ex.served.stageVariables),
    ctx.accountId,
    ctx.apiId,
    ctx.domainName,
    ctx.requestId,
    ctx.requestTime,
    ctx.requestTimeEpoch,
    ctx.protocol,
    ctx.resourcePath,
    ctx.routeKey,
    ctx.stage,
    ctx.authorizer ?? null,
    identity.sourceIp,
    identity.userAgent,
    identity.apiKey,
    identity.accessKey ?? null,
    identity.accountId ?? null, // callerAccountId
    identity.caller ?? null,
    identity.user ?? null,
    identity.userArn ?? null,
    body,
    isBase64Encoded,
  ];
}

/** [name, values, name, values, ...] in the object's own order (integer-like names first, as for-in gives). */
function listOf(values: Record<string, string[]>): (string | string[])[] {
  const list: (string | string[])[] = [];
  for (const name in values) list.push(name, values[name]!);
  return list;
}

function pairsOf(values: Record<string, string> | undefined): string[] {
  const list: string[] = [];
  if (values !== undefined) for (const name in values) list.push(name, values[name]!);
  return list;
}
