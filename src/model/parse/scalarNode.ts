// Scalar nodes are made here and only here, so what every scalar carries (its value, and which readers read it:
// see readTracking.ts) is decided in one place.
import type { Range } from '../../shared/range';
import type { ScalarNode } from '../sourceNode';
import { currentReaders } from './readTracking';

/** A scalar whose every read of `value` is marked with the readers running at the time. */
class TrackedScalar implements ScalarNode {
  readonly kind = 'scalar' as const;
  /** The bits of every reader that has read `value` (readTracking.ts). */
  readers = 0;
  declare tag?: string;

  constructor(
    public file: string,
    public pointer: string,
    public range: Range,
    public offset: number,
    public length: number,
    private written: ScalarNode['value'],
  ) {}

  get value(): ScalarNode['value'] {
    this.readers |= currentReaders();
    return this.written;
  }

  set value(value: ScalarNode['value']) {
    this.written = value;
  }

  /** What tests and logs see: the node's fields with `value`, as a plain object would have them. */
  toJSON(): object {
    const { kind, file, pointer, range, offset, length, tag } = this;
    return { kind, file, pointer, range, offset, length, value: this.written, ...(tag !== undefined ? { tag } : {}) };
  }
}

/** A scalar node; `value` as YAML's core schema or JSON gives it. */
export function scalarNode(
  file: string,
  pointer: string,
  range: Range,
  offset: number,
  length: number,
  value: ScalarNode['value'],
): ScalarNode {
  return new TrackedScalar(file, pointer, range, offset, length, value);
}

/** The readers that have read a scalar's value (0 for a node not made here). */
export function readersOf(node: ScalarNode): number {
  return node instanceof TrackedScalar ? node.readers : 0;
}
