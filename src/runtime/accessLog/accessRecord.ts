import type { ApiType } from '../../model';

/**
 * What the gateway knows of one answered request (HTTP) or WebSocket event once it is over: the values the
 * access log's `$context` variables print and the local metrics count. Built only while someone listens
 * (MockRuntime.onAccess), from the request's own state, so a mock nobody observes pays nothing for it.
 */
export interface AccessRecord {
  apiType: ApiType;
  requestId: string;
  /** Epoch ms the request arrived. */
  startedAt: number;
  stage: string;
  /** The status the client got (WebSocket: the route integration's, 403 when no route matched). */
  status: number;
  /** Milliseconds from arrival to the answer (`$context.responseLatency`, CloudWatch `Latency`). */
  responseLatencyMs: number;
  /** Bytes of the response body (`$context.responseLength`). */
  responseLength: number;
  /** Bytes of the request body (with the response's: `$context.dataProcessed`). */
  requestLength: number;
  /** The matched route as RequestEvent names it ('GET /pets/{id}', '$connect'); absent when none matched. */
  route?: string;
  /** REST and HTTP. */
  httpMethod?: string;
  /** The path as sent, stage included. */
  path?: string;
  /** REST: the matched resource, else the path. */
  resourcePath?: string;
  /** HTTP: the route key (`$default` when none matched); WebSocket: the selected route key. */
  routeKey?: string;
  protocol?: string;
  domainName: string;
  identity: AccessIdentity;
  /** `$context.authorizer`: claims, principalId, a Lambda authorizer's context. */
  authorizer?: Record<string, unknown>;
  /** Set when an integration was called (MOCK integrations are not: AWS suppresses their latency). */
  integration?: IntegrationAccess;
  /** Set when the gateway answered with an error of its own (a gateway response). */
  error?: { message: string; responseType?: string; validationErrorString?: string };
  websocket?: { connectionId: string; connectedAt: number; eventType: string; messageId?: string };
}

export interface AccessIdentity {
  sourceIp: string;
  userAgent?: string;
  apiKey?: string;
  /** IAM-signed requests: the caller whose signature was verified. */
  accountId?: string;
  caller?: string;
  user?: string;
  userArn?: string;
}

/** What the integration call came to, as `$context.integration.*` report it. */
export interface IntegrationAccess {
  latencyMs: number;
  /** The backend's status (Lambda proxy: the status code the function returned). */
  status?: number;
  /** `$context.integrationStatus`: Lambda's own status for Lambda integrations (200 when the function ran). */
  serviceStatus?: number;
  /** Why the call failed (timeout, bad Lambda answer, unreachable backend). */
  error?: string;
}

/** A format compiled once (at load, accessLog/format.ts): `render` fills one line a request, parsing nothing. */
export interface AccessLogFormat {
  /** The format as written. */
  readonly text: string;
  readonly apiType: ApiType;
  render(record: AccessRecord): string;
}
