import type { SourceNode } from '../sourceNode';
import type {
  Authorizer,
  MethodResponse,
  NamedExample,
  Parameter,
  ResponseHeader,
  Route,
  SecurityRequirement,
} from '../gatewayApi';
import { getProperty, keyLocOf, locOf, toValue } from '../parse';
import type { BuildContext } from './context';
import { asObject, entriesOf, itemsOf, resolve } from './context';
import { buildIntegration } from './integration';
import { buildSecurity, securityEffect } from './authorizers';
import { collectExtensions } from './gatewayExtensions';
import { booleanOf, dropUndefined, plainString, stringList } from './values';
import { examplesOf, inlineSchema } from './schemas';
import { defineLazy, defineLive } from './lazy';

const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const anyMethod = 'x-amazon-apigateway-any-method';

/** What the routes of one document share: its root (for Swagger `consumes`/`produces`) and the API's security. */
export interface OperationScope {
  root: SourceNode;
  swagger: boolean;
  authorizers: Authorizer[];
  security: SecurityRequirement[];
}

/** One Route per method of each path in `paths`. */
export function buildRoutes(ctx: BuildContext, scope: OperationScope): Route[] {
  const routes: Route[] = [];
  const paths = asObject(resolve(ctx, getProperty(scope.root, 'paths')));
  for (const [path, written] of entriesOf(ctx, paths)) {
    if (path.startsWith('x-')) continue;
    const item = resolve(ctx, written);
    if (item?.kind !== 'object') continue;
    const pathParameters = itemsOf(resolve(ctx, getProperty(item, 'parameters')));
    for (const { key, value } of item.properties) {
      const method = key === anyMethod ? 'ANY' : methods.includes(key) ? key.toUpperCase() : undefined;
      const operation = method === undefined ? undefined : resolve(ctx, value);
      if (method === undefined || operation?.kind !== 'object') continue;
      const route = buildRoute(ctx, scope, { method, path, operation, pathParameters });
      route.loc = keyLocOf(item, key) ?? locOf(operation);
      const pathLoc = paths && keyLocOf(paths, path);
      if (pathLoc !== undefined) route.pathLoc = pathLoc;
      routes.push(route);
    }
  }
  return routes;
}

interface OperationInput {
  method: string;
  path: string;
  operation: SourceNode;
  pathParameters: SourceNode[];
}

function buildRoute(ctx: BuildContext, scope: OperationScope, input: OperationInput): Route {
  const { operation } = input;
  const get = (key: string): SourceNode | undefined => getProperty(operation, key);
  const security = buildSecurity(ctx, get('security'));
  const integrationNode = get('x-amazon-apigateway-integration');
  const parameters = mergeParameters(ctx, input.pathParameters, itemsOf(resolve(ctx, get('parameters'))));
  const route: Route = dropUndefined({
    method: input.method,
    path: input.path,
    loc: locOf(operation),
    operationId: plainString(get('operationId')),
    summary: later(get('summary')),
    description: later(get('description')),
    tags: stringList(get('tags')),
    parameters,
    requestBody: scope.swagger ? swaggerBody(scope, operation, parameters) : openApiBody(ctx, get('requestBody')),
    responses: buildResponses(ctx, scope, operation),
    integration: integrationNode === undefined ? undefined : buildIntegration(ctx, integrationNode),
    security,
    ...securityEffect(security ?? scope.security, scope.authorizers),
    requestValidator: plainString(get('x-amazon-apigateway-request-validator')),
    extensions: collectExtensions(ctx, operation),
  });
  // Read when asked for (the explorer, hover): no check depends on them, so editing them rebuilds nothing.
  if ('summary' in route) defineLive(route, 'summary', () => plainString(get('summary')));
  if ('description' in route) defineLive(route, 'description', () => plainString(get('description')));
  return route;
}

/** A stand-in for a field defined later (lazy.ts) when the node has it; undefined (dropped) when not. */
function later(node: SourceNode | undefined): undefined | never {
  return node === undefined ? undefined : (LATER as never);
}
const LATER = Symbol('defined later');

/** Path-level parameters, then the operation's: an operation parameter replaces a path one of the same name and place. */
function mergeParameters(ctx: BuildContext, pathLevel: SourceNode[], operationLevel: SourceNode[]): Parameter[] {
  const byKey = new Map<string, Parameter>();
  for (const written of [...pathLevel, ...operationLevel]) {
    const parameter = buildParameter(ctx, written);
    if (parameter !== undefined) byKey.set(`${parameter.in}:${parameter.name}`, parameter);
  }
  return [...byKey.values()];
}

