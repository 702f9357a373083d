import * as vscode from 'vscode';
import type { FileSystem } from '../../shared/fileSystem';
import type { Command } from '../commands/commandRegistry';
import { UserError } from '../commands/commandRegistry';
import { asExplorerNode } from '../commands/nodeArgument';
import type { IndexedFile } from '../explorer/nodes';
import type { InvokePanel } from './invokePanel';
import { pickApi, pickRoute } from './invokeTargets';
import { manageMockCommandId } from './mockStatusBar';
import { sessionKey, type MockSession, type MockSessions } from './mockSessions';
import { trustRefusal, type TrustedAction } from './trust';
import { invokeRouteCommandId } from './routeCodeLens';

/** Throws the Restricted Mode message when the workspace is not trusted. */
function requireTrust(action: TrustedAction): void {
  const refusal = trustRefusal(vscode.workspace.isTrusted, action);
  if (refusal !== undefined) throw new UserError(refusal);
}

/** "Start Mock API": serves the API of a tree node, or the one picked; resolves to its session. */
export class StartMockCommand implements Command {
  readonly id = 'apigw.startMock';
  constructor(
    private readonly sessions: MockSessions,
    private readonly files: () => IndexedFile[],
  ) {}

  async execute(arg?: unknown): Promise<MockSession | undefined> {
    requireTrust('Start Mock API');
    const target = await pickApi(arg, this.files(), { websocket: true });
    if (!target) return undefined;
    const running = this.sessions.get(target.file, target.api.name);
    const session = await this.sessions.ensure(target.file, target.api);
    if (!running) {
      void vscode.window.setStatusBarMessage(`Mock API ${session.apiName} is serving at ${session.url}`, 5000);
    }
    return session;
  }
}

/** "Stop Mock API": stops the API of a tree node or a status item, else the one picked (or the only one). */
export class StopMockCommand implements Command {
  readonly id = 'apigw.stopMock';
  constructor(private readonly sessions: MockSessions) {}

  async execute(arg?: unknown): Promise<void> {
    const node = asExplorerNode(arg);
    const running = this.sessions.list();
    let key = typeof arg === 'string' ? arg : undefined;
    if (node?.kind === 'api' || node?.kind === 'route') key = sessionKey(node.api.loc.file, node.api.name);
    if (key === undefined) {
      if (running.length === 0) throw new UserError('No mock API is running.');
      key =
        running.length === 1
          ? running[0]?.key
          : (
              await vscode.window.showQuickPick(
                running.map((s) => ({ label: s.apiName, description: s.url, key: s.key })),
                { placeHolder: 'Which mock API should stop?' },
              )
            )?.key;
    }
    if (key === undefined) return;
    if (!this.sessions.list().some((s) => s.key === key)) throw new UserError('That mock API is not running.');
    await this.sessions.stop(key);
  }
}

/** The status item's click: copy the URL, open it, or stop the mock API. */
export class ManageMockCommand implements Command {
  readonly id = manageMockCommandId;
  constructor(private readonly sessions: MockSessions) {}

  async execute(key?: unknown): Promise<void> {
    const session = this.sessions.list().find((s) => s.key === key) ?? this.sessions.list()[0];
    if (!session) throw new UserError('No mock API is running.');
    const actions = [
      { label: '$(copy) Copy URL', description: session.url, run: () => vscode.env.clipboard.writeText(session.url) },
      { label: '$(link-external) Open in Browser', run: () => vscode.env.openExternal(vscode.Uri.parse(session.url)) },
      { label: '$(debug-stop) Stop Mock API', run: () => this.sessions.stop(session.key) },
    ];
    const picked = await vscode.window.showQuickPick(actions, { placeHolder: `Mock API ${session.apiName}` });
    await picked?.run();
  }
}

/** "Invoke Route Locally": opens the Invoke panel on a route (tree node, CodeLens or QuickPick). */
export class InvokeRouteCommand implements Command {
  readonly id = invokeRouteCommandId;
  constructor(
    private readonly panel: InvokePanel,
    private readonly files: () => IndexedFile[],
    private readonly fs: FileSystem,
  ) {}

  async execute(arg?: unknown): Promise<void> {
    requireTrust('Invoke Route Locally');
    const target = await pickRoute(arg, this.files(), this.fs);
    if (target) this.panel.show(target);
  }
}
