/**
 * Documentation of the variables API Gateway gives a mapping template (`$input`, `$util`, `$context`,
 * `$stageVariables`), for completion and hover. The member lists follow the engine (builtins.ts) and the
 * checker's `$context` tree (check/contextVariables.ts); the words are ours, the facts from the AWS pages
 * "Variables for data transformations for API Gateway" and "WebSocket API mapping template reference".
 */
import { restContext, webSocketContext, type ContextTree } from './check/contextVariables';
import { dictOf, ownValue } from '../shared/dict';

export interface BuiltinMember {
  name: string;
  /** How it is written, e.g. `path(jsonPath)`. */
  signature: string;
  documentation: string;
  kind: 'method' | 'property' | 'object';
}

const method = (name: string, params: string, documentation: string): BuiltinMember => ({
  name,
  signature: `${name}(${params})`,
  documentation,
  kind: 'method',
});

export const inputMembers: readonly BuiltinMember[] = [
  {
    name: 'body',
    signature: 'body',
    kind: 'property',
    documentation:
      'The raw payload as a string: the method request body in request templates, the integration response body in response templates; `{}` when there is none. A property of it is null: use `$input.path` to read into it.',
  },
  method(
    'json',
    'jsonPath',
    "The part of the payload the JSONPath selects, written as JSON text (`$input.json('$')` is the whole body). Nothing selected gives an empty string.",
  ),
  method(
    'path',
    'jsonPath',
    'The part of the payload the JSONPath selects, as a value: a map or list you can loop over, a string, a number; null (printing nothing, `== ""` too) when nothing is selected. A map prints like `{a=b}`, a list as JSON (`[{"a":"b"}]`); use `$input.json` for JSON text.',
  ),
  method(
    'params',
    '[name]',
    'With a name: the request parameter of that name, looked up in the path, then the query string, then the headers (case-insensitive); empty when absent. Without: a map with `path`, `querystring` and `header` maps of all of them.',
  ),
];

export const utilMembers: readonly BuiltinMember[] = [
  method(
    'escapeJavaScript',
    'text',
    "Escapes the text with JavaScript string rules (quotes, backslashes, control and non-ASCII characters as `\\uXXXX`). Note that it escapes `'` as `\\'`, which is not valid JSON.",
  ),
  method(
    'parseJson',
    'jsonText',
    'Parses JSON text into a value (map, list, string, number...) you can read properties of. Invalid JSON is a template error.',
  ),
  method('urlEncode', 'text', 'URL-encodes the text as `application/x-www-form-urlencoded` (a space becomes `+`).'),
  method('urlDecode', 'text', 'Decodes `application/x-www-form-urlencoded` text (`+` becomes a space).'),
  method('base64Encode', 'text', 'Encodes the text (as UTF-8) in Base64.'),
  method(
    'base64Decode',
    'base64',
    'Decodes Base64 into text (read as UTF-8). Text that is not Base64 is a template error.',
  ),
];

