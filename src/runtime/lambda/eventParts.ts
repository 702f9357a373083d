import { contextValues } from '../requestContext';
import type { Exchange } from '../types';
import { eventBody } from './eventBody';

/**
 * What a Lambda proxy event is made of, as one flat JSON-ready object: the request's own values, with header
 * and query names and values as lists ([name, [values], ...]). The runtime sends this to the handler's worker
 * and the worker makes the event (proxyEventFromParts): writing the whole event as JSON text on the runtime's
 * thread (~100 string pieces a request, then flattened and copied by postMessage) was a fifth of that thread's
 * time per Lambda-proxy request, and JSON.stringify writes this object in one native pass.
 */
export interface ProxyEventParts {
  version: '1.0' | '2.0';
  /** 1.0: the route's resource path; `path` the request path (the client's, base path included, on a mount). */
  resource: string;
  path: string;
  /** The path as the client sent it: 1.0's requestContext.path, 2.0's rawPath and http.path. */
  requestPath: string;
  rawQueryString: string;
  method: string;
  /** Lower-case header names as received, each followed by its values. */
  headers: (string | string[])[];
  /** Query string names in order, each followed by its values. */
  query: (string | string[])[];
  pathParameters: string[];
  stageVariables: string[];
  accountId: string;
  apiId: string;
  domainName: string;
  requestId: string;
  requestTime: string;
  requestTimeEpoch: number;
  protocol: string;
  resourcePath: string;
  routeKey: string;
  stage: string;
  /** The authorizer's output, or null. */
  authorizer: unknown;
  sourceIp: string;
  userAgent: string | null;
  apiKey: string | null;
  /** IAM routes: the verified caller (else null). */
  accessKey: string | null;
  callerAccountId: string | null;
  caller: string | null;
  user: string | null;
  userArn: string | null;
  body: string | null;
  isBase64Encoded: boolean;
}

/** The parts of the payload `version` event for a request (REST APIs: always 1.0). */
export function proxyEventParts(ex: Exchange, version: '1.0' | '2.0'): ProxyEventParts {
  const ctx = contextValues(ex);
  const identity = ctx.identity;
  const { body, isBase64Encoded } = eventBody(ex, version === '1.0' && ex.served.api.type === 'REST');
  return {
    version,
    resource: ex.match?.resourcePath ?? ex.path,
    path: ex.request.publicPath ?? ex.path,
    requestPath: ex.request.publicPath ?? ex.request.path,
    rawQueryString: ex.request.query,
    method: ctx.httpMethod,
    headers: listOf(ex.request.headers),
    query: listOf(ex.query),
    pathParameters: pairsOf(ex.match?.pathParameters),
    stageVariables: pairsOf(ex.served.stageVariables),
    accountId: ctx.accountId,
    apiId: ctx.apiId,
    domainName: ctx.domainName,
    requestId: ctx.requestId,
    requestTime: ctx.requestTime,
    requestTimeEpoch: ctx.requestTimeEpoch,
    protocol: ctx.protocol,
    resourcePath: ctx.resourcePath,
    routeKey: ctx.routeKey,
    stage: ctx.stage,
    authorizer: ctx.authorizer ?? null,
    sourceIp: identity.sourceIp,
    userAgent: identity.userAgent,
    apiKey: identity.apiKey,
    accessKey: identity.accessKey ?? null,
    callerAccountId: identity.accountId ?? null,
    caller: identity.caller ?? null,
    user: identity.user ?? null,
    userArn: identity.userArn ?? null,
    body,
    isBase64Encoded,
  };
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
