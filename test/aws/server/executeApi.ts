// The execute-api plane, as LocalStack serves it beside the control plane: a deployed HTTP API answers at
// `{endpoint}/_aws/execute-api/{apiId}/{stage}/{path}` (LocalStack's path-style invoke URL, which needs no DNS name
// per API). The double calls no backend: the route the request matched (in the stage's deployment) answers with
// `state.executeApiResponder`, or with a JSON echo of what API Gateway would hand the integration.
import type { IncomingHttpHeaders } from 'node:http';
import { checkSigV4 } from './auth';
import type { Reply } from './context';
import { AwsError } from './errors';
import type { AwsState, ExecuteApiRequest } from './state';
import { str, type Json } from './util';

/** The path prefix of the execute-api plane. */
export const executeApiPrefix = '/_aws/execute-api/';

export interface ExecuteApiCall {
  method: string;
  /** Still percent-encoded, as it came on the wire. */
  rawPath: string;
  rawQuery: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

const notFound = (): Reply => ({ status: 404, body: { message: 'Not Found' } });

const decode = (s: string): string => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/** How well a route key matches: undefined when it does not; otherwise higher is more specific (API Gateway's order). */
function score(routeKey: string, method: string, segments: string[]): { rank: number; params: Json } | undefined {
  if (routeKey === '$default') return { rank: 0, params: {} };
  const space = routeKey.indexOf(' ');
  if (space < 0) return undefined;
  const keyMethod = routeKey.slice(0, space).toUpperCase();
  if (keyMethod !== 'ANY' && keyMethod !== method) return undefined;
  const pattern = routeKey
    .slice(space + 1)
    .split('/')
    .filter((s) => s !== '');
  const params: Json = {};
  let literals = 0;
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i] ?? '';
    const greedy = /^\{(.+)\+\}$/.exec(p)?.[1];
    if (greedy !== undefined) {
      if (i !== pattern.length - 1 || segments.length <= i) return undefined;
      params[greedy] = segments.slice(i).join('/');
      return { rank: 1 + literals * 4 + (keyMethod === 'ANY' ? 0 : 2), params };
    }
    const segment = segments[i];
    if (segment === undefined) return undefined;
    const name = /^\{(.+)\}$/.exec(p)?.[1];
    if (name !== undefined) params[name] = segment;
    else if (p === segment) literals++;
    else return undefined;
  }
  if (segments.length !== pattern.length) return undefined;
  return { rank: 1000 + literals * 4 + (keyMethod === 'ANY' ? 0 : 2), params };
}

/** Answers a request to `/_aws/execute-api/{apiId}/{stage}/{path}`; `operation` names it in the recorded requests. */
export function executeApi(
  call: ExecuteApiCall,
  state: AwsState,
  secrets: Record<string, string> | undefined,
): Reply & { routeKey?: string } {
  const [apiId = '', stageName = '', ...rest] = call.rawPath.slice(executeApiPrefix.length).split('/').map(decode);
  const record = state.apis.get(apiId);
  const stage = record?.stages.get(stageName);
  const deployment = stage === undefined ? undefined : record?.deployments.get(String(stage.deploymentId));
  if (record === undefined || record.wire.protocolType !== 'HTTP' || deployment === undefined) return notFound();
  const method = call.method.toUpperCase();
  const segments = rest.filter((s) => s !== '');
  let best: { route: Json; rank: number; params: Json } | undefined;
  for (const route of deployment.snapshot.routes) {
    const matched = score(String(route.routeKey), method, segments);
    if (matched !== undefined && (best === undefined || matched.rank > best.rank)) best = { route, ...matched };
  }
  if (best === undefined) return notFound();
  const routeKey = String(best.route.routeKey);
  if (str(best.route.authorizationType) === 'AWS_IAM') {
    const signed = checkSigV4(
      { method: call.method, rawPath: call.rawPath, rawQuery: call.rawQuery, headers: call.headers, body: call.body },
      { service: 'execute-api', region: state.region, protocol: 'json', secrets },
    );
    if (signed instanceof AwsError) return { status: 403, body: { message: signed.message }, routeKey };
  }
  const request: ExecuteApiRequest = {
    apiId,
    stage: stageName,
    routeKey,
    method,
    path: `/${segments.join('/')}`,
    pathParameters: best.params as Record<string, string>,
    rawQuery: call.rawQuery,
    headers: call.headers,
    body: call.body.toString('utf8'),
  };
  const answer = state.executeApiResponder?.(request) ?? {
    status: 200,
    body: JSON.stringify({
      routeKey,
      stage: stageName,
      path: request.path,
      pathParameters: request.pathParameters,
      rawQueryString: call.rawQuery,
    }),
    headers: { 'content-type': 'application/json' },
  };
  return { status: answer.status, body: answer.body ?? '', headers: { ...answer.headers }, routeKey };
}
