// Runs the language server in-process over a pair of streams and talks to it as an LSP client would.
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  type MessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-jsonrpc/node';
import type { Diagnostic, InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver';
import { createConnection } from 'vscode-languageserver/node';
import { type RunningServer, type ServerOptions, startServer } from '../../../src/server/server';

export interface Harness {
  client: MessageConnection;
  /** What the server answered to initialize. */
  initialized: InitializeResult;
  server: RunningServer;
  /** Every publishDiagnostics notification received, in order. */
  published: PublishDiagnosticsParams[];
  /** The settings the server reads through workspace/configuration (undefined: the client does not support it). */
  settings: Record<string, unknown>;
  open(file: string, text: string, languageId?: string): Promise<string>;
  change(uri: string, version: number, text: string): Promise<void>;
  close(uri: string): Promise<void>;
  /** The diagnostics last published for `uri` once the server is idle (undefined: none were published). */
  diagnostics(uri: string): Promise<Diagnostic[] | undefined>;
  /** Sends a request about a document position and returns the answer. */
  ask<T>(method: string, uri: string, position?: { line: number; character: number }, extra?: object): Promise<T>;
  dispose(): void;
}

export async function startHarness(options: ServerOptions = {}): Promise<Harness> {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const connection = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  const server = startServer(connection, { delayMs: 0, logger: silent, ...options });
  connection.listen();
  const client = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  const published: PublishDiagnosticsParams[] = [];
  const settings: Record<string, unknown> = {};
  client.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.push(p);
  });
  client.onRequest('workspace/configuration', (p: unknown) =>
    (p as { items: Array<{ section?: string }> }).items.map((item) => settings[item.section ?? '']),
  );
  client.listen();
  const initialized: InitializeResult = await client.sendRequest('initialize', {
    processId: null,
    rootUri: null,
    capabilities: { workspace: { configuration: true } },
  });
  await client.sendNotification('initialized', {});
  const settled = async (): Promise<void> => {
    // Let the notifications in flight arrive, then wait for the server's checks to end.
    await client.sendRequest('apigw/ping').catch(() => undefined);
    await server.idle();
    await client.sendRequest('apigw/ping').catch(() => undefined);
  };
  return {
    client,
    initialized,
    server,
    published,
    settings,
    async open(file, text, languageId = 'yaml') {
      const uri = pathToFileURL(file).href;
      await client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
      return uri;
    },
    async change(uri, version, text) {
      await client.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ text }],
      });
    },
    async close(uri) {
      await client.sendNotification('textDocument/didClose', { textDocument: { uri } });
    },
    async diagnostics(uri) {
      await settled();
      return published.filter((p) => p.uri === uri).at(-1)?.diagnostics;
    },
    ask(method, uri, position, extra) {
      return client.sendRequest(method, { textDocument: { uri }, ...(position ? { position } : {}), ...extra });
    },
    dispose() {
      client.dispose();
      connection.dispose();
      toServer.end();
      toClient.end();
    },
  };
}

const noop = (): void => undefined;
const silent = { trace: noop, debug: noop, info: noop, warn: noop, error: noop };

/** "line:char-line:char" of a diagnostic, for compact assertions. */
export function where(d: Diagnostic): string {
  const { start, end } = d.range;
  return `${start.line}:${start.character}-${end.line}:${end.character}`;
}
