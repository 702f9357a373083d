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
import type { ApiClient, ApiClientOptions } from '../language/apiClient';
import { apiOnlyMiddleware } from '../language/middleware';

/**
 * The entry of dist/features/language-client.js: vscode-languageclient and the client of our server, loaded when
 * the language server first starts (src/extension/language/languageServer.ts), never during activation.
 */
export function createLanguageClient(options: ApiClientOptions): ApiClient {
  const module = options.serverModule;
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml,json}');
  const clientOptions: LanguageClientOptions = {
    documentSelector: options.languages.flatMap((language) => [
      { language, scheme: 'file' },
      { language, scheme: 'untitled' },
    ]),
    synchronize: { configurationSection: 'apigw', fileEvents: watcher },
    middleware: apiOnlyMiddleware(options.isApiDocument),
    outputChannelName: options.name,
  };
  const client = new LanguageClient('apigw', options.name, serverOptions, clientOptions);
  return {
    start: () => client.start(),
    restart: () => client.restart(),
    dispose: async () => {
      watcher.dispose();
      await client.dispose();
    },
    async documentDiagnostics(uri) {
      const params: DocumentDiagnosticsParams = { uri: client.code2ProtocolConverter.asUri(uri) };
      const result = await client.sendRequest<DocumentDiagnosticsResult>(documentDiagnosticsRequest, params);
      if (result === null) return undefined;
      const p2c = client.protocol2CodeConverter;
      const entries: Array<[vscode.Uri, vscode.Diagnostic[]]> = [];
      for (const r of result) entries.push([p2c.asUri(r.uri), await p2c.asDiagnostics(r.diagnostics)]);
      return entries;
    },
  };
}
