import * as vscode from 'vscode';
import type { AwsClients, DeployOutcome, DeployPlan } from '../../aws/types';
import type { FileSystem } from '../../shared/fileSystem';
import type { Logger } from '../../shared/logger';
import type { AwsServices } from '../aws/awsServices';
import { awsTrustRefusal } from '../aws/awsActions';
import { failOnWarnings } from '../aws/awsSettings';
import type { Command } from '../commands/commandRegistry';
import { UserError } from '../commands/commandRegistry';
import type { IndexedFile } from '../explorer/nodes';
import { applyWithProgress } from './applyWithProgress';
import { chooseTarget, type TargetOptions } from './chooseTarget';
import { pickLocalApi, type LocalApi } from './definitionPick';
import type { DeployDiagnostics } from './deployDiagnostics';
import { deployFacade, type DeployFacade, type DeploySource } from './deployFacade';
import { problemOf } from './driftCheck';
import type { DriftMarks } from './driftMarks';
import { prepareAsking } from './localSource';
import { deletedTargetQuestion, failureMessage, outcomeDetails, retargetQuestion, successMessage } from './outcomeText';
import { confirmationOf, noChangeMessage } from './planText';
import type { PlanDocuments } from './planDocuments';
import type { Questions } from './questions';
import type { TargetMemory } from './targetMemory';
import { checkBeforeDeploy, type DiagnosticsSource } from './validation';
import { preparationRefusal } from './validationText';

export const deployApiCommandId = 'apigw.deployApi';

/** What a programmatic caller (the integration tests) may decide instead of the pickers. Never the confirmation. */
export interface DeployOptions extends TargetOptions {
  /** The API of the definition, when it has several. */
  apiName?: string;
  /** Values of template parameters that have no Default. */
  parameters?: Record<string, string>;
  /** What to choose when the deploy asks for the target again (a deleted API, a conflict); default: the pickers. */
  retarget?: TargetOptions;
  /**
   * The description of the deployment the deploy creates. Default: asked in an input box when the stage was
   * chosen in the pickers (empty for none); no description when a caller gave the stage.
   */
  description?: string;
}

/** What a run did, for the caller. */
export interface DeployRun {
  result: 'deployed' | 'failed' | 'noChange' | 'cancelled';
  plan?: DeployPlan;
  planText?: string;
  outcome?: DeployOutcome;
  /** What the progress notification said while the plan was applied: each step, and each retry. */
  progress?: string[];
}

export interface DeployDeps {
  aws: AwsServices;
  files: () => IndexedFile[];
  fs: FileSystem;
  logger: Logger;
  server: DiagnosticsSource;
  memory: TargetMemory;
  questions: Questions;
  diagnostics: DeployDiagnostics;
  plans: PlanDocuments;
  marks: DriftMarks;
  showLog(): void;
}

/** How many times a deploy may go back to choosing the target (conflict, deleted API) before it gives up. */
const maxRetargets = 3;

/**
 * "Deploy API…": save, check, choose where (remembered per definition), read what is deployed, show the plan,
 * confirm, apply with progress, then say what happened (invoke URL, or what changed and what did not) and put
 * API Gateway's import findings on the definition.
 */
export class DeployApiCommand implements Command {
  readonly id = deployApiCommandId;
  constructor(private readonly deps: DeployDeps) {}

