// The request as handlers see it, and the route table entry type.
import type { IncomingHttpHeaders } from 'node:http';
import { badRequest } from './errors';
import type { AwsState } from './state';
import { isObj, type Json } from './util';

/** The services spoken over the AWS JSON protocols, by signing name. */
export type JsonService = 'monitoring' | 'logs' | 'pricing';

export type Service = 'apigateway' | 'apigatewayv2' | 'sts' | JsonService;

export interface Ctx {
  service: Service;
  operation: string;
  method: string;
  /** The decoded path, e.g. '/restapis/abc/stages/prod'. */
  path: string;
  /** Path labels, decoded: { restApiId: 'abc', stageName: 'prod' }. */
  params: Record<string, string>;
  /** Query parameters, decoded; repeated keys keep every value. */
  query: Record<string, string[]>;
  headers: IncomingHttpHeaders;
  body: Buffer;
  state: AwsState;
}

export interface Reply {
  status: number;
  /** A JSON value (serialised), or raw bytes / text sent as they are. */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Route {
  method: string;
  /** '/restapis/{restApiId}/stages/{stageName}'; labels match one segment. */
  path: string;
  /** Query parameters that must be present with this value (ImportRestApi is POST /restapis?mode=import). */
  query?: Record<string, string>;
  operation: string;
  handler: (ctx: Ctx) => Reply;
}

export const q = (ctx: Ctx, name: string): string | undefined => ctx.query[name]?.[0];

export const qBool = (ctx: Ctx, name: string): boolean => q(ctx, name)?.toLowerCase() === 'true';

/** The JSON request body ({} when empty); a body that is not a JSON object is AWS's SerializationException. */
export function jsonBody(ctx: Ctx): Json {
  if (ctx.body.length === 0) return {};
  let v: unknown;
  try {
    v = JSON.parse(ctx.body.toString('utf8'));
  } catch {
    throw badRequest('Could not parse request body into json');
  }
  if (!isObj(v)) throw badRequest('Could not parse request body into json');
  return v;
}

export const ok = (body: unknown, status = 200): Reply => ({ status, body });
