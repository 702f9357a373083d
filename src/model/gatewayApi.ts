import type { Diagnostic } from '../shared/diagnostic';
import type { Range } from '../shared/range';

/**
 * The typed model of an API Gateway API, built from an OpenAPI / Swagger definition or from the resources
 * of a SAM / CloudFormation template. Every element carries `loc`: where it was written (file + range), so
 * the explorer can reveal it and diagnostics can point at it. Values that CloudFormation computes at deploy
 * time (`!Sub`, `!GetAtt`, `Ref`) are kept as `Intrinsic` objects in their long JSON form.
 */

export type ApiType = 'REST' | 'HTTP' | 'WEBSOCKET';

/** A CloudFormation intrinsic function in long form, e.g. `{ "Fn::Sub": "arn:...${Fn.Arn}/invocations" }`. */
export type Intrinsic = { readonly [fn: string]: unknown };

/** A value that may be computed by CloudFormation. */
export type MaybeIntrinsic<T> = T | Intrinsic;

export interface SourceLocation {
  /** Absolute path of the file. */
  file: string;
  range: Range;
  /** JSON pointer inside that file. */
  pointer: string;
}

/** The file that was read, with every API found in it. */
export interface DefinitionFile {
  file: string;
  format: 'yaml' | 'json';
  /** What the file is: a bare OpenAPI 3.x / Swagger 2.0 document, or a SAM / CloudFormation template. */
  kind: 'openapi' | 'swagger' | 'cloudformation';
  apis: GatewayApi[];
  /**
   * What went wrong while reading: syntax errors, broken `$ref`s, parts that could not be read. A file
   * whose problems include an error may still have APIs (everything that could be read is kept).
   */
  problems: Diagnostic[];
}

/** Why a file could not be read at all (not YAML/JSON, not an API definition, too big, binary, missing). */
export interface ReadFailure {
  file: string;
  /** The single error, with its range in `file` (line 0 when it concerns the whole file). */
  error: Diagnostic;
}

export type ReadResult = { ok: true; definition: DefinitionFile } | { ok: false; failure: ReadFailure };

export interface GatewayApi {
  /** `info.title`, else the CloudFormation logical id / `Name`, else the file name. */
  name: string;
  type: ApiType;
  /** A sentence saying how `type` was decided (shown in hovers and `apigw routes --format json`). */
  typeReason: string;
  /** Where the API came from: the OpenAPI document root, or the CloudFormation resource. */
  source: {
    kind: 'openapi' | 'swagger' | 'cloudformation';
    /** '2.0', '3.0.1', '3.1.0'... for OpenAPI / Swagger sources (also when embedded in a template). */
    openapiVersion?: string;
    /** Logical id of the CloudFormation resource that declares the API. */
    logicalId?: string;
    /** CloudFormation resource type, e.g. 'AWS::Serverless::Api'. */
    resourceType?: string;
  };
  loc: SourceLocation;
  title?: string;
  version?: string;
  description?: string;
  routes: Route[];
  /** Security schemes / authorizers by name (`components.securitySchemes` or `securityDefinitions`). */
  authorizers: Authorizer[];
  /** API-wide security (`security` at the root); routes without their own `security` use it. */
  security: SecurityRequirement[];
  cors?: CorsConfiguration;
  validators: RequestValidator[];
  /** `x-amazon-apigateway-request-validator` at the root: the default validator's name. */
  defaultValidator?: string;
  gatewayResponses: GatewayResponse[];
  /** Stage name and variables, from the SAM / CloudFormation stage when there is one. */
  stage?: StageSettings;
  /** WebSocket: `RouteSelectionExpression`, e.g. `$request.body.action`. */
  routeSelectionExpression?: string;
  apiKeySelectionExpression?: string;
  /** REST: `x-amazon-apigateway-api-key-source` (HEADER | AUTHORIZER). */
  apiKeySource?: string;
  binaryMediaTypes: string[];
  minimumCompressionSize?: number;
  endpointConfiguration?: { types?: string[]; vpcEndpointIds?: unknown[]; disableExecuteApiEndpoint?: boolean };
  disableExecuteApiEndpoint?: boolean;
  /** `x-amazon-apigateway-policy` (REST resource policy), as written. */
  policy?: unknown;
  /** `servers[].url` / `host` + `basePath`, as written. */
  servers: string[];
  basePath?: string;
  /** Every `x-amazon-apigateway-*` extension at the API root, raw, by name. */
  extensions: Record<string, ExtensionValue>;
}

