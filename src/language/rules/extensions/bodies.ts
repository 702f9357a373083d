import type { ApiType, GatewayApi } from '../../../model';
import type { ObjectNode, SourceNode } from '../../../model/sourceNode';
import { getProperty, isIntrinsic } from '../../../model/parse';
import type { RuleContext } from '../rule';

/**
 * An OpenAPI / Swagger document checked by the extension rules: the file itself, or a body written inside a
 * SAM / CloudFormation template (`DefinitionBody` / `Body`), with the API type it is imported as.
 */
export interface ApiBody {
  root: ObjectNode;
  type: ApiType;
  /** True inside a template: intrinsics and `${...}` placeholders are resolved at deploy time. */
  inTemplate: boolean;
  /** '2.0', '3.0.1', '3.1.0'... as written; undefined when neither `openapi` nor `swagger` is a string. */
  version?: string;
  api?: GatewayApi;
  /**
   * False when the type was only guessed from the features the document uses (a bare OpenAPI 3 file):
   * checks that hold for one API type only then warn instead of failing.
   */
  typeDecided: boolean;
}

const apiResourceTypes = [
  'AWS::Serverless::Api',
  'AWS::Serverless::HttpApi',
  'AWS::ApiGateway::RestApi',
  'AWS::ApiGatewayV2::Api',
];

/** Every API body of the checked document, each with its API type (the `--target` override first). */
export function findBodies(ctx: RuleContext): ApiBody[] {
  const root = ctx.document.root;
  if (root?.kind !== 'object') return [];
  const apis = ctx.definition?.apis ?? [];
  if (versionOf(root) !== undefined) {
    return [makeBody(ctx, root, apis[0], false, apis[0]?.type ?? 'REST')];
  }
  const resources = getProperty(root, 'Resources');
  if (resources?.kind !== 'object') return [];
  const bodies: ApiBody[] = [];
  for (const { key, value } of resources.properties) {
    const type = scalarString(getProperty(value, 'Type'));
    if (type === undefined || !apiResourceTypes.includes(type)) continue;
    const props = getProperty(value, 'Properties');
    const body = getProperty(props, type.startsWith('AWS::Serverless::') ? 'DefinitionBody' : 'Body');
    if (body?.kind !== 'object' || isIntrinsic(body) || getProperty(body, 'Fn::Transform') !== undefined) continue;
    const api = apis.find((a) => a.source.logicalId === key);
    bodies.push(makeBody(ctx, body, api, true, api?.type ?? fallbackType(type, props)));
  }
  return bodies;
}

function makeBody(
  ctx: RuleContext,
  root: ObjectNode,
  api: GatewayApi | undefined,
  inTemplate: boolean,
  type: ApiType,
): ApiBody {
  const guessed = /^(Uses features|REST by default|REST, because)/.test(api?.typeReason ?? '');
  const typeDecided = ctx.target !== undefined || inTemplate || !guessed;
  const body: ApiBody = { root, type: ctx.target ?? type, inTemplate, typeDecided };
  const version = versionOf(root);
  if (version !== undefined) body.version = version;
  if (api !== undefined) body.api = api;
  return body;
}

function fallbackType(resourceType: string, props: SourceNode | undefined): ApiType {
  if (resourceType === 'AWS::Serverless::HttpApi') return 'HTTP';
  if (resourceType === 'AWS::ApiGatewayV2::Api') {
    return scalarString(getProperty(props, 'ProtocolType'))?.toUpperCase() === 'WEBSOCKET' ? 'WEBSOCKET' : 'HTTP';
  }
  return 'REST';
}

function versionOf(root: SourceNode): string | undefined {
  const openapi = getProperty(root, 'openapi') ?? getProperty(root, 'swagger');
  if (openapi?.kind !== 'scalar' || openapi.value === null) return undefined;
  const value = openapi.value;
  return typeof value === 'number' ? (Number.isInteger(value) ? value.toFixed(1) : String(value)) : String(value);
}

export function isSwagger(body: ApiBody): boolean {
  return body.version?.startsWith('2') === true || getProperty(body.root, 'swagger') !== undefined;
}

export function scalarString(node: SourceNode | undefined): string | undefined {
  return node?.kind === 'scalar' && typeof node.value === 'string' ? node.value : undefined;
}

/** One operation of a body: `get`, `post`... or `x-amazon-apigateway-any-method` of a path item. */
export interface Operation {
  path: string;
  /** Upper-case method, `ANY` for the any-method extension. */
  method: string;
  /** The key `get:` / `x-amazon-apigateway-any-method:` (ranges point at it). */
  key: { key: string; keyRange: ObjectNode['properties'][number]['keyRange'] };
  node: ObjectNode;
  pathItem: ObjectNode;
}

const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Every operation of the body, `$ref`s of path items and operations followed. */
export function operationsOf(ctx: RuleContext, body: ApiBody): Operation[] {
  const out: Operation[] = [];
  const paths = ctx.resolve(getProperty(body.root, 'paths'));
  if (paths?.kind !== 'object') return out;
  for (const { key: path, value } of paths.properties) {
    if (path.startsWith('x-')) continue;
    const item = ctx.resolve(value);
    if (item?.kind !== 'object') continue;
    for (const property of item.properties) {
      const method =
        property.key === 'x-amazon-apigateway-any-method'
          ? 'ANY'
          : methods.includes(property.key)
            ? property.key.toUpperCase()
            : undefined;
      const node = method === undefined ? undefined : ctx.resolve(property.value);
      if (method === undefined || node?.kind !== 'object') continue;
      out.push({ path, method, key: property, node, pathItem: item });
    }
  }
  return out;
}

/** The security schemes of the body by name (`components.securitySchemes` or `securityDefinitions`). */
export function securitySchemesOf(ctx: RuleContext, body: ApiBody): ObjectNode | undefined {
  const holder = isSwagger(body)
    ? getProperty(body.root, 'securityDefinitions')
    : getProperty(ctx.resolve(getProperty(body.root, 'components')), 'securitySchemes');
  const resolved = ctx.resolve(holder);
  return resolved?.kind === 'object' ? resolved : undefined;
}
