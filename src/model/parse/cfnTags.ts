import { scalarNode } from './scalarNode';
import type { ArrayNode, ObjectNode, ScalarNode, SourceNode } from '../sourceNode';
import type { LineTable } from './positions';
import { childPointer } from './pointer';

/** CloudFormation short-form tags and the long-form key each one stands for. */
export const CFN_TAGS: ReadonlyMap<string, string> = new Map([
  ['!Ref', 'Ref'],
  ['!Condition', 'Condition'],
  ...[
    'Sub',
    'GetAtt',
    'Join',
    'Select',
    'Split',
    'If',
    'Equals',
    'And',
    'Or',
    'Not',
    'FindInMap',
    'Base64',
    'Cidr',
    'ImportValue',
    'GetAZs',
    'Transform',
    'ToJsonString',
    'Length',
  ].map((name): [string, string] => [`!${name}`, `Fn::${name}`]),
]);

/** The pointer of the value inside an intrinsic written at `pointer` with `tag` ('/x' + '!Sub' → '/x/Fn::Sub'). */
export function intrinsicValuePointer(pointer: string, tag: string): string {
  return childPointer(pointer, CFN_TAGS.get(tag) ?? tag);
}

/**
 * Wraps `inner` (the tagged value, already converted with `intrinsicValuePointer`) into the long form
 * `{ Fn::X: inner }`. The object spans from the tag to the end of the value; its key range is the tag's.
 */
export function wrapIntrinsic(
  tag: string,
  tagStart: number,
  inner: SourceNode,
  pointer: string,
  lines: LineTable,
): ObjectNode {
  const key = CFN_TAGS.get(tag) ?? tag;
  const end = inner.offset + inner.length;
  return {
    kind: 'object',
    file: inner.file,
    pointer,
    range: lines.rangeOf(tagStart, end),
    offset: tagStart,
    length: end - tagStart,
    tag,
    properties: [{ key, keyRange: lines.rangeOf(tagStart, tagStart + tag.length), value: inner }],
  };
}

/**
 * `!GetAtt Resource.Attribute` → `['Resource', 'Attribute']`, split at the first dot (attribute names may
 * contain dots, e.g. `Endpoint.Address`). Each part gets its own range when the scalar is written plainly
 * or quoted without escapes; otherwise both carry the whole scalar's range.
 */
export function splitGetAtt(scalar: ScalarNode, text: string, lines: LineTable): SourceNode {
  const value = scalar.value;
  if (typeof value !== 'string') return scalar;
  const dot = value.indexOf('.');
  if (dot < 0) return scalar;
  const written = text.slice(scalar.offset, scalar.offset + scalar.length);
  let base: number | undefined;
  if (written === value) base = scalar.offset;
  else if (written.length === value.length + 2 && written.slice(1, -1) === value) base = scalar.offset + 1;
  const part = (from: number, to: number, index: number): ScalarNode => {
    const start = base === undefined ? scalar.offset : base + from;
    const length = base === undefined ? scalar.length : to - from;
    const pointer = childPointer(scalar.pointer, index);
    return scalarNode(scalar.file, pointer, lines.rangeOf(start, start + length), start, length, value.slice(from, to));
  };
  const array: ArrayNode = {
    kind: 'array',
    file: scalar.file,
    pointer: scalar.pointer,
    range: scalar.range,
    offset: scalar.offset,
    length: scalar.length,
    items: [part(0, dot, 0), part(dot + 1, value.length, 1)],
  };
  return array;
}
