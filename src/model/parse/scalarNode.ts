// Scalar nodes are made here and only here, so what every scalar carries (its value, and which readers read it:
// see readTracking.ts) is decided in one place.
import type { Range } from '../../shared/range';
import type { ScalarNode } from '../sourceNode';

/** A scalar node; `value` as YAML's core schema or JSON gives it. */
export function scalarNode(
  file: string,
  pointer: string,
  range: Range,
  offset: number,
  length: number,
  value: ScalarNode['value'],
): ScalarNode {
  return { kind: 'scalar', file, pointer, range, offset, length, value };
}
