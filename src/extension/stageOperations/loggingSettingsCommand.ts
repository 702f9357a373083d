import * as vscode from 'vscode';
import type {
  AccessLogPreset,
  LoggingChange,
  StageLoggingSettings,
  StageSettingsPlan,
} from '../../aws/stageSettings/types';
import type { Logger } from '../../shared/logger';
import { awsTrustRefusal } from '../aws/awsActions';
import type { AwsConnection } from '../aws/awsConnection';
import { asAwsNode, type AwsStageNode } from '../aws/awsNodes';
import type { AwsTreeModel } from '../aws/awsTreeModel';
import type { Command } from '../commands/commandRegistry';
import { UserError } from '../commands/commandRegistry';
import type { PlanDocuments } from '../deploy/planDocuments';
import type { Questions } from '../deploy/questions';
import { stageFacade, type StageFacade } from './stageFacade';
import { stageOperationIds } from './stageOperationIds';
import { loggingConfirmation } from './stageOperationText';

export interface StageOperationDeps {
  connection: AwsConnection;
  model: AwsTreeModel;
  logger: Logger;
  /** Deploy's modal questions (the integration tests answer them through deploy's test API). */
  questions: Questions;
  /** Deploy's read-only plan documents. */
  plans: PlanDocuments;
}

/** What a run did, for the caller (the integration tests). */
export interface LoggingRun {
  result: 'updated' | 'noChange' | 'cancelled';
  plan?: StageSettingsPlan;
  planText?: string;
}

export function stageNodeOf(arg: unknown, action: string): AwsStageNode {
  const node = asAwsNode(arg);
  if (node?.kind !== 'aws.stage') throw new UserError(`${action} needs a stage: right-click a stage in the AWS view.`);
  return node;
}

const onOff = (value: boolean | undefined): string => (value ? 'on' : 'off');

/**
 * "Logging Settings…" of a stage: reads its settings, asks what to change (one setting a run: execution logging,
 * full request/response data, detailed metrics, access logging with a preset or custom format and a log group),
 * shows the plan as a read-only document, asks for confirmation, applies. AWS's refusals (no CloudWatch Logs
 * role, a format without the request id) are found before anything changes.
 */
export class LoggingSettingsCommand implements Command {
  readonly id = stageOperationIds.loggingSettings;
  constructor(private readonly deps: StageOperationDeps) {}

