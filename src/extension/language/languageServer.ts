import * as vscode from 'vscode';
import {
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';
import {
  documentDiagnosticsRequest,
  type DocumentDiagnosticsParams,
  type DocumentDiagnosticsResult,
} from '../../server/protocol';
import type { Logger } from '../../shared/logger';
import { apiLanguages, isApiDocument, templateLanguage } from './apiDocuments';
import { apiOnlyMiddleware } from './middleware';

export const languageServerName = 'API Gateway Studio Language Server';

/**
 * The language client: started lazily, when the first API definition is open (so activation stays cheap),
 * restarted on demand, stopped with the extension.
 */
export class ApiLanguageServer implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private starting: Promise<void> | undefined;
  private readonly listeners: vscode.Disposable[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly logger: Logger,
  ) {}

  /** Starts the server now if an API definition is open, otherwise when the first one is opened. */
  watch(): void {
    if (vscode.workspace.textDocuments.some(isApiDocument)) {
      void this.start().catch(() => undefined); // logged by start()
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
    const client = this.client;
    if (client === undefined) return undefined;
    const params: DocumentDiagnosticsParams = { uri: client.code2ProtocolConverter.asUri(uri) };
    const result = await client.sendRequest<DocumentDiagnosticsResult>(documentDiagnosticsRequest, params);
    if (result === null) return undefined;
    const p2c = client.protocol2CodeConverter;
    const entries: Array<[vscode.Uri, vscode.Diagnostic[]]> = [];
    for (const r of result) entries.push([p2c.asUri(r.uri), await p2c.asDiagnostics(r.diagnostics)]);
    return entries;
  }

  async restart(): Promise<void> {
    if (this.client === undefined) return this.start();
    this.logger.info(`Restarting the ${languageServerName}`);
    await this.client.restart();
  }

  dispose(): void {
    for (const l of this.listeners) l.dispose();
    void this.client?.dispose().catch((err: unknown) => this.logger.warn(`Stopping ${languageServerName}`, err));
    this.client = undefined;
  }

  private async createAndStart(): Promise<void> {
    const module = this.context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
    };
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml,json}');
    this.listeners.push(watcher);
    const clientOptions: LanguageClientOptions = {
      documentSelector: [...apiLanguages, templateLanguage].flatMap((language) => [
        { language, scheme: 'file' },
        { language, scheme: 'untitled' },
      ]),
      synchronize: { configurationSection: 'apigw', fileEvents: watcher },
      middleware: apiOnlyMiddleware,
      outputChannelName: languageServerName,
    };
    const client = new LanguageClient('apigw', languageServerName, serverOptions, clientOptions);
    this.client = client;
    const started = performance.now();
    await client.start();
    this.logger.info(`${languageServerName} started in ${(performance.now() - started).toFixed(0)} ms`);
  }
}
