import * as vscode from 'vscode';
import type { FileSystem } from '../../shared/fileSystem';
import type { Logger } from '../../shared/logger';
import type { CommandRegistry } from '../commands/commandRegistry';
import type { IndexedFile } from '../explorer/nodes';
import { InvokePanel } from './invokePanel';
import type { InvokeResult } from './invokeResult';
import {
  ClearMockRequestsCommand,
  InvokeRouteCommand,
  ManageMockCommand,
  ShowMockRequestCommand,
  StartMockCommand,
  StopMockCommand,
} from './mockCommands';
import { MockRequestsProvider, mockRequestsViewId, traceScheme, TraceDocuments } from './mockRequestsView';
import { MockSessions } from './mockSessions';
import { MockStatusBar } from './mockStatusBar';
import { RequestLog, type RequestEntry } from './requestLog';
import { definitionSelector, RouteCodeLensProvider } from './routeCodeLens';

export interface MockDeps {
  context: vscode.ExtensionContext;
  logger: Logger;
  fs: FileSystem;
  commands: CommandRegistry;
  /** The workspace's indexed definitions (for the API and route pickers). */
  files: () => IndexedFile[];
}

/** What the integration tests see of the mock runtime in VS Code. Not a stable API. */
export interface MockTestApi {
  sessions(): Array<{ file: string; apiName: string; url: string; problem?: string }>;
  /** The Mock Requests view's entries, newest first. */
  requests(): RequestEntry[];
  requestsView: vscode.TreeDataProvider<RequestEntry>;
  /** Sends the Invoke panel's form (optionally with other values), as the webview's Send button does. */
  sendInvoke(form?: unknown): Promise<InvokeResult>;
  lastInvokeResult(): InvokeResult | undefined;
  /** The request id of the last result the Invoke webview has drawn. */
  renderedInvokeId(): string | undefined;
  statusBarText(file: string, apiName: string): string | undefined;
}

/**
 * Wires the mock runtime into VS Code: Start / Stop Mock API with a status item per running API, the
 * Mock Requests view with read-only traces, and Invoke Route Locally (command, tree menu, CodeLens).
 */
export function registerMock(deps: MockDeps): MockTestApi {
  const { context, logger, fs } = deps;
  const log = new RequestLog();
  const sessions = new MockSessions({ fs, logger, log });
  const statusBar = new MockStatusBar(sessions);
  const panel = new InvokePanel(context.extensionUri, sessions, logger);
  const requests = new MockRequestsProvider(log);
  const codeLens = new RouteCodeLensProvider(fs);
  context.subscriptions.push(
    sessions,
    statusBar,
    panel,
    requests,
    codeLens,
    vscode.window.createTreeView(mockRequestsViewId, { treeDataProvider: requests }),
    vscode.workspace.registerTextDocumentContentProvider(traceScheme, new TraceDocuments(log)),
    vscode.languages.registerCodeLensProvider(definitionSelector, codeLens),
    sessions.onDidChange(
      () => void vscode.commands.executeCommand('setContext', 'apigw.mock.running', sessions.list().length > 0),
    ),
  );
  deps.commands.register(
    new StartMockCommand(sessions, deps.files),
    new StopMockCommand(sessions),
    new ManageMockCommand(sessions),
    new InvokeRouteCommand(panel, deps.files, fs),
    new ShowMockRequestCommand(),
    new ClearMockRequestsCommand(log),
  );
  return {
    sessions: () =>
      sessions.list().map((s) => ({
        file: s.file,
        apiName: s.apiName,
        url: s.url,
        ...(s.problem !== undefined ? { problem: s.problem } : {}),
      })),
    requests: () => log.list(),
    requestsView: requests,
    sendInvoke: (form) => panel.send(form),
    lastInvokeResult: () => panel.lastResult,
    renderedInvokeId: () => panel.renderedRequestId,
    statusBarText: (file, apiName) => {
      const key = sessions.get(file, apiName)?.key;
      return key === undefined ? undefined : statusBar.itemFor(key)?.text;
    },
  };
}
