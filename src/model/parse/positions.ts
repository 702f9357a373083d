import type { Position, Range } from '../../shared/range';

/**
 * Offset → line/character conversion for one text, with a table of line starts built once (O(n)) and a
 * binary search per lookup (O(log n)). Lines end at '\n', '\r\n' or a lone '\r', as in LSP; characters are
 * UTF-16 code units, which is what JavaScript string offsets already are.
 */
export class LineTable {
  private readonly starts: number[];

  constructor(
    private readonly text: string,
    known?: number[],
  ) {
    if (known !== undefined) {
      this.starts = known;
      return;
    }
    const starts = [0];
    if (text.indexOf('\r') < 0) {
      // The usual text: indexOf finds each '\n' several times faster than a loop over every character.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    } else {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) starts.push(i + 1);
        else if (c === 13) {
          if (text.charCodeAt(i + 1) === 10) i++;
          starts.push(i + 1);
        }
      }
    }
    this.starts = starts;
  }

  /** The table of `text`, made from this one's: `text` differs from this text by `delta` characters on `line`. */
  afterEdit(text: string, line: number, delta: number): LineTable {
    const starts = this.starts.slice();
    for (let i = line + 1; i < starts.length; i++) starts[i] = (starts[i] as number) + delta;
    return new LineTable(text, starts);
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - (this.starts[low] ?? 0) };
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }
}

/** The line table of each parsed document (incremental.ts makes the next version's from it). */
export const lineTables = new WeakMap<object, LineTable>();

/** The end of `text[start, end)` without trailing white space and line breaks (YAML ranges include them). */
export function trimEnd(text: string, start: number, end: number): number {
  let e = Math.min(end, text.length);
  while (e > start) {
    const c = text.charCodeAt(e - 1);
    if (c === 32 || c === 9 || c === 10 || c === 13) e--;
    else break;
  }
  return e;
}
