import type { ArrayNode, ObjectNode, PropertyNode, SourceNode } from '../sourceNode';
import { getProperty, isIntrinsic } from '../parse';
import { dictOf } from '../../shared/dict';

/** The `Globals` section each SAM API resource type inherits from. */
const globalsKey: Record<string, string> = dictOf({
  'AWS::Serverless::Api': 'Api',
  'AWS::Serverless::HttpApi': 'HttpApi',
});

/** The `Globals.Api` / `Globals.HttpApi` mapping that applies to a resource type, when the template has one. */
export function globalsFor(root: SourceNode, resourceType: string): ObjectNode | undefined {
  const key = globalsKey[resourceType];
  const globals = key === undefined ? undefined : getProperty(getProperty(root, 'Globals'), key);
  return globals?.kind === 'object' ? globals : undefined;
}

/**
 * A resource's `Properties` with the template's `Globals` merged in, as SAM does: a property written on the
 * resource wins over the global one, mappings are merged key by key, and lists are the global items followed
 * by the resource's. Every value keeps its own range (a merged value points where it was written).
 */
export function withGlobals(
  properties: SourceNode | undefined,
  globals: ObjectNode | undefined,
): SourceNode | undefined {
  if (globals === undefined) return properties;
  if (properties === undefined) return globals;
  return merge(globals, properties);
}

function merge(global: SourceNode, local: SourceNode): SourceNode {
  if (isMapping(global) && isMapping(local)) {
    const properties = [...local.properties];
    const inherited: PropertyNode[] = [];
    for (const property of global.properties) {
      const own = properties.findIndex((p) => p.key === property.key);
      const mine = properties[own];
      if (mine === undefined) inherited.push(property);
      else properties[own] = { ...mine, value: merge(property.value, mine.value) };
    }
    const merged: ObjectNode = { ...local, properties: [...inherited, ...properties] };
    return merged;
  }
  if (global.kind === 'array' && local.kind === 'array') {
    const merged: ArrayNode = { ...local, items: [...global.items, ...local.items] };
    return merged;
  }
  return local;
}

function isMapping(node: SourceNode): node is ObjectNode {
  return node.kind === 'object' && !isIntrinsic(node);
}
