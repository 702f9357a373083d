// An imported OpenAPI 3 definition → what API Gateway v2 makes of it for an HTTP API: routes, one integration per
// route that has `x-amazon-apigateway-integration`, authorizers from security schemes; with import warnings.
import { badRequest } from './errors';
import {
  compact,
  deref,
  isObj,
  isSwagger2,
  missingSchemaWarnings,
  obj,
  operations,
  str,
  strMap,
  unknownExtensionWarnings,
  type Json,
} from './util';

export interface HttpImport {
  /** Api members the definition sets. */
  api: Json;
  routes: Json[];
  integrations: Json[];
  authorizers: Json[];
  warnings: string[];
  /** What the import ignored (ImportInfo): extensions that only REST APIs have. */
  importInfo: string[];
}

const HTTP_INTEGRATION_TYPES = ['AWS_PROXY', 'HTTP_PROXY'];
const OTHER_INTEGRATION_TYPES = ['AWS', 'HTTP', 'MOCK'];
const REST_ONLY = [
  'x-amazon-apigateway-api-key-source',
  'x-amazon-apigateway-binary-media-types',
  'x-amazon-apigateway-documentation',
  'x-amazon-apigateway-gateway-responses',
  'x-amazon-apigateway-minimum-compression-size',
  'x-amazon-apigateway-policy',
  'x-amazon-apigateway-request-validators',
];

export function importHttp(doc: Json, paths: Json, newId: (length: number) => string): HttpImport {
  if (isSwagger2(doc))
    throw badRequest('Invalid OpenAPI input. HTTP APIs can only be imported from OpenAPI 3.0 definitions');
  const warnings = [...unknownExtensionWarnings(doc), ...missingSchemaWarnings(doc)];
  const importInfo = REST_ONLY.filter((k) => k in doc).map((k) => `${k} is not supported for HTTP APIs. Ignoring.`);
  const schemes = obj(obj(doc.components).securitySchemes);

  const authorizers = new Map<string, Json>();
  for (const [name, raw] of Object.entries(schemes)) {
    const ext = obj(obj(raw)['x-amazon-apigateway-authorizer']);
    if (Object.keys(ext).length === 0) continue;
    const jwt = str(ext.type)?.toLowerCase() === 'jwt';
    const identitySource = str(ext.identitySource)
      ?.split(',')
      .map((s) => s.trim());
    authorizers.set(
      name,
      compact({
        authorizerId: newId(6),
        name,
        authorizerType: jwt ? 'JWT' : 'REQUEST',
        identitySource: identitySource ?? (jwt ? ['$request.header.Authorization'] : undefined),
        jwtConfiguration: jwt && isObj(ext.jwtConfiguration) ? ext.jwtConfiguration : undefined,
        authorizerUri: str(ext.authorizerUri),
        authorizerCredentialsArn: str(ext.authorizerCredentials),
        authorizerPayloadFormatVersion: jwt ? undefined : (str(ext.authorizerPayloadFormatVersion) ?? '2.0'),
        authorizerResultTtlInSeconds: jwt
          ? undefined
          : typeof ext.authorizerResultTtlInSeconds === 'number'
            ? ext.authorizerResultTtlInSeconds
            : 300,
        enableSimpleResponses: jwt ? undefined : ext.enableSimpleResponses === true,
      }),
    );
  }

  const routes: Json[] = [];
  const integrations: Json[] = [];
  for (const { path: written, method, op } of operations({ ...doc, paths })) {
    if (!written.startsWith('/')) {
      warnings.push(`Parse issue: attribute paths. Resource ${written} should start with /`);
      continue;
    }
    const routeKey = written === '/$default' ? '$default' : `${method} ${written}`;
    const route: Json = {
      routeId: newId(7),
      routeKey,
      apiKeyRequired: false,
      authorizationType: 'NONE',
      apiGatewayManaged: false,
    };
    if (str(op.operationId)) route.operationName = op.operationId;
    const requirements = Array.isArray(op.security) ? op.security : Array.isArray(doc.security) ? doc.security : [];
    for (const [name, scopes] of Object.entries(obj(requirements[0]))) {
      const authorizer = authorizers.get(name);
      if (authorizer) {
        route.authorizationType = authorizer.authorizerType === 'JWT' ? 'JWT' : 'CUSTOM';
        route.authorizerId = authorizer.authorizerId;
        if (authorizer.authorizerType === 'JWT' && Array.isArray(scopes) && scopes.length > 0)
          route.authorizationScopes = scopes.map(String);
      } else if (str(obj(schemes[name])['x-amazon-apigateway-authtype'])?.toLowerCase() === 'awssigv4') {
        route.authorizationType = 'AWS_IAM';
      }
    }
    const extRaw = op['x-amazon-apigateway-integration'];
    if (extRaw !== undefined) {
      const ext = deref(doc, extRaw);
      const type = str(ext.type)?.toUpperCase() ?? '';
      if (HTTP_INTEGRATION_TYPES.includes(type)) {
        const integration = integrationFrom(ext, type, newId(7));
        integrations.push(integration);
        route.target = `integrations/${String(integration.integrationId)}`;
      } else if (OTHER_INTEGRATION_TYPES.includes(type)) {
        warnings.push(
          `Currently, an API with a protocol type of HTTP may only be associated with proxy integrations (AWS_PROXY, HTTP_PROXY). Ignoring the integration of '${method} ${written}'.`,
        );
      } else {
        warnings.push(`Unknown integration type '${str(ext.type) ?? 'null'}' for '${method} ${written}'. Ignoring.`);
      }
    }
    routes.push(route);
  }

  const info = obj(doc.info);
  const cors = obj(doc['x-amazon-apigateway-cors']);
  const endpoint = obj(doc['x-amazon-apigateway-endpoint-configuration']);
  return {
    api: compact({
      name: str(info.title),
      description: str(info.description),
      version: str(info.version),
      corsConfiguration: Object.keys(cors).length > 0 ? cors : undefined,
      disableExecuteApiEndpoint:
        typeof endpoint.disableExecuteApiEndpoint === 'boolean' ? endpoint.disableExecuteApiEndpoint : undefined,
    }),
    routes,
    integrations,
    authorizers: [...authorizers.values()],
    warnings,
    importInfo,
  };
}

export function integrationFrom(ext: Json, type: string, integrationId: string): Json {
  return compact({
    integrationId,
    integrationType: type,
    integrationUri: str(ext.uri),
    integrationMethod: str(ext.httpMethod)?.toUpperCase() ?? (type === 'AWS_PROXY' ? 'POST' : undefined),
    payloadFormatVersion: str(ext.payloadFormatVersion) ?? (type === 'AWS_PROXY' ? '2.0' : '1.0'),
    connectionType: str(ext.connectionType) ?? 'INTERNET',
    connectionId: str(ext.connectionId),
    credentialsArn: str(ext.credentials),
    integrationSubtype: str(ext.integrationSubtype),
    requestParameters: strMap(ext.requestParameters),
    responseParameters: isObj(ext.responseParameters) ? ext.responseParameters : undefined,
    timeoutInMillis: typeof ext.timeoutInMillis === 'number' ? ext.timeoutInMillis : 30000,
    tlsConfig: isObj(ext.tlsConfig) ? ext.tlsConfig : undefined,
    apiGatewayManaged: false,
  });
}
