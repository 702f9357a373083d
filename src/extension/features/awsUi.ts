import type * as vscode from 'vscode';
import type { FileSystem } from '../../shared/fileSystem';
import type { Logger } from '../../shared/logger';
import type { AwsServices } from '../aws/awsServices';
import type { AwsApisProvider } from '../aws/awsApisProvider';
import type { AwsConnection } from '../aws/awsConnection';
import type { AwsNode } from '../aws/awsNodes';
import { createAwsView } from '../aws/awsView';
import type { AwsTreeModel } from '../aws/awsTreeModel';
import type { Command } from '../commands/commandRegistry';
import { registerCost } from '../cost';
import { registerDeploy, type DeployTestApi } from '../deploy';
import { registerStageOperations } from '../stageOperations';
import type { ApiMarks } from '../deploy/driftMarks';
import type { DiagnosticsSource } from '../deploy/validation';
import type { IndexedFile } from '../explorer/nodes';
import { registerStageLogs } from '../logs';
import { commandTable, type FeatureCommandId } from './commandIds';

export interface AwsUiDeps {
  context: vscode.ExtensionContext;
  logger: Logger;
  fs: FileSystem;
  files: () => IndexedFile[];
  connection: AwsConnection;
  /** Shows the profile · region status item (a deploy starts). */
  showStatus(): void;
  view: vscode.TreeView<AwsNode>;
  server: DiagnosticsSource;
  /** The Workspace APIs tree, which shows the drift marks. */
  tree: { decorate(marks: ApiMarks): vscode.Disposable };
  showLog(): void;
}

/** The AWS view's tree and commands, deploy and drift, as the activation side delegates to them. */
export interface AwsUiFeature {
  commands: Record<FeatureCommandId<'aws-ui'>, Command>;
  provider: AwsApisProvider;
  model: AwsTreeModel;
  deploy: DeployTestApi;
}

/**
 * The entry of dist/features/aws-ui.js: the AWS view's model and actions, Deploy API…, Compare with Deployed and
 * the drift marks, loaded when the AWS view first lists something or one of these commands first runs (the SDK
 * itself is dist/aws.js, loaded later still, when AWS is first called).
 */
export function activateAwsUi(deps: AwsUiDeps): AwsUiFeature {
  const { context, logger, connection } = deps;
  const view = createAwsView({ context, logger, connection, view: deps.view });
  context.subscriptions.push(view);
  const logs = registerStageLogs({ context, logger, connection });
  const services: AwsServices = { connection, showStatus: () => deps.showStatus(), revealApi: view.revealApi };
  const deploy = registerDeploy({
    context,
    logger,
    fs: deps.fs,
    files: deps.files,
    aws: services,
    server: deps.server,
    tree: deps.tree,
    showLog: () => deps.showLog(),
  });
  const stageOperations = registerStageOperations({
    connection,
    model: view.model,
    logger,
    questions: deploy.questions,
    plans: deploy.plans,
  });
  const cost = registerCost({ context, logger, fs: deps.fs, files: deps.files, connection });
  return {
    commands: commandTable('aws-ui', [
      ...view.commands,
      ...logs.commands,
      ...stageOperations.commands,
      ...deploy.commands,
      ...cost.commands,
    ]),
    provider: view.provider,
    model: view.model,
    deploy: deploy.testApi,
  };
}
