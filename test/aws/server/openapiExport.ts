// Export, as API Gateway gives it back: REST APIs from the definition stored with the deployment (servers / host set
// to the invoke URL, `x-amazon-apigateway-*` only when asked, converted between OpenAPI 3 and Swagger 2 when the
// other flavour is asked for); HTTP APIs generated from their routes, integrations and authorizers.
import { clone, compact, isObj, isSwagger2, obj, str, type Json } from './util';

const EXT = 'x-amazon-apigateway-';

/** Which API Gateway extensions an export keeps, from GetExport's `extensions` parameter. */
function keepExtension(name: string, extensions: string[]): boolean {
  if (name === `${EXT}any-method`) return true; // a method key, not an annotation
  if (extensions.includes('apigateway')) return true;
  if (name === `${EXT}integration` || name === `${EXT}integrations`) return extensions.includes('integrations');
  if (name === `${EXT}authorizer` || name === `${EXT}authtype`) return extensions.includes('authorizers');
  return false;
}

function stripExtensions(v: unknown, keep: (name: string) => boolean): void {
  if (Array.isArray(v)) v.forEach((x) => stripExtensions(x, keep));
  else if (isObj(v))
    for (const k of Object.keys(v)) {
      if (k.startsWith(EXT) && !keep(k)) delete v[k];
      else stripExtensions(v[k], keep);
    }
}

function rewriteRefs(v: unknown, from: string, to: string): void {
  if (Array.isArray(v)) v.forEach((x) => rewriteRefs(x, from, to));
  else if (isObj(v))
    for (const [k, x] of Object.entries(v)) {
      if (k === '$ref' && typeof x === 'string' && x.startsWith(from)) v[k] = to + x.slice(from.length);
      else rewriteRefs(x, from, to);
    }
}

const schemaOfSwaggerParam = (p: Json): Json =>
  compact({ type: p.type, format: p.format, items: p.items, enum: p.enum, default: p.default });

/** Swagger 2 → OpenAPI 3.0.1, for the parts API Gateway keeps. */
function toOas3(doc: Json): Json {
  const out: Json = { openapi: '3.0.1', info: doc.info };
  const consumes = Array.isArray(doc.consumes) ? doc.consumes.map(String) : ['application/json'];
  const produces = Array.isArray(doc.produces) ? doc.produces.map(String) : ['application/json'];
  const paths: Json = {};
  for (const [path, rawItem] of Object.entries(obj(doc.paths))) {
    const item: Json = {};
    for (const [key, rawOp] of Object.entries(obj(rawItem))) {
      if (key === 'parameters' || !isObj(rawOp)) {
        item[key] = rawOp;
        continue;
      }
      const op: Json = { ...rawOp };
      const params = Array.isArray(op.parameters) ? op.parameters.map(obj) : [];
      const body = params.find((p) => p.in === 'body');
      const rest = params.filter((p) => p.in !== 'body' && p.in !== 'formData');
      if (rest.length > 0)
        op.parameters = rest.map((p) =>
          compact({
            name: p.name,
            in: p.in,
            description: p.description,
            required: p.required,
            schema: schemaOfSwaggerParam(p),
          }),
        );
      else delete op.parameters;
      if (body) {
        const cts = Array.isArray(op.consumes) ? op.consumes.map(String) : consumes;
        op.requestBody = compact({
          content: Object.fromEntries(cts.map((ct) => [ct, { schema: body.schema }])),
          required: body.required,
        });
      }
      const responses: Json = {};
      for (const [code, rawResponse] of Object.entries(obj(op.responses))) {
        const r: Json = { ...obj(rawResponse) };
        if (r.schema !== undefined) {
          const cts = Array.isArray(op.produces) ? op.produces.map(String) : produces;
          r.content = Object.fromEntries(cts.map((ct) => [ct, { schema: r.schema }]));
          delete r.schema;
        }
        if (isObj(r.headers))
          r.headers = Object.fromEntries(
            Object.entries(r.headers).map(([h, x]) => [h, { schema: schemaOfSwaggerParam(obj(x)) }]),
          );
        responses[code] = r;
      }
      op.responses = responses;
      delete op.consumes;
      delete op.produces;
      item[key] = op;
    }
    paths[path] = item;
  }
  out.paths = paths;
  const components = compact({
    schemas: isObj(doc.definitions) ? doc.definitions : undefined,
    securitySchemes: isObj(doc.securityDefinitions) ? doc.securityDefinitions : undefined,
  });
  if (Object.keys(components).length > 0) out.components = components;
  for (const [k, v] of Object.entries(doc)) if (k.startsWith('x-') || k === 'security' || k === 'tags') out[k] = v;
  rewriteRefs(out, '#/definitions/', '#/components/schemas/');
  return out;
}

