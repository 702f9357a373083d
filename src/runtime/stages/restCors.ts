import type { GatewayApi } from '../../model';
import type { Stage } from './stage';
import { Router } from '../router';
import { dictOf } from '../../shared/dict';

const routers = new WeakMap<GatewayApi, Router>();
const allMethods = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'];

/**
 * REST APIs with SAM's `Cors` (AWS::Serverless::Api): SAM adds an OPTIONS method with a MOCK integration to
 * every path that has none, answering 200 with the configured Access-Control-Allow-* headers (methods
 * default to the path's own plus OPTIONS). This stage answers those preflights; paths that define their own
 * OPTIONS method keep it. Other methods get no CORS headers: as on AWS, their integration must send them.
 */
export const restCorsPreflightStage: Stage = {
  name: 'cors',
  appliesTo: (served) => served.api.type === 'REST' && served.api.cors !== undefined,
  run(ex) {
    const { api, stage } = ex.served;
    const cors = api.cors;
    if (api.type !== 'REST' || cors === undefined || ex.request.method.toUpperCase() !== 'OPTIONS') return undefined;
    const prefix = stage === '$default' ? '' : `/${stage}`;
    if (prefix !== '' && ex.request.path !== prefix && !ex.request.path.startsWith(`${prefix}/`)) return undefined;
    const path = ex.request.path.slice(prefix.length) || '/';
    let router = routers.get(api);
    if (router === undefined) routers.set(api, (router = new Router(api)));
    const outcome = router.match('OPTIONS', path);
    if (outcome.kind === 'noRoute') return undefined;
    if (outcome.kind === 'matched' && outcome.match.route.method === 'OPTIONS') return undefined;
    const resourcePath = outcome.kind === 'matched' ? outcome.match.resourcePath : outcome.path;
    const methods = new Set(['OPTIONS']);
    for (const route of api.routes.filter((r) => r.path === resourcePath)) {
      if (route.method === 'ANY') allMethods.forEach((m) => methods.add(m));
      else methods.add(route.method);
    }
    const headers: Record<string, string> = dictOf({ 'Content-Type': 'application/json' });
    headers['Access-Control-Allow-Methods'] =
      cors.allowMethods.length > 0 ? cors.allowMethods.join(',') : [...methods].sort().join(',');
    if (cors.allowHeaders.length > 0) headers['Access-Control-Allow-Headers'] = cors.allowHeaders.join(',');
    if (cors.allowOrigins.length > 0) headers['Access-Control-Allow-Origin'] = cors.allowOrigins.join(',');
    if (cors.maxAge !== undefined) headers['Access-Control-Max-Age'] = String(cors.maxAge);
    if (cors.allowCredentials === true) headers['Access-Control-Allow-Credentials'] = 'true';
    if (ex.tracing) {
      ex.trace.push({
        stage: 'cors',
        detail: `SAM Cors: OPTIONS ${resourcePath} answered by the generated mock method`,
        ms: 0,
      });
    }
    ex.response = { status: 200, headers, body: Buffer.from('{}') };
    return undefined;
  },
};
