// The shared vocabulary of src/aws: where calls go, what a deployed API looks like, what a deploy plan holds and
// how a failure is told. Types only (the SDK's own types are imported as types: nothing here loads the SDK), so
// every module of src/aws, the CLI and the extension can import it without loading anything.
import type { APIGatewayClient } from '@aws-sdk/client-api-gateway';
import type { ApiGatewayV2Client } from '@aws-sdk/client-apigatewayv2';
import type { STSClient } from '@aws-sdk/client-sts';
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { PricingClient } from '@aws-sdk/client-pricing';
import type { Diagnostic } from '../shared/diagnostic';
import type { CanaryState } from './deployments/types';

export type AwsApiKind = 'REST' | 'HTTP' | 'WEBSOCKET';

/** Where AWS calls go. `profile` undefined means the SDK's default chain (environment, `AWS_PROFILE`, default). */
export interface AwsPlace {
  profile?: string;
  region: string;
  /** Every client goes here instead of AWS (LocalStack, a test server); the SDK's `AWS_ENDPOINT_URL*` still apply without it. */
  endpointUrl?: string;
}

/** The SDK clients of one place. Injected everywhere, so tests can replace them (aws-sdk-client-mock, a loopback server). */
export interface AwsClients {
  place: AwsPlace;
  /** API Gateway v1: REST APIs. */
  rest: APIGatewayClient;
  /** API Gateway v2: HTTP and WebSocket APIs. */
  v2: ApiGatewayV2Client;
  sts: STSClient;
  /** CloudWatch metrics (the stage dashboard, `apigw metrics`). */
  cloudwatch: CloudWatchClient;
  /** CloudWatch Logs (execution and access logs, Live Tail). */
  logs: CloudWatchLogsClient;
  /** The AWS Price List API, which answers only in us-east-1, eu-central-1 and ap-south-1 (see pricingRegion). */
  pricing: PricingClient;
  /** Hears every retry of a throttled or failed call (a progress UI shows "throttled, retrying in N s"); returns the unsubscribe. */
  addRetryListener?(listener: RetryListener): () => void;
}

/** A call of `operation` failed with a retryable error and is sent again, as attempt `attempt` (2 = first retry), after `delayMs`. */
export type RetryListener = (retry: { operation: string; attempt: number; delayMs: number; errorName: string }) => void;

/** Who the credentials belong to (STS GetCallerIdentity): the account fills `AWS::AccountId`. */
export interface AwsCallerIdentity {
  account: string;
  arn: string;
  userId: string;
}

/** A profile of the shared config / credentials files. */
export interface AwsProfile {
  name: string;
  /** 'sso' (IAM Identity Center), 'role' (assume role), 'process', 'static' (keys), 'web-identity' or 'other'. */
  kind: 'sso' | 'role' | 'process' | 'static' | 'web-identity' | 'other';
  region?: string;
  /** Which files declare it. */
  sources: ('config' | 'credentials')[];
}

// ---- failures --------------------------------------------------------------------------------------------------

export type AwsProblemKind =
  | 'noCredentials' // nothing in the chain gave credentials
  | 'expiredCredentials' // keys or session token expired / invalid signature
  | 'ssoLoginNeeded' // SSO token missing or expired: run `aws sso login --profile NAME`
  | 'accessDenied' // the caller may not do `action`
  | 'notFound' // the API / stage / resource does not exist
  | 'conflict' // someone else changed it, or it exists already
  | 'throttled' // still throttled after the retries
  | 'badRequest' // AWS rejected the input (a stage name, a definition)
  | 'tooLarge' // over an API Gateway size limit (import body)
  | 'network' // endpoint unreachable, wrong region host, DNS
  | 'cancelled' // the user cancelled
  | 'service'; // anything else AWS answered (5xx)

/** A failure told for people: `message` says which failure and what to do, never a stack trace or a secret. */
export interface AwsProblem {
  kind: AwsProblemKind;
  message: string;
  /** The SDK operation that failed, e.g. 'ImportRestApi'. */
  operation?: string;
  /** For accessDenied: the IAM action that was refused, e.g. 'apigateway:PUT'. */
  action?: string;
  httpStatus?: number;
  requestId?: string;
  /** AWS's own message, unchanged (import errors name paths and operations in it). */
  awsMessage?: string;
}

/** Thrown by src/aws for expected failures; `problem` is what callers show. */
export class AwsError extends Error {
  constructor(readonly problem: AwsProblem) {
    super(problem.message);
    this.name = 'AwsError';
  }
}

// ---- what is deployed (the AWS view) ----------------------------------------------------------------------------

export interface DeployedApiSummary {
  id: string;
  name: string;
  kind: AwsApiKind;
  description?: string;
  /** HTTP / WebSocket: `ApiEndpoint` (https://id.execute-api.region.amazonaws.com). */
  apiEndpoint?: string;
  /** REST: EDGE, REGIONAL, PRIVATE. */
  endpointTypes?: string[];
  createdDate?: Date;
  version?: string;
}

