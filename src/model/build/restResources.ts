import type { SourceNode } from '../sourceNode';
import type { Authorizer, GatewayResponse, RequestValidator, Route } from '../gatewayApi';
import { getProperty, toValue } from '../parse';
import type { BuildContext } from './context';
import { addProblem, itemsOf } from './context';
import type { BuiltApi, Resource } from './builtApi';
import { identitySourceOf } from './authorizers';
import { buildMethodRoute } from './restMethods';
import { refTarget } from './refs';
import { buildTemplates } from './templates';
import {
  asRecord,
  booleanOf,
  describeValue,
  dropUndefined,
  maybeIntrinsic,
  numberOf,
  plainString,
  plainStringMap,
} from './values';

const restApiTypes = ['AWS::ApiGateway::RestApi', 'AWS::Serverless::Api'];

/**
 * REST APIs written as AWS::ApiGateway resources: Authorizer, RequestValidator and GatewayResponse resources
 * join the REST API their `RestApiId` names; Resource and Method resources give the routes of an
 * AWS::ApiGateway::RestApi without a body, each Method's path built from its Resource's `ParentId` chain.
 * Authorizers and validators are named by their logical id, which is what `AuthorizerId` /
 * `RequestValidatorId` refer to.
 */
export function addRestResources(ctx: BuildContext, resources: Resource[], built: Map<string, BuiltApi>): void {
  const ofType = (type: string): Resource[] => resources.filter((r) => r.type === `AWS::ApiGateway::${type}`);
  const apiOf = (r: Resource): BuiltApi | undefined => {
    const id = refTarget(getProperty(r.properties, 'RestApiId'));
    const target = id === undefined ? undefined : built.get(id);
    return target !== undefined && restApiTypes.includes(target.evidence.resourceType ?? '') ? target : undefined;
  };
  for (const r of ofType('Authorizer')) {
    const api = apiOf(r)?.api;
    if (api !== undefined && !api.authorizers.some((a) => a.name === r.logicalId)) api.authorizers.push(authorizer(r));
  }
  for (const r of ofType('RequestValidator')) apiOf(r)?.api.validators.push(validator(r));
  for (const r of ofType('GatewayResponse')) {
    const api = apiOf(r)?.api;
    const response = gatewayResponse(ctx, r);
    if (api !== undefined && !api.gatewayResponses.some((g) => g.responseType === response.responseType)) {
      api.gatewayResponses.push(response);
    }
  }
  const paths = new ResourcePaths(ctx, ofType('Resource'));
  for (const method of ofType('Method')) {
    const target = apiOf(method);
    if (target === undefined || target.hasBody || target.evidence.resourceType !== 'AWS::ApiGateway::RestApi') continue;
    const route = methodRoute(ctx, method, paths, target.evidence.logicalId ?? '');
    if (route !== undefined) target.api.routes.push(route);
  }
}

function methodRoute(ctx: BuildContext, method: Resource, paths: ResourcePaths, apiId: string): Route | undefined {
  if (plainString(getProperty(method.properties, 'HttpMethod')) === undefined) {
    addProblem(
      ctx,
      getProperty(method.node, 'Properties') ?? method.node,
      'warning',
      'apigw.cfn.noHttpMethod',
      `The method '${method.logicalId}' has no HttpMethod, so it is not shown: add HttpMethod (GET, POST, ... or ANY).`,
    );
    return undefined;
  }
  const resourceId = getProperty(method.properties, 'ResourceId');
  const at = paths.pathOf(parentOf(resourceId));
  if (at === 'unknown') {
    addProblem(
      ctx,
      resourceId ?? method.node,
      'warning',
      'apigw.cfn.unknownResource',
      `The ResourceId of method '${method.logicalId}' names no resource of this template, so its path is unknown ` +
        `and it is not shown: use !GetAtt ${apiId}.RootResourceId or !Ref to an AWS::ApiGateway::Resource.`,
    );
    return undefined;
  }
  return at === 'broken' ? undefined : buildMethodRoute(ctx, method, at);
}

/** What a `ParentId` / `ResourceId` names: the API's root resource, or a Resource of the template. */
type Parent = { root: string } | { resource: string } | undefined;

function parentOf(node: SourceNode | undefined): Parent {
  const getAtt = toValue(getProperty(node, 'Fn::GetAtt'));
  const parts = typeof getAtt === 'string' ? getAtt.split('.') : Array.isArray(getAtt) ? getAtt : [];
  if (parts.length === 2 && parts[1] === 'RootResourceId' && typeof parts[0] === 'string') return { root: parts[0] };
  const ref = plainString(getProperty(node, 'Ref'));
  return ref === undefined ? undefined : { resource: ref };
}

/** The logical id of the REST API a resource belongs to, for messages. */
function apiOf(r: Resource): string {
  return refTarget(getProperty(r.properties, 'RestApiId')) ?? '<RestApi>';
}

type PathAt = { path: string; pathLoc?: Route['pathLoc'] };

/**
 * The paths of AWS::ApiGateway::Resource resources, each computed once. A `ParentId` that cannot be followed,
 * or a chain of parents that loops, is reported once (at the resource where it goes wrong); the paths below it
 * are then 'broken'.
 */
