/** A position in a text document, 0-based line and UTF-16 character, as in LSP. */
export interface Position {
  line: number;
  character: number;
}

/** A half-open range between two positions, as in LSP. */
export interface Range {
  start: Position;
  end: Position;
}

export function makeRange(startLine: number, startChar: number, endLine: number, endChar: number): Range {
  return { start: { line: startLine, character: startChar }, end: { line: endLine, character: endChar } };
}

/** The range that covers the first character of a document; used where nothing better is known. */
export const documentStart: Range = makeRange(0, 0, 0, 0);
