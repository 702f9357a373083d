import * as vscode from 'vscode';
import type { FileSystem } from '../../shared/fileSystem';
import type { Logger } from '../../shared/logger';
import type { CommandRegistry } from '../commands/commandRegistry';
import type { DeployTestApi } from '../deploy';
import { watchDefinitionFiles } from '../deploy/definitionFiles';
import type { ApiMarks } from '../deploy/driftMarks';
import type { DiagnosticsSource } from '../deploy/validation';
import type { IndexedFile } from '../explorer/nodes';
import type { AwsUiFeature } from '../features/awsUi';
import { featureCommandIds } from '../features/commandIds';
import { Lazy, lazyCommands } from '../features/lazy';
import { LazyTreeDataProvider } from '../features/lazyTree';
import { loadFeature } from '../features/load';
import { awsApisViewId } from './awsCommandIds';
import { AwsConnection } from './awsConnection';
import type { AwsNode } from './awsNodes';
import { affectsPlace, readPlaceSettings } from './awsSettings';
import { AwsStatusBar } from './awsStatusBar';
import { loadAws } from './loadAws';

export interface AwsDeps {
  context: vscode.ExtensionContext;
  logger: Logger;
  commands: CommandRegistry;
  fs: FileSystem;
  files: () => IndexedFile[];
  /** The same files in any order (for the editor-title context key, which does not need them sorted). */
  filesInAnyOrder: () => IndexedFile[];
  /** Fires when the workspace index changed (the editor-title context key follows it). */
  onDidChangeFiles: vscode.Event<void>;
  /** The language server, which deploy asks for a definition's problems. */
  server: DiagnosticsSource;
  /** The Workspace APIs tree, which shows the drift marks. */
  tree: { decorate(marks: ApiMarks): vscode.Disposable };
  showLog(): void;
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
 * The activation side of the AWS features: the connection (dist/aws.js on first call), the profile / region
 * status item, the "AWS" view and every AWS command, registered at once; the view's model, its actions, deploy
 * and drift live in dist/features/aws-ui.js, loaded when the view first lists something, one of the commands
 * first runs, or the SDK has been loaded by another feature (the drift marks then apply).
 */
export function registerAws(deps: AwsDeps): {
  connection: AwsConnection;
  testApi: AwsTestApi;
  /** Deploy's test API, loading the feature (only the integration tests ask). */
  deploy(): DeployTestApi;
} {
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
  const statusBar = new AwsStatusBar(connection);
  const feature: Lazy<AwsUiFeature> = new Lazy(() =>
    loadFeature(context.extensionPath, 'aws-ui', logger).activateAwsUi({
      context,
      logger,
      fs: deps.fs,
      files: deps.files,
      connection,
      showStatus: () => statusBar.show(),
      view,
      server: deps.server,
      tree: deps.tree,
      showLog: () => deps.showLog(),
    }),
  );
  const provider = new LazyTreeDataProvider<AwsNode, AwsUiFeature>(feature);
  const view = vscode.window.createTreeView(awsApisViewId, { treeDataProvider: provider, showCollapseAll: true });
  if (view.visible) statusBar.show();
  const onSdk = connection.onDidChange(() => {
    // Once another feature (Invoke on AWS) has loaded the SDK, the drift marks of deploy apply too.
    if (connection.loaded && feature.made === undefined) {
      try {
        feature.get();
      } catch (err) {
        logger.error('AWS: could not load the AWS features', err);
      }
    }
  });
  context.subscriptions.push(
    provider,
    view,
    statusBar,
    { dispose: () => onSdk.dispose() },
    view.onDidChangeVisibility((e) => {
      if (e.visible) statusBar.show();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!affectsPlace(e)) return;
      const made = feature.made;
      if (made) made.model.refresh();
      else connection.reset();
    }),
    watchDefinitionFiles(deps.filesInAnyOrder, deps.onDidChangeFiles),
  );
  deps.commands.register(...lazyCommands(featureCommandIds['aws-ui'], () => feature.get()));
  return {
    connection,
    testApi: {
      children: (node) => feature.get().model.childrenWhenLoaded(node),
      treeItem: (node) => feature.get().provider.getTreeItem(node),
      refresh: (node) => {
        const made = feature.made;
        if (made) made.model.refresh(node);
        else connection.reset();
      },
      view,
      sdkLoaded: () => connection.loaded,
      statusBarText: () => statusBar.text,
    },
    deploy: () => feature.get().deploy,
  };
}