/** OpenAPI 3 → Swagger 2.0, for the parts API Gateway keeps. */
function toSwagger2(doc: Json): Json {
  const out: Json = { swagger: '2.0', info: doc.info };
  const paths: Json = {};
  for (const [path, rawItem] of Object.entries(obj(doc.paths))) {
    const item: Json = {};
    for (const [key, rawOp] of Object.entries(obj(rawItem))) {
      if (key === 'parameters' || key === 'servers' || !isObj(rawOp)) {
        if (key !== 'servers') item[key] = rawOp;
        continue;
      }
      const op: Json = { ...rawOp };
      const params: Json[] = (Array.isArray(op.parameters) ? op.parameters.map(obj) : []).map((p) => {
        const { schema, ...rest } = p;
        return { ...rest, ...obj(schema) };
      });
      const content = obj(obj(op.requestBody).content);
      if (Object.keys(content).length > 0) {
        op.consumes = Object.keys(content);
        const schema = obj(Object.values(content)[0]).schema;
        params.push(compact({ in: 'body', name: 'body', required: obj(op.requestBody).required ?? true, schema }));
      }
      delete op.requestBody;
      if (params.length > 0) op.parameters = params;
      else delete op.parameters;
      const produces = new Set<string>();
      const responses: Json = {};
      for (const [code, rawResponse] of Object.entries(obj(op.responses))) {
        const r: Json = { ...obj(rawResponse) };
        const media = obj(r.content);
        for (const ct of Object.keys(media)) produces.add(ct);
        if (Object.keys(media).length > 0) r.schema = obj(Object.values(media)[0]).schema;
        delete r.content;
        if (isObj(r.headers))
          r.headers = Object.fromEntries(Object.entries(r.headers).map(([h, x]) => [h, obj(obj(x).schema)]));
        responses[code] = r;
      }
      op.responses = responses;
      if (produces.size > 0) op.produces = [...produces];
      item[key] = op;
    }
    paths[path] = item;
  }
  out.paths = paths;
  const components = obj(doc.components);
  if (isObj(components.securitySchemes)) out.securityDefinitions = components.securitySchemes;
  if (isObj(components.schemas)) out.definitions = components.schemas;
  for (const [k, v] of Object.entries(doc)) if (k.startsWith('x-') || k === 'security' || k === 'tags') out[k] = v;
  rewriteRefs(out, '#/components/schemas/', '#/definitions/');
  return out;
}

export interface RestExportOptions {
  exportType: 'oas30' | 'swagger';
  extensions: string[];
  apiId: string;
  region: string;
  stageName: string;
  name: string;
}

/** GetExport of a REST API's deployed definition. */
export function exportRest(stored: Json, o: RestExportOptions): Json {
  const host = `${o.apiId}.execute-api.${o.region}.amazonaws.com`;
  let doc = clone(stored);
  if (o.exportType === 'oas30' && isSwagger2(doc)) doc = toOas3(doc);
  if (o.exportType === 'swagger' && !isSwagger2(doc)) doc = toSwagger2(doc);
  doc.info = { ...obj(doc.info), title: o.name };
  let out: Json;
  if (o.exportType === 'oas30') {
    // OpenAPI 3: one server at the invoke URL, its stage as the basePath variable.
    const { openapi, info, ...rest } = doc;
    delete rest.servers;
    out = {
      openapi,
      info,
      servers: [{ url: `https://${host}/{basePath}`, variables: { basePath: { default: `/${o.stageName}` } } }],
      ...rest,
    };
  } else {
    const { swagger, info, ...rest } = doc;
    delete rest.host;
    delete rest.basePath;
    delete rest.schemes;
    out = { swagger, info, host, basePath: `/${o.stageName}`, schemes: ['https'], ...rest };
  }
  stripExtensions(out, (name) => keepExtension(name, o.extensions));
  return out;
}

export interface HttpExportInput {
  api: Json;
  routes: Json[];
  integrations: Json[];
  authorizers: Json[];
  region: string;
  stageName?: string;
  includeExtensions: boolean;
}

