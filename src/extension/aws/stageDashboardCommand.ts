import type * as vscode from 'vscode';
import type { Command } from '../commands/commandRegistry';
import { UserError } from '../commands/commandRegistry';
import { openMetricsPanel } from '../metrics/metricsPanel';
import type { MetricsRender } from '../metrics/metricsRender';
import type { AwsConnection } from './awsConnection';
import { asAwsNode } from './awsNodes';
import { awsCommandIds } from './awsCommandIds';

/**
 * "Open Stage Dashboard" on a stage of the AWS view: the chart page of the stage's CloudWatch metrics (Count,
 * errors, latency…, the per-route table), over a window the page picks, refreshed while it is open. It only reads,
 * so it works in Restricted Mode too. Resolves with the page's first render (what it drew).
 */
export class OpenStageDashboardCommand implements Command {
  readonly id = awsCommandIds.openStageDashboard;

  constructor(
    private readonly connection: AwsConnection,
    private readonly context: vscode.ExtensionContext,
  ) {}

  async execute(arg?: unknown): Promise<MetricsRender> {
    const node = asAwsNode(arg);
    if (node?.kind !== 'aws.stage') {
      throw new UserError('Open Stage Dashboard needs a stage: right-click a stage in the AWS view.');
    }
    const { api, stage } = node;
    const { resolved } = await this.connection.connect();
    const { place } = resolved;
    const panel = openMetricsPanel(this.context, {
      key: `aws:${place.profile ?? ''}@${place.region}@${place.endpointUrl ?? ''}:${api.kind}:${api.id}:${stage.name}`,
      title: `${api.name} · ${stage.name}`,
      load: async (windowMs) => {
        const { facade, clients } = await this.connection.connect();
        if (!facade.getStageMetrics) throw new Error('This build of the AWS bundle cannot read CloudWatch metrics.');
        try {
          return await facade.getStageMetrics(clients, {
            api: { kind: api.kind, id: api.id, name: api.name },
            stage: stage.name,
            windowMs,
          });
        } catch (err) {
          const problem = this.connection.describe(err, 'GetMetricData');
          throw new Error(`Could not read the metrics of stage ${stage.name} of ${api.name}: ${problem.message}`);
        }
      },
    });
    return panel.nextRender();
  }
}
