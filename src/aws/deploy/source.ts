// What a deploy sends, prepared from a definition: the OpenAPI body as plain JSON (external $refs written inline,
// CloudFormation pseudo parameters and parameter values substituted), the stage the template declares, or the
// WebSocket resources; with locators that find where an operation is written. Anything that only CloudFormation
// can compute stops the deploy with a diagnostic naming it and its line.
import type { DefinitionFile, GatewayApi, SourceNode } from '../../model';
import { parseSource } from '../../model';
import { loadSourceSet } from '../../model/parse';
import type { Diagnostic } from '../../shared/diagnostic';
import { dict } from '../../shared/dict';
import type { FileSystem } from '../../shared/fileSystem';
import { nodeFileSystem } from '../../shared/nodeFileSystem';
import { intrinsicValuesFor, type PseudoValues } from './intrinsicValues';
import { bodyLocator } from './locate';
import { materialize, type MaterializeContext } from './materialize';
import { applyTemplateProperties } from './templateProperties';
import { findBody, findStageNodes, type Resource, templateResources } from './templateParts';
import type { DeploySource, SourceRef } from './types';
import { readWebSocket } from './websocketSource';

export interface PrepareOptions {
  /** The definition's text (the editor's unsaved content). */
  text: string;
  /** Values of the template's parameters (others use their `Default`). */
  parameters?: Record<string, string>;
  /** Pseudo parameters: the target region, the account from STS, a stack name. */
  pseudo?: PseudoValues;
  /** Reads files that `$ref`, `DefinitionUri` and `AWS::Include` name (default: the disk). */
  fs?: FileSystem;
}

export type PrepareResult = { ok: true; source: DeploySource } | { ok: false; diagnostics: Diagnostic[] };

/**
 * API Gateway's limit for the definition sent to ImportRestApi / PutRestApi ("The maximum size of the API
 * definition file is 6MB", API Gateway API Reference); used for ImportApi / ReimportApi as well.
 */
export const MAX_IMPORT_BYTES = 6 * 1024 * 1024;

/** Prepares `api` of `definition` for deploy. Never throws for bad input: problems come back as diagnostics. */
export async function prepareDeploySource(
  definition: DefinitionFile,
  api: GatewayApi,
  options: PrepareOptions,
): Promise<PrepareResult> {
  const file = definition.file;
  const doc = parseSource(file, options.text);
  const syntax = doc.problems.filter((p) => p.severity === 'error').map((d) => ({ ...d, file: d.file ?? file }));
  if (syntax.length > 0) return { ok: false, diagnostics: syntax };
  const root = doc.root;
  if (root?.kind !== 'object') return failure(file, 'apigw.deploy.notDefinition', 'The file holds no API definition.');
  const set = await loadSourceSet(doc, options.fs ?? nodeFileSystem);
  const template = api.source.kind === 'cloudformation';
  const values = intrinsicValuesFor(template ? root : undefined, options.parameters, options.pseudo);
  const diagnostics: Diagnostic[] = [];
  const base = { set, values, diagnostics };
  if (!template) return finishBody(api, file, root, materializeBody(root, base, 'The API definition'), base, {});

  const resources = templateResources(set, root);
  const resource = resources.find((r) => r.logicalId === api.source.logicalId);
  if (resource === undefined) {
    const message = `'${api.name}' is made by SAM from function events, without an OpenAPI body: deploy the template with \`sam deploy\`, or declare an AWS::Serverless::Api with a DefinitionBody.`;
    return {
      ok: false,
      diagnostics: [
        { range: api.loc.range, severity: 'error', code: 'apigw.deploy.noBody', message, file: api.loc.file },
      ],
    };
  }
  const stage = readStage(resources, resource, base);
  if (api.type === 'WEBSOCKET') {
    const { definition: websocket, notes } = readWebSocket(resources, resource, base);
    if (diagnostics.length > 0) return { ok: false, diagnostics };
    const name = typeof websocket.api['Name'] === 'string' ? websocket.api['Name'] : api.name;
    const source: DeploySource = {
      kind: 'WEBSOCKET',
      apiName: name,
      file,
      websocket,
      notes,
      locate: (routeKey) => websocketRef(websocket, routeKey) ?? { file: resource.loc.file, range: resource.loc.range },
      locateKey: () => ({ file: resource.loc.file, range: resource.loc.range }),
    };
    if (stage !== undefined) source.stage = stage;
    return { ok: true, source };
  }
  const found = await findBody(set, resource);
  if (!found.ok) return { ok: false, diagnostics: [found.diagnostic] };
  const body = materializeBody(found.body, base, `The body of '${resource.logicalId}'`);
  const extra = applyTemplateProperties(resources, resource, body, base);
  return finishBody(api, file, found.body, body, base, { stage, ...extra });
}

