// Scalar nodes are made here and only here, so what every scalar carries (its value, and which readers read it:
// see readTracking.ts) is decided in one place.
import { makeRange, type Range } from '../../shared/range';
import type { ScalarNode } from '../sourceNode';
import { currentReaders } from './readTracking';
import { tokenPointer, type PointerParent } from './tokenPointer';

/** A scalar whose every read of `value` is marked with the readers running at the time. */
abstract class ReadTrackedScalar {
  readonly kind = 'scalar' as const;
  /** The bits of every reader that has read `value` (readTracking.ts). */
  readers = 0;
  declare tag?: string;
  abstract file: string;
  abstract pointer: string;
  abstract offset: number;
  abstract length: number;
  abstract range: Range;
  protected abstract written: ScalarNode['value'];

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

/** A scalar with its range as given. */
class TrackedScalar extends ReadTrackedScalar implements ScalarNode {
  constructor(
    public file: string,
    public pointer: string,
    public range: Range,
    public offset: number,
    public length: number,
    protected written: ScalarNode['value'],
  ) {
    super();
  }
}

/**
 * A scalar written on one line (every JSON token): its range is made when asked for, from its line, first
 * character and length, so parsing a big JSON definition does not allocate a range and two positions per value
 * (a sampling heap profile of validating GitHub's 12 MB definition: the tree was 150 of 276 MB allocated, most
 * of it ranges). An edit moves `character` (incremental.ts) and changes `length`, and the range follows.
 */
class TokenScalar extends ReadTrackedScalar implements ScalarNode {
  // Private: not fields tests compare, nor what the node is (see tokenPointer.ts).
  readonly #parent: PointerParent | undefined;
  readonly #key: string | number;
  #pointer: string | undefined;

  constructor(
    public file: string,
    parent: PointerParent | undefined,
    key: string | number,
    public line: number,
    public character: number,
    public offset: number,
    public length: number,
    protected written: ScalarNode['value'],
  ) {
    super();
    this.#parent = parent;
    this.#key = key;
  }

  get pointer(): string {
    return (this.#pointer ??= tokenPointer(this.#parent, this.#key));
  }

  get range(): Range {
    return makeRange(this.line, this.character, this.line, this.character + this.length);
  }
}

/** A scalar on one line, from the line and character it starts at (see TokenScalar). */
export function tokenScalarNode(
  file: string,
  parent: PointerParent | undefined,
  key: string | number,
  line: number,
  character: number,
  offset: number,
  length: number,
  value: ScalarNode['value'],
): ScalarNode {
  return new TokenScalar(file, parent, key, line, character, offset, length, value);
}

/**
 * For incremental.ts: moves a one-line scalar that starts on `line` at or after `fromCharacter` by `delta`
 * characters (not when `endOnly`: its end follows its length, which the edit changed) and says true; says false
 * for any other scalar, whose range the caller moves.
 */
export function moveTokenScalar(
  node: ScalarNode,
  line: number,
  fromCharacter: number,
  delta: number,
  endOnly: boolean,
): boolean {
  if (!(node instanceof TokenScalar)) return false;
  if (!endOnly && node.line === line && node.character >= fromCharacter) node.character += delta;
  return true;
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
  return node instanceof ReadTrackedScalar ? node.readers : 0;
}
