import type { GatewayApi, Route } from '../model';
import type { CarriedOverrides } from '../vtl';
import type { RuntimeConfig } from './config';
import type { AccessLogFormat } from './accessLog/accessRecord';
import type { GatewayError } from './errors';
import type { IamCredential } from './iam/iamConfig';
import type { ResourcePolicy } from './iam/policyTypes';

/** A request as the gateway receives it (transport-neutral: the server adapter builds it). */
export interface MockRequest {
  method: string;
  /** The URL path as sent, without the query string (stage prefix included), percent-decoded. */
  path: string;
  /** The raw query string without `?` ('' for none). */
  query: string;
  /** Header values by lower-case name. */
  headers: Record<string, string[]>;
  body: Buffer;
  sourceIp: string;
  /** The path as it came on the wire, still percent-encoded (SigV4 signs it so); absent: `path` re-encoded. */
  rawPath?: string;
  /**
   * The path the client sent when a mount (a custom domain's base path) routed the request: `path` is then the
   * stage's own path, without the base path; `$context.path` and the events show this one, as on a custom domain.
   */
  publicPath?: string;
}

export interface MockResponse {
  status: number;
  /** Header values by name as they will be sent. */
  headers: Record<string, string>;
  body: Buffer;
}

/** One step of a request's trip through the pipeline, for the request log and the Invoke panel. */
export interface TraceStep {
  stage: string;
  /** What happened, in one sentence. */
  detail: string;
  /** Milliseconds the stage took. */
  ms: number;
  /** Stage-specific data: the matched route, the rendered template, the integration call... */
  data?: unknown;
  /**
   * Something the developer must know although the request went on (a JWT accepted without checking its
   * signature): the Invoke panel shows it above the answer, `apigw mock` prints it under the request.
   */
  warning?: boolean;
}

/** What the runtime reports for every request it answered. */
export interface RequestEvent {
  requestId: string;
  method: string;
  path: string;
  status: number;
  latencyMs: number;
  /** 'GET /pets/{id}' when a route matched. */
  route?: string;
  /**
   * Every stage the request went through when the trace was asked for (MockRuntime.handle, request listeners
   * that want it); else only the steps of what went wrong (why a gateway response was sent).
   */
  trace: TraceStep[];
  /** Console output of local handlers run for this request. */
  logs: string[];
}

/** The API being served, with everything resolved for this run. */
export interface ServedApi {
  api: GatewayApi;
  /** The definition file (relative paths in the config resolve against its folder). */
  file: string;
  stage: string;
  stageVariables: Record<string, string>;
  config: RuntimeConfig;
  /** REST: the resource policy (`x-amazon-apigateway-policy`), read and checked when the API loaded. */
  policy?: ResourcePolicy;
  /** The stage's access log format, compiled at load (accessLog/stageFormat.ts); absent: CLF. */
  accessLog?: AccessLogFormat;
}

export interface MatchedRoute {
  route: Route;
  /** REST resource path / HTTP route path, e.g. `/pets/{id}` (`$default` for the default route). */
  resourcePath: string;
  /** HTTP API route key, e.g. `GET /pets/{id}`. */
  routeKey: string;
  pathParameters: Record<string, string>;
}

/** The request after routing, what integration request produced, and what the integration answered. */
export interface IntegrationCall {
  method: string;
  /** Body as sent to the integration (rendered template, passed-through body, or the Lambda event). */
  body: string;
  headers: Record<string, string>;
  query: Record<string, string[]>;
  pathParameters: Record<string, string>;
  /** HTTP APIs: `overwrite:path` replaces the path sent to the backend. */
  pathOverride?: string;
  /** The request template that was rendered, by content type. */
  template?: string;
}

export interface IntegrationResult {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /** Lambda non-proxy: the function failed with this `errorMessage` (selection patterns match it). */
  errorMessage?: string;
}

/** The overrides a request template set, carried to the integration response. */
export interface RequestTemplateOverrides {
  carried: CarriedOverrides | undefined;
  /** `$context.responseOverride.status` / `.header.*` as the request template set them. */
  status?: number;
  headers: Record<string, string>;
}

/** The mutable state of one request as it goes through the stages. */
export interface Exchange {
  served: ServedApi;
  request: MockRequest;
  requestId: string;
  startedAt: number;
  /** The path with the stage removed, e.g. `/pets/7`. */
  path: string;
  query: Record<string, string[]>;
  match?: MatchedRoute;
  /** `$context.authorizer` values (claims, principalId, custom context). */
  authorizer?: Record<string, unknown>;
  /** IAM routes: the caller whose SigV4 signature was verified (`$context.identity.userArn`...). */
  iam?: IamCredential;
  apiKey?: string;
  call?: IntegrationCall;
  /**
   * What the request template left in `$context.requestOverride` / `responseOverride`: the response template
   * starts from it, and its response status and headers apply to the final response even without one.
   */
  overrides?: RequestTemplateOverrides;
  result?: IntegrationResult;
  /**
   * Set when an integration was called out (HTTP, Lambda, a stand-in for an AWS service; not MOCK): how long it
   * took, what it answered, why it failed. The access log's `$context.integration.*` and IntegrationLatency.
   */
  integration?: { latencyMs: number; status?: number; lambda: boolean; error?: string };
  /** Set when the answer is final (proxy integrations, gateway responses). */
  response?: MockResponse;
  error?: GatewayError;
  /**
   * Whether stages trace every step (someone wants the trace) or only what goes wrong: the steps of a request
   * that succeeds cost time to build, and nobody may read them.
   */
  tracing: boolean;
  trace: TraceStep[];
  logs: string[];
}