  async execute(arg?: unknown, options: { change?: LoggingChange } = {}): Promise<LoggingRun> {
    const refusal = awsTrustRefusal(vscode.workspace.isTrusted, 'Change Logging Settings');
    if (refusal !== undefined) throw new UserError(refusal);
    const node = stageNodeOf(arg, 'Logging Settings');
    const { api, stage } = node;
    const { deps } = this;
    const { clients } = await deps.connection.connect();
    const facade = stageFacade(deps.connection);
    const ref = { kind: api.kind, apiId: api.id, apiName: api.name, stage: stage.name };
    const failed = (err: unknown, operation: string): UserError =>
      new UserError(
        `Could not change the logging settings of stage ${stage.name} of ${api.name}: ${deps.connection.describe(err, operation).message}`,
      );
    const current = await vscode.window
      .withProgress({ location: vscode.ProgressLocation.Notification, title: `Reading stage ${stage.name}…` }, () =>
        facade.readStageLogging(clients, ref),
      )
      .then(undefined, (err: unknown) => {
        throw failed(err, 'GetStage');
      });
    const change = options.change ?? (await askChange(facade, current));
    if (change === undefined) return { result: 'cancelled' };
    const groups = await facade.existingLogGroups(clients, current, change).catch((err: unknown) => {
      throw failed(err, 'DescribeLogGroups');
    });
    const planned = facade.planStageLogging(current, change, groups);
    if (!planned.ok) {
      throw new UserError(`Stage ${stage.name} of ${api.name} was not changed: ${planned.refusals.join(' ')}`);
    }
    const { plan } = planned;
    const planText = facade.formatStageSettingsPlan(plan);
    await deps.plans.showText(`Logging settings of ${api.name} · ${stage.name}`, planText);
    if (plan.steps.length === 0) {
      void vscode.window.showInformationMessage(`Stage ${stage.name} of ${api.name} already has these settings.`);
      return { result: 'noChange', plan, planText };
    }
    if (!(await deps.questions.confirm(loggingConfirmation(plan)))) return { result: 'cancelled', plan, planText };
    const outcome = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Updating stage ${stage.name} of ${api.name}` },
      (progress) =>
        facade.applyStageSettings(clients, plan, (index, total, title) =>
          progress.report({ message: `${index + 1}/${total}: ${title}` }),
        ),
    );
    deps.model.refresh(deps.model.getParent(node));
    if (!outcome.ok) {
      deps.logger.error(`Logging settings: ${outcome.message}`);
      throw new UserError(
        `Could not change the logging settings of stage ${stage.name} of ${api.name}: ${outcome.message}`,
      );
    }
    deps.logger.info(`Logging settings of ${api.name} (${api.id}) stage ${stage.name}: ${outcome.done.join('; ')}`);
    vscode.window.setStatusBarMessage(`Updated the logging settings of stage ${stage.name}`, 5000);
    return { result: 'updated', plan, planText };
  }
}

type Item<T> = vscode.QuickPickItem & { value: T };

async function pick<T>(items: Item<T>[], title: string): Promise<T | undefined> {
  return (await vscode.window.showQuickPick(items, { title, ignoreFocusOut: true }))?.value;
}

/** Asks which setting to change and to what; undefined when cancelled. */
async function askChange(facade: StageFacade, current: StageLoggingSettings): Promise<LoggingChange | undefined> {
  const title = `Logging settings of stage ${current.stage} of ${current.apiName}`;
  const access = current.accessLog;
  const settings: Item<'execution' | 'dataTrace' | 'metrics' | 'access'>[] = [
    ...(current.kind !== 'HTTP'
      ? [
          { label: 'Execution logging', description: current.executionLogging ?? 'OFF', value: 'execution' as const },
          {
            label: 'Full request and response data',
            description: onOff(current.dataTrace),
            value: 'dataTrace' as const,
          },
        ]
      : []),
    { label: 'Detailed metrics', description: onOff(current.detailedMetrics), value: 'metrics' },
    {
      label: 'Access logging',
      description: access
        ? `${facade.presetOf(current.kind, access.format) ?? 'custom'} → ${access.destinationArn}`
        : 'off',
      value: 'access',
    },
  ];
  const setting = await pick(settings, title);
  if (setting === undefined) return undefined;
  if (setting === 'execution') {
    const level = await pick(
      (['OFF', 'ERROR', 'INFO'] as const).map((l) => ({ label: l, value: l, picked: l === current.executionLogging })),
      'Execution logging level',
    );
    return level === undefined ? undefined : { executionLogging: level };
  }
  if (setting === 'dataTrace' || setting === 'metrics') {
    const on = await pick(
      [
        { label: 'On', value: true },
        { label: 'Off', value: false },
      ],
      setting === 'dataTrace' ? 'Full request and response data' : 'Detailed metrics',
    );
    if (on === undefined) return undefined;
    return setting === 'dataTrace' ? { dataTrace: on } : { detailedMetrics: on };
  }
  return askAccessLog(facade, current);
}

async function askAccessLog(facade: StageFacade, current: StageLoggingSettings): Promise<LoggingChange | undefined> {
  const presets: AccessLogPreset[] = ['CLF', 'JSON', 'XML', 'CSV'];
  const format = await pick<AccessLogPreset | 'custom' | 'off'>(
    [
      ...presets.map((p) => ({ label: p, detail: facade.accessLogFormat(current.kind, p), value: p })),
      { label: 'Custom format…', value: 'custom' },
      { label: 'Off', description: 'turn access logging off', value: 'off' },
    ],
    'Access log format',
  );
  if (format === undefined) return undefined;
  if (format === 'off') return { accessLog: false };
  const text =
    format === 'custom'
      ? await vscode.window.showInputBox({
          title: 'Custom access log format',
          prompt: 'One line of $context variables; it must name $context.requestId',
          value: current.accessLog?.format ?? '',
          ignoreFocusOut: true,
        })
      : facade.accessLogFormat(current.kind, format);
  if (text === undefined) return undefined;
  const destination = await vscode.window.showInputBox({
    title: 'Access log destination',
    prompt: 'A CloudWatch Logs log group name (created when missing), or a log group / Firehose stream ARN',
    value: current.accessLog?.destinationArn ?? facade.defaultAccessLogGroup(current.apiId, current.stage),
    ignoreFocusOut: true,
  });
  return destination === undefined ? undefined : { accessLog: { destination, format: text } };
}
