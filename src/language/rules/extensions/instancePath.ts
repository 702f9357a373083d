import type { Range } from '../../../shared/range';
import type { SourceNode } from '../../../model/sourceNode';
import { getProperty } from '../../../model/parse';
import { isComputed, keyRange } from './values';

/** What an ajv instancePath names inside an extension's value. */
export interface Located {
  node: SourceNode | undefined;
  /** The key of the last segment (or the extension's own key for the value itself). */
  keyRange: Range;
  /** Property names from the extension value down, for messages ('responses.default.statusCode'). */
  segments: string[];
  /** Something on the way is computed at deploy time (intrinsic, `${...}`) or a `$ref`: do not judge it. */
  opaque: boolean;
}

/** Follows an ajv instancePath ('/responses/default/statusCode') from the extension's value node. */
export function locate(value: SourceNode, extensionKey: Range, instancePath: string): Located {
  const segments = instancePath === '' ? [] : instancePath.slice(1).split('/').map(unescape);
  let node: SourceNode | undefined = value;
  let range = extensionKey;
  let opaque = isOpaque(node);
  for (const segment of segments) {
    if (node?.kind === 'array') {
      node = node.items[Number(segment)];
      if (node !== undefined) range = node.range;
    } else if (node?.kind === 'object') {
      range = keyRange(node, segment) ?? range;
      node = getProperty(node, segment);
    } else {
      node = undefined;
    }
    opaque ||= isOpaque(node);
  }
  return { node, keyRange: range, segments, opaque };
}

function isOpaque(node: SourceNode | undefined): boolean {
  return isComputed(node) || getProperty(node, '$ref') !== undefined;
}

function unescape(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}
