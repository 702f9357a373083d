// A loopback test double of AWS for the product's wire-level tests: API Gateway v1 (REST APIs) and v2 (HTTP and
// WebSocket APIs) over REST-JSON, STS GetCallerIdentity over awsQuery, CloudWatch, CloudWatch Logs and the Price List
// API over the AWS JSON protocols (jsonProtocol.ts). The real SDK clients talk to it with
// `endpoint: server.url`. It keeps state (import → get → export round-trips), refuses requests without a SigV4
// signature for the right service and region, records every request, and fails on demand (`fail()`).
// Test code: imports only node built-ins and `yaml`, so it also runs transpiled file by file.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkSigV4 } from './auth';
import type { Ctx, Reply, Route, Service } from './context';
import { domainNameRoutes } from './domainNames';
import { AwsError, faultToError, type FaultSpec } from './errors';
import { executeApi, executeApiPrefix } from './executeApi';
import { jsonCall, jsonError, jsonTarget } from './jsonProtocol';
import { restRoutes } from './restApis';
import { restStageRoutes } from './restStages';
import { AwsState } from './state';
import { stsCall, stsError, stsOperation } from './sts';
import { v2ApiRoutes } from './v2Apis';
import { v2RouteRoutes } from './v2Routes';
import { v2StageRoutes } from './v2Stages';

export type { FaultSpec } from './errors';
export type {
  AwsState,
  DomainMappingRecord,
  DomainNameRecord,
  ExecuteApiRequest,
  ExecuteApiResponder,
  HttpApiRecord,
  InvokeResponder,
  RestApiRecord,
} from './state';

export interface AwsTestServerOptions {
  /** The region requests must be signed for (default 'us-east-1'). */
  region?: string;
  /** The account in ARNs, messages and GetCallerIdentity (default '123456789012'). */
  accountId?: string;
  /** Access keys and their secrets: when given, signatures are verified and other keys are refused. */
  credentials?: { accessKeyId: string; secretAccessKey: string }[];
  /** GetCallerIdentity's Arn (default arn:aws:iam::ACCOUNT:user/test). */
  callerArn?: string;
  /** The region Price List calls must be signed for (default 'us-east-1', where a us-east-1 place's client goes). */
  pricingRegion?: string;
}

export interface RecordedRequest {
  /**
   * The SDK command name: 'ImportRestApi', 'GetApis', 'GetCallerIdentity'; 'Unknown' when nothing matched;
   * 'Invoke' for a call of a deployed API (service 'execute-api', at `/_aws/execute-api/{apiId}/{stage}/…`).
   */
  operation: string;
  service: Service | 'execute-api';
  method: string;
  /** Decoded path, without the query. */
  path: string;
  query: Record<string, string[]>;
  /** Lower-case names; the test double keeps everything, Authorization included. */
  headers: Record<string, string>;
  body: string;
  /** The status the double answered with (set when the answer is sent). */
  status?: number;
  /** The error name answered, if any. */
  errorType?: string;
}

export interface AwsTestServer {
  url: string;
  region: string;
  state: AwsState;
  requests: RecordedRequest[];
  /**
   * Makes the next `times` (default 1) calls of an operation fail. `operation` is the SDK command name
   * ('CreateDeployment'), qualified by service where v1 and v2 share names ('apigatewayv2:CreateDeployment'), or '*'.
   * Note the SDK retries 429, 500, 502, 503 and 504 (3 attempts by default): fail `times: 3` to make a call fail.
   */
  fail(operation: string, spec: FaultSpec): void;
  /** Forgets APIs, recorded requests and pending failures. */
  reset(): void;
  close(): Promise<void>;
}

const ROUTES: Route[] = [
  ...restRoutes,
  ...restStageRoutes,
  ...v2ApiRoutes,
  ...v2RouteRoutes,
  ...v2StageRoutes,
  ...domainNameRoutes,
];

function decode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

function parseQuery(raw: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const part of raw.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const key = decode(eq < 0 ? part : part.slice(0, eq));
    (out[key] ??= []).push(eq < 0 ? '' : decode(part.slice(eq + 1)));
  }
  return out;
}

