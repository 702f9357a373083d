// Finds, in a SAM / CloudFormation template, the parts of one API that a deploy needs: its resource, its OpenAPI
// body (inline, AWS::Include, or a local DefinitionUri file) and the stage that belongs to it.
import path from 'node:path';
import type { SourceNode, SourceSet } from '../../model';
import { getProperty } from '../../model/parse';
import type { Resource } from '../../model/build/builtApi';
import { resourcesOf } from '../../model/build/cloudformation';
import { refTarget } from '../../model/build/refs';
import type { Diagnostic } from '../../shared/diagnostic';

export type { Resource };

/** Every resource of the template (SAM `Globals` merged into properties). */
export function templateResources(set: SourceSet, root: SourceNode): Resource[] {
  return resourcesOf({ set, problems: [] }, root);
}

export type BodyLookup = { ok: true; body: SourceNode } | { ok: false; diagnostic: Diagnostic };

/** The OpenAPI body of an API resource, loading an included or DefinitionUri file when needed. */
export async function findBody(set: SourceSet, resource: Resource): Promise<BodyLookup> {
  const props = resource.properties;
  const isSam = resource.type.startsWith('AWS::Serverless::');
  const inline = getProperty(props, isSam ? 'DefinitionBody' : 'Body');
  if (inline !== undefined) {
    const transform = getProperty(inline, 'Fn::Transform');
    if (transform === undefined) {
      if (inline.kind === 'object') return { ok: true, body: inline };
      return fail(inline, 'apigw.deploy.noBody', `The body of '${resource.logicalId}' is not an OpenAPI mapping.`);
    }
    const location = getProperty(getProperty(transform, 'Parameters'), 'Location') ?? transform;
    return loadLocal(set, location, `The AWS::Include Location of '${resource.logicalId}'`);
  }
  const uriKey = isSam ? 'DefinitionUri' : 'BodyS3Location';
  const uri = getProperty(props, uriKey);
  if (uri !== undefined) {
    if (isSam && uri.kind === 'scalar') return loadLocal(set, uri, `The DefinitionUri of '${resource.logicalId}'`);
    const message = `The ${uriKey} of '${resource.logicalId}' is on S3, which is not read from here: use an inline DefinitionBody or a local file, or deploy the template with CloudFormation / SAM.`;
    return fail(uri, 'apigw.deploy.remoteBody', message);
  }
  const message =
    `'${resource.logicalId}' has no OpenAPI body (${isSam ? 'DefinitionBody / DefinitionUri' : 'Body'}): its routes ` +
    'are put together by CloudFormation / SAM from other resources or function events, which is not done here. ' +
    'Deploy the template with `sam deploy`, or write the routes in a DefinitionBody.';
  return fail(resource.node, 'apigw.deploy.noBody', message, resource.loc.range);
}

async function loadLocal(set: SourceSet, location: SourceNode, what: string): Promise<BodyLookup> {
  const value = location.kind === 'scalar' && typeof location.value === 'string' ? location.value : undefined;
  if (value === undefined || /^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    const message = `${what} is not a local file (S3 or computed), which is not read from here: use a relative path, or deploy the template with CloudFormation / SAM.`;
    return fail(location, 'apigw.deploy.remoteBody', message);
  }
  const file = path.resolve(path.dirname(location.file), value);
  const doc = await set.load(file);
  if (doc?.root?.kind !== 'object') {
    const reason = set.readError(file) ?? 'it holds no YAML or JSON mapping';
    return fail(location, 'apigw.deploy.bodyUnreadable', `${what} names ${value}, which cannot be read (${reason}).`);
  }
  return { ok: true, body: doc.root };
}

function fail(node: SourceNode, code: string, message: string, range = node.range): BodyLookup {
  return { ok: false, diagnostic: { range, severity: 'error', code, message, file: node.file } };
}

/** The nodes that name the stage of an API: SAM `StageName` / `Variables`, or a Stage resource of the API. */
export interface StageNodes {
  name?: SourceNode;
  variables?: SourceNode;
  autoDeploy?: SourceNode;
}

export function findStageNodes(resources: Resource[], api: Resource): StageNodes | undefined {
  if (api.type.startsWith('AWS::Serverless::')) {
    const name = getProperty(api.properties, 'StageName');
    const variables = getProperty(
      api.properties,
      api.type === 'AWS::Serverless::HttpApi' ? 'StageVariables' : 'Variables',
    );
    return name === undefined && variables === undefined ? undefined : optional({ name, variables });
  }
  const v2 = api.type === 'AWS::ApiGatewayV2::Api';
  const stage = resources.find(
    (r) =>
      r.type === (v2 ? 'AWS::ApiGatewayV2::Stage' : 'AWS::ApiGateway::Stage') &&
      refTarget(getProperty(r.properties, v2 ? 'ApiId' : 'RestApiId')) === api.logicalId,
  );
  if (stage === undefined) return undefined;
  return optional({
    name: getProperty(stage.properties, 'StageName'),
    variables: getProperty(stage.properties, v2 ? 'StageVariables' : 'Variables'),
    autoDeploy: v2 ? getProperty(stage.properties, 'AutoDeploy') : undefined,
  });
}

function optional(nodes: { [K in keyof StageNodes]: SourceNode | undefined }): StageNodes {
  const out: StageNodes = {};
  if (nodes.name !== undefined) out.name = nodes.name;
  if (nodes.variables !== undefined) out.variables = nodes.variables;
  if (nodes.autoDeploy !== undefined) out.autoDeploy = nodes.autoDeploy;
  return out;
}