  async execute(arg?: unknown, options: DeployOptions = {}): Promise<DeployRun | undefined> {
    const refusal = awsTrustRefusal(vscode.workspace.isTrusted, 'Deploy API');
    if (refusal !== undefined) throw new UserError(refusal);
    const { deps } = this;
    const local = await pickLocalApi(arg, deps.files(), deps.fs, 'deploy', options.apiName);
    if (local === undefined || !(await this.saveFirst(local))) return { result: 'cancelled' };
    if (!(await checkBeforeDeploy(local, deps.server, deps.questions, deps.logger))) return { result: 'cancelled' };
    deps.aws.showStatus();
    const { clients, resolved } = await deps.aws.connection.connect().catch((err: unknown) => {
      throw new UserError(`Cannot deploy: ${deps.aws.connection.describe(err).message}`);
    });
    const facade = deployFacade(deps.aws.connection);
    const file = local.document.uri.fsPath;
    deps.diagnostics.clear(file);
    const source = await this.prepare(facade, clients, local, options);
    if (source === undefined) return { result: 'cancelled' };
    const place = resolved.place;
    let description = options.description;
    for (let attempt = 0; ; attempt++) {
      const remembered = deps.memory.get(local.relativePath, local.api.name, place);
      const declared = {
        ...(source.stage?.name !== undefined ? { stage: source.stage.name } : {}),
        ...(source.endpointType !== undefined ? { endpointType: source.endpointType } : {}),
      };
      const chosen = await chooseTarget(
        {
          facade,
          clients,
          logger: deps.logger,
          local,
          remembered,
          declared,
          failOnWarnings: failOnWarnings(local.document.uri),
        },
        attempt === 0 ? options : (options.retarget ?? {}),
      );
      if (chosen === undefined) return { result: 'cancelled' };
      if (description === undefined && options.stage === undefined) {
        description = await vscode.window.showInputBox({
          title: `Deploy ${local.api.name} to stage ${chosen.target.stage}`,
          prompt: "A description of this deployment (the stage's deployment history shows it); empty for none",
          ignoreFocusOut: true,
        });
        if (description === undefined) return { result: 'cancelled' };
      }
      const text = description?.trim() ?? '';
      const target = text ? { ...chosen.target, description: text } : chosen.target;
      const plan = await this.plan(facade, clients, source, target, place.region);
      if ('retarget' in plan) {
        // The remembered target is gone: the pickers must not offer it first again.
        if (plan.deleted) await deps.memory.forget(local.relativePath, local.api.name, place);
        if (attempt < maxRetargets && (await this.askRetarget(plan.retarget))) continue;
        return { result: 'cancelled' };
      }
      const planText = facade.formatPlan(plan);
      await deps.plans.show(plan, planText);
      const remember = (apiId: string): Promise<void> =>
        deps.memory.remember(local.relativePath, local.api.name, place, {
          kind: plan.target.kind,
          apiId,
          stage: plan.target.stage,
          apiName: chosen.deployedName ?? plan.apiName,
          ...(plan.target.mode !== undefined ? { mode: plan.target.mode } : {}),
        });
      if (plan.kind === 'noChange' && plan.steps.length === 0) {
        if (plan.target.apiId !== undefined) await remember(plan.target.apiId);
        deps.marks.set(file, local.api.name, 'in sync');
        void vscode.window.showInformationMessage(noChangeMessage(plan));
        return { result: 'noChange', plan, planText };
      }
      if (!(await deps.questions.confirm(confirmationOf(plan, place.region))))
        return { result: 'cancelled', plan, planText };
      const progress: string[] = [];
      const outcome = await applyWithProgress(facade, clients, plan, source, (message) => progress.push(message));
      deps.diagnostics.show(
        file,
        outcome.findings.map((f) => f.diagnostic),
      );
      deps.logger.info(outcomeDetails(plan, outcome).join('\n'));
      if (outcome.ok) {
        await remember(outcome.apiId);
        deps.marks.set(file, local.api.name, 'in sync');
        this.showSuccess(plan, outcome);
        void deps.aws
          .revealApi(outcome.apiId, outcome.stage)
          .catch((err: unknown) => deps.logger.warn('Deploy: could not reveal the API in the AWS view', err));
        return { result: 'deployed', plan, planText, outcome, progress };
      }
      if (outcome.apiId !== undefined && outcome.done.length > 0) await remember(outcome.apiId);
      deps.marks.invalidate(file);
      const question = retargetQuestion(plan, outcome.problem, place.region);
      if (question !== undefined && attempt < maxRetargets) {
        if (outcome.problem.kind === 'notFound') await deps.memory.forget(local.relativePath, local.api.name, place);
        if (await this.askRetarget(question, outcome.done.length > 0 ? outcome.report : undefined)) continue;
      }
      this.showFailure(plan, outcome);
      return { result: 'failed', plan, planText, outcome, progress };
    }
  }

