// The editor features beyond diagnostics: completion, hover, definition, outline, folding and quick fixes, each
// a thin LSP adapter over the language service (LSP types in, LSP types out). Only API definitions are served;
// a handler that fails answers null and is logged once (guard), never taking the server down.
import {
  type CodeActionParams,
  type Connection,
  DiagnosticSeverity,
  type Diagnostic as LspDiagnostic,
  type ServerCapabilities,
  type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService, TextDocument as ServiceDocument, ValidationOptions } from '../language';
import type { Diagnostic, Severity } from '../shared/diagnostic';
import type { Logger } from '../shared/logger';
import { diagnosticSource } from './convert';
import { documentFile, isApiDocument, isTemplateDocument } from './diagnostics';
import { guard } from './guard';

/** What the features need of the server around them. */
export interface FeatureContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  service: LanguageService;
  logger: Logger;
  /** The `apigw.validation.target` of a document, as the service's options. */
  options(uri: string): Promise<ValidationOptions>;
}

export function featureCapabilities(): ServerCapabilities {
  return {
    completionProvider: { triggerCharacters: ['"', "'", ':', '/', '#', '.', '$'] },
    hoverProvider: true,
    definitionProvider: true,
    documentSymbolProvider: true,
    foldingRangeProvider: true,
    codeActionProvider: { codeActionKinds: ['quickfix'] },
  };
}

export function registerFeatures(ctx: FeatureContext): void {
  const { connection, service, logger } = ctx;
  /** The service's view of an open API definition (or, with `templates`, a mapping template); else undefined. */
  const apiDocument = (uri: string, templates = false): ServiceDocument | undefined => {
    const document = ctx.documents.get(uri);
    if (document === undefined || !isApiDocument(document)) return undefined;
    if (!templates && isTemplateDocument(document)) return undefined;
    const { languageId, version } = document;
    return { file: documentFile(uri), text: document.getText(), version, uri, languageId };
  };
  connection.onCompletion(
    guard(logger, 'Completion', async ({ textDocument, position }) => {
      const document = apiDocument(textDocument.uri, true);
      return document ? service.complete(document, position, await ctx.options(textDocument.uri)) : null;
    }),
  );
  connection.onHover(
    guard(logger, 'Hover', async ({ textDocument, position }) => {
      const document = apiDocument(textDocument.uri, true);
      return document ? service.hover(document, position, await ctx.options(textDocument.uri)) : null;
    }),
  );
  connection.onDefinition(
    guard(logger, 'Go to definition', ({ textDocument, position }) => {
      const document = apiDocument(textDocument.uri);
      return document ? service.definition(document, position) : null;
    }),
  );
  connection.onDocumentSymbol(
    guard(logger, 'Outline', ({ textDocument }) => {
      const document = apiDocument(textDocument.uri);
      return document ? service.symbols(document) : null;
    }),
  );
  connection.onFoldingRanges(
    guard(logger, 'Folding', ({ textDocument }) => {
      const document = apiDocument(textDocument.uri);
      return document ? service.foldingRanges(document) : null;
    }),
  );
  connection.onCodeAction(
    guard(logger, 'Quick fixes', ({ textDocument, range, context }: CodeActionParams) => {
      const document = apiDocument(textDocument.uri);
      const ours = context.diagnostics.filter((d) => d.source === diagnosticSource).map(fromLspDiagnostic);
      return document && ours.length > 0 ? service.codeActions(document, range, ours) : null;
    }),
  );
}

const severities: Record<DiagnosticSeverity, Severity> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information',
  [DiagnosticSeverity.Hint]: 'hint',
};

/** One of our diagnostics as the client sends it back (in a code action request), in the service's shape. */
export function fromLspDiagnostic(d: LspDiagnostic): Diagnostic {
  return {
    range: d.range,
    severity: severities[d.severity ?? DiagnosticSeverity.Error],
    code: typeof d.code === 'object' ? String((d.code as { value: unknown }).value) : String(d.code ?? ''),
    message: typeof d.message === 'string' ? d.message : d.message.value,
  };
}
