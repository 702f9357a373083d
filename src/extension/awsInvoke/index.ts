import * as vscode from 'vscode';
import type { FileSystem } from '../../shared/fileSystem';
import type { AwsConnection } from '../aws/awsConnection';
import type { CommandRegistry } from '../commands/commandRegistry';
import type { IndexedFile } from '../explorer/nodes';
import type { InvokePanel } from '../mock/invokePanel';
import type { AwsLensTargets } from '../mock/routeCodeLens';
import { InvokeTargetMemory } from './invokeMemory';
import { InvokeRouteOnAwsCommand } from './invokeOnAwsCommand';

export interface InvokeOnAwsRegistration {
  context: vscode.ExtensionContext;
  commands: CommandRegistry;
  panel: InvokePanel;
  connection: AwsConnection;
  files: () => IndexedFile[];
  fs: FileSystem;
}

/**
 * Wires Invoke Route on AWS: the command, the Invoke panel's AWS target (remembered per definition + API + place,
 * the deploy's memory first) and its "Invoke on AWS… / Change AWS target…" link. Nothing here loads the SDK: the
 * panel offers a remembered target only once the place is known, and the CodeLens reads the memories' keys.
 */
export function registerInvokeOnAws(deps: InvokeOnAwsRegistration): AwsLensTargets {
  const { context, panel, connection } = deps;
  const memory = new InvokeTargetMemory(context.workspaceState);
  const command = new InvokeRouteOnAwsCommand({
    panel,
    connection,
    files: deps.files,
    fs: deps.fs,
    memory,
  });
  panel.remoteFor = (target) => command.rememberedRemote(target);
  panel.changeRemoteFor = (local, form, change) => command.changeRemote(local, form, change);
  deps.commands.register(command);
  return {
    has: (file, apiName) => memory.hasAny(vscode.workspace.asRelativePath(file, false), apiName),
    onDidChange: (listener) => {
      const subscriptions = [memory.onDidChange(listener), connection.onDidChange(listener)];
      return new vscode.Disposable(() => subscriptions.forEach((s) => s.dispose()));
    },
  };
}
