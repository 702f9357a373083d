// What a path of keys means in an API definition: a place of OpenAPI (root, path item, operation, security
// scheme...), a field inside an x-amazon-apigateway-* extension, or somewhere outside any API.
import type { DefinitionFile } from '../../model';
import type { SourceNode } from '../../model/sourceNode';
import { operationKeys } from '../openApi/operations';
import { extensionSchemas } from '../rules/extensions/schemaIndex';
import { nodeAtPath, type PathSegment } from './nodeAt';

export type OpenApiPlace =
  | 'root'
  | 'info'
  | 'pathItem'
  | 'operation'
  | 'parameter'
  | 'components'
  | 'securityScheme'
  | 'securityRequirement'
  | 'other';

export interface Place {
  /** Where the API's root is in the path (0 for a definition of its own, 4 for a template's inline body). */
  base: number;
  /** 2 for Swagger 2.0, 3 for OpenAPI 3.x. */
  version: 2 | 3;
  /** The API type the place is checked as (REST when nothing says otherwise). */
  apiType: 'REST' | 'HTTP' | 'WEBSOCKET';
  openApi: OpenApiPlace;
  /** Inside an extension: its name and the path of keys inside its value. */
  extension?: { name: string; path: string[] };
  /** The path from the API's root. */
  relative: PathSegment[];
}

const bodyKeys = new Set(['DefinitionBody', 'Body']);

/** The place a path is in; undefined outside any API (a template's other resources). */
export function placeOf(
  root: SourceNode | undefined,
  text: string,
  path: readonly PathSegment[],
  definition: DefinitionFile | undefined,
  target: 'REST' | 'HTTP' | undefined,
): Place | undefined {
  const inTemplate = path[0] === 'Resources' && path[2] === 'Properties' && bodyKeys.has(String(path[3]));
  const base = inTemplate ? 4 : 0;
  if (!inTemplate && isTemplate(root, text)) return undefined;
  const apiRoot = nodeAtPath(root, path.slice(0, base));
  const version = versionOf(apiRoot, inTemplate ? undefined : text);
  const relative = path.slice(base);
  const place: Place = {
    base,
    version,
    apiType: target ?? apiTypeAt(definition, apiRoot, root, path),
    openApi: openApiPlace(relative, version),
    relative,
  };
  const at = relative.findIndex(
    (s) => typeof s === 'string' && s !== 'x-amazon-apigateway-any-method' && extensionSchemas.has(s),
  );
  if (at >= 0) place.extension = { name: String(relative[at]), path: relative.slice(at + 1).map(String) };
  return place;
}

function isTemplate(root: SourceNode | undefined, text: string): boolean {
  if (root?.kind === 'object') {
    if (root.properties.some((p) => p.key === 'openapi' || p.key === 'swagger')) return false;
    if (root.properties.some((p) => p.key === 'Resources' || p.key === 'AWSTemplateFormatVersion')) return true;
  }
  return !/^\s*["']?(openapi|swagger)["']?\s*:/m.test(text) && /^\s*["']?Resources["']?\s*:/m.test(text);
}

function versionOf(apiRoot: SourceNode | undefined, text: string | undefined): 2 | 3 {
  if (apiRoot?.kind === 'object') {
    if (apiRoot.properties.some((p) => p.key === 'swagger')) return 2;
    if (apiRoot.properties.some((p) => p.key === 'openapi')) return 3;
  }
  return text !== undefined && /^\s*["']?swagger["']?\s*:/m.test(text) ? 2 : 3;
}

function apiTypeAt(
  definition: DefinitionFile | undefined,
  apiRoot: SourceNode | undefined,
  root: SourceNode | undefined,
  path: readonly PathSegment[],
): 'REST' | 'HTTP' | 'WEBSOCKET' {
  const apis = definition?.apis ?? [];
  const pointer = apiRoot?.pointer;
  const api =
    pointer !== undefined && pointer !== ''
      ? apis.find((a) => a.loc.pointer !== '' && pointer.startsWith(`${a.loc.pointer}/`))
      : apis[0];
  if (api !== undefined) return api.type;
  if (path[0] === 'Resources') {
    const type = nodeAtPath(root, ['Resources', path[1] ?? '', 'Type']);
    if (type?.kind === 'scalar' && /HttpApi|ApiGatewayV2/.test(String(type.value))) return 'HTTP';
  }
  return 'REST';
}

function openApiPlace(relative: readonly PathSegment[], version: 2 | 3): OpenApiPlace {
  const [first, second, third, fourth, fifth] = relative;
  const n = relative.length;
  if (n === 0) return 'root';
  if (n === 1 && first === 'info') return 'info';
  if (first === 'paths') {
    if (n === 2) return 'pathItem';
    const isOperation = typeof third === 'string' && operationKeys[third] !== undefined;
    if (n === 3 && isOperation) return 'operation';
    if (n === 4 && third === 'parameters') return 'parameter';
    if (n === 5 && isOperation && fourth === 'parameters' && typeof fifth === 'number') return 'parameter';
    if (n === 5 && isOperation && fourth === 'security' && typeof fifth === 'number') return 'securityRequirement';
  }
  if (n === 2 && first === 'security' && typeof second === 'number') return 'securityRequirement';
  if (version === 3 && first === 'components') {
    if (n === 1) return 'components';
    if (n === 3 && second === 'securitySchemes') return 'securityScheme';
    if (n === 3 && second === 'parameters') return 'parameter';
  }
  if (version === 2 && n === 2 && first === 'securityDefinitions') return 'securityScheme';
  if (version === 2 && n === 2 && first === 'parameters') return 'parameter';
  return 'other';
}
