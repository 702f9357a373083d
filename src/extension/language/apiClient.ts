import type * as vscode from 'vscode';

// A module of its own: the language client feature bundle (features/languageClient.ts) makes what
// languageServer.ts, which loads that bundle, uses.

/** What starting the server needs (the client is made in dist/features/language-client.js). */
export interface ApiClientOptions {
  name: string;
  /** dist/server.js. */
  serverModule: string;
  /** The languages of the documents the client syncs. */
  languages: string[];
  /** Whether the server is for a document (the middleware asks only about API definitions). */
  isApiDocument: (document: vscode.TextDocument) => boolean;
}

/** The language client of our server, as the rest of the extension uses it. */
export interface ApiClient {
  start(): Promise<void>;
  restart(): Promise<void>;
  dispose(): Promise<void>;
  documentDiagnostics(uri: vscode.Uri): Promise<Array<[vscode.Uri, vscode.Diagnostic[]]> | undefined>;
}
