import * as vscode from 'vscode';
import type { FileSystem } from '../../shared/fileSystem';
import type { Logger } from '../../shared/logger';
import type { AwsConnection } from '../aws/awsConnection';
import { InvokeTargetMemory } from '../awsInvoke/invokeMemory';
import { awsLensTargets } from '../awsInvoke/lensTargets';
import type { CommandRegistry } from '../commands/commandRegistry';
import type { IndexedFile } from '../explorer/nodes';
import { featureCommandIds } from '../features/commandIds';
import { Lazy, lazyCommands } from '../features/lazy';
import { loadFeature } from '../features/load';
import type { MockFeature } from '../features/mock';
import { MockRequestsProvider, mockRequestsViewId, traceScheme, TraceDocuments } from './mockRequestsView';
import type { MockTestApi } from './mockTestApi';
import { RequestLog } from './requestLog';
import { ClearMockRequestsCommand, ShowMockRequestCommand } from './requestCommands';
import { definitionSelector, RouteCodeLensProvider } from './routeCodeLens';

export type { MockTestApi } from './mockTestApi';

export interface MockDeps {
  context: vscode.ExtensionContext;
  logger: Logger;
  fs: FileSystem;
  commands: CommandRegistry;
  /** The workspace's indexed definitions (for the API and route pickers). */
  files: () => IndexedFile[];
  /** The AWS side, for Invoke Route on AWS in the same panel. */
  aws: { connection: AwsConnection };
}

/**
 * The activation side of the mock runtime in VS Code: the Mock Requests view with read-only traces, the route
 * CodeLens (Invoke Route Locally, and on AWS once the API has a target) and every mock command, registered at
 * once. Start / Stop Mock API, the status items and the Invoke panel live in dist/features/mock.js (the runtime,
 * the template engine), loaded when one of those commands first runs.
 */
export function registerMock(deps: MockDeps): MockTestApi {
  const { context, logger, fs } = deps;
  const log = new RequestLog();
  const requests = new MockRequestsProvider(log);
  const memory = new InvokeTargetMemory(context.workspaceState);
  const codeLens = new RouteCodeLensProvider(fs, awsLensTargets(memory, deps.aws.connection));
  const feature = new Lazy<MockFeature>(() =>
    loadFeature(context.extensionPath, 'mock', logger).activateMock({
      context,
      logger,
      fs,
      files: deps.files,
      log,
      aws: { connection: deps.aws.connection, memory },
    }),
  );
  context.subscriptions.push(
    requests,
    codeLens,
    vscode.window.createTreeView(mockRequestsViewId, { treeDataProvider: requests }),
    vscode.workspace.registerTextDocumentContentProvider(traceScheme, new TraceDocuments(log)),
    vscode.languages.registerCodeLensProvider(definitionSelector, codeLens),
  );
  deps.commands.register(
    ...lazyCommands(featureCommandIds.mock, () => feature.get()),
    new ShowMockRequestCommand(),
    new ClearMockRequestsCommand(log),
  );
  const panel = (): MockFeature['testApi'] => feature.get().testApi;
  return {
    sessions: () => feature.made?.testApi.sessions() ?? [],
    requests: () => log.list(),
    requestsView: requests,
    sendInvoke: (form) => panel().sendInvoke(form),
    lastInvokeResult: () => feature.made?.testApi.lastInvokeResult(),
    sendInvokeOnAws: (form) => panel().sendInvokeOnAws(form),
    compareInvoke: (form) => panel().compareInvoke(form),
    lastInvokeComparison: () => feature.made?.testApi.lastInvokeComparison(),
    invokePanelState: () => feature.made?.testApi.invokePanelState(),
    renderedInvokeId: () => feature.made?.testApi.renderedInvokeId(),
    statusBarText: (file, apiName) => feature.made?.testApi.statusBarText(file, apiName),
    accessLog: (file, apiName) => feature.made?.testApi.accessLog(file, apiName) ?? [],
  };
}
