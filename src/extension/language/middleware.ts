import type * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';

/**
 * Keeps the editor features off YAML / JSON documents that are not API definitions: the client syncs every
 * YAML / JSON document (a file can become an API while it is edited), but only asks the server about APIs.
 * (The server checks too, and publishes an empty diagnostics list for other documents.)
 */
export function apiOnlyMiddleware(isApiDocument: (document: vscode.TextDocument) => boolean): Middleware {
  return {
    provideCompletionItem: (document, position, context, token, next) =>
      isApiDocument(document) ? next(document, position, context, token) : undefined,
    provideHover: (document, position, token, next) =>
      isApiDocument(document) ? next(document, position, token) : undefined,
    provideDefinition: (document, position, token, next) =>
      isApiDocument(document) ? next(document, position, token) : undefined,
    provideDocumentSymbols: (document, token, next) => (isApiDocument(document) ? next(document, token) : undefined),
    provideFoldingRanges: (document, context, token, next) =>
      isApiDocument(document) ? next(document, context, token) : undefined,
    provideCodeActions: (document, range, context, token, next) =>
      isApiDocument(document) ? next(document, range, context, token) : undefined,
  };
}
