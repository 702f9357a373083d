import { gatewayError, gatewayErrors } from '../errors';
import type { Stage } from './stage';
import { Router } from '../router';
import type { GatewayApi } from '../../model';

const routers = new WeakMap<GatewayApi, Router>();
/** The router used last (one look-up less per request while one API is served). */
const last: { api: GatewayApi | undefined; router: Router | undefined } = { api: undefined, router: undefined };

/** Removes the stage from the path and finds the route; unknown routes get AWS's 403 (REST) / 404 (HTTP). */
export const routeStage: Stage = {
  name: 'route',
  run(ex) {
    const { api, stage } = ex.served;
    const path = ex.request.path;
    if (stage !== '$default' && !underStage(path, stage)) {
      return gatewayError(
        gatewayErrors.missingAuthenticationToken,
        `${path} is not under the stage path /${stage}/: send requests to the base URL + the route path.`,
      );
    }
    ex.path = (stage === '$default' ? path : path.slice(stage.length + 1)) || '/';
    let router = api === last.api ? last.router : routers.get(api);
    if (router === undefined) {
      router = new Router(api);
      routers.set(api, router);
    }
    last.api = api;
    last.router = router;
    const outcome = router.match(ex.request.method, ex.path);
    if (outcome.kind !== 'matched') {
      const why =
        outcome.kind === 'noMethod'
          ? `${outcome.path} has no ${ex.request.method.toUpperCase()} or ANY method`
          : `no route matches ${ex.path}`;
      ex.trace.push({ stage: 'route', detail: why, ms: 0 });
      return gatewayError(
        gatewayErrors.missingAuthenticationToken,
        `${ex.request.method.toUpperCase()} ${ex.path}: ${why} in ${api.name}.`,
      );
    }
    const match = outcome.match;
    ex.match = match;
    if (ex.tracing) {
      ex.trace.push({
        stage: 'route',
        detail: `matched ${match.routeKey}${describeParameters(match.pathParameters)}`,
        ms: 0,
        data: { routeKey: match.routeKey, pathParameters: match.pathParameters, loc: match.route.loc },
      });
    }
    return undefined;
  },
};

/** Whether `path` is `/stage` or under `/stage/` (without building either string). */
function underStage(path: string, stage: string): boolean {
  const end = stage.length + 1;
  if (path.length < end || path.charCodeAt(0) !== 47) return false;
  for (let i = 1; i < end; i++) if (path.charCodeAt(i) !== stage.charCodeAt(i - 1)) return false;
  return path.length === end || path.charCodeAt(end) === 47;
}

/** ` (id=7, name=x)`, or '' without path parameters. */
function describeParameters(parameters: Record<string, string>): string {
  let text = '';
  for (const name in parameters) text += `${text === '' ? '' : ', '}${name}=${parameters[name]}`;
  return text === '' ? '' : ` (${text})`;
}
