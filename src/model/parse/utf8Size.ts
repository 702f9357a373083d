import type { SourceDocument } from '../sourceNode';

/** Documents whose parser counted their text's UTF-8 bytes (strict JSON: jsonStrict.ts), and the count. */
const counted = new WeakMap<object, number>();

/** Records the parser's count for `document` (parseSource). */
export function knowUtf8Size(document: SourceDocument, bytes: number): void {
  counted.set(document, bytes);
}

/** The UTF-8 size of a document's text when its parser counted it; undefined otherwise. */
export function parsedUtf8Size(document: Pick<SourceDocument, 'text'>): number | undefined {
  return counted.get(document);
}
