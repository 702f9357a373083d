import * as vscode from 'vscode';
import type { Logger } from '../../shared/logger';
import type { AwsConnection, Connected } from '../aws/awsConnection';
import { asAwsNode, type AwsStageNode } from '../aws/awsNodes';
import { UserError, type Command } from '../commands/commandRegistry';
import { askCache, askUsage, type UsageDefaults } from './costQuestions';
import type { CostDocuments } from './costDocuments';
import { pricesThrough } from './costPrices';
import { describeUsage, renderCostReport } from './costReport';
import { comparedTypes, estimatesOf, totalOf } from './costComparison';

export const estimateStageCostCommandId = 'apigw.estimateStageCost';

const DAY_MS = 86_400_000;
const WINDOW_DAYS = 30;

/** The metric a stage's usage is measured by: requests (REST, HTTP) or messages (WebSocket). */
const measuredMetric = (kind: AwsStageNode['api']['kind']): string => (kind === 'WEBSOCKET' ? 'MessageCount' : 'Count');

/**
 * "Estimate Monthly Cost" on a deployed stage (AWS view): the usage questions start from the stage's last 30 days
 * of requests (CloudWatch `Count`; WebSocket: `MessageCount`), and the prices are the region's from the AWS Price
 * List API (the built-in table when they cannot be read, saying why). Resolves to the text shown.
 */
export class EstimateStageCostCommand implements Command {
  readonly id = estimateStageCostCommandId;

  constructor(private readonly deps: { connection: AwsConnection; logger: Logger; documents: CostDocuments }) {}

  async execute(arg?: unknown): Promise<string | undefined> {
    const node = asAwsNode(arg);
    if (node?.kind !== 'aws.stage')
      throw new UserError('Estimate the cost of a stage from the AWS view: right-click a stage.');
    const { api, stage } = node;
    const { connection, logger } = this.deps;
    let connected: Connected;
    try {
      connected = await connection.connect();
    } catch (error) {
      throw new UserError(`Cannot reach AWS: ${connection.describe(error).message}`);
    }
    const region = connected.resolved.place.region;
    const metric = measuredMetric(api.kind);
    const measured = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: `Reading ${stage.name}'s last ${WINDOW_DAYS} days of ${metric}…`,
      },
      () => this.measure(connected, node, metric),
    );
    const defaults: UsageDefaults = {};
    if (typeof measured === 'number') {
      if (api.kind === 'WEBSOCKET') defaults.messages = String(measured);
      else defaults.requests = String(measured);
    }
    const title = `Estimate the monthly cost of ${api.name} · ${stage.name}`;
    const usage = await askUsage(api.kind === 'WEBSOCKET', title, defaults);
    if (usage === undefined) return undefined;
    if (api.kind === 'REST') {
      const cacheGb = await askCache(title);
      if (cacheGb === undefined) return undefined;
      if (cacheGb !== null) usage.cacheGb = cacheGb;
    }
    const table = await pricesThrough(connected, region, connection, logger);
    const result = estimatesOf(comparedTypes(api.kind), usage, table);
    if (!result.ok) throw new UserError(result.error);
    const text = renderCostReport({
      title: `${api.name} · ${stage.name}`,
      subject: `stage ${stage.name} of ${api.id} in ${region}`,
      apiType: api.kind,
      estimates: result.estimates,
      usage: describeUsage(usage),
      measured:
        typeof measured === 'number'
          ? `CloudWatch ${metric} of the last ${WINDOW_DAYS} days: ${measured.toLocaleString('en-US')}`
          : `nothing measured (${measured})`,
    });
    await this.deps.documents.show(`Cost of ${api.name} ${stage.name}`, text);
    return text;
  }

  /** The stage's total of `metric` over the last 30 days, or why there is none. */
  private async measure(connected: Connected, node: AwsStageNode, metric: string): Promise<number | string> {
    const { facade, clients } = connected;
    if (facade.getStageMetrics === undefined) return 'the metrics reader is not available';
    try {
      const report = await facade.getStageMetrics(clients, {
        api: { kind: node.api.kind, id: node.api.id, name: node.api.name },
        stage: node.stage.name,
        windowMs: WINDOW_DAYS * DAY_MS,
        periodSeconds: 86_400,
      });
      return totalOf(report, metric) ?? `CloudWatch holds no ${metric} for the stage in the last ${WINDOW_DAYS} days`;
    } catch (error) {
      const problem = this.deps.connection.describe(error, 'GetMetricData');
      this.deps.logger.info(`Cost: could not read ${metric} of ${node.stage.name}: ${problem.message}`);
      return `CloudWatch could not be read: ${problem.message}`;
    }
  }
}
