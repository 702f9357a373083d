// The language service facade, in the manner of vscode-json-languageservice: one factory takes the injected
// services (file access, logging) and returns pure functions over text documents. Each feature lives in a
// file of its own; the LSP server and the `apigw` CLI are thin adapters over this object.
import type {
  CodeAction,
  CompletionList,
  DocumentSymbol,
  FoldingRange,
  Hover,
  Location,
} from 'vscode-languageserver-types';
import type { Diagnostic } from '../shared/diagnostic';
import type { FileSystem } from '../shared/fileSystem';
import { type Logger, nullLogger } from '../shared/logger';
import type { Position, Range } from '../shared/range';
import type { TextDocument, ValidationOptions, ValidationReport } from './document';
import { codeActions } from './features/codeActions';
import { complete } from './features/completion';
import { definition } from './features/definition';
import { type FeatureServices, safely } from './features/featureServices';
import { foldingRanges } from './features/folding';
import { hover } from './features/hover';
import { ParsedDocuments } from './features/parsedDocuments';
import { symbols } from './features/symbols';
import { allRules } from './rules';
import type { Rule } from './rules/rule';
import { validateDocument } from './validation';

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
  /** Completion at a position: keys, enum values, integration snippets, `$ref` targets, security scheme names. */
  complete(document: TextDocument, position: Position, options?: ValidationOptions): Promise<CompletionList>;
  /** Documentation of the extension field, or the `$ref` target, under the position (null when none). */
  hover(document: TextDocument, position: Position, options?: ValidationOptions): Promise<Hover | null>;
  /** Where the `$ref` under the position points ([] when it is not on a resolvable `$ref`). */
  definition(document: TextDocument, position: Position): Promise<Location[]>;
  /** The outline: info, paths with their operations, components...; for templates their resources too. */
  symbols(document: TextDocument): Promise<DocumentSymbol[]>;
  /** Mappings and sequences that span lines, and multi-line block scalars. */
  foldingRanges(document: TextDocument): Promise<FoldingRange[]>;
  /**
   * Says that `file` changed outside the document being checked (another open document, or on disk): what was
   * built from its old text is dropped. Returns the files of the documents that refer to it, to check again.
   */
  fileChanged(file: string): string[];
  /** Quick fixes for the given diagnostics (those this service reported) within the range. */
  codeActions(document: TextDocument, range: Range, diagnostics: readonly Diagnostic[]): Promise<CodeAction[]>;
}

export function createLanguageService(params: LanguageServiceParams): LanguageService {
  const logger = params.logger ?? nullLogger;
  const documents = new ParsedDocuments(params.fs);
  const services = { fs: params.fs, logger, rules: params.rules ?? allRules, documents };
  const features: FeatureServices = { documents, logger };
  return {
    validateReport: (document, options) => validateDocument(services, document, options ?? {}),
    validate: async (document, options) => (await validateDocument(services, document, options ?? {})).diagnostics,
    complete: (document, position, options) =>
      safely(logger, 'completion', { isIncomplete: false, items: [] }, () =>
        complete(features, document, position, options ?? {}),
      ),
    hover: (document, position, options) =>
      safely(logger, 'hover', null, () => hover(features, document, position, options ?? {})),
    definition: (document, position) =>
      safely(logger, 'definition', [], () => definition(features, document, position)),
    symbols: (document) => safely(logger, 'symbols', [], () => symbols(features, document)),
    foldingRanges: (document) => safely(logger, 'folding', [], () => foldingRanges(features, document)),
    fileChanged: (file) => documents.fileChanged(file),
    codeActions: (document, range, diagnostics) =>
      safely(logger, 'code actions', [], () => codeActions(features, document, range, diagnostics)),
  };
}
