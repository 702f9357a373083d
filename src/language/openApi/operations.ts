// The paths and operations of an OpenAPI / Swagger root, with `$ref`'d path items followed.
import { getProperty } from '../../model/parse';
import type { PropertyNode, SourceNode } from '../../model/sourceNode';
import type { Range } from '../../shared/range';

/** Operation keys of a path item; `x-amazon-apigateway-any-method` is API Gateway's ANY. */
export const operationKeys: Readonly<Record<string, string>> = {
  get: 'GET',
  put: 'PUT',
  post: 'POST',
  delete: 'DELETE',
  options: 'OPTIONS',
  head: 'HEAD',
  patch: 'PATCH',
  trace: 'TRACE',
  'x-amazon-apigateway-any-method': 'ANY',
};

export interface PathSite {
  path: string;
  keyRange: Range;
  /** The path item after following its `$ref` (undefined when broken). */
  item: SourceNode | undefined;
  operations: OperationSite[];
}

export interface OperationSite {
  /** Upper-case method, `ANY` for x-amazon-apigateway-any-method. */
  method: string;
  keyRange: Range;
  node: SourceNode;
}

/** Every path of `root.paths` in source order, each with its operations. */
export function pathsOf(
  root: SourceNode,
  resolve: (node: SourceNode | undefined) => SourceNode | undefined,
): PathSite[] {
  const paths = getProperty(root, 'paths');
  if (paths?.kind !== 'object') return [];
  const sites: PathSite[] = [];
  for (const property of paths.properties) {
    if (property.key.startsWith('x-')) continue;
    const item = resolve(property.value);
    sites.push({ path: property.key, keyRange: property.keyRange, item, operations: operationsOf(item) });
  }
  return sites;
}

function operationsOf(item: SourceNode | undefined): OperationSite[] {
  if (item?.kind !== 'object') return [];
  return item.properties
    .filter((p: PropertyNode) => operationKeys[p.key] !== undefined && p.value.kind === 'object')
    .map((p) => ({ method: operationKeys[p.key] ?? p.key, keyRange: p.keyRange, node: p.value }));
}