function matchRoute(method: string, rawPath: string, query: Record<string, string[]>) {
  const segments = rawPath.split('/').filter(Boolean);
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    const pattern = route.path.split('/').filter(Boolean);
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matches = pattern.every((p, i) => {
      const label = /^\{(.+)\}$/.exec(p)?.[1];
      if (label) params[label] = decode(segments[i] ?? '');
      return label !== undefined || p === segments[i];
    });
    const queryMatches = Object.entries(route.query ?? {}).every(([k, v]) => query[k]?.includes(v));
    if (matches && queryMatches) return { route, params };
  }
  return undefined;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startAwsTestServer(options: AwsTestServerOptions = {}): Promise<AwsTestServer> {
  const region = options.region ?? 'us-east-1';
  const accountId = options.accountId ?? '123456789012';
  const secrets = options.credentials
    ? Object.fromEntries(options.credentials.map((c) => [c.accessKeyId, c.secretAccessKey]))
    : undefined;
  const state = new AwsState(region, accountId);
  // The Price List API answers in us-east-1, eu-central-1 and ap-south-1 only; clients sign for the nearest.
  const pricingRegion = options.pricingRegion ?? 'us-east-1';
  const requests: RecordedRequest[] = [];
  let faults: { operation: string; spec: FaultSpec; remaining: number }[] = [];

  function takeFault(service: Service, operation: string): FaultSpec | undefined {
    const i = faults.findIndex(
      (f) =>
        f.remaining > 0 &&
        (f.operation === '*' || f.operation === operation || f.operation === `${service}:${operation}`),
    );
    const fault = faults[i];
    if (!fault) return undefined;
    fault.remaining--;
    if (fault.remaining <= 0) faults.splice(i, 1);
    return fault.spec;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    const qAt = url.indexOf('?');
    const rawPath = qAt < 0 ? url : url.slice(0, qAt);
    const rawQuery = qAt < 0 ? '' : url.slice(qAt + 1);
    const query = parseQuery(rawQuery);
    const contentType = String(req.headers['content-type'] ?? '');
    if (rawPath.startsWith(executeApiPrefix)) {
      // The execute-api plane (a deployed API called): no control-plane signature, no injected failures.
      const record: RecordedRequest = {
        operation: 'Invoke',
        service: 'execute-api',
        method,
        path: decode(rawPath),
        query,
        headers: Object.fromEntries(
          Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : String(v ?? '')]),
        ),
        body: body.toString('utf8'),
      };
      requests.push(record);
      const reply = executeApi({ method, rawPath, rawQuery, headers: req.headers, body }, state, secrets);
      record.status = reply.status;
      const payload = Buffer.from(typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? ''));
      res.writeHead(reply.status, {
        'apigw-requestid': randomUUID(),
        'content-type': 'application/json',
        ...reply.headers,
        'content-length': String(payload.length),
      });
      res.end(payload);
      return;
    }
    const json = method === 'POST' && rawPath === '/' ? jsonTarget(req.headers) : undefined;
    const service: Service = json
      ? json.service
      : rawPath === '/' && method === 'POST' && contentType.startsWith('application/x-www-form-urlencoded')
        ? 'sts'
        : rawPath.startsWith('/v2/')
          ? 'apigatewayv2'
          : 'apigateway';
    const matched = service === 'sts' || json ? undefined : matchRoute(method, rawPath, query);
    const operation = json
      ? json.operation
      : service === 'sts'
        ? stsOperation(body)
        : (matched?.route.operation ?? 'Unknown');
    const record: RecordedRequest = {
      operation,
      service,
      method,
      path: decode(rawPath),
      query,
      headers: Object.fromEntries(
        Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : String(v ?? '')]),
      ),
      body: body.toString('utf8'),
    };
    requests.push(record);
    const requestId = randomUUID();

    let reply: Reply;
    try {
      const signed = checkSigV4(
        { method, rawPath, rawQuery, headers: req.headers, body },
        {
          service: service === 'sts' || json ? service : 'apigateway',
          region: service === 'pricing' ? pricingRegion : region,
          protocol: service === 'sts' ? 'query' : 'json',
          secrets,
        },
      );
      if (signed instanceof AwsError) throw signed;
      const fault = takeFault(service, operation);
      if (fault) throw faultToError(fault, { method, path: decode(rawPath), region, accountId, service });
      if (json) {
        reply = jsonCall({
          service,
          operation,
          method,
          path: record.path,
          params: {},
          query,
          headers: req.headers,
          body,
          state,
        });
      } else if (service === 'sts') {
        const userId = `AIDA${signed.accessKeyId.toUpperCase().replace(/[^A-Z0-9]/g, '')}`.padEnd(21, 'X').slice(0, 21);
        reply = stsCall(body, { accountId, arn: options.callerArn ?? `arn:aws:iam::${accountId}:user/test`, userId });
      } else if (!matched) {
        throw new AwsError(404, 'UnknownOperationException', `The AWS test double does not model ${method} ${rawPath}`);
      } else {
        const ctx: Ctx = {
          service,
          operation,
          method,
          path: record.path,
          params: matched.params,
          query,
          headers: req.headers,
          body,
          state,
        };
        reply = matched.route.handler(ctx);
      }
    } catch (e) {
      const error =
        e instanceof AwsError
          ? e
          : new AwsError(
              500,
              'InternalServerError',
              `AWS test double failed: ${e instanceof Error ? e.stack : String(e)}`,
            );
      record.errorType = error.type;
      reply = json
        ? jsonError(error, json.service)
        : service === 'sts'
          ? stsError(error, requestId)
          : {
              status: error.status,
              body: { [error.messageKey]: error.message, ...error.extra },
              headers: {
                ...error.headers,
                'x-amzn-ErrorType':
                  service === 'apigateway' && error.messageKey === 'message'
                    ? `${error.type}:http://internal.amazon.com/coral/com.amazonaws.backplane.controlplane/`
                    : error.type,
              },
            };
    }
    record.status = reply.status;
    const headers: Record<string, string> = {
      'x-amzn-RequestId': requestId,
      date: new Date().toUTCString(),
      ...reply.headers,
    };
    let payload: Buffer | undefined;
    if (Buffer.isBuffer(reply.body)) payload = reply.body;
    else if (typeof reply.body === 'string') payload = Buffer.from(reply.body);
    else if (reply.body !== undefined) {
      payload = Buffer.from(JSON.stringify(reply.body));
      headers['content-type'] ??= 'application/json';
    }
    res.writeHead(reply.status, { ...headers, 'content-length': String(payload?.length ?? 0) });
    res.end(payload);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(e));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    region,
    state,
    requests,
    fail(operation, spec) {
      faults.push({ operation, spec, remaining: spec.times ?? 1 });
    },
    reset() {
      state.reset();
      requests.length = 0;
      faults = [];
    },
    close() {
      return new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
