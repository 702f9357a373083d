// The language service facade, in the manner of vscode-json-languageservice: one factory takes the injected
// services (file access, logging) and returns pure functions over text documents. Each feature lives in a
// file of its own; the LSP server and the `apigw` CLI are thin adapters over this object.
import type { Diagnostic } from '../shared/diagnostic';
import type { FileSystem } from '../shared/fileSystem';
import { type Logger, nullLogger } from '../shared/logger';
import { allRules } from './rules';
import type { Rule } from './rules/rule';
import { validateDocument } from './validation';

/** A text document as the editor (or the CLI) holds it: an absolute path, its text, and the editor's version. */
export interface TextDocument {
  file: string;
  text: string;
  version?: number;
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

export interface LanguageServiceParams {
  /** Reads the files that `$ref`s and SAM `DefinitionUri`s name. */
  fs: FileSystem;
  logger?: Logger;
  /** The rules to run (default: every rule); tests inject their own. */
  rules?: readonly Rule[];
}

export interface LanguageService {
  /** Every problem in the document, with stable codes and exact ranges; [] for a file that is not an API. */
  validate(document: TextDocument, options?: ValidationOptions): Promise<Diagnostic[]>;
  /** Like validate, and also says when (and why) the document was not checked at all. */
  validateReport(document: TextDocument, options?: ValidationOptions): Promise<ValidationReport>;
}

export function createLanguageService(params: LanguageServiceParams): LanguageService {
  const services = { fs: params.fs, logger: params.logger ?? nullLogger, rules: params.rules ?? allRules };
  return {
    validateReport: (document, options) => validateDocument(services, document, options ?? {}),
    validate: async (document, options) => (await validateDocument(services, document, options ?? {})).diagnostics,
  };
}
