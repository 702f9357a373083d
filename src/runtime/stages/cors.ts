import type { CorsConfiguration } from '../../model';
import type { Stage } from './stage';
import { firstHeader } from '../requestContext';
import type { Exchange, ServedApi } from '../types';
import { dict } from '../../shared/dict';

/**
 * HTTP API CORS (`x-amazon-apigateway-cors`): API Gateway answers preflight requests itself (204, even
 * without an OPTIONS route) and adds the CORS headers to every answer whose Origin is allowed, replacing
 * what the integration sent. REST APIs do CORS as their definition says (OPTIONS methods, header mappings).
 */
export const corsPreflightStage: Stage = {
  name: 'cors',
  appliesTo: hasHttpCors,
  run(ex) {
    const cors = httpCors(ex);
    const origin = firstHeader(ex.request.headers, 'origin');
    const requested = firstHeader(ex.request.headers, 'access-control-request-method');
    if (
      cors === undefined ||
      ex.request.method.toUpperCase() !== 'OPTIONS' ||
      origin === undefined ||
      requested === undefined
    )
      return undefined;
    const headers: Record<string, string> = dict();
    if (originAllowed(cors, origin)) {
      headers['access-control-allow-origin'] =
        cors.allowOrigins.includes('*') && cors.allowCredentials !== true ? '*' : origin;
      if (cors.allowMethods.length > 0) headers['access-control-allow-methods'] = cors.allowMethods.join(',');
      if (cors.allowHeaders.length > 0) headers['access-control-allow-headers'] = cors.allowHeaders.join(',');
      if (cors.maxAge !== undefined) headers['access-control-max-age'] = String(cors.maxAge);
      if (cors.allowCredentials === true) headers['access-control-allow-credentials'] = 'true';
    }
    if (ex.tracing) {
      ex.trace.push({
        stage: 'cors',
        detail: `preflight from ${origin} for ${requested}: ${headers['access-control-allow-origin'] ? 'allowed' : 'origin not allowed'}`,
        ms: 0,
      });
    }
    ex.response = { status: 204, headers, body: Buffer.alloc(0) };
    return undefined;
  },
};

export const corsResponseStage: Stage = {
  name: 'cors',
  appliesTo: hasHttpCors,
  run(ex) {
    const cors = httpCors(ex);
    const origin = firstHeader(ex.request.headers, 'origin');
    const response = ex.response;
    if (
      cors === undefined ||
      origin === undefined ||
      response === undefined ||
      (response.status === 204 && ex.match === undefined)
    )
      return undefined;
    if (!originAllowed(cors, origin)) return undefined;
    for (const name of Object.keys(response.headers))
      if (name.toLowerCase().startsWith('access-control-')) delete response.headers[name];
    response.headers['access-control-allow-origin'] =
      cors.allowOrigins.includes('*') && cors.allowCredentials !== true ? '*' : origin;
    if (cors.exposeHeaders.length > 0) response.headers['access-control-expose-headers'] = cors.exposeHeaders.join(',');
    if (cors.allowCredentials === true) response.headers['access-control-allow-credentials'] = 'true';
    return undefined;
  },
};

function hasHttpCors(served: ServedApi): boolean {
  return served.api.type === 'HTTP' && served.api.cors !== undefined;
}

function httpCors(ex: Exchange): CorsConfiguration | undefined {
  return ex.served.api.type === 'HTTP' ? ex.served.api.cors : undefined;
}

function originAllowed(cors: CorsConfiguration, origin: string): boolean {
  return cors.allowOrigins.some((allowed) => allowed === '*' || allowed.toLowerCase() === origin.toLowerCase());
}
