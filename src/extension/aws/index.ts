import * as vscode from 'vscode';
import type { Logger } from '../../shared/logger';
import type { CommandRegistry } from '../commands/commandRegistry';
import { AwsApisProvider, awsApisViewId } from './awsApisProvider';
import { AwsConnection } from './awsConnection';
import type { AwsApiNode, AwsNode } from './awsNodes';
import { affectsPlace, readPlaceSettings } from './awsSettings';
import { AwsStatusBar } from './awsStatusBar';
import { AwsTreeModel } from './awsTreeModel';
import { ExportApiCommand } from './exportApiCommand';
import { loadAws } from './loadAws';
import { ChooseAwsProfileCommand, ChooseAwsRegionCommand } from './placeCommands';
import { CopyInvokeUrlCommand, DeleteStageCommand, OpenInvokeUrlCommand } from './stageCommands';
import { LoadMoreAwsApisCommand, RefreshAwsApisCommand } from './viewCommands';

export interface AwsDeps {
  context: vscode.ExtensionContext;
  logger: Logger;
  commands: CommandRegistry;
}

/** What the rest of the extension (deploy, drift, invoke on AWS) uses of the AWS side. */
export interface AwsServices {
  /** The facade, the place and its clients (loads the SDK bundle on first use). */
  connection: AwsConnection;
  /** Shows the profile · region status item (a deploy starts). */
  showStatus(): void;
  /** Lists the place's APIs again and selects an API (and stage) in the AWS view. */
  revealApi(apiId: string, stage?: string): Promise<void>;
}

/** What the integration tests see of the AWS view. Not a stable API. */
export interface AwsTestApi {
  /** A node's children once listed (the root when undefined). */
  children(node?: AwsNode): Promise<AwsNode[]>;
  treeItem(node: AwsNode): vscode.TreeItem;
  refresh(node?: AwsNode): void;
  view: vscode.TreeView<AwsNode>;
  /** Whether dist/aws.js (the SDK) has been loaded. */
  sdkLoaded(): boolean;
  /** The status item's text, undefined while it is hidden. */
  statusBarText(): string | undefined;
}

/**
 * Wires the AWS side into VS Code: the "AWS" view of deployed APIs, the profile / region status item and
 * pickers, and the view's actions. Nothing here loads the SDK: dist/aws.js is required when the view first
 * lists something or a command needs AWS.
 */
export function registerAws(deps: AwsDeps): { services: AwsServices; testApi: AwsTestApi } {
  const { context, logger } = deps;
  const connection = new AwsConnection({
    load: () => loadAws(context.extensionPath),
    settings: readPlaceSettings,
    env: process.env,
    logger,
    onRetry: (operation, retry, delayMs) =>
      void vscode.window.setStatusBarMessage(
        `$(sync~spin) AWS ${operation} failed: retry ${retry} in ${(delayMs / 1000).toFixed(1)} s`,
        Math.max(delayMs, 1000),
      ),
  });
  const model = new AwsTreeModel(connection, logger);
  const provider = new AwsApisProvider(model, logger);
  const view = vscode.window.createTreeView(awsApisViewId, { treeDataProvider: provider, showCollapseAll: true });
  const statusBar = new AwsStatusBar(connection);
  if (view.visible) statusBar.show();
  context.subscriptions.push(
    provider,
    view,
    statusBar,
    { dispose: () => model.dispose() },
    view.onDidChangeVisibility((e) => {
      if (e.visible) statusBar.show();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (affectsPlace(e)) model.refresh();
    }),
  );
  deps.commands.register(
    new ChooseAwsProfileCommand(connection),
    new ChooseAwsRegionCommand(),
    new RefreshAwsApisCommand(model),
    new LoadMoreAwsApisCommand(model),
    new CopyInvokeUrlCommand(),
    new OpenInvokeUrlCommand(),
    new ExportApiCommand(connection, model),
    new DeleteStageCommand(connection, model),
  );
  const revealApi = async (apiId: string, stage?: string): Promise<void> => {
    const place = (await model.childrenWhenLoaded()).find((n) => n.kind === 'aws.place');
    if (place) model.refresh(place);
    const apiNode: AwsApiNode | undefined = await model.findApi(apiId);
    if (!apiNode) return;
    const stageNode =
      stage === undefined
        ? undefined
        : (await model.childrenWhenLoaded(apiNode)).find((n) => n.kind === 'aws.stage' && n.stage.name === stage);
    await view.reveal(stageNode ?? apiNode, { select: true, focus: false, expand: true });
  };
  return {
    services: { connection, showStatus: () => statusBar.show(), revealApi },
    testApi: {
      children: (node) => model.childrenWhenLoaded(node),
      treeItem: (node) => provider.getTreeItem(node),
      refresh: (node) => model.refresh(node),
      view,
      sdkLoaded: () => connection.loaded,
      statusBarText: () => statusBar.text,
    },
  };
}
