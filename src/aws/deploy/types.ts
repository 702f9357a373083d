// The vocabulary of deploy: what is sent (DeploySource), the comparable form of an API (ApiShape) on either side,
// and the WebSocket resources that have no import. Types only.
import type { Range } from '../../shared/range';
import type { AwsApiKind, DeployedStage, DeployTarget, PlanStep, PlannedChange } from '../types';

/** A place in a definition file (the body may come from another file than the template). */
export interface SourceRef {
  file: string;
  range: Range;
}

/** What a deploy sends, prepared from a definition by prepareDeploySource. */
export interface DeploySource {
  kind: AwsApiKind;
  /** The API's name: the template's `Name`, else `info.title`, else the model's name. */
  apiName: string;
  /** The file the definition was read from (the template for SAM / CloudFormation). */
  file: string;
  /** REST / HTTP: the OpenAPI document sent to ImportRestApi / PutRestApi / ImportApi / ReimportApi. */
  body?: Record<string, unknown>;
  /** `body` as the JSON text that is sent. */
  bodyText?: string;
  /** The stage the template declares (SAM `StageName` / `Variables`, a Stage resource), intrinsics substituted. */
  stage?: { name?: string; variables: Record<string, string>; autoDeploy?: boolean };
  /** The endpoint type the template declares (`EndpointConfiguration`), a default for the target. */
  endpointType?: 'EDGE' | 'REGIONAL' | 'PRIVATE';
  /** WebSocket: the API, routes, integrations, responses and authorizers of its AWS::ApiGatewayV2 resources. */
  websocket?: WebSocketDefinition;
  /** Things a person should know (template properties this deploy does not apply, ...). */
  notes: string[];
  /** Where an operation is written ('/pets', 'get'; 'ANY' for x-amazon-apigateway-any-method); a WebSocket route by key. */
  locate(pathKey: string, method?: string): SourceRef | undefined;
  /** Where the deepest existing key of a path into the body is written (['components', 'schemas', 'Pet']). */
  locateKey(segments: readonly string[]): SourceRef | undefined;
}

/** A WebSocket API as its AWS::ApiGatewayV2 resources declare it. Settings are named as in the API Gateway v2 API. */
export interface WebSocketDefinition {
  /** Name, RouteSelectionExpression, ApiKeySelectionExpression, Description, DisableSchemaValidation, ... */
  api: Record<string, unknown>;
  routes: WebSocketRoute[];
  integrations: WebSocketIntegration[];
  authorizers: WebSocketAuthorizer[];
}

export interface WebSocketRoute {
  logicalId: string;
  routeKey: string;
  /** AuthorizationType, ApiKeyRequired, OperationName, RouteResponseSelectionExpression, RequestModels, ... */
  settings: Record<string, unknown>;
  /** Logical id of the integration its `Target` names. */
  integration?: string;
  /** Logical id of its `AuthorizerId`. */
  authorizer?: string;
  responses: Array<{ key: string; settings: Record<string, unknown> }>;
  ref: SourceRef;
}

export interface WebSocketIntegration {
  logicalId: string;
  /** IntegrationType, IntegrationUri, IntegrationMethod, RequestTemplates, TemplateSelectionExpression, ... */
  settings: Record<string, unknown>;
  responses: Array<{ key: string; settings: Record<string, unknown> }>;
  ref: SourceRef;
}

export interface WebSocketAuthorizer {
  logicalId: string;
  name: string;
  settings: Record<string, unknown>;
  ref: SourceRef;
}

/**
 * An API in the form the planner compares: the same for what is desired (the body, or WebSocket resources) and
 * what is deployed (the export, or the v2 GetRoutes / GetIntegrations answers). Values are normalised
 * (normalize.ts), so two shapes compare with canonical JSON.
 */
export interface ApiShape {
  kind: AwsApiKind;
  name?: string;
  /** By route key: 'GET /pets', 'ANY /{proxy+}', '$default', or a WebSocket route key ('$connect'). */
  routes: Record<string, RouteShape>;
  /** Authorizers / security schemes by name (the API key scheme of a REST API is not one). */
  authorizers: Record<string, unknown>;
  /** REST models (components.schemas / definitions) by name. */
  models: Record<string, unknown>;
  /** REST gateway responses by type (DEFAULT_4XX, ...). */
  gatewayResponses: Record<string, unknown>;
  /** API-wide settings: title, description, binary media types, API key source, CORS, endpoint, policy, validators... */
  settings: Record<string, unknown>;
  /** What the deployed side's ids are (WebSocket updates need them). */
  ids?: DeployedIds;
}

export interface RouteShape {
  key: string;
  /** The method request side: operationId, parameters, request body, responses, security, validator... */
  settings: Record<string, unknown>;
  /** The normalised integration (undefined: none). */
  integration?: Record<string, unknown>;
  /** WebSocket: route responses by key. */
  responses?: Record<string, unknown>;
  /** WebSocket: integration responses by key. */
  integrationResponses?: Record<string, unknown>;
}

/** Ids of a deployed WebSocket API's parts, by the keys of its ApiShape. */
export interface DeployedIds {
  routes: Record<string, string>;
  /** Integration id by route key (from the route's `Target`). */
  integrationByRoute: Record<string, string>;
  /** `${routeKey} ${routeResponseKey}` → RouteResponseId. */
  routeResponses: Record<string, string>;
  /** `${integrationId} ${integrationResponseKey}` → IntegrationResponseId. */
  integrationResponses: Record<string, string>;
  /** Authorizer id by name. */
  authorizers: Record<string, string>;
}

/** A step of a plan; `produces` names the id the step creates, which later inputs refer to as `{ref:NAME}`. */
export interface DeployStep extends PlanStep {
  produces?: string;
}

/** What the planner (planner.ts) knows when it lists the steps of a plan, for each kind of API (websocketPlan.ts). */
export interface StepContext {
  target: DeployTarget;
  variables: Record<string, string>;
  stage: DeployedStage | undefined;
  creating: boolean;
  definitionChanged: boolean;
  stageChanges: PlannedChange[];
  desired: DeploySource;
}
