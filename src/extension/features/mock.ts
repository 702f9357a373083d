import * as vscode from 'vscode';
import type { FileSystem } from '../../shared/fileSystem';
import type { Logger } from '../../shared/logger';
import type { AwsConnection } from '../aws/awsConnection';
import { registerInvokeOnAws } from '../awsInvoke';
import type { InvokeTargetMemory } from '../awsInvoke/invokeMemory';
import type { Command } from '../commands/commandRegistry';
import type { IndexedFile } from '../explorer/nodes';
import type { MockTestApi } from '../mock/mockTestApi';
import { InvokePanel } from '../mock/invokePanel';
import { InvokeRouteCommand, ManageMockCommand, StartMockCommand, StopMockCommand } from '../mock/mockCommands';
import { MockSessions, sessionKey } from '../mock/mockSessions';
import { MockAccessLogs } from '../mock/accessLogChannels';
import { ShowMockMetricsCommand } from '../mock/mockMetricsCommand';
import { MockStatusBar } from '../mock/mockStatusBar';
import type { RequestLog } from '../mock/requestLog';
import { commandTable, type FeatureCommandId } from './commandIds';

export { stopAllMocks } from '../mock/mockSessions';

export interface MockFeatureDeps {
  context: vscode.ExtensionContext;
  logger: Logger;
  fs: FileSystem;
  /** The workspace's indexed definitions (for the API and route pickers). */
  files: () => IndexedFile[];
  /** The Mock Requests view's log (made at activation: the view shows it). */
  log: RequestLog;
  /** The AWS side, for Invoke Route on AWS in the same panel. */
  aws: { connection: AwsConnection; memory: InvokeTargetMemory };
}

/** What the activation side delegates to: the commands and the test API's view of sessions and the panel. */
export interface MockFeature {
  commands: Record<FeatureCommandId<'mock'>, Command>;
  testApi: Omit<MockTestApi, 'requests' | 'requestsView'>;
}

/**
 * The entry of dist/features/mock.js: the mock runtime (and through it the template engine), the running mock
 * APIs with their status items, and the Invoke panel (Invoke Route Locally and on AWS, Compare local and AWS),
 * loaded when one of their commands first runs.
 */
export function activateMock(deps: MockFeatureDeps): MockFeature {
  const { context, logger, fs } = deps;
  const accessLogs = new MockAccessLogs();
  const sessions = new MockSessions({ fs, logger, log: deps.log, accessLogs });
  const statusBar = new MockStatusBar(sessions);
  const panel = new InvokePanel(context.extensionUri, sessions, logger);
  const invokeOnAws = registerInvokeOnAws({
    panel,
    connection: deps.aws.connection,
    memory: deps.aws.memory,
    files: deps.files,
    fs,
  });
  context.subscriptions.push(
    accessLogs,
    sessions,
    statusBar,
    panel,
    sessions.onDidChange(
      () => void vscode.commands.executeCommand('setContext', 'apigw.mock.running', sessions.list().length > 0),
    ),
  );
  return {
    commands: commandTable('mock', [
      new StartMockCommand(sessions, deps.files),
      new StopMockCommand(sessions),
      new ManageMockCommand(sessions),
      new InvokeRouteCommand(panel, deps.files, fs),
      invokeOnAws,
      new ShowMockMetricsCommand(sessions, context),
    ]),
    testApi: {
      sessions: () =>
        sessions.list().map((s) => ({
          file: s.file,
          apiName: s.apiName,
          url: s.url,
          ...(s.problem !== undefined ? { problem: s.problem } : {}),
        })),
      sendInvoke: (form) => panel.send(form),
      lastInvokeResult: () => panel.lastResult,
      sendInvokeOnAws: (form) => panel.sendRemote(form),
      compareInvoke: (form) => panel.compare(form),
      lastInvokeComparison: () => panel.lastComparison,
      invokePanelState: () => panel.state,
      renderedInvokeId: () => panel.renderedRequestId,
      accessLog: (file, apiName) => accessLogs.lines(sessionKey(file, apiName)),
      statusBarText: (file, apiName) => {
        const key = sessions.get(file, apiName)?.key;
        return key === undefined ? undefined : statusBar.itemFor(key)?.text;
      },
    },
  };
}