  /** Saves a dirty definition after asking; false when the user did not want to. */
  private async saveFirst(local: LocalApi): Promise<boolean> {
    if (!local.document.isDirty) return true;
    const answer = await this.deps.questions.ask({
      kind: 'save',
      message: `${local.relativePath} has unsaved changes. Save it and deploy what it says now?`,
      choices: ['Save and Deploy'],
    });
    if (answer !== 'Save and Deploy') return false;
    if (!(await local.document.save()))
      throw new UserError(`${local.relativePath} could not be saved, so it was not deployed.`);
    return true;
  }

  /** The source to send, template parameters asked for; problems become 'apigw-deploy' diagnostics and refuse. */
  private async prepare(
    facade: DeployFacade,
    clients: AwsClients,
    local: LocalApi,
    options: DeployOptions,
  ): Promise<DeploySource | undefined> {
    const prepared = await prepareAsking(
      facade,
      clients,
      local,
      options.parameters ?? {},
      this.deps.fs,
      `Deploy ${local.api.name}`,
    );
    if (prepared === undefined) return undefined;
    if (prepared.ok) return prepared.source;
    this.deps.diagnostics.show(local.document.uri.fsPath, prepared.diagnostics);
    void vscode.commands.executeCommand('workbench.actions.view.problems');
    throw new UserError(
      preparationRefusal(
        local.api.name,
        prepared.diagnostics.map((d) => d.message),
      ),
    );
  }

  /**
   * The plan, after reading what is deployed; `retarget` (the question) when the target API does not exist any
   * more (`deleted`) or changed under us: the user chooses the target again instead of reading a failure.
   */
  private async plan(
    facade: DeployFacade,
    clients: AwsClients,
    source: DeploySource,
    target: DeployPlan['target'],
    region: string,
  ): Promise<DeployPlan | { retarget: string; deleted: boolean }> {
    try {
      return await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'Reading what is deployed…' },
        async () => {
          const deployed =
            target.apiId === undefined
              ? undefined
              : await facade.readDeployed(
                  clients,
                  target,
                  source.body?.['swagger'] !== undefined ? { specification: 'swagger' } : {},
                );
          return facade.planDeploy(source, deployed, target);
        },
      );
    } catch (err) {
      const problem = problemOf(err) ?? this.deps.aws.connection.describe(err);
      if (target.apiId !== undefined && problem.kind === 'notFound') {
        return { retarget: deletedTargetQuestion(target.apiId, source.apiName, region), deleted: true };
      }
      if (target.apiId !== undefined && problem.kind === 'conflict') {
        return { retarget: `${problem.message} Choose the target again?`, deleted: false };
      }
      throw new UserError(`Cannot deploy: ${problem.message}`);
    }
  }

  private async askRetarget(message: string, detail?: string): Promise<boolean> {
    const answer = await this.deps.questions.ask({
      kind: 'retarget',
      message,
      ...(detail !== undefined ? { detail } : {}),
      choices: ['Choose Target'],
    });
    return answer === 'Choose Target';
  }

  private showSuccess(plan: DeployPlan, outcome: Extract<DeployOutcome, { ok: true }>): void {
    void vscode.window
      .showInformationMessage(successMessage(plan, outcome), 'Copy URL', 'Open')
      .then(async (choice) => {
        if (choice === 'Copy URL') await vscode.env.clipboard.writeText(outcome.invokeUrl);
        if (choice === 'Open') await vscode.env.openExternal(vscode.Uri.parse(outcome.invokeUrl));
      });
  }

  private showFailure(plan: DeployPlan, outcome: Extract<DeployOutcome, { ok: false }>): void {
    const message = failureMessage(plan, outcome);
    const show =
      outcome.problem.kind === 'cancelled' && outcome.done.length === 0
        ? vscode.window.showInformationMessage
        : vscode.window.showErrorMessage;
    void show(message, 'Show Details').then((choice) => {
      if (choice === 'Show Details') this.deps.showLog();
    });
  }
}
