import * as vscode from 'vscode';
import type { CanaryRequest, CanaryState } from '../../aws/deployments/types';
import type { DeployedStage } from '../../aws/types';
import { awsTrustRefusal, type AwsChangeAction } from '../aws/awsActions';
import { asAwsNode, type AwsNode } from '../aws/awsNodes';
import type { Command } from '../commands/commandRegistry';
import { UserError } from '../commands/commandRegistry';
import type { Confirmation } from '../deploy/planText';
import type { StageOperationDeps } from './loggingSettingsCommand';
import { stageNodeOf } from './loggingSettingsCommand';
import { stageFacade } from './stageFacade';
import { stageOperationIds } from './stageOperationIds';
import {
  cancelConfirmation,
  deployCanaryConfirmation,
  percentProblem,
  promoteConfirmation,
  rollbackConfirmation,
} from './stageOperationText';

/** What a run did, for the caller (the integration tests). */
export interface StageChangeRun {
  result: 'changed' | 'cancelled';
  /** The stage as AWS answered after the change. */
  stage?: DeployedStage;
}

/** The shared steps of the stage changes: trust, confirmation through deploy's questions, progress, refresh. */
abstract class StageChangeCommand implements Command {
  abstract readonly id: string;
  constructor(protected readonly deps: StageOperationDeps) {}
  abstract execute(...args: unknown[]): Promise<StageChangeRun>;

  protected refuseUntrusted(action: AwsChangeAction): void {
    const refusal = awsTrustRefusal(vscode.workspace.isTrusted, action);
    if (refusal !== undefined) throw new UserError(refusal);
  }

  /** Asks, runs `change` under a progress notification, refreshes the API's node; a failure says what failed. */
  protected async confirmAndRun(
    node: AwsNode,
    confirmation: Confirmation,
    what: string,
    change: () => Promise<DeployedStage>,
  ): Promise<StageChangeRun> {
    if (!(await this.deps.questions.confirm(confirmation))) return { result: 'cancelled' };
    let stage: DeployedStage;
    try {
      stage = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `${what}…` },
        change,
      );
    } catch (err) {
      const problem = this.deps.connection.describe(err, 'UpdateStage');
      this.deps.logger.error(`${what}: ${problem.message}`);
      throw new UserError(`${what} failed: ${problem.message}`);
    } finally {
      this.refresh(node);
    }
    this.deps.logger.info(`${what}: the stage serves deployment ${stage.deploymentId ?? '(none)'}`);
    vscode.window.setStatusBarMessage(`${what}: done`, 5000);
    return { result: 'changed', stage };
  }

  /** Lists the API's stages again (the node's API, found through the stage). */
  private refresh(node: AwsNode): void {
    const { model } = this.deps;
    const stage = node.kind === 'aws.stage' ? node : model.getParent(node);
    model.refresh(stage ? model.getParent(stage) : undefined);
  }
}

/** "Roll Back Stage to This Deployment" on a deployment of a stage's history. */
export class RollbackStageCommand extends StageChangeCommand {
  readonly id = stageOperationIds.rollback;

  async execute(arg?: unknown): Promise<StageChangeRun> {
    this.refuseUntrusted('Roll Back Stage');
    const node = asAwsNode(arg);
    if (node?.kind !== 'aws.deployment') {
      throw new UserError(
        'Roll Back Stage needs a deployment: expand a stage in the AWS view and right-click one of its deployments.',
      );
    }
    const { api, stage, deployment } = node;
    if (deployment.live) throw new UserError(`Stage ${stage.name} already serves deployment ${deployment.id}.`);
    const { clients, resolved } = await this.deps.connection.connect();
    const facade = stageFacade(this.deps.connection);
    return this.confirmAndRun(
      node,
      rollbackConfirmation(api, stage, deployment, resolved.place.region),
      `Rolling back stage ${stage.name} of ${api.name} to deployment ${deployment.id}`,
      () => facade.rollbackStage(clients, api, stage.name, deployment.id),
    );
  }
}

