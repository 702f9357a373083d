// Line access to a document's text, for ranges inside a written key or value.
import type { SourceDocument } from '../model/sourceNode';

const lineStarts = new WeakMap<SourceDocument, number[]>();

function startsOf(document: SourceDocument): number[] {
  let starts = lineStarts.get(document);
  if (starts === undefined) {
    starts = [0];
    const text = document.text;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    lineStarts.set(document, starts);
  }
  return starts;
}

/** The text of a 0-based line, without its line break ('' past the end). */
export function lineText(document: SourceDocument, line: number): string {
  const starts = startsOf(document);
  const start = starts[line];
  if (start === undefined) return '';
  const next = starts[line + 1] ?? document.text.length;
  return document.text.slice(start, next).replace(/\r?\n$|\r$/, '');
}
