// Finds where an operation or a key of an OpenAPI body is written, so that what API Gateway says about
// "paths.'/pets'(get)" or "resource at path '/pets'" lands on that line of the definition.
import type { SourceNode, SourceSet } from '../../model';
import type { PropertyNode } from '../../model/sourceNode';
import type { SourceRef } from './types';

const ANY = 'x-amazon-apigateway-any-method';

/** Locators over a body node; `set` follows `$ref`s on the way (a path item or operation may be a ref). */
export function bodyLocator(body: SourceNode, set: SourceSet) {
  const child = (node: SourceNode | undefined, key: string): PropertyNode | undefined => {
    const resolved = set.resolve(node);
    if (resolved?.kind !== 'object') return undefined;
    for (let i = resolved.properties.length - 1; i >= 0; i--) {
      const property = resolved.properties[i];
      if (property?.key === key) return property;
    }
    const lower = key.toLowerCase();
    return resolved.properties.find((p) => p.key.toLowerCase() === lower);
  };
  const refOfKey = (owner: SourceNode, property: PropertyNode): SourceRef => ({
    file: owner.file,
    range: property.keyRange,
  });

  const locatePath = (pathKey: string): { node: SourceNode; property: PropertyNode } | undefined => {
    const paths = child(body, 'paths');
    if (paths === undefined) return undefined;
    for (const candidate of pathCandidates(pathKey)) {
      const property = child(paths.value, candidate);
      if (property !== undefined) return { node: set.resolve(paths.value) ?? paths.value, property };
    }
    // A path named with a base path in front of it ('/v1/pets' for '/pets'): the longest key it ends with.
    const resolved = set.resolve(paths.value);
    if (resolved?.kind !== 'object') return undefined;
    const suffix = resolved.properties
      .filter((p) => p.key.length > 1 && pathKey.endsWith(p.key))
      .sort((a, b) => b.key.length - a.key.length)[0];
    return suffix === undefined ? undefined : { node: resolved, property: suffix };
  };

  return {
    locate: (pathKey: string, method?: string): SourceRef | undefined => {
      const found = locatePath(pathKey);
      if (found === undefined) return undefined;
      if (method !== undefined) {
        const key = method.toUpperCase() === 'ANY' ? ANY : method.toLowerCase();
        const operation = child(found.property.value, key);
        const owner = set.resolve(found.property.value);
        if (operation !== undefined && owner !== undefined) return refOfKey(owner, operation);
      }
      return refOfKey(found.node, found.property);
    },
    locateKey: (segments: readonly string[]): SourceRef | undefined => {
      let owner: SourceNode = body;
      let best: SourceRef | undefined;
      for (const segment of segments) {
        const property = child(owner, segment);
        if (property === undefined) break;
        best = refOfKey(set.resolve(owner) ?? owner, property);
        owner = property.value;
      }
      return best;
    },
  };
}

/** '/pets' as written, without or with a trailing slash; '$default' also as '/$default' (HTTP APIs' default route). */
function pathCandidates(pathKey: string): string[] {
  const out = [pathKey];
  if (pathKey.length > 1 && pathKey.endsWith('/')) out.push(pathKey.slice(0, -1));
  else out.push(pathKey + '/');
  if (pathKey === '$default') out.push('/$default');
  if (pathKey === '/$default') out.push('$default');
  return out;
}
