// Requests of our own, between the extension and the language server.
import type { Diagnostic } from 'vscode-languageserver';

/**
 * The diagnostics checking a document found, once its pending check has run: Deploy API validates with them
 * (errors refuse, warnings ask) without running the language service in the extension.
 */
export const documentDiagnosticsRequest = 'apigw/documentDiagnostics';

export interface DocumentDiagnosticsParams {
  uri: string;
}

/** By file URI (the document's own first); null when the server does not hold the document. */
export type DocumentDiagnosticsResult = Array<{ uri: string; diagnostics: Diagnostic[] }> | null;
