import type * as vscode from 'vscode';
import type { Logger } from '../../shared/logger';
import type { Command } from '../commands/commandRegistry';
import { AwsApisProvider } from './awsApisProvider';
import type { AwsConnection } from './awsConnection';
import type { AwsApiNode, AwsNode } from './awsNodes';
import { AwsTreeModel } from './awsTreeModel';
import { ExportApiCommand } from './exportApiCommand';
import { ChooseAwsProfileCommand, ChooseAwsRegionCommand } from './placeCommands';
import { CopyInvokeUrlCommand, DeleteStageCommand, OpenInvokeUrlCommand } from './stageCommands';
import { OpenStageDashboardCommand } from './stageDashboardCommand';
import {
  CopyCustomDomainUrlCommand,
  MapStageToCustomDomainCommand,
  OpenCustomDomainUrlCommand,
} from './domainCommands';
import { LoadMoreAwsApisCommand, RefreshAwsApisCommand } from './viewCommands';

export interface AwsViewDeps {
  /** Where webviews (the stage dashboard) find the extension's files, and what owns them. */
  context: vscode.ExtensionContext;
  logger: Logger;
  connection: AwsConnection;
  /** The "AWS" view, created at activation over a provider that delegates to this one. */
  view: vscode.TreeView<AwsNode>;
}

/** The AWS view's data and commands, made when the view first lists something or an AWS command first runs. */
export interface AwsView extends vscode.Disposable {
  model: AwsTreeModel;
  provider: AwsApisProvider;
  commands: Command[];
  /** Lists the place's APIs again and selects an API (and stage) in the view. */
  revealApi: (apiId: string, stage?: string) => Promise<void>;
}

/** The tree model of deployed APIs, its TreeItems and the view's actions (part of dist/features/aws-ui.js). */
export function createAwsView(deps: AwsViewDeps): AwsView {
  const { connection, logger, view } = deps;
  const model = new AwsTreeModel(connection, logger);
  const provider = new AwsApisProvider(model, logger);
  const mapStage = new MapStageToCustomDomainCommand(connection, model);
  const commands: Command[] = [
    new ChooseAwsProfileCommand(connection),
    new ChooseAwsRegionCommand(),
    new RefreshAwsApisCommand(model),
    new LoadMoreAwsApisCommand(model),
    new CopyInvokeUrlCommand(),
    new OpenInvokeUrlCommand(),
    new ExportApiCommand(connection, model),
    new DeleteStageCommand(connection, model),
    new OpenStageDashboardCommand(connection, deps.context),
    mapStage,
    new CopyCustomDomainUrlCommand(),
    new OpenCustomDomainUrlCommand(),
  ];
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
    model,
    provider,
    commands,
    revealApi,
    dispose: () => {
      provider.dispose();
      model.dispose();
      mapStage.dispose();
    },
  };
}
