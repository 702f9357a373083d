// Maps an ajv instancePath back to the nodes it names, so a schema error gets the range of what is wrong.
import { isIntrinsic } from '../../../model/parse';
import type { PropertyNode, SourceNode } from '../../../model/sourceNode';

export interface InstanceSite {
  /** The node the path names (undefined when the path does not exist in the tree, which is a bug). */
  node: SourceNode | undefined;
  /** The property that holds it, when its parent is an object (for key ranges). */
  property: PropertyNode | undefined;
  /** True when the node or one of its ancestors (below `root`) is a CloudFormation intrinsic function. */
  inIntrinsic: boolean;
  /** The keys and indexes from the root, unescaped. */
  segments: string[];
  /** True when the node is an item of a list (its last segment is an index). */
  inList: boolean;
}

export function splitInstancePath(instancePath: string): string[] {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function findInstance(root: SourceNode, instancePath: string): InstanceSite {
  const segments = splitInstancePath(instancePath);
  let node: SourceNode | undefined = root;
  let property: PropertyNode | undefined;
  let inIntrinsic = isIntrinsic(root);
  let inList = false;
  for (const segment of segments) {
    if (node === undefined) break;
    inList = node.kind === 'array';
    if (node.kind === 'object') {
      property = lastProperty(node.properties, segment);
      node = property?.value;
    } else if (node.kind === 'array') {
      property = undefined;
      node = node.items[Number(segment)];
    } else {
      node = undefined;
    }
    if (node !== undefined && isIntrinsic(node)) inIntrinsic = true;
  }
  return { node, property, inIntrinsic, segments, inList };
}

/** The last property with `key` (with duplicate keys the last one wins, as in toValue). */
export function lastProperty(properties: readonly PropertyNode[], key: string): PropertyNode | undefined {
  for (let i = properties.length - 1; i >= 0; i--) if (properties[i]?.key === key) return properties[i];
  return undefined;
}

/** A key that makes its object a CloudFormation intrinsic (`Ref`, `Condition`, `Fn::...`). */
export function isIntrinsicKey(key: string): boolean {
  return key === 'Ref' || key === 'Condition' || key.startsWith('Fn::');
}

/** Whether the value at an instancePath is a `{ $ref }` object. */
export function refAt(root: SourceNode, instancePath: string): boolean {
  const node = findInstance(root, instancePath).node;
  return node?.kind === 'object' && node.properties.some((p) => p.key === '$ref');
}
