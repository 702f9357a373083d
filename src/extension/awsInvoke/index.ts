import type { FileSystem } from '../../shared/fileSystem';
import type { AwsConnection } from '../aws/awsConnection';
import type { IndexedFile } from '../explorer/nodes';
import type { InvokePanel } from '../mock/invokePanel';
import type { InvokeTargetMemory } from './invokeMemory';
import { InvokeRouteOnAwsCommand } from './invokeOnAwsCommand';

export interface InvokeOnAwsRegistration {
  panel: InvokePanel;
  connection: AwsConnection;
  files: () => IndexedFile[];
  fs: FileSystem;
  /** The targets picked before (made at activation: the CodeLens reads its keys). */
  memory: InvokeTargetMemory;
}

/**
 * Wires Invoke Route on AWS into the Invoke panel (part of dist/features/mock.js): the command, the panel's AWS
 * target (remembered per definition + API + place, the deploy's memory first) and its "Invoke on AWS… / Change
 * AWS target…" link. Nothing here loads the SDK: the panel offers a remembered target only once the place is
 * known. The command is returned: it is registered at activation (src/extension/mock).
 */
export function registerInvokeOnAws(deps: InvokeOnAwsRegistration): InvokeRouteOnAwsCommand {
  const { panel } = deps;
  const command = new InvokeRouteOnAwsCommand({
    panel,
    connection: deps.connection,
    files: deps.files,
    fs: deps.fs,
    memory: deps.memory,
  });
  panel.remoteFor = (target) => command.rememberedRemote(target);
  panel.changeRemoteFor = (local, form, change) => command.changeRemote(local, form, change);
  return command;
}
