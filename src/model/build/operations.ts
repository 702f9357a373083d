import type { SourceNode } from '../sourceNode';
import type { Authorizer, MethodResponse, Parameter, Route, SecurityRequirement } from '../gatewayApi';
import { getProperty, keyLocOf, locOf, toValue } from '../parse';
import type { BuildContext } from './context';
import { asObject, entriesOf, itemsOf, resolve } from './context';
import { buildIntegration } from './integration';
import { buildSecurity, securityEffect } from './authorizers';
import { collectExtensions } from './gatewayExtensions';
import { booleanOf, dropUndefined, plainString, stringList } from './values';
import { inlineSchema } from './schemas';

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
  return dropUndefined({
    method: input.method,
    path: input.path,
    loc: locOf(operation),
    operationId: plainString(get('operationId')),
    summary: plainString(get('summary')),
    description: plainString(get('description')),
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
}

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
  return dropUndefined({
    name,
    in: where,
    required: booleanOf(required) ?? where === 'path',
    schema: schemaNode !== undefined ? toValue(schemaNode) : swaggerSchema(node),
    loc: locOf(node),
  });
}

function isParameterLocation(s: string | undefined): s is Parameter['in'] {
  return s === 'path' || s === 'query' || s === 'header' || s === 'cookie' || s === 'body' || s === 'formData';
}

/** Swagger 2.0 non-body parameters carry their type inline: keep those keywords as the schema. */
function swaggerSchema(node: SourceNode): unknown {
  const schema: Record<string, unknown> = {};
  for (const key of ['type', 'format', 'items', 'enum', 'pattern', 'minimum', 'maximum', 'default']) {
    const value = getProperty(node, key);
    if (value !== undefined) schema[key] = toValue(value);
  }
  return Object.keys(schema).length === 0 ? undefined : schema;
}

function openApiBody(ctx: BuildContext, written: SourceNode | undefined): Route['requestBody'] {
  const node = resolve(ctx, written);
  if (node === undefined) return undefined;
  return {
    required: booleanOf(getProperty(node, 'required')) ?? false,
    contentTypes: entriesOf(ctx, getProperty(node, 'content')).map(([type]) => type),
    schemas: Object.fromEntries(
      entriesOf(ctx, getProperty(node, 'content'))
        .map(([type, media]) => [type, inlineSchema(ctx, getProperty(resolve(ctx, media), 'schema'))] as const)
        .filter(([, schema]) => schema !== undefined),
    ),
    loc: locOf(node),
  };
}

function swaggerBody(scope: OperationScope, operation: SourceNode, parameters: Parameter[]): Route['requestBody'] {
  const body = parameters.find((p) => p.in === 'body');
  if (body === undefined) return undefined;
  const consumes = stringList(getProperty(operation, 'consumes') ?? getProperty(scope.root, 'consumes'));
  const schemas: Record<string, unknown> = {};
  if (body.schema !== undefined)
    for (const type of consumes.length > 0 ? consumes : ['application/json']) schemas[type] = body.schema;
  return { required: body.required, contentTypes: consumes, schemas, loc: body.loc };
}

function buildResponses(ctx: BuildContext, scope: OperationScope, operation: SourceNode): MethodResponse[] {
  const responses = asObject(resolve(ctx, getProperty(operation, 'responses')));
  const produces = stringList(getProperty(operation, 'produces') ?? getProperty(scope.root, 'produces'));
  return entriesOf(ctx, responses).map(([statusCode, written]) => {
    const node = resolve(ctx, written) ?? written;
    const content = entriesOf(ctx, getProperty(node, 'content')).map(([type]) => type);
    return dropUndefined({
      statusCode,
      description: plainString(getProperty(node, 'description')),
      headers: entriesOf(ctx, getProperty(node, 'headers')).map(([name]) => name),
      contentTypes: scope.swagger ? (getProperty(node, 'schema') ? produces : []) : content,
      loc: (responses && keyLocOf(responses, statusCode)) ?? locOf(node),
    });
  });
}