export interface ExtensionValue {
  value: unknown;
  loc: SourceLocation;
}

export interface Route {
  /** Upper-case HTTP method, `ANY` for `x-amazon-apigateway-any-method`; the route key for WebSocket. */
  method: string;
  /** '/pets/{id}'; `$default` for an HTTP API's default route; the route key for WebSocket. */
  path: string;
  /** Where the operation (or WebSocket route resource) is written; `pathLoc` is the path's key. */
  loc: SourceLocation;
  pathLoc?: SourceLocation;
  operationId?: string;
  summary?: string;
  description?: string;
  tags: string[];
  /** Path-level and operation-level parameters merged (operation wins), `$ref`s resolved. */
  parameters: Parameter[];
  /**
   * `schemas`: the body schema by content type, `$ref`s inlined (OpenAPI `content.*.schema`, Swagger body `schema`);
   * `examples`: the body's examples by content type (OpenAPI `content.*.example(s)`, Swagger 2.0 `x-examples`).
   */
  requestBody?: {
    required: boolean;
    contentTypes: string[];
    schemas?: Record<string, unknown>;
    examples?: Record<string, NamedExample[]>;
    loc: SourceLocation;
  };
  responses: MethodResponse[];
  integration?: Integration;
  /** The operation's own `security`; undefined means the API-wide `security` applies. */
  security?: SecurityRequirement[];
  /** Names of the authorizers this route uses (own security, else the API's), resolved against `authorizers`. */
  authorizerNames: string[];
  apiKeyRequired: boolean;
  /** `x-amazon-apigateway-request-validator` of the operation. */
  requestValidator?: string;
  /** WebSocket: the route's `RouteResponseSelectionExpression`, `AuthorizationType`, model selection. */
  routeResponseSelectionExpression?: string;
  authorizationType?: string;
  /** Every `x-amazon-apigateway-*` extension on the operation, raw, by name. */
  extensions: Record<string, ExtensionValue>;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie' | 'body' | 'formData';
  required: boolean;
  /** The schema (resolved), or the Swagger 2.0 `type` as a schema. */
  schema?: unknown;
  /** OpenAPI `example` / `examples`, Swagger 2.0 `x-example` (read when first asked for; absent when none). */
  examples?: NamedExample[];
  loc: SourceLocation;
}

/** An example as the definition gives it: `example` (named "example"), or one of `examples` by name (its `value`). */
export interface NamedExample {
  name: string;
  value: unknown;
}

export interface MethodResponse {
  statusCode: string;
  description?: string;
  headers: string[];
  contentTypes: string[];
  loc: SourceLocation;
  /**
   * The body schema by content type, `$ref`s inlined (OpenAPI 3 `content.*.schema`; Swagger 2.0 `schema` under
   * each `produces` type, `application/json` when there is none, as API Gateway imports it). Read when first
   * asked for; schemaOrigin() says where each part was written.
   */
  schemas?: Record<string, unknown>;
  /** The declared headers (`headers`) with their schema, read when first asked for. */
  declaredHeaders?: ResponseHeader[];
}

export interface ResponseHeader {
  name: string;
  /** OpenAPI 3 `required: true` (Swagger 2.0 headers cannot be required). */
  required: boolean;
  /** OpenAPI 3 `schema`, or Swagger 2.0's `type` / `format` / `items` / `enum`... as a schema; `$ref`s inlined. */
  schema?: unknown;
  loc: SourceLocation;
}

export type IntegrationType = 'AWS' | 'AWS_PROXY' | 'HTTP' | 'HTTP_PROXY' | 'MOCK';