class ResourcePaths {
  private readonly byId = new Map<string, Resource>();
  private readonly known = new Map<string, PathAt | 'broken'>();

  constructor(
    private readonly ctx: BuildContext,
    resources: Resource[],
  ) {
    for (const r of resources) this.byId.set(r.logicalId, r);
  }

  /** The path a `ResourceId` names; 'unknown' when it names no resource, 'broken' when that resource's path is. */
  pathOf(parent: Parent): PathAt | 'unknown' | 'broken' {
    if (parent === undefined) return 'unknown';
    if ('root' in parent) return { path: '/' };
    if (!this.byId.has(parent.resource)) return 'unknown';
    return this.resolve(parent.resource);
  }

  private resolve(start: string): PathAt | 'broken' {
    const chain: string[] = [];
    let id: string | undefined = start;
    let base: PathAt | 'broken' | undefined;
    // Walk up to the root or to a resource whose path is known, remembering the way.
    while (id !== undefined && base === undefined) {
      const done = this.known.get(id);
      if (done !== undefined) {
        base = done;
        break;
      }
      if (chain.includes(id)) {
        this.reportCycle([...chain.slice(chain.indexOf(id)), id]);
        base = 'broken';
        break;
      }
      chain.push(id);
      const resource: Resource | undefined = this.byId.get(id);
      const parentNode = getProperty(resource?.properties, 'ParentId');
      const parent = parentOf(parentNode);
      if (parent !== undefined && 'root' in parent) base = { path: '' };
      else if (parent !== undefined && this.byId.has(parent.resource)) id = parent.resource;
      else {
        if (resource !== undefined) this.reportUnknownParent(resource, parentNode);
        base = 'broken';
      }
    }
    // Then come back down, giving each resource on the way its path.
    let result: PathAt | 'broken' = base ?? 'broken';
    for (const resourceId of chain.reverse()) {
      if (result !== 'broken') result = this.childPath(result.path, resourceId);
      if (!this.known.has(resourceId)) this.known.set(resourceId, result);
    }
    return this.known.get(start) ?? result;
  }

  private childPath(parentPath: string, id: string): PathAt {
    const resource = this.byId.get(id);
    const part = getProperty(resource?.properties, 'PathPart');
    const segment = plainString(part) ?? describeValue(maybeIntrinsic(part)) ?? '';
    return { path: `${parentPath}/${segment}`, pathLoc: resource?.loc };
  }

  private reportUnknownParent(resource: Resource, parentNode: SourceNode | undefined): void {
    addProblem(
      this.ctx,
      parentNode ?? resource.node,
      'warning',
      'apigw.cfn.unknownParent',
      `The ParentId of resource '${resource.logicalId}' names no resource of this template, so the paths below it ` +
        `are unknown and their methods are not shown: use !GetAtt ${apiOf(resource)}.RootResourceId or !Ref to an ` +
        'AWS::ApiGateway::Resource.',
    );
  }

  private reportCycle(loop: string[]): void {
    const first = this.byId.get(loop[0] ?? '');
    if (first === undefined) return;
    addProblem(
      this.ctx,
      getProperty(first.properties, 'ParentId') ?? first.node,
      'error',
      'apigw.cfn.resourceCycle',
      `The ParentId chain of resource '${first.logicalId}' loops (${loop.join(' → ')}), so the paths of these ` +
        'resources cannot be built and their methods are not shown: one of them must have ' +
        `!GetAtt ${apiOf(first)}.RootResourceId as its ParentId.`,
    );
  }
}

function authorizer(r: Resource): Authorizer {
  const get = (key: string): SourceNode | undefined => getProperty(r.properties, key);
  const type = plainString(get('Type'))?.toLowerCase();
  return dropUndefined({
    name: r.logicalId,
    authType: type === 'token' || type === 'request' ? 'custom' : type,
    type,
    authorizerUri: maybeIntrinsic(get('AuthorizerUri')),
    authorizerCredentials: maybeIntrinsic(get('AuthorizerCredentials')),
    identitySource: identitySourceOf(get('IdentitySource')),
    identityValidationExpression: plainString(get('IdentityValidationExpression')),
    authorizerResultTtlInSeconds: numberOf(get('AuthorizerResultTtlInSeconds')),
    providerARNs: itemsOf(get('ProviderARNs')).map(toValue),
    loc: r.loc,
    raw: asRecord(toValue(r.properties)),
  });
}

function validator(r: Resource): RequestValidator {
  return {
    name: r.logicalId,
    validateRequestBody: booleanOf(getProperty(r.properties, 'ValidateRequestBody')) ?? false,
    validateRequestParameters: booleanOf(getProperty(r.properties, 'ValidateRequestParameters')) ?? false,
    loc: r.loc,
  };
}

function gatewayResponse(ctx: BuildContext, r: Resource): GatewayResponse {
  const get = (key: string): SourceNode | undefined => getProperty(r.properties, key);
  return dropUndefined({
    responseType: plainString(get('ResponseType')) ?? '',
    statusCode: plainString(get('StatusCode')),
    responseParameters: plainStringMap(get('ResponseParameters')),
    responseTemplates: buildTemplates(ctx, get('ResponseTemplates')),
    loc: r.loc,
  });
}
