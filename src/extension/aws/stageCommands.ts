import * as vscode from 'vscode';
import type { Command } from '../commands/commandRegistry';
import { UserError } from '../commands/commandRegistry';
import { awsTrustRefusal, deleteStageConfirmation } from './awsActions';
import type { AwsConnection } from './awsConnection';
import { asAwsNode, type AwsStageNode } from './awsNodes';
import { awsCommandIds } from './awsPresentation';
import type { AwsTreeModel } from './awsTreeModel';

function stageOf(arg: unknown, action: string): AwsStageNode {
  const node = asAwsNode(arg);
  if (node?.kind !== 'aws.stage') throw new UserError(`${action} needs a stage: right-click a stage in the AWS view.`);
  return node;
}

/** "Copy Invoke URL" of a stage. */
export class CopyInvokeUrlCommand implements Command {
  readonly id = awsCommandIds.copyInvokeUrl;

  async execute(arg?: unknown): Promise<string> {
    const { stage } = stageOf(arg, 'Copy Invoke URL');
    await vscode.env.clipboard.writeText(stage.invokeUrl);
    vscode.window.setStatusBarMessage(`Copied ${stage.invokeUrl}`, 3000);
    return stage.invokeUrl;
  }
}

/** "Open Invoke URL": the stage's URL in the browser (REST and HTTP stages; a WebSocket URL needs a client). */
export class OpenInvokeUrlCommand implements Command {
  readonly id = awsCommandIds.openInvokeUrl;

  async execute(arg?: unknown): Promise<boolean> {
    const { stage } = stageOf(arg, 'Open Invoke URL');
    if (!/^https?:\/\//i.test(stage.invokeUrl)) {
      throw new UserError(
        `${stage.invokeUrl} is a WebSocket URL, which a browser does not open: copy it into a WebSocket client.`,
      );
    }
    return vscode.env.openExternal(vscode.Uri.parse(stage.invokeUrl));
  }
}

/** "Delete Stage…": after a modal confirmation naming the stage and the API; trusted workspaces only. */
export class DeleteStageCommand implements Command {
  readonly id = awsCommandIds.deleteStage;
  constructor(
    private readonly connection: AwsConnection,
    private readonly model: AwsTreeModel,
  ) {}

  async execute(arg?: unknown): Promise<boolean> {
    const refusal = awsTrustRefusal(vscode.workspace.isTrusted, 'Delete Stage');
    if (refusal !== undefined) throw new UserError(refusal);
    const node = stageOf(arg, 'Delete Stage');
    const { api, stage } = node;
    const { facade, clients, resolved } = await this.connection.connect();
    const confirm = deleteStageConfirmation(api, stage, resolved.place.region);
    const choice = await vscode.window.showWarningMessage(
      confirm.message,
      { modal: true, detail: confirm.detail },
      confirm.button,
    );
    if (choice !== confirm.button) return false;
    try {
      await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Deleting stage ${stage.name} of ${api.name}…` },
        () => facade.deleteStage(clients, api.kind, api.id, stage.name),
      );
    } catch (err) {
      const problem = this.connection.describe(err, 'DeleteStage');
      throw new UserError(`Could not delete stage ${stage.name} of ${api.name}: ${problem.message}`);
    }
    this.model.refresh(this.model.getParent(node));
    vscode.window.setStatusBarMessage(`Deleted stage ${stage.name} of ${api.name}`, 5000);
    return true;
  }
}