function buildParameter(ctx: BuildContext, written: SourceNode): Parameter | undefined {
  const node = resolve(ctx, written);
  const name = plainString(getProperty(node, 'name'));
  const where = plainString(getProperty(node, 'in'));
  if (node === undefined || name === undefined || !isParameterLocation(where)) return undefined;
  const schemaNode = resolve(ctx, getProperty(node, 'schema'));
  const required = getProperty(node, 'required');
  const hasSchema = schemaNode !== undefined || swaggerSchemaKeys.some((key) => getProperty(node, key) !== undefined);
  const hasExamples = ['example', 'examples', 'x-example', 'x-examples'].some(
    (k) => getProperty(node, k) !== undefined,
  );
  const parameter: Parameter = dropUndefined({
    name,
    in: where,
    required: booleanOf(required) ?? where === 'path',
    schema: hasSchema ? LATER : undefined,
    examples: hasExamples ? (LATER as never) : undefined,
    loc: locOf(node),
  });
  if (hasExamples) defineLazy(parameter, 'examples', () => parameterExamples(ctx, node));
  // A Swagger 2.0 body's schema is the request model: `$ref`s inlined, as OpenAPI 3 request bodies have them.
  const schema = (): unknown =>
    schemaNode === undefined
      ? swaggerSchema(node)
      : where === 'body'
        ? inlineSchema(ctx, getProperty(node, 'schema'))
        : toValue(schemaNode);
  if (hasSchema) defineLazy(parameter, 'schema', schema);
  return parameter;
}

/** OpenAPI `example` / `examples`; Swagger 2.0 `x-example`, and a body's `x-examples` (by content type, as named). */
function parameterExamples(ctx: BuildContext, node: SourceNode): NamedExample[] {
  const examples = examplesOf(ctx, node);
  const swagger = getProperty(node, 'x-example');
  if (swagger !== undefined) examples.push({ name: 'x-example', value: toValue(swagger) });
  for (const [type, value] of entriesOf(ctx, getProperty(node, 'x-examples')))
    examples.push({ name: type, value: toValue(value) });
  return examples;
}

function isParameterLocation(s: string | undefined): s is Parameter['in'] {
  return s === 'path' || s === 'query' || s === 'header' || s === 'cookie' || s === 'body' || s === 'formData';
}

const swaggerSchemaKeys = ['type', 'format', 'items', 'enum', 'pattern', 'minimum', 'maximum', 'default'];

/** Swagger 2.0 non-body parameters carry their type inline: keep those keywords as the schema. */
function swaggerSchema(node: SourceNode): unknown {
  // eslint-disable-next-line no-restricted-syntax -- JSON-like data (for ajv, YAML and tests): look keys up with ownValue
  const schema: Record<string, unknown> = {};
  for (const key of swaggerSchemaKeys) {
    const value = getProperty(node, key);
    if (value !== undefined) schema[key] = toValue(value);
  }
  return Object.keys(schema).length === 0 ? undefined : schema;
}

function openApiBody(ctx: BuildContext, written: SourceNode | undefined): Route['requestBody'] {
  const node = resolve(ctx, written);
  if (node === undefined) return undefined;
  const body: NonNullable<Route['requestBody']> = {
    required: booleanOf(getProperty(node, 'required')) ?? false,
    contentTypes: entriesOf(ctx, getProperty(node, 'content')).map(([type]) => type),
    schemas: {},
    examples: {},
    loc: locOf(node),
  };
  defineLazy(body, 'examples', () =>
    Object.fromEntries(
      entriesOf(ctx, getProperty(node, 'content'))
        .map(([type, media]) => [type, examplesOf(ctx, resolve(ctx, media))] as const)
        .filter(([, examples]) => examples.length > 0),
    ),
  );
  // Inlined when first asked for (the runtime's validation, a template's completion): a whole schema tree.
  defineLazy(body, 'schemas', () =>
    Object.fromEntries(
      entriesOf(ctx, getProperty(node, 'content'))
        .map(([type, media]) => [type, inlineSchema(ctx, getProperty(resolve(ctx, media), 'schema'))] as const)
        .filter(([, schema]) => schema !== undefined),
    ),
  );
  return body;
}

