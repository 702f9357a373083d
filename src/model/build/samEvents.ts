import type { SourceNode } from '../sourceNode';
import type { Integration, Route } from '../gatewayApi';
import { getProperty, keyLocOf, locOf } from '../parse';
import type { BuildContext } from './context';
import { addProblem, asObject, entriesOf } from './context';
import { type BuiltApi, type Resource, emptyApi } from './builtApi';
import { securityEffect } from './authorizers';
import { refTarget } from './refs';
import { applyResourceProperties } from './resourceProperties';
import { globalsFor } from './samGlobals';
import { booleanOf, plainString, versionString } from './values';

const implicit = {
  Api: { logicalId: 'ServerlessRestApi', resourceType: 'AWS::Serverless::Api', idKey: 'RestApiId' },
  HttpApi: { logicalId: 'ServerlessHttpApi', resourceType: 'AWS::Serverless::HttpApi', idKey: 'ApiId' },
} as const;

/**
 * Routes from the `Api` / `HttpApi` events of AWS::Serverless::Function resources, added to the API their
 * `RestApiId` / `ApiId` names, or to the implicit `ServerlessRestApi` / `ServerlessHttpApi` SAM creates.
 * A route the API's body already has is not added twice.
 */
export function addSamEventRoutes(
  ctx: BuildContext,
  resources: Resource[],
  built: Map<string, BuiltApi>,
  root: SourceNode,
): void {
  for (const fn of resources) {
    if (fn.type !== 'AWS::Serverless::Function') continue;
    const events = asObject(getProperty(fn.properties, 'Events'));
    for (const [eventName, event] of entriesOf(ctx, events)) {
      const kind = plainString(getProperty(event, 'Type'));
      if (kind !== 'Api' && kind !== 'HttpApi') continue;
      const props = getProperty(event, 'Properties');
      const idNode = getProperty(props, implicit[kind].idKey);
      const target = idNode === undefined ? implicitApi(ctx, built, kind, fn, root) : apiNamed(ctx, built, idNode);
      if (target === undefined) continue;
      const loc = (events && keyLocOf(events, eventName)) ?? locOf(event);
      const route = eventRoute(kind, fn.logicalId, props, loc, target);
      const duplicate = target.api.routes.some((r) => r.method === route.method && r.path === route.path);
      if (!duplicate) target.api.routes.push(route);
    }
  }
}

/** The API SAM creates for events without an API id; it has the template's `Globals.Api` / `Globals.HttpApi`. */
function implicitApi(
  ctx: BuildContext,
  built: Map<string, BuiltApi>,
  kind: 'Api' | 'HttpApi',
  fn: Resource,
  root: SourceNode,
): BuiltApi {
  const { logicalId, resourceType } = implicit[kind];
  let target = built.get(logicalId);
  if (target === undefined) {
    const api = emptyApi(logicalId, { kind: 'cloudformation', logicalId, resourceType }, fn.loc);
    target = { api, evidence: { resourceType, logicalId, implicit: true }, hasBody: false };
    const properties = globalsFor(root, resourceType);
    if (properties !== undefined) {
      const resource: Resource = { logicalId, type: resourceType, node: properties, properties, loc: fn.loc };
      const { apiKeyRequired } = applyResourceProperties(ctx, resource, api);
      if (apiKeyRequired !== undefined) target.apiKeyRequired = apiKeyRequired;
    }
    // SAM deploys its implicit REST API to the stage 'Prod', its implicit HTTP API to '$default'.
    api.stage ??= { variables: {}, loc: fn.loc };
    api.stage.name ??= kind === 'Api' ? 'Prod' : '$default';
    built.set(logicalId, target);
  }
  return target;
}

function apiNamed(ctx: BuildContext, built: Map<string, BuiltApi>, idNode: SourceNode): BuiltApi | undefined {
  const id = refTarget(idNode);
  const target = id === undefined ? undefined : built.get(id);
  if (target === undefined) {
    addProblem(
      ctx,
      idNode,
      'information',
      'apigw.cfn.unknownApi',
      `This event's API is not declared in this template${id ? ` ('${id}')` : ''}, so its route is not shown. Use !Ref to an API resource of the template.`,
    );
  }
  return target;
}

function eventRoute(
  kind: 'Api' | 'HttpApi',
  functionId: string,
  props: SourceNode | undefined,
  loc: Route['loc'],
  target: BuiltApi,
): Route {
  const api = target.api;
  const path = plainString(getProperty(props, 'Path'));
  const method = plainString(getProperty(props, 'Method'));
  const auth = getProperty(props, 'Auth');
  const authorizer = plainString(getProperty(auth, 'Authorizer'));
  const security = authorizer === undefined ? undefined : authorizer === 'NONE' ? [] : [{ [authorizer]: [] }];
  const effect = securityEffect(security ?? api.security, api.authorizers);
  const apiKey = booleanOf(getProperty(auth, 'ApiKeyRequired'));
  const route: Route = {
    method: method === undefined || method.toLowerCase() === 'any' ? 'ANY' : method.toUpperCase(),
    path: path ?? '$default',
    loc,
    tags: [],
    parameters: [],
    responses: [],
    integration: lambdaProxy(kind, functionId, props, loc),
    authorizerNames: effect.authorizerNames,
    apiKeyRequired: apiKey ?? (target.apiKeyRequired === true || effect.apiKeyRequired),
    extensions: {},
  };
  if (security !== undefined) route.security = security;
  return route;
}

function lambdaProxy(
  kind: 'Api' | 'HttpApi',
  functionId: string,
  props: SourceNode | undefined,
  loc: Route['loc'],
): Integration {
  const integration: Integration = {
    type: 'AWS_PROXY',
    uri: {
      'Fn::Sub': `arn:\${AWS::Partition}:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${${functionId}.Arn}/invocations`,
    },
    httpMethod: 'POST',
    cacheKeyParameters: [],
    requestParameters: {},
    requestTemplates: [],
    responses: [],
    responseParameters: {},
    lambdaFunction: functionId,
    loc,
    raw: {},
  };
  if (kind === 'HttpApi')
    integration.payloadFormatVersion = versionString(getProperty(props, 'PayloadFormatVersion')) ?? '2.0';
  return integration;
}
