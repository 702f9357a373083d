// Where the OpenAPI / Swagger definitions of a document are: its root, or the inline bodies of the API
// resources of a SAM / CloudFormation template.
import { getProperty, isIntrinsic } from '../../model/parse';
import type { ApiType, DefinitionFile } from '../../model';
import type { ObjectNode, SourceDocument, SourceNode } from '../../model/sourceNode';
import { dictOf } from '../../shared/dict';

export type SchemaVersion = '2.0' | '3.0' | '3.1';

export interface ApiRoot {
  node: ObjectNode;
  kind: 'openapi' | 'swagger';
  /** The `openapi` / `swagger` value node. */
  versionNode: SourceNode;
  /** The version as written ('3.0.1', '2.0'; a YAML number as its text). */
  version: string;
  /** Which official schema applies; undefined for a version API Gateway does not know. */
  schema: SchemaVersion | undefined;
  /** The CloudFormation resource type when the definition is the inline body of a template's API. */
  resourceType?: string;
}

const bodyProperty: Record<string, string> = dictOf({
  'AWS::Serverless::Api': 'DefinitionBody',
  'AWS::Serverless::HttpApi': 'DefinitionBody',
  'AWS::ApiGateway::RestApi': 'Body',
  'AWS::ApiGatewayV2::Api': 'Body',
});

/** The document's own OpenAPI root, else every inline body of a template's API resources (in order). */
export function findApiRoots(document: SourceDocument): ApiRoot[] {
  const root = document.root;
  const own = apiRootOf(root);
  if (own !== undefined) return [own];
  const resources = getProperty(root, 'Resources');
  if (resources?.kind !== 'object') return [];
  const found: ApiRoot[] = [];
  for (const { value: resource } of resources.properties) {
    const type = getProperty(resource, 'Type');
    const typeName = type?.kind === 'scalar' && typeof type.value === 'string' ? type.value : '';
    const key = bodyProperty[typeName];
    if (key === undefined) continue;
    const body = apiRootOf(getProperty(getProperty(resource, 'Properties'), key));
    if (body !== undefined) found.push({ ...body, resourceType: typeName });
  }
  return found;
}

function apiRootOf(node: SourceNode | undefined): ApiRoot | undefined {
  if (node?.kind !== 'object' || isIntrinsic(node)) return undefined;
  for (const kind of ['openapi', 'swagger'] as const) {
    const versionNode = getProperty(node, kind);
    if (versionNode?.kind !== 'scalar' || versionNode.value === null) continue;
    const version = versionText(versionNode.value);
    return { node, kind, versionNode, version, schema: schemaFor(kind, version) };
  }
  return undefined;
}

function versionText(value: string | number | boolean): string {
  if (typeof value === 'number' && Number.isInteger(value)) return value.toFixed(1);
  return String(value);
}

function schemaFor(kind: 'openapi' | 'swagger', version: string): SchemaVersion | undefined {
  if (kind === 'swagger') return version === '2.0' ? '2.0' : undefined;
  if (/^3\.0(\.\d+)?$/.test(version)) return '3.0';
  if (/^3\.1\.\d+$/.test(version)) return '3.1';
  return undefined;
}

/**
 * The API type a definition is checked as: the `--target` / setting, else what the model decided (an inline
 * body takes the type of its resource, a file of its own the type of its only API).
 */
export function apiTypeOf(
  root: ApiRoot,
  context: { target?: 'REST' | 'HTTP'; definition: DefinitionFile | undefined },
): ApiType | undefined {
  if (context.target !== undefined) return context.target;
  if (root.resourceType !== undefined) {
    const api = context.definition?.apis.find(
      (a) => a.loc.pointer.length > 0 && root.node.pointer.startsWith(`${a.loc.pointer}/`),
    );
    if (api !== undefined) return api.type;
    return /HttpApi|ApiGatewayV2/.test(root.resourceType) ? 'HTTP' : 'REST';
  }
  return context.definition?.apis[0]?.type;
}