function integrationExtension(i: Json): Json {
  return compact({
    type: str(i.integrationType)?.toLowerCase(),
    httpMethod: str(i.integrationMethod),
    uri: str(i.integrationUri),
    payloadFormatVersion: str(i.payloadFormatVersion),
    connectionType: str(i.connectionType),
    connectionId: str(i.connectionId),
    credentials: str(i.credentialsArn),
    integrationSubtype: str(i.integrationSubtype),
    requestParameters: i.requestParameters,
    responseParameters: i.responseParameters,
    timeoutInMillis: i.timeoutInMillis,
    tlsConfig: i.tlsConfig,
  });
}

function authorizerScheme(a: Json): Json {
  if (a.authorizerType === 'JWT')
    return {
      type: 'oauth2',
      flows: {},
      [`${EXT}authorizer`]: compact({
        identitySource: Array.isArray(a.identitySource) ? a.identitySource.join(',') : undefined,
        jwtConfiguration: a.jwtConfiguration,
        type: 'jwt',
      }),
    };
  return {
    type: 'apiKey',
    name: 'Unused',
    in: 'header',
    [`${EXT}authorizer`]: compact({
      identitySource: Array.isArray(a.identitySource) ? a.identitySource.join(',') : undefined,
      authorizerUri: a.authorizerUri,
      authorizerPayloadFormatVersion: a.authorizerPayloadFormatVersion,
      authorizerResultTtlInSeconds: a.authorizerResultTtlInSeconds,
      enableSimpleResponses: a.enableSimpleResponses,
      type: 'request',
    }),
  };
}

/** ExportApi (OAS30) of an HTTP API, generated from its routes the way API Gateway does it. */
export function exportHttp(x: HttpExportInput): Json {
  const apiId = String(x.api.apiId);
  const basePath = x.stageName && x.stageName !== '$default' ? x.stageName : '';
  const paths: Json = {};
  const schemes: Json = {};
  for (const route of [...x.routes].sort((a, b) => String(a.routeKey).localeCompare(String(b.routeKey)))) {
    const key = String(route.routeKey);
    const [verb, path] = key === '$default' ? ['ANY', '/$default'] : key.split(' ', 2);
    if (!path || !verb) continue;
    const item = obj((paths[path] ??= {}));
    const op: Json = {};
    if (str(route.operationName)) op.operationId = route.operationName;
    op.responses = { default: { description: `Default response for ${key}` } };
    const authorizer = x.authorizers.find((a) => a.authorizerId === route.authorizerId);
    if (route.authorizationType === 'AWS_IAM') {
      schemes.sigv4 = { type: 'apiKey', name: 'Authorization', in: 'header', [`${EXT}authtype`]: 'awsSigv4' };
      op.security = [{ sigv4: [] }];
    } else if (authorizer) {
      const name = String(authorizer.name);
      schemes[name] = authorizerScheme(authorizer);
      op.security = [{ [name]: Array.isArray(route.authorizationScopes) ? route.authorizationScopes : [] }];
    }
    const target = /^integrations\/(.+)$/.exec(str(route.target) ?? '')?.[1];
    const integration = x.integrations.find((i) => i.integrationId === target);
    if (integration) op[`${EXT}integration`] = integrationExtension(integration);
    item[verb === 'ANY' ? `${EXT}any-method` : verb.toLowerCase()] = op;
    const names = [...path.matchAll(/\{([^}+]+)\+?\}/g)].map((m) => m[1]);
    if (names.length > 0)
      item.parameters = names.map((name) => ({
        name,
        in: 'path',
        description: `Generated path parameter for ${name}`,
        required: true,
        schema: { type: 'string' },
      }));
    paths[path] = item;
  }
  const out: Json = {
    openapi: '3.0.1',
    info: compact({
      title: x.api.name,
      description: x.api.description,
      version: str(x.api.version) ?? str(x.api.createdDate),
    }),
    servers: [
      {
        url: `https://${apiId}.execute-api.${x.region}.amazonaws.com/{basePath}`,
        variables: { basePath: { default: basePath } },
      },
    ],
    paths,
  };
  if (Object.keys(schemes).length > 0) out.components = { securitySchemes: schemes };
  if (x.includeExtensions) {
    if (isObj(x.api.corsConfiguration)) out[`${EXT}cors`] = x.api.corsConfiguration;
    out[`${EXT}importexport-version`] = '1.0';
  } else {
    stripExtensions(out, (name) => name === `${EXT}any-method`);
  }
  return out;
}
