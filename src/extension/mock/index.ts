import * as vscode from 'vscode';
import type { FileSystem } from '../../shared/fileSystem';
import type { Logger } from '../../shared/logger';
import type { AwsConnection } from '../aws/awsConnection';
import { registerInvokeOnAws } from '../awsInvoke';
import type { CommandRegistry } from '../commands/commandRegistry';
import type { IndexedFile } from '../explorer/nodes';
import { InvokePanel, type InvokeComparison } from './invokePanel';
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
  /** The AWS side, for Invoke Route on AWS in the same panel (absent: local invoke only). */
  aws?: { connection: AwsConnection };
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
  /** Sends the Invoke panel's form to its AWS target, as Send does with "AWS" chosen. */
  sendInvokeOnAws(form?: unknown): Promise<InvokeResult>;
  /** Sends the form to the local mock and to AWS, as "Compare local and AWS" does. */
  compareInvoke(form?: unknown): Promise<InvokeComparison>;
  lastInvokeComparison(): InvokeComparison | undefined;
  /** The Invoke panel's title, the targets it offers and which one Send uses. */
  invokePanelState(): { title: string; local?: string; remote?: string; mode: 'local' | 'remote' } | undefined;
  /** The request id of the last result (or comparison) the Invoke webview has drawn. */
  renderedInvokeId(): string | undefined;
  statusBarText(file: string, apiName: string): string | undefined;
}

/**
 * Wires the mock runtime into VS Code: Start / Stop Mock API with a status item per running API, the
 * Mock Requests view with read-only traces, and Invoke Route Locally (command, tree menu, CodeLens) — with, when
 * the AWS side is given, Invoke Route on AWS and Compare local and AWS in the same panel.
 */
export function registerMock(deps: MockDeps): MockTestApi {
  const { context, logger, fs } = deps;
  const log = new RequestLog();
  const sessions = new MockSessions({ fs, logger, log });
  const statusBar = new MockStatusBar(sessions);
  const panel = new InvokePanel(context.extensionUri, sessions, logger);
  const requests = new MockRequestsProvider(log);
  const awsTargets = deps.aws
    ? registerInvokeOnAws({
        context,
        commands: deps.commands,
        panel,
        connection: deps.aws.connection,
        files: deps.files,
        fs,
      })
    : undefined;
  const codeLens = new RouteCodeLensProvider(fs, awsTargets);
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
    sendInvokeOnAws: (form) => panel.sendRemote(form),
    compareInvoke: (form) => panel.compare(form),
    lastInvokeComparison: () => panel.lastComparison,
    invokePanelState: () => panel.state,
    renderedInvokeId: () => panel.renderedRequestId,
    statusBarText: (file, apiName) => {
      const key = sessions.get(file, apiName)?.key;
      return key === undefined ? undefined : statusBar.itemFor(key)?.text;
    },
  };
}