function swaggerBody(scope: OperationScope, operation: SourceNode, parameters: Parameter[]): Route['requestBody'] {
  const body = parameters.find((p) => p.in === 'body');
  if (body === undefined) return undefined;
  const consumes = stringList(getProperty(operation, 'consumes') ?? getProperty(scope.root, 'consumes'));
  // eslint-disable-next-line no-restricted-syntax -- JSON-like data (for ajv, YAML and tests): look keys up with ownValue
  const schemas: Record<string, unknown> = {};
  // eslint-disable-next-line no-restricted-syntax -- JSON-like data (for ajv, YAML and tests): look keys up with ownValue
  const examples: Record<string, NamedExample[]> = {};
  for (const type of consumes.length > 0 ? consumes : ['application/json']) {
    if (body.schema !== undefined) schemas[type] = body.schema;
    // `x-examples` by content type; `x-example` (or an example by any other name) for every type.
    const named = body.examples?.filter((e) => e.name === type) ?? [];
    const any = body.examples?.filter((e) => !e.name.includes('/')) ?? [];
    if (named.length > 0 || any.length > 0) examples[type] = named.length > 0 ? named : any;
  }
  return { required: body.required, contentTypes: consumes, schemas, examples, loc: body.loc };
}

function buildResponses(ctx: BuildContext, scope: OperationScope, operation: SourceNode): MethodResponse[] {
  const responses = asObject(resolve(ctx, getProperty(operation, 'responses')));
  const produces = stringList(getProperty(operation, 'produces') ?? getProperty(scope.root, 'produces'));
  return entriesOf(ctx, responses).map(([statusCode, written]) => {
    const node = resolve(ctx, written) ?? written;
    const content = entriesOf(ctx, getProperty(node, 'content')).map(([type]) => type);
    const response: MethodResponse = dropUndefined({
      statusCode,
      description: later(getProperty(node, 'description')),
      headers: entriesOf(ctx, getProperty(node, 'headers')).map(([name]) => name),
      contentTypes: scope.swagger ? (getProperty(node, 'schema') ? produces : []) : content,
      loc: (responses && keyLocOf(responses, statusCode)) ?? locOf(node),
      schemas: LATER as never,
      declaredHeaders: LATER as never,
    });
    if ('description' in response)
      defineLive(response, 'description', () => plainString(getProperty(node, 'description')));
    // Read when first asked for (the mock's response check, `apigw test`): whole schema trees.
    defineLazy(response, 'schemas', () => responseSchemas(ctx, scope, node, produces));
    defineLazy(response, 'declaredHeaders', () => responseHeaders(ctx, scope, node));
    return response;
  });
}

/** OpenAPI 3: `content.*.schema`; Swagger 2.0: `schema` for each `produces` type (`application/json` when none). */
function responseSchemas(
  ctx: BuildContext,
  scope: OperationScope,
  node: SourceNode,
  produces: string[],
): Record<string, unknown> {
  // eslint-disable-next-line no-restricted-syntax -- JSON-like data (for ajv, YAML and tests): look keys up with ownValue
  const schemas: Record<string, unknown> = {};
  if (scope.swagger) {
    const schema = inlineSchema(ctx, getProperty(node, 'schema'));
    if (schema !== undefined)
      for (const type of produces.length > 0 ? produces : ['application/json']) schemas[type] = schema;
    return schemas;
  }
  for (const [type, media] of entriesOf(ctx, getProperty(node, 'content'))) {
    const schema = inlineSchema(ctx, getProperty(resolve(ctx, media), 'schema'));
    if (schema !== undefined) schemas[type] = schema;
  }
  return schemas;
}

/** `headers`: OpenAPI 3 Header Objects (`required`, `schema` or `content`), Swagger 2.0 headers (`type`...). */
function responseHeaders(ctx: BuildContext, scope: OperationScope, node: SourceNode): ResponseHeader[] {
  const headers = asObject(resolve(ctx, getProperty(node, 'headers')));
  return entriesOf(ctx, headers).map(([name, written]) => {
    const header = resolve(ctx, written) ?? written;
    let schema: unknown;
    // A Swagger 2.0 Header Object is a schema of its own (type, format, items, enum...; the rest is ignored).
    if (scope.swagger) schema = inlineSchema(ctx, header);
    else {
      const media = entriesOf(ctx, getProperty(header, 'content'))[0]?.[1];
      schema = inlineSchema(ctx, getProperty(header, 'schema') ?? getProperty(resolve(ctx, media), 'schema'));
    }
    return dropUndefined({
      name,
      required: !scope.swagger && booleanOf(getProperty(header, 'required')) === true,
      schema,
      loc: (headers && keyLocOf(headers, name)) ?? locOf(header),
    });
  });
}