export interface DeployedStage {
  apiId: string;
  name: string;
  /** https://{id}.execute-api.{region}.amazonaws.com/{stage} (HTTP `$default`: no stage segment; WebSocket: wss://). */
  invokeUrl: string;
  variables: Record<string, string>;
  deploymentId?: string;
  description?: string;
  lastUpdated?: Date;
  createdDate?: Date;
  autoDeploy?: boolean;
  /** The stage-wide (default route, or every method of a REST stage) throttling. */
  throttling?: { burstLimit?: number; rateLimit?: number };
  /** The deployment the stage serves (when AWS could tell). */
  lastDeployment?: { id: string; createdDate?: Date; description?: string };
  /** REST: the stage's canary release, when it has one. */
  canary?: CanaryState;
  /** REST: the AWS WAF web ACL that filters the stage's requests. */
  webAclArn?: string;
}

export interface DeployedRoute {
  /** 'GET /pets/{id}', 'ANY /{proxy+}', '$default', or a WebSocket route key such as '$connect'. */
  key: string;
  /** REST resource id / v2 route id. */
  id: string;
  /** REST: the resource id the method is on (TestInvokeMethod needs it). */
  resourceId?: string;
  method?: string;
  path?: string;
  integration?: { type?: string; uri?: string; httpMethod?: string; id?: string };
  authorizationType?: string;
  authorizerId?: string;
  apiKeyRequired?: boolean;
}

export interface DeployedAuthorizer {
  id: string;
  name: string;
  type: string;
  identitySource?: string;
}

export interface DeployedApiDetails {
  api: DeployedApiSummary;
  stages: DeployedStage[];
  routes: DeployedRoute[];
  authorizers: DeployedAuthorizer[];
}

// ---- deploy --------------------------------------------------------------------------------------------------

/** Where a deploy goes: a new API (`apiId` undefined) or an existing one, and the stage. */
export interface DeployTarget {
  kind: AwsApiKind;
  /** Undefined: create a new API. */
  apiId?: string;
  stage: string;
  /** REST `PutRestApi` mode. */
  mode?: 'overwrite' | 'merge';
  /** Import `basepath` parameter (REST and HTTP): ignore | prepend | split. */
  basepath?: 'ignore' | 'prepend' | 'split';
  /** REST import `endpointConfigurationTypes`: EDGE | REGIONAL | PRIVATE. */
  endpointType?: 'EDGE' | 'REGIONAL' | 'PRIVATE';
  /** Stage variables to set on the stage. */
  variables?: Record<string, string>;
  /** The description of the deployment the deploy creates (the stage's history lists it). */
  description?: string;
  failOnWarnings: boolean;
}

export type ChangeAction = 'add' | 'change' | 'remove';

export type ChangeCategory =
  'api' | 'route' | 'integration' | 'authorizer' | 'model' | 'gatewayResponse' | 'routeResponse' | 'stage';

/** One line of the plan a person reads: "add route GET /pets", "change integration of POST /orders (uri)". */
export interface PlannedChange {
  action: ChangeAction;
  category: ChangeCategory;
  /** What it is about: a route key, an authorizer / model / response name, a stage name, a setting. */
  key: string;
  /** What differs, in words (fields that change), for `change`. */
  detail?: string;
  before?: unknown;
  after?: unknown;
}

/** One call (or a few of the same kind) that apply runs; `title` names it for progress and partial reports. */
export interface PlanStep {
  /** The SDK operation, e.g. 'ImportRestApi', 'PutRestApi', 'CreateDeployment', 'CreateRoute'. */
  operation: string;
  title: string;
  /** The operation's input, without the body (kept once on the plan). */
  input: Record<string, unknown>;
  /** True for the step that makes the API exist / carry the new definition (partial-state reports name it). */
  changesApi?: boolean;
  /** True for steps that change what clients of the stage see (deployment, stage update). */
  changesStage?: boolean;
}

export interface DeployPlan {
  /** create: a new API; update: an existing one changes; noChange: nothing differs (steps may still redeploy nothing). */
  kind: 'create' | 'update' | 'noChange';
  target: DeployTarget;
  apiName: string;
  changes: PlannedChange[];
  steps: PlanStep[];
  /** The definition sent to AWS (REST / HTTP import body), as JSON text. */
  body?: string;
  /** Things the user should know before confirming (e.g. "merge mode never removes a route"). */
  notes: string[];
}

/** An import warning or error AWS returned, placed on the definition where it could be found. */
export interface ImportFinding {
  severity: 'error' | 'warning';
  awsMessage: string;
  diagnostic: Diagnostic & { file: string };
}

export type DeployOutcome =
  | {
      ok: true;
      apiId: string;
      stage: string;
      invokeUrl: string;
      findings: ImportFinding[];
      /** Titles of the steps that ran. */
      done: string[];
    }
  | {
      ok: false;
      apiId?: string;
      problem: AwsProblem;
      findings: ImportFinding[];
      /** What changed in AWS before the failure, and what did not happen. */
      done: string[];
      notDone: string[];
      /** One paragraph: what changed, what did not, what to do ("run Deploy again to deploy it"). */
      report: string;
    };

/** Progress of apply: called before each step; `cancelled()` is read between steps. */
export interface ApplyProgress {
  step(index: number, total: number, title: string): void;
  /** A throttled call waits `delayMs` before retry `attempt`. */
  retrying?(operation: string, attempt: number, delayMs: number): void;
  cancelled?(): boolean;
}
