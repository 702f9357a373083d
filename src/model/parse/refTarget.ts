import type { SourceNode } from '../sourceNode';
import { getProperty } from './nodes';
import { escapeSegment, parseFragment, unescapeSegment } from './pointer';
import type { ParsedRef } from './refs';

/**
 * The node a ref's fragment points at inside `root`, or the reason it does not exist. An intermediate
 * node that is itself a `{ $ref }` is followed through `resolve` (so '#/a/b' works when `a` is a ref).
 */
export function lookupPointer(
  root: SourceNode,
  ref: ParsedRef,
  resolve: (node: SourceNode) => SourceNode | undefined,
): SourceNode | string {
  const segments = parseFragment(ref.fragment);
  if (!segments)
    return `'#${ref.fragment}' is not a JSON pointer (write '#/' followed by the path, e.g. '#/components/schemas/Pet').`;
  let node: SourceNode = root;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] ?? '';
    let next = child(node, segment);
    if (next === undefined && node.kind === 'object' && getProperty(node, '$ref')) {
      const target = resolve(node);
      next = target ? child(target, segment) : undefined;
    }
    if (next === undefined) {
      const under = `${ref.filePart}#${segments
        .slice(0, i)
        .map((s) => `/${escapeSegment(s)}`)
        .join('')}`;
      return `'${segment}' does not exist under '${under}'.`;
    }
    node = next;
  }
  return node;
}

function child(node: SourceNode, segment: string): SourceNode | undefined {
  if (node.kind === 'object') return getProperty(node, segment);
  if (node.kind === 'array' && /^(0|[1-9]\d*)$/.test(segment)) return node.items[Number(segment)];
  return undefined;
}

/** The pointer of a SAM / CloudFormation API's inline definition (`Body` / `DefinitionBody`). */
const EMBEDDED_BODY = /^\/Resources\/[^/]+\/Properties\/(?:DefinitionBody|Body)(?=\/|$)/;

/**
 * The node local refs written at `ref` are relative to (`ref`'s pointer is read only in a template): the inline
 * OpenAPI definition of a SAM / CloudFormation API when the ref is inside one (API Gateway imports that body as its
 * own document, so '#/components/schemas/Empty' means the body's components), else the file's root.
 */
export function localRefBase(root: SourceNode, ref: { readonly pointer: string }): SourceNode {
  // Not a template: no need to look at the pointer, nor to make it (JSON nodes make theirs when first read; a
  // long one is a string the regular expression would copy).
  if (getProperty(root, 'Resources') === undefined) return root;
  const match = EMBEDDED_BODY.exec(ref.pointer);
  if (!match) return root;
  let node: SourceNode | undefined = root;
  for (const segment of match[0].slice(1).split('/')) node = getProperty(node, unescapeSegment(segment));
  return node ?? root;
}

/**
 * Every REST API has the models 'Empty' and 'Error' without declaring them, and API Gateway imports local
 * refs to them (`#/definitions/Empty`, `#/components/schemas/Error`) even when the document does not define
 * them: such a ref resolves to nothing, but it is not broken.
 */
export function isBuiltInModelRef(ref: string): boolean {
  return /^#\/(components\/schemas|definitions)\/(Empty|Error)$/.test(ref);
}

/**
 * API Gateway's absolute model URL, `https://apigateway.amazonaws.com/restapis/{api id}/models/{name}`, as models
 * refer to each other: the name of the model it names (the document's `definitions` / `components.schemas`
 * entry), else undefined.
 */
export function apiGatewayModelName(ref: string): string | undefined {
  const match = /^https?:\/\/apigateway\.[a-z0-9.-]*amazonaws\.com(?:\.cn)?\/restapis\/[^/]+\/models\/([^/#?]+)$/i.exec(
    ref,
  );
  if (match === null) return undefined;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return match[1];
  }
}