const contextDocs: Record<string, string> = dictOf({
  accountId: 'The AWS account ID of the API owner.',
  apiId: 'The identifier API Gateway assigns to the API.',
  authorizer:
    'What the authorizer returned: `principalId`, the claims of a Cognito / JWT token (`claims.<name>`), and the context map of a Lambda authorizer (`<key>`).',
  awsEndpointRequestId: 'The request ID of the AWS endpoint behind an AWS integration.',
  connectedAt: 'When the WebSocket connection was made, in epoch milliseconds.',
  connectionId: 'The ID of the WebSocket connection; use it to send messages back to the client.',
  customDomain: 'Details of the custom domain the request came through.',
  'customDomain.basePathMatched': 'The base path mapping of the custom domain that matched the request.',
  deploymentId: 'The ID of the deployment the stage runs.',
  disconnectReason: 'Why a WebSocket connection closed (`$disconnect` route).',
  disconnectStatusCode: 'The close status code of a WebSocket connection (`$disconnect` route).',
  domainName: 'The domain name the API was called with.',
  domainPrefix: 'The first label of the domain name the API was called with.',
  error: 'The error of a gateway response. Only set in gateway response templates.',
  'error.message': 'The error message, as a string (gateway responses).',
  'error.messageString': 'The error message quoted as a JSON string, `"..."` (gateway responses).',
  'error.responseType': 'The gateway response type, like `UNAUTHORIZED` or `DEFAULT_4XX`.',
  'error.validationErrorString':
    'The detailed request validation error (gateway responses for `BAD_REQUEST_BODY` / `BAD_REQUEST_PARAMETERS`).',
  eventType: 'The WebSocket event: `CONNECT`, `MESSAGE` or `DISCONNECT`.',
  extendedRequestId: 'An extended ID of the request, for support cases and logs.',
  httpMethod: 'The HTTP method of the request: `GET`, `POST`...',
  identity: 'Who called the API: source IP, user agent, and the IAM / Cognito identity when the method uses one.',
  isCanaryRequest: '`true` when the request went to the canary deployment of the stage.',
  messageDirection: 'The direction of a WebSocket message: `IN`.',
  messageId: 'The ID of a WebSocket message.',
  path: 'The request path including the stage, like `/prod/pets/1`.',
  protocol: 'The request protocol, like `HTTP/1.1`.',
  requestId: 'The ID API Gateway gives the request (also in the `x-amzn-RequestId` response header).',
  requestOverride:
    'Overrides of the integration request, set with `#set` in a request template: `header`, `path`, `querystring`.',
  'requestOverride.header':
    'Headers to send to the integration: `#set($context.requestOverride.header.Name = "value")`.',
  'requestOverride.path': 'Path parameters to send to the integration.',
  'requestOverride.querystring': 'Query string parameters to send to the integration.',
  requestTime: 'When the request arrived, in CLF format (`dd/MMM/yyyy:HH:mm:ss +0000`).',
  requestTimeEpoch: 'When the request arrived, in epoch milliseconds.',
  resourceId: 'The ID API Gateway gives the resource.',
  resourcePath: 'The resource the request matched, with its parameters, like `/pets/{petId}`.',
  responseOverride: 'Overrides of the method response, set with `#set` in a response template: `status`, `header`.',
  'responseOverride.header':
    'Headers to return to the client: `#set($context.responseOverride.header.Name = "value")`.',
  'responseOverride.status': 'The status code to return to the client: `#set($context.responseOverride.status = 400)`.',
  routeKey: 'The WebSocket route that matched, like `$default` or `sendMessage`.',
  stage: 'The stage the API was called on, like `prod`.',
  wafResponseCode: 'What AWS WAF decided: `WAF_ALLOW` or `WAF_BLOCK`.',
  webaclArn: 'The ARN of the AWS WAF web ACL that checked the request.',
  xrayTraceId: 'The AWS X-Ray trace ID of the request.',
  'identity.accountId': 'The AWS account ID of the IAM caller.',
  'identity.apiKey': 'The API key the request used (for methods that require one).',
  'identity.apiKeyId': 'The ID of the API key the request used.',
  'identity.caller': 'The principal of the IAM caller.',
  'identity.clientCert': 'The client certificate of a mutual TLS request.',
  'identity.clientCert.clientCertPem': 'The client certificate in PEM.',
  'identity.clientCert.subjectDN': 'The subject of the client certificate.',
  'identity.clientCert.issuerDN': 'The issuer of the client certificate.',
  'identity.clientCert.serialNumber': 'The serial number of the client certificate.',
  'identity.clientCert.validity': 'When the client certificate is valid: `notBefore`, `notAfter`.',
  'identity.clientCert.validity.notBefore': 'The start of the client certificate validity.',
  'identity.clientCert.validity.notAfter': 'The end of the client certificate validity.',
  'identity.cognitoAuthenticationProvider':
    'The Cognito providers that authenticated the caller (Cognito identity pools).',
  'identity.cognitoAuthenticationType': 'The Cognito authentication type: `authenticated` or `unauthenticated`.',
  'identity.cognitoIdentityId': 'The Cognito identity ID of the caller.',
  'identity.cognitoIdentityPoolId': 'The Cognito identity pool ID of the caller.',
  'identity.principalOrgId': 'The AWS organization ID of the IAM caller.',
  'identity.sourceIp': 'The IP address of the client that made the request.',
  'identity.user': 'The principal of the IAM user.',
  'identity.userAgent': 'The `User-Agent` header of the request.',
  'identity.userArn': 'The ARN of the IAM user.',
  'identity.vpcId': 'The VPC the request came from (private APIs).',
  'identity.vpceId': 'The VPC endpoint the request came through (private APIs).',
});

/** The `$context` tree for an API type; both REST and WebSocket variables when the type is not known. */
export function contextTreeFor(apiType: string | undefined): ContextTree {
  if (apiType === 'WEBSOCKET') return webSocketContext;
  if (apiType === 'REST' || apiType === 'HTTP') return restContext;
  return { ...restContext, ...webSocketContext };
}

/** The members of `$context.<path>`: undefined when the path is not a known map. */
export function contextMembers(apiType: string | undefined, path: readonly string[]): BuiltinMember[] | undefined {
  let tree: ContextTree | true | 'open' | undefined = contextTreeFor(apiType);
  for (const name of path) tree = typeof tree === 'object' ? ownValue(tree, name) : undefined;
  if (typeof tree !== 'object') return undefined;
  return Object.entries(tree).map(([name, sub]) => ({
    name,
    signature: name,
    kind: sub === true ? 'property' : 'object',
    documentation: contextDoc([...path, name]) ?? '',
  }));
}

/** The documentation of `$context.<path>`, undefined when it is not a documented variable. */
export function contextDoc(path: readonly string[]): string | undefined {
  return Object.prototype.hasOwnProperty.call(contextDocs, path.join('.')) ? contextDocs[path.join('.')] : undefined;
}

export const rootDocs: Record<string, string> = dictOf({
  input: 'The payload and the request parameters: `body`, `json(path)`, `path(path)`, `params()`.',
  util: 'Helpers for escaping, encoding and parsing: `escapeJavaScript`, `parseJson`, `urlEncode`, `urlDecode`, `base64Encode`, `base64Decode`.',
  context: 'What API Gateway knows about the request: IDs, stage, caller identity, authorizer output, overrides.',
  stageVariables: "The stage's variables, by name: `$stageVariables.name`.",
});
