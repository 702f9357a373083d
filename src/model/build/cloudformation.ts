import path from 'node:path';
import type { SourceNode } from '../sourceNode';
import type { GatewayApi } from '../gatewayApi';
import type { TypeEvidence } from '../apiType';
import { getProperty, keyLocOf, locOf } from '../parse';
import { type BuiltApi, type Resource, emptyApi } from './builtApi';
import type { BuildContext } from './context';
import { addProblem, asObject, entriesOf } from './context';
import { buildOpenApi } from './openapi';
import { applyResourceProperties, applyStages } from './resourceProperties';
import { addSamEventRoutes } from './samEvents';
import { addV2Resources } from './websocket';
import { addRestResources } from './restResources';
import { globalsFor, withGlobals } from './samGlobals';
import { plainString } from './values';

export const apiResourceTypes = [
  'AWS::Serverless::Api',
  'AWS::Serverless::HttpApi',
  'AWS::ApiGateway::RestApi',
  'AWS::ApiGatewayV2::Api',
];

/** True when a root mapping is a CloudFormation / SAM template. */
export function isTemplate(root: SourceNode): boolean {
  return ['Resources', 'AWSTemplateFormatVersion', 'Transform'].some((k) => getProperty(root, k) !== undefined);
}

export function resourcesOf(ctx: BuildContext, root: SourceNode): Resource[] {
  const resources = asObject(getProperty(root, 'Resources'));
  if (resources === undefined) return [];
  return entriesOf(ctx, resources).map(([logicalId, node]) => {
    const type = plainString(getProperty(node, 'Type')) ?? '';
    return {
      logicalId,
      type,
      node,
      properties: withGlobals(getProperty(node, 'Properties'), globalsFor(root, type)),
      loc: keyLocOf(resources, logicalId) ?? locOf(node),
    };
  });
}

/** Every API the template declares, built from its body (embedded, included or a local file) and its resources. */
export async function buildTemplateApis(ctx: BuildContext, root: SourceNode): Promise<BuiltApi[]> {
  const resources = resourcesOf(ctx, root);
  const built = new Map<string, BuiltApi>();
  for (const resource of resources) {
    if (!apiResourceTypes.includes(resource.type)) continue;
    const body = bodyOf(ctx, resource);
    const node = 'node' in body ? body.node : await loadLocal(ctx, body);
    built.set(resource.logicalId, buildResourceApi(ctx, resource, node));
  }
  return addResources(ctx, resources, built, root);
}

/**
 * buildTemplateApis without waiting, for a template whose APIs' bodies are all in it: the same APIs, or undefined
 * as soon as a body is in another file (then use buildTemplateApis with a new context).
 */
export function buildTemplateApisNow(ctx: BuildContext, root: SourceNode): BuiltApi[] | undefined {
  const resources = resourcesOf(ctx, root);
  const built = new Map<string, BuiltApi>();
  for (const resource of resources) {
    if (!apiResourceTypes.includes(resource.type)) continue;
    const body = bodyOf(ctx, resource);
    if (!('node' in body)) return undefined;
    built.set(resource.logicalId, buildResourceApi(ctx, resource, body.node));
  }
  return addResources(ctx, resources, built, root);
}

/** What the template's other resources (routes, stages, SAM events...) add to its APIs. */
function addResources(
  ctx: BuildContext,
  resources: Resource[],
  built: Map<string, BuiltApi>,
  root: SourceNode,
): BuiltApi[] {
  addV2Resources(ctx, resources, built);
  addRestResources(ctx, resources, built);
  applyStages(ctx, resources, built);
  addSamEventRoutes(ctx, resources, built, root);
  return [...built.values()];
}

