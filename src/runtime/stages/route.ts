import { gatewayError, gatewayErrors } from '../errors';
import type { Stage } from '../pipeline';
import { Router } from '../router';
import type { GatewayApi } from '../../model';

const routers = new WeakMap<GatewayApi, Router>();

/** Removes the stage from the path and finds the route; unknown routes get AWS's 403 (REST) / 404 (HTTP). */
export const routeStage: Stage = {
  name: 'route',
  run(ex) {
    const { api, stage } = ex.served;
    const prefix = stage === '$default' ? '' : `/${stage}`;
    if (prefix !== '' && ex.request.path !== prefix && !ex.request.path.startsWith(`${prefix}/`)) {
      return gatewayError(
        gatewayErrors.missingAuthenticationToken,
        `${ex.request.path} is not under the stage path ${prefix}/: send requests to the base URL + the route path.`,
      );
    }
    ex.path = ex.request.path.slice(prefix.length) || '/';
    let router = routers.get(api);
    if (router === undefined) {
      router = new Router(api);
      routers.set(api, router);
    }
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
    ex.match = outcome.match;
    const params = Object.entries(outcome.match.pathParameters)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ');
    ex.trace.push({
      stage: 'route',
      detail: `matched ${outcome.match.routeKey}${params ? ` (${params})` : ''}`,
      ms: 0,
      data: {
        routeKey: outcome.match.routeKey,
        pathParameters: outcome.match.pathParameters,
        loc: outcome.match.route.loc,
      },
    });
    return undefined;
  },
};
