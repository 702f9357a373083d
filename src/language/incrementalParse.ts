// The hook of incremental parsing for the parse cache: the next version of a document from the previous one.
import { parseSource } from '../model';
import { type ValueEdit, reparseValueEdit } from '../model/parse/incremental';
import type { SourceDocument } from '../model/sourceNode';

/**
 * parseSource(file, text), reusing `previous` (the last parsed version of the same file) when the text is the
 * same or only a string value changed. `previous` is CONSUMED: its tree may now belong to the new version, so
 * the caller must drop it (and everything built from it) once it has the result.
 */
export function parseAfterEdit(previous: SourceDocument | undefined, file: string, text: string): SourceDocument {
  return parseNextVersion(previous, file, text).document;
}

/** parseAfterEdit, also giving the edit when the new version was made from `previous` by a one-value edit. */
export function parseNextVersion(
  previous: SourceDocument | undefined,
  file: string,
  text: string,
): { document: SourceDocument; edit?: ValueEdit } {
  if (previous !== undefined && previous.file === file) {
    if (previous.text === text) return { document: previous };
    const reparsed = reparseValueEdit(previous, text);
    if (reparsed !== undefined) return reparsed;
  }
  return { document: parseSource(file, text) };
}
