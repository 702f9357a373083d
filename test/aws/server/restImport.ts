// An imported OpenAPI 3 / Swagger 2 definition → what API Gateway v1 makes of it: resources with methods and
// integrations, authorizers, models and gateway responses, in the JSON shapes of the API Reference. Also the checks
// that turn into import errors and warnings.
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

export interface RestModel {
  /** By path ('/', '/pets', '/pets/{id}'), each with `resourceMethods` holding full Method objects. */
  resources: Json[];
  authorizers: Json[];
  models: Json[];
  /** Only those the definition sets (`x-amazon-apigateway-gateway-responses`), by response type. */
  gatewayResponses: Record<string, Json>;
}

/** Stable ids for what an import names, so re-importing keeps resource and authorizer ids as AWS does. */
export interface IdMaps {
  resources: Map<string, string>;
  authorizers: Map<string, string>;
  models: Map<string, string>;
  newId: (length: number) => string;
}

const INTEGRATION_TYPES = ['AWS', 'AWS_PROXY', 'HTTP', 'HTTP_PROXY', 'MOCK'];

const integrationOf = (doc: Json, op: Json): Json | undefined => {
  const ext = op['x-amazon-apigateway-integration'];
  return ext === undefined ? undefined : deref(doc, ext);
};

/** Import errors (the import fails) and warnings (it fails only with failonwarnings=true). */
export function checkRestDefinition(doc: Json): { errors: string[]; warnings: string[] } {
  const errors: string[] = [];
  const warnings = [...unknownExtensionWarnings(doc), ...missingSchemaWarnings(doc)];
  for (const { path, method, op } of operations(doc)) {
    const ext = integrationOf(doc, op);
    if (!ext) continue;
    const type = str(ext.type)?.toUpperCase();
    const where = `Unable to put integration on '${method}' for resource at path '${path}'`;
    if (!type || !INTEGRATION_TYPES.includes(type)) {
      warnings.push(`Unknown integration type '${str(ext.type) ?? 'null'}' for '${method} ${path}'. Ignoring.`);
      continue;
    }
    const timeout = ext.timeoutInMillis;
    if (typeof timeout === 'number' && (timeout < 50 || timeout > 29000))
      errors.push(`${where}: Timeout should be between 50 ms and 29000 ms`);
    const uri = str(ext.uri);
    if ((type === 'AWS' || type === 'AWS_PROXY') && !uri?.startsWith('arn:'))
      errors.push(`${where}: Invalid ARN specified in the request`);
    if ((type === 'HTTP' || type === 'HTTP_PROXY') && !/^https?:\/\//.test(uri ?? ''))
      errors.push(`${where}: Invalid HTTP endpoint specified for URI`);
  }
  return { errors, warnings };
}

const modelName = (ref: unknown): string | undefined =>
  typeof ref === 'string' ? /^#\/(?:components\/schemas|definitions)\/(.+)$/.exec(ref)?.[1] : undefined;

const schemes = (doc: Json): Json =>
  isSwagger2(doc) ? obj(doc.securityDefinitions) : obj(obj(doc.components).securitySchemes);

function authorization(doc: Json, op: Json, authorizerIds: Map<string, string>): Json {
  const requirements = Array.isArray(op.security) ? op.security : Array.isArray(doc.security) ? doc.security : [];
  const out: Json = { authorizationType: 'NONE', apiKeyRequired: false };
  for (const [name, scopes] of Object.entries(obj(requirements[0]))) {
    const scheme = obj(schemes(doc)[name]);
    const authorizer = obj(scheme['x-amazon-apigateway-authorizer']);
    if (Object.keys(authorizer).length > 0) {
      const cognito = str(authorizer.type)?.toLowerCase() === 'cognito_user_pools';
      out.authorizationType = cognito ? 'COGNITO_USER_POOLS' : 'CUSTOM';
      out.authorizerId = authorizerIds.get(name);
      if (cognito && Array.isArray(scopes) && scopes.length > 0) out.authorizationScopes = scopes.map(String);
    } else if (str(scheme['x-amazon-apigateway-authtype'])?.toLowerCase() === 'awssigv4') {
      out.authorizationType = 'AWS_IAM';
    } else if (str(scheme.type) === 'apiKey' && str(scheme.name)?.toLowerCase() === 'x-api-key') {
      out.apiKeyRequired = true;
    }
  }
  return out;
}

function parameters(doc: Json, pathItem: Json, op: Json): Json[] {
  const list = (v: unknown): unknown[] => (Array.isArray(v) ? (v as unknown[]) : []);
  return [...list(pathItem.parameters), ...list(op.parameters)].map((p) => deref(doc, p));
}

function requestModels(doc: Json, op: Json, params: Json[]): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  if (isSwagger2(doc)) {
    const body = params.find((p) => p.in === 'body');
    const name = modelName(obj(body?.schema).$ref);
    const consumes = Array.isArray(op.consumes) ? op.consumes : Array.isArray(doc.consumes) ? doc.consumes : [];
    if (name) for (const ct of consumes.length > 0 ? consumes : ['application/json']) out[String(ct)] = name;
  } else {
    for (const [ct, media] of Object.entries(obj(deref(doc, op.requestBody).content))) {
      const name = modelName(obj(obj(media).schema).$ref);
      if (name) out[ct] = name;
    }
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function methodResponses(doc: Json, op: Json): Record<string, Json> | undefined {
  const out: Record<string, Json> = {};
  for (const [code, raw] of Object.entries(obj(op.responses))) {
    if (!/^\d{3}$/.test(code)) continue;
    const r = deref(doc, raw);
    const headers = Object.keys(obj(r.headers));
    const models: Record<string, string> = {};
    if (isSwagger2(doc)) {
      const name = modelName(obj(r.schema).$ref);
      const produces = Array.isArray(op.produces) ? op.produces : Array.isArray(doc.produces) ? doc.produces : [];
      if (name) models[String(produces[0] ?? 'application/json')] = name;
    } else {
      for (const [ct, media] of Object.entries(obj(r.content))) {
        const name = modelName(obj(obj(media).schema).$ref);
        if (name) models[ct] = name;
      }
    }
    out[code] = compact({
      statusCode: code,
      responseParameters:
        headers.length > 0 ? Object.fromEntries(headers.map((h) => [`method.response.header.${h}`, false])) : undefined,
      responseModels: Object.keys(models).length > 0 ? models : undefined,
    });
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function methodIntegration(doc: Json, op: Json, resourceId: string): Json | undefined {
  const ext = integrationOf(doc, op);
  const type = str(ext?.type)?.toUpperCase();
  if (!ext || !type || !INTEGRATION_TYPES.includes(type)) return undefined;
  const integrationResponses: Record<string, Json> = {};
  for (const [pattern, raw] of Object.entries(obj(ext.responses))) {
    const r = obj(raw);
    const statusCode = str(r.statusCode) ?? '200';
    integrationResponses[statusCode] = compact({
      statusCode,
      selectionPattern: pattern === 'default' ? undefined : pattern,
      responseParameters: strMap(r.responseParameters),
      responseTemplates: strMap(r.responseTemplates),
      contentHandling: str(r.contentHandling),
    });
  }
  return compact({
    type,
    httpMethod: str(ext.httpMethod)?.toUpperCase(),
    uri: str(ext.uri),
    connectionType: str(ext.connectionType) ?? 'INTERNET',
    connectionId: str(ext.connectionId),
    credentials: str(ext.credentials),
    requestParameters: strMap(ext.requestParameters),
    requestTemplates: strMap(ext.requestTemplates),
    passthroughBehavior: str(ext.passthroughBehavior)?.toUpperCase() ?? 'WHEN_NO_MATCH',
    contentHandling: str(ext.contentHandling),
    timeoutInMillis: typeof ext.timeoutInMillis === 'number' ? ext.timeoutInMillis : 29000,
    cacheNamespace: str(ext.cacheNamespace) ?? resourceId,
    cacheKeyParameters: Array.isArray(ext.cacheKeyParameters) ? ext.cacheKeyParameters.map(String) : [],
    tlsConfig: isObj(ext.tlsConfig) ? ext.tlsConfig : undefined,
    integrationResponses: Object.keys(integrationResponses).length > 0 ? integrationResponses : undefined,
  });
}

function authorizers(doc: Json, ids: IdMaps): Json[] {
  const out: Json[] = [];
  for (const [name, raw] of Object.entries(schemes(doc))) {
    const scheme = obj(raw);
    const ext = obj(scheme['x-amazon-apigateway-authorizer']);
    if (Object.keys(ext).length === 0) continue;
    const kind = (str(ext.type) ?? 'token').toLowerCase();
    const type = kind === 'cognito_user_pools' ? 'COGNITO_USER_POOLS' : kind === 'request' ? 'REQUEST' : 'TOKEN';
    const headerSource =
      scheme.in === 'header' && str(scheme.name) ? `method.request.header.${str(scheme.name)}` : undefined;
    out.push(
      compact({
        id: idFor(ids.authorizers, name, ids),
        name,
        type,
        providerARNs: Array.isArray(ext.providerARNs) ? ext.providerARNs.map(String) : undefined,
        authType: str(scheme['x-amazon-apigateway-authtype']),
        authorizerUri: str(ext.authorizerUri),
        authorizerCredentials: str(ext.authorizerCredentials),
        identitySource: str(ext.identitySource) ?? headerSource,
        identityValidationExpression: str(ext.identityValidationExpression),
        authorizerResultTtlInSeconds:
          typeof ext.authorizerResultTtlInSeconds === 'number' ? ext.authorizerResultTtlInSeconds : 300,
      }),
    );
  }
  return out;
}

function idFor(map: Map<string, string>, key: string, ids: IdMaps, length = 6): string {
  let id = map.get(key);
  if (!id) map.set(key, (id = ids.newId(length)));
  return id;
}

/** Builds the v1 model of a definition whose paths already carry the base path. */
export function buildRestModel(doc: Json, ids: IdMaps, rootResourceId: string): RestModel {
  ids.resources.set('/', rootResourceId);
  const auths = authorizers(doc, ids);
  const byPath = new Map<string, Json>();
  const ensure = (path: string): Json => {
    let r = byPath.get(path);
    if (r) return r;
    const parentPath = path === '/' ? undefined : path.slice(0, path.lastIndexOf('/')) || '/';
    const parent = parentPath === undefined ? undefined : ensure(parentPath);
    r = compact({
      id: path === '/' ? rootResourceId : idFor(ids.resources, path, ids),
      parentId: parent?.id,
      pathPart: path === '/' ? undefined : path.slice(path.lastIndexOf('/') + 1),
      path,
    });
    byPath.set(path, r);
    return r;
  };
  ensure('/');
  for (const path of Object.keys(obj(doc.paths))) ensure(normalisePath(path));
  for (const { path, method, op } of operations(doc)) {
    const resource = ensure(normalisePath(path));
    const pathItem = deref(doc, obj(doc.paths)[path]);
    const params = parameters(doc, pathItem, op);
    const requestParameters: Record<string, boolean> = {};
    for (const p of params) {
      const where =
        p.in === 'query' ? 'querystring' : p.in === 'path' ? 'path' : p.in === 'header' ? 'header' : undefined;
      if (where && str(p.name)) requestParameters[`method.request.${where}.${str(p.name)}`] = p.required === true;
    }
    const methods = obj(resource.resourceMethods);
    methods[method] = compact({
      httpMethod: method,
      ...authorization(doc, op, ids.authorizers),
      operationName: str(op.operationId),
      requestParameters: Object.keys(requestParameters).length > 0 ? requestParameters : undefined,
      requestModels: requestModels(doc, op, params),
      requestValidatorId: undefined,
      methodResponses: methodResponses(doc, op),
      methodIntegration: methodIntegration(doc, op, String(resource.id)),
    });
    resource.resourceMethods = methods;
  }
  const schemas = isSwagger2(doc) ? obj(doc.definitions) : obj(obj(doc.components).schemas);
  const models = Object.entries(schemas).map(([name, schema]) => ({
    id: idFor(ids.models, name, ids),
    name,
    contentType: 'application/json',
    schema: JSON.stringify(schema),
  }));
  const gatewayResponses: Record<string, Json> = {};
  for (const [type, raw] of Object.entries(obj(doc['x-amazon-apigateway-gateway-responses']))) {
    const r = obj(raw);
    gatewayResponses[type] = compact({
      responseType: type,
      statusCode: str(r.statusCode),
      responseParameters: strMap(r.responseParameters),
      responseTemplates: strMap(r.responseTemplates),
      defaultResponse: false,
    });
  }
  const resources = [...byPath.values()].sort((a, b) => String(a.path).localeCompare(String(b.path)));
  return { resources, authorizers: auths, models, gatewayResponses };
}

const normalisePath = (p: string): string => (p.length > 1 ? p.replace(/\/+$/, '') : p) || '/';

/** A method's summary for Deployment.apiSummary: { '/pets': { GET: { authorizationType, apiKeyRequired } } }. */
export function apiSummary(model: RestModel): Json {
  const out: Json = {};
  for (const r of model.resources) {
    const methods = obj(r.resourceMethods);
    if (Object.keys(methods).length === 0) continue;
    out[String(r.path)] = Object.fromEntries(
      Object.entries(methods).map(([m, x]) => [
        m,
        { authorizationType: obj(x).authorizationType, apiKeyRequired: obj(x).apiKeyRequired },
      ]),
    );
  }
  return out;
}