function buildResourceApi(ctx: BuildContext, resource: Resource, body: SourceNode | undefined): BuiltApi {
  const props = resource.properties;
  const source: GatewayApi['source'] = {
    kind: 'cloudformation',
    logicalId: resource.logicalId,
    resourceType: resource.type,
  };
  const evidence: TypeEvidence = { resourceType: resource.type, logicalId: resource.logicalId };
  const protocol = plainString(getProperty(props, 'ProtocolType'));
  if (protocol !== undefined) evidence.protocolType = protocol;
  const name = plainString(getProperty(props, 'Name')) ?? resource.logicalId;
  let api: GatewayApi;
  if (body !== undefined) {
    api = buildOpenApi(ctx, body, { fallbackName: name, source, loc: resource.loc });
    evidence.root = body;
  } else {
    api = emptyApi(name, source, resource.loc);
  }
  const { apiKeyRequired } = applyResourceProperties(ctx, resource, api);
  const builtApi: BuiltApi = { api, evidence, hasBody: body !== undefined };
  if (apiKeyRequired !== undefined) builtApi.apiKeyRequired = apiKeyRequired;
  return builtApi;
}

/** A body in a local file: the `file` (absolute path), the node that names it (`at`) and what that node is. */
interface LocalBody {
  file: string;
  at: SourceNode;
  what: string;
}

/**
 * The OpenAPI body of an API resource: inline (`Body` / `DefinitionBody`) as `node` (undefined when there is none
 * or it is not in a local file), or the local file it is in (included, or SAM's `DefinitionUri`).
 */
function bodyOf(ctx: BuildContext, resource: Resource): { node: SourceNode | undefined } | LocalBody {
  const props = resource.properties;
  const isSam = resource.type.startsWith('AWS::Serverless::');
  const inline = getProperty(props, isSam ? 'DefinitionBody' : 'Body');
  if (inline !== undefined) {
    const include = includeLocation(inline);
    if (include === undefined) return { node: inline.kind === 'object' ? inline : undefined };
    return localBody(ctx, include, `AWS::Include Location of '${resource.logicalId}'`);
  }
  const uriKey = isSam ? 'DefinitionUri' : 'BodyS3Location';
  const uri = getProperty(props, uriKey);
  if (uri === undefined) return { node: undefined };
  if (!isSam || uri.kind !== 'scalar') {
    notLocal(ctx, uri, `${uriKey} of '${resource.logicalId}'`);
    return { node: undefined };
  }
  return localBody(ctx, uri, `DefinitionUri of '${resource.logicalId}'`);
}

/** The local file a location names, or no body (with a problem) when it names none (an S3 URL, a computed value). */
function localBody(ctx: BuildContext, at: SourceNode, what: string): { node: undefined } | LocalBody {
  const value = plainString(at);
  if (value === undefined || /^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    notLocal(ctx, at, what);
    return { node: undefined };
  }
  return { file: path.resolve(path.dirname(at.file), value), at, what };
}

/** The `Location` of `Fn::Transform: { Name: AWS::Include, Parameters: { Location } }`. */
function includeLocation(node: SourceNode): SourceNode | undefined {
  const transform = getProperty(node, 'Fn::Transform');
  if (plainString(getProperty(transform, 'Name')) !== 'AWS::Include') return undefined;
  return getProperty(getProperty(transform, 'Parameters'), 'Location') ?? transform;
}

async function loadLocal(ctx: BuildContext, { file, at: location, what }: LocalBody): Promise<SourceNode | undefined> {
  const value = plainString(location);
  const doc = await ctx.set.load(file);
  if (doc?.root === undefined) {
    if (!ctx.problems.some((p) => p.file === file) && !ctx.set.problems.some((p) => p.file === file)) {
      addProblem(
        ctx,
        location,
        'error',
        'apigw.cfn.bodyUnreadable',
        `The ${what} names ${value}, which could not be read: check the path (relative to ${path.basename(location.file)}).`,
      );
    }
    return undefined;
  }
  return doc.root;
}

function notLocal(ctx: BuildContext, node: SourceNode, what: string): void {
  addProblem(
    ctx,
    node,
    'information',
    'apigw.cfn.remoteBody',
    `The ${what} is not a local file (S3 or computed), so its routes are not shown. Use a relative path or an inline body to see them.`,
  );
}
