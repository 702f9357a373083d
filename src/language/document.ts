// What the language service and each of its features (features/*, validation.ts) take and give: the text
// document, the validation options and the validation report. A module of its own, so the features need not
// import the facade (languageService.ts) that imports them.
import type { Diagnostic } from '../shared/diagnostic';

/** A text document as the editor (or the CLI) holds it: an absolute path, its text, and the editor's version. */
export interface TextDocument {
  file: string;
  text: string;
  version?: number;
  /**
   * The document's URI as the editor names it; edits of code actions and same-file locations use it.
   * Default: the `file://` URL of `file`.
   */
  uri?: string;
  /** The editor's language of the document; `vtl` (or a `.vtl` / `.vm` file) is a standalone mapping template. */
  languageId?: string;
}

export interface ValidationOptions {
  /** Check every API as this type instead of the type decided from the definition (`--target`, a setting). */
  target?: 'REST' | 'HTTP';
}

/**
 * What a validation found. `skipped` is set when the document was not checked at all, with the reason as an
 * error diagnostic: it is not a YAML / JSON mapping, or not an API definition (the editor ignores it; the
 * CLI reports it as a read failure).
 */
export interface ValidationReport {
  diagnostics: Diagnostic[];
  skipped?: Diagnostic;
}