/** `x-amazon-apigateway-integration`, or an `AWS::ApiGatewayV2::Integration` resource. All fields as in AWS docs. */
export interface Integration {
  /** Upper-cased, normally an IntegrationType (an unknown value is kept as written, upper-cased); undefined when omitted. */
  type?: string;
  uri?: MaybeIntrinsic<string>;
  httpMethod?: string;
  connectionType?: string;
  connectionId?: MaybeIntrinsic<string>;
  credentials?: MaybeIntrinsic<string>;
  passthroughBehavior?: string;
  contentHandling?: string;
  timeoutInMillis?: number;
  cacheNamespace?: string;
  cacheKeyParameters: string[];
  /** Request parameter mappings: REST `integration.request.header.x` → source; HTTP `append:header.x` → value. */
  requestParameters: Record<string, MaybeIntrinsic<string>>;
  requestTemplates: MappingTemplate[];
  /** REST `responses` (selection pattern → integration response), or WebSocket integration responses. */
  responses: IntegrationResponse[];
  /** HTTP API: response parameter mappings by status code. */
  responseParameters: Record<string, Record<string, string>>;
  payloadFormatVersion?: string;
  integrationSubtype?: string;
  tlsConfig?: { serverNameToVerify?: string; insecureSkipVerification?: boolean };
  /** WebSocket: `TemplateSelectionExpression`. */
  templateSelectionExpression?: string;
  /** The Lambda function named by an AWS / AWS_PROXY uri: ARN, `${Fn.Arn}` name, or CloudFormation logical id. */
  lambdaFunction?: string;
  /** The name under `components.x-amazon-apigateway-integrations` when the integration is a `$ref` to one. */
  sharedName?: string;
  loc: SourceLocation;
  /** The extension object as written (after `$ref` resolution), for fields the model does not name. */
  raw: Record<string, unknown>;
}

export interface MappingTemplate {
  /** The content type (REST) or template key (WebSocket, e.g. `$default`). */
  contentType: string;
  text: string;
  /** Range of the string value holding the template. */
  loc: SourceLocation;
}

export interface IntegrationResponse {
  /** The selection pattern (REST: a Java regex matched against the error / status; `default`). */
  pattern: string;
  statusCode?: string;
  responseParameters: Record<string, MaybeIntrinsic<string>>;
  responseTemplates: MappingTemplate[];
  contentHandling?: string;
  loc: SourceLocation;
}

export interface SecurityRequirement {
  /** Scheme name → scopes. */
  [scheme: string]: string[];
}

export interface Authorizer {
  /** The security scheme's name. */
  name: string;
  /** OpenAPI security scheme type: apiKey, oauth2, openIdConnect, http; `awsSigv4` via `x-amazon-apigateway-authtype`. */
  schemeType?: string;
  /** `x-amazon-apigateway-authtype` (custom, cognito_user_pools, awsSigv4, ...). */
  authType?: string;
  /** `x-amazon-apigateway-authorizer.type`, lower-cased: token, request, cognito_user_pools, jwt. */
  type?: string;
  /** apiKey schemes: where the key is read and under which name. */
  in?: string;
  headerName?: string;
  authorizerUri?: MaybeIntrinsic<string>;
  authorizerCredentials?: MaybeIntrinsic<string>;
  identitySource?: string;
  identityValidationExpression?: string;
  authorizerResultTtlInSeconds?: number;
  providerARNs: unknown[];
  jwtConfiguration?: { issuer?: MaybeIntrinsic<string>; audience: unknown[] };
  authorizerPayloadFormatVersion?: string;
  enableSimpleResponses?: boolean;
  loc: SourceLocation;
  raw: Record<string, unknown>;
}

/** HTTP API `x-amazon-apigateway-cors`, or the SAM `Cors` / `CorsConfiguration` property. */
export interface CorsConfiguration {
  allowOrigins: string[];
  allowMethods: string[];
  allowHeaders: string[];
  exposeHeaders: string[];
  allowCredentials?: boolean;
  maxAge?: number;
  loc: SourceLocation;
}

export interface RequestValidator {
  name: string;
  validateRequestBody: boolean;
  validateRequestParameters: boolean;
  loc: SourceLocation;
}

export interface GatewayResponse {
  /** DEFAULT_4XX, UNAUTHORIZED, ... */
  responseType: string;
  statusCode?: string;
  responseParameters: Record<string, string>;
  responseTemplates: MappingTemplate[];
  loc: SourceLocation;
}

export interface StageSettings {
  name?: MaybeIntrinsic<string>;
  variables: Record<string, MaybeIntrinsic<string>>;
  loc: SourceLocation;
}

/** Options for reading a definition. */
export interface ReadOptions {
  /** Forces the type of every API in the file (otherwise decided as described in docs/api-type.md). */
  apiType?: ApiType;
  /** Files larger than this are refused before being read. Default: 32 MiB. */
  maxFileBytes?: number;
}