/** "Deploy as Canary…" on a REST stage: the API as it is now, to a share of the stage's traffic. */
export class DeployCanaryCommand extends StageChangeCommand {
  readonly id = stageOperationIds.deployCanary;

  async execute(arg?: unknown, options?: CanaryRequest): Promise<StageChangeRun> {
    this.refuseUntrusted('Deploy as Canary');
    const node = stageNodeOf(arg, 'Deploy as Canary');
    const { api, stage } = node;
    if (api.kind !== 'REST') {
      throw new UserError(
        `Canary releases exist for REST APIs only: ${api.name} is ${api.kind === 'HTTP' ? 'an HTTP' : 'a WebSocket'} API.`,
      );
    }
    const facade = stageFacade(this.deps.connection);
    const request = options ?? (await askCanary());
    if (request === undefined) return { result: 'cancelled' };
    const problem = facade.canaryRequestProblem(request);
    if (problem !== undefined) throw new UserError(problem);
    const { clients, resolved } = await this.deps.connection.connect();
    return this.confirmAndRun(
      node,
      deployCanaryConfirmation(api, stage, request, resolved.place.region),
      `Deploying ${api.name} as a canary of stage ${stage.name}`,
      async () => (await facade.deployCanary(clients, api, stage.name, request)).stage,
    );
  }
}

async function askCanary(): Promise<CanaryRequest | undefined> {
  const percent = await vscode.window.showInputBox({
    title: 'Deploy as Canary: share of traffic',
    prompt: "The percentage of the stage's requests the canary serves (0 to 100)",
    value: '10',
    validateInput: percentProblem,
    ignoreFocusOut: true,
  });
  if (percent === undefined) return undefined;
  const description = await vscode.window.showInputBox({
    title: 'Deploy as Canary: description of the deployment (optional)',
    ignoreFocusOut: true,
  });
  if (description === undefined) return undefined;
  return { percentTraffic: Number(percent), ...(description.trim() ? { description: description.trim() } : {}) };
}

/** The stage node and its canary, from a canary node or a stage node. */
function canaryTarget(
  arg: unknown,
  action: string,
): { node: AwsNode; stage: DeployedStage; canary: CanaryState } & Pick<Extract<AwsNode, { kind: 'aws.stage' }>, 'api'> {
  const node = asAwsNode(arg);
  if (node?.kind === 'aws.canary') return { node, api: node.api, stage: node.stage, canary: node.canary };
  const stageNode = stageNodeOf(arg, action);
  if (!stageNode.stage.canary)
    throw new UserError(`Stage ${stageNode.stage.name} of ${stageNode.api.name} has no canary.`);
  return { node: stageNode, api: stageNode.api, stage: stageNode.stage, canary: stageNode.stage.canary };
}

export class PromoteCanaryCommand extends StageChangeCommand {
  readonly id = stageOperationIds.promoteCanary;

  async execute(arg?: unknown): Promise<StageChangeRun> {
    this.refuseUntrusted('Promote Canary');
    const { node, api, stage, canary } = canaryTarget(arg, 'Promote Canary');
    const { clients, resolved } = await this.deps.connection.connect();
    const facade = stageFacade(this.deps.connection);
    return this.confirmAndRun(
      node,
      promoteConfirmation(api, stage, canary, resolved.place.region),
      `Promoting the canary of stage ${stage.name} of ${api.name}`,
      () => facade.promoteCanary(clients, api, stage.name),
    );
  }
}

export class CancelCanaryCommand extends StageChangeCommand {
  readonly id = stageOperationIds.cancelCanary;

  async execute(arg?: unknown): Promise<StageChangeRun> {
    this.refuseUntrusted('Cancel Canary');
    const { node, api, stage, canary } = canaryTarget(arg, 'Cancel Canary');
    const { clients, resolved } = await this.deps.connection.connect();
    const facade = stageFacade(this.deps.connection);
    return this.confirmAndRun(
      node,
      cancelConfirmation(api, stage, canary, resolved.place.region),
      `Cancelling the canary of stage ${stage.name} of ${api.name}`,
      () => facade.cancelCanary(clients, api, stage.name),
    );
  }
}
