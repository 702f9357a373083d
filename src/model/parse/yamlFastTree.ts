// Helpers of the fast YAML path that make the tree cheaper to build than yaml's path makes it, with the same
// result: positions found from the line read last (not by a binary search each time), and duplicate keys
// looked for without a Set per object until an object has many keys or a duplicate.
import type { Diagnostic } from '../../shared/diagnostic';
import type { Position, Range } from '../../shared/range';
import type { PropertyNode } from '../sourceNode';
import { DuplicateKeys } from './duplicateKeys';
import type { LineTable } from './positions';

/** LineTable.rangeOf for a text without '\r', fast for offsets on or shortly after the line asked last. */
export class Positions {
  private line = 0;
  private start = 0;
  private end: number;

  constructor(
    private readonly text: string,
    private readonly lines: LineTable,
  ) {
    this.end = this.lineEnd(0);
  }

  private lineEnd(from: number): number {
    const end = this.text.indexOf('\n', from);
    return end < 0 ? this.text.length : end;
  }

  positionAt(offset: number): Position {
    if (offset < this.start || offset > this.end) {
      let line = this.line;
      let start = this.start;
      let end = this.end;
      for (let k = 0; k < 32 && offset > end && end < this.text.length; k++) {
        line++;
        start = end + 1;
        end = this.lineEnd(start);
      }
      if (offset < start || offset > end) {
        const found = this.lines.positionAt(offset);
        line = found.line;
        start = offset - found.character;
        end = this.lineEnd(start);
      }
      this.line = line;
      this.start = start;
      this.end = end;
    }
    return { line: this.line, character: offset - this.start };
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }
}

/** Up to this many keys, an object's keys are compared one by one. */
const FEW_KEYS = 12;

/** Reports duplicate keys exactly as DuplicateKeys does, but makes one only for objects that need it. */
export class KeyCheck {
  private duplicates: DuplicateKeys | undefined;

  constructor(
    private readonly problems: Diagnostic[],
    private readonly properties: PropertyNode[],
  ) {}

  /** Call after pushing `property` (the last of `properties`). */
  added(property: PropertyNode): void {
    if (this.duplicates) {
      this.duplicates.add(property);
      return;
    }
    const count = this.properties.length - 1;
    let duplicate = false;
    if (count >= FEW_KEYS)
      duplicate = true; // from here on a Set (DuplicateKeys) is cheaper
    else for (let i = 0; i < count && !duplicate; i++) duplicate = this.properties[i]?.key === property.key;
    if (!duplicate) return;
    this.duplicates = new DuplicateKeys(this.problems);
    for (const earlier of this.properties) this.duplicates.add(earlier);
  }
}