type Base = Omit<MaterializeContext, 'what' | 'bodyRoot'>;

function materializeBody(node: SourceNode, base: Base, what: string): Record<string, unknown> {
  const value = materialize(node, { ...base, bodyRoot: node, what });
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : dict();
}

function finishBody(
  api: GatewayApi,
  file: string,
  bodyNode: SourceNode,
  body: Record<string, unknown>,
  base: Base,
  extra: {
    stage?: DeploySource['stage'];
    endpointType?: DeploySource['endpointType'];
    name?: string;
    notes?: string[];
  },
): PrepareResult {
  if (base.diagnostics.length > 0) return { ok: false, diagnostics: base.diagnostics };
  const info =
    body['info'] !== null && typeof body['info'] === 'object' ? (body['info'] as Record<string, unknown>) : dict();
  const apiName = extra.name ?? (typeof info['title'] === 'string' && info['title'] !== '' ? info['title'] : api.name);
  info['title'] = apiName;
  body['info'] = info;
  const bodyText = JSON.stringify(body);
  const bytes = Buffer.byteLength(bodyText, 'utf8');
  if (bytes > MAX_IMPORT_BYTES) {
    const message = `The API definition is ${megabytes(bytes)} as JSON, over API Gateway's ${megabytes(MAX_IMPORT_BYTES)} import limit: split it into several APIs, or move large schemas and templates out of it.`;
    return {
      ok: false,
      diagnostics: [
        {
          range: { start: bodyNode.range.start, end: bodyNode.range.start },
          severity: 'error',
          code: 'apigw.deploy.bodyTooLarge',
          message,
          file: bodyNode.file,
        },
      ],
    };
  }
  const locator = bodyLocator(bodyNode, base.set);
  const source: DeploySource = {
    kind: api.type,
    apiName,
    file,
    body: JSON.parse(bodyText) as Record<string, unknown>,
    bodyText,
    notes: extra.notes ?? [],
    locate: locator.locate,
    locateKey: locator.locateKey,
  };
  if (extra.stage !== undefined) source.stage = extra.stage;
  if (extra.endpointType !== undefined) source.endpointType = extra.endpointType;
  return { ok: true, source };
}

/** The template's stage for the API; a name that cannot be computed is left out (the target names the stage). */
function readStage(resources: Resource[], resource: Resource, base: Base): DeploySource['stage'] {
  const nodes = findStageNodes(resources, resource);
  if (nodes === undefined) return undefined;
  const stage: NonNullable<DeploySource['stage']> = { variables: dict() };
  if (nodes.name !== undefined) {
    const name = materialize(nodes.name, { ...base, diagnostics: [], what: 'The stage name' });
    if (typeof name === 'string' && name !== '') stage.name = name;
  }
  if (nodes.variables !== undefined) {
    const variables = materialize(nodes.variables, { ...base, what: 'The stage variables' });
    if (variables !== null && typeof variables === 'object') {
      for (const [key, value] of Object.entries(variables)) {
        if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
          stage.variables[key] = String(value);
      }
    }
  }
  const autoDeploy =
    nodes.autoDeploy === undefined
      ? undefined
      : materialize(nodes.autoDeploy, { ...base, diagnostics: [], what: 'AutoDeploy' });
  if (autoDeploy === true || autoDeploy === 'true') stage.autoDeploy = true;
  return stage;
}

function websocketRef(websocket: NonNullable<DeploySource['websocket']>, routeKey: string): SourceRef | undefined {
  return websocket.routes.find((r) => r.routeKey === routeKey)?.ref;
}

function failure(file: string, code: string, message: string): PrepareResult {
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return { ok: false, diagnostics: [{ range, severity: 'error', code, message, file }] };
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
