import * as vscode from 'vscode';
import type { Logger } from '../../shared/logger';
import { loadFeature } from '../features/load';
import { apiLanguages, isApiDocument, templateLanguage } from './apiDocuments';
import type { ApiClient } from './apiClient';

export const languageServerName = 'API Gateway Studio Language Server';

/**
 * The language client: started lazily, when the first API definition is open, from its own bundle
 * (dist/features/language-client.js, vscode-languageclient included), so activation neither loads nor starts it;
 * restarted on demand, stopped with the extension.
 */
export class ApiLanguageServer implements vscode.Disposable {
  private client: ApiClient | undefined;
  private starting: Promise<void> | undefined;
  private disposed = false;
  private readonly listeners: vscode.Disposable[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly logger: Logger,
  ) {}

  /**
   * Starts the server once activation is over if an API definition is open, otherwise when the first one is
   * opened.
   */
  watch(): void {
    if (vscode.workspace.textDocuments.some(isApiDocument)) {
      setImmediate(() => {
        if (!this.disposed) void this.start().catch(() => undefined); // logged by start()
      });
      return;
    }
    // Opened, or typed into (a new untitled file becomes an API definition once it says `openapi: 3...`).
    const listeners = [
      vscode.workspace.onDidOpenTextDocument((document) => this.startFor(document, listeners)),
      vscode.workspace.onDidChangeTextDocument(({ document }) => this.startFor(document, listeners)),
    ];
    this.listeners.push(...listeners);
  }

  private startFor(document: vscode.TextDocument, listeners: vscode.Disposable[]): void {
    if (this.starting !== undefined || !isApiDocument(document)) return;
    for (const l of listeners) l.dispose();
    void this.start().catch(() => undefined); // logged by start()
  }

  /** Resolves once the server runs (starting it if needed); a failure is logged and rethrown. */
  start(): Promise<void> {
    this.starting ??= this.createAndStart().catch((err: unknown) => {
      this.starting = undefined;
      this.logger.error(`${languageServerName} could not start`, err);
      throw err;
    });
    return this.starting;
  }

  /**
   * What checking `uri` found (in it and in the files it refers to), once its pending check has run; the
   * server starts if needed. Undefined when the server does not hold the document.
   */
  async documentDiagnostics(uri: vscode.Uri): Promise<Array<[vscode.Uri, vscode.Diagnostic[]]> | undefined> {
    await this.start();
    return this.client?.documentDiagnostics(uri);
  }

  async restart(): Promise<void> {
    if (this.client === undefined) return this.start();
    this.logger.info(`Restarting the ${languageServerName}`);
    await this.client.restart();
  }

  dispose(): void {
    this.disposed = true;
    for (const l of this.listeners) l.dispose();
    void this.client?.dispose().catch((err: unknown) => this.logger.warn(`Stopping ${languageServerName}`, err));
    this.client = undefined;
  }

  private async createAndStart(): Promise<void> {
    const feature = loadFeature(this.context.extensionPath, 'language-client', this.logger);
    const client = feature.createLanguageClient({
      name: languageServerName,
      serverModule: this.context.asAbsolutePath('dist/server.js'),
      languages: [...apiLanguages, templateLanguage],
      isApiDocument,
    });
    this.client = client;
    const started = performance.now();
    await client.start();
    this.logger.info(`${languageServerName} started in ${(performance.now() - started).toFixed(0)} ms`);
  }
}
