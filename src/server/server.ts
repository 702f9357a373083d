// The language server: LSP over the pure language service. Documents are synced incrementally; diagnostics
// are pushed (debounced, stale runs dropped by version) on open and change, and cleared on close.
import {
  type Connection,
  type InitializeResult,
  type ServerCapabilities,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService, type LanguageService } from '../language';
import type { FileSystem } from '../shared/fileSystem';
import type { Logger } from '../shared/logger';
import { nodeFileSystem } from '../shared/nodeFileSystem';
import { Debouncer } from './debouncer';
import { diagnoseDocument, documentFile } from './diagnostics';
import { DiagnosticsStore } from './diagnosticsStore';
import { createDocumentFileSystem } from './documentFileSystem';
import { featureCapabilities, registerFeatures } from './features';
import { documentDiagnosticsRequest, type DocumentDiagnosticsParams, type DocumentDiagnosticsResult } from './protocol';
import { createServerLogger } from './serverLogger';
import { SettingsCache } from './settings';
import { uriKey } from './uris';

export interface ServerOptions {
  /** Milliseconds of quiet after an edit before a document is checked again (default 150). */
  delayMs?: number;
  /** Files that are not open (default node:fs); tests inject their own. */
  fs?: FileSystem;
  /** Default: the connection's console. */
  logger?: Logger;
  /** Default: createLanguageService over the open documents and `fs`. */
  service?: (fs: FileSystem, logger: Logger) => LanguageService;
}

export interface RunningServer {
  /** Resolves when no check is pending or running. */
  idle(): Promise<void>;
}

export function startServer(connection: Connection, options: ServerOptions = {}): RunningServer {
  const logger = options.logger ?? createServerLogger(connection.console);
  const documents = new TextDocuments(TextDocument);
  const openByPath = (path: string): TextDocument | undefined =>
    documents.all().find((d) => uriKey(d.uri) === path || documentFile(d.uri) === path);
  const fs = createDocumentFileSystem((path) => openByPath(path)?.getText(), options.fs ?? nodeFileSystem);
  const service = (options.service ?? ((f, l) => createLanguageService({ fs: f, logger: l })))(fs, logger);
  const store = new DiagnosticsStore();
  const debouncer = new Debouncer(options.delayMs ?? 150, (uri, error) =>
    logger.error(`Checking ${uri} failed`, error),
  );
  let configurable = false;
  const settings = new SettingsCache(async (uri) =>
    configurable ? connection.workspace.getConfiguration({ scopeUri: uri, section: 'apigw.validation' }) : undefined,
  );

  const publish = (targets: string[]): void => {
    for (const uri of targets) void connection.sendDiagnostics({ uri, diagnostics: store.collect(uri) });
  };
  const check = (uri: string): void =>
    debouncer.schedule(uri, async (isCurrent) => {
      const document = documents.get(uri);
      if (document === undefined) return;
      const byTarget = await diagnoseDocument(
        service,
        document,
        await settings.get(uri),
        (path) => openByPath(path)?.uri,
      );
      if (!isCurrent() || documents.get(uri)?.version !== document.version) return; // a newer run will publish
      publish(store.set(uri, byTarget));
    });
  const checkAll = (): void => documents.all().forEach((d) => check(d.uri));

  connection.onInitialize((params): InitializeResult => {
    configurable = params.capabilities.workspace?.configuration === true;
    const capabilities: ServerCapabilities = {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      ...featureCapabilities(),
    };
    return { capabilities, serverInfo: { name: 'API Gateway Studio Language Server' } };
  });
  documents.onDidChangeContent(({ document }) => {
    check(document.uri);
    // Open documents whose $refs read this one are checked again with its new text.
    for (const referrer of service.fileChanged(documentFile(document.uri))) {
      const open = openByPath(referrer);
      if (open !== undefined) check(open.uri);
    }
  });
  documents.onDidClose(({ document }) => {
    debouncer.cancel(document.uri);
    settings.delete(document.uri);
    publish(store.delete(document.uri));
  });
  connection.onDidChangeConfiguration(() => {
    settings.clear();
    checkAll();
  });
  // A $ref'd file changed on disk: the documents that may refer to it are checked again.
  connection.onDidChangeWatchedFiles(({ changes }) => {
    for (const change of changes) service.fileChanged(documentFile(change.uri));
    checkAll();
  });
  // Deploy API asks what a document's check found, once the checks pending now (its own included) have run.
  connection.onRequest(
    documentDiagnosticsRequest,
    async ({ uri }: DocumentDiagnosticsParams): Promise<DocumentDiagnosticsResult> => {
      await debouncer.idle();
      return store.found(uri) ?? null;
    },
  );
  connection.onShutdown(() => debouncer.dispose());
  registerFeatures({
    connection,
    documents,
    service,
    logger,
    options: async (uri) => {
      const { target } = await settings.get(uri);
      return target === 'auto' ? {} : { target };
    },
  });
  documents.listen(connection);
  return { idle: () => debouncer.idle() };
}
