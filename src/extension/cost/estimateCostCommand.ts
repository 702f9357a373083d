import * as vscode from 'vscode';
import { comparedTypes, estimatesOf, importDropsOf } from './costComparison';
import type { FileSystem } from '../../shared/fileSystem';
import type { Logger } from '../../shared/logger';
import type { AwsConnection } from '../aws/awsConnection';
import { UserError, type Command } from '../commands/commandRegistry';
import { pickLocalApi } from '../deploy/definitionPick';
import type { IndexedFile } from '../explorer/nodes';
import { askCache, askUsage } from './costQuestions';
import type { CostDocuments } from './costDocuments';
import { describeUsage, renderCostReport } from './costReport';
import { pricesForDefinition } from './costPrices';

export const estimateCostCommandId = 'apigw.estimateCost';

/**
 * "Estimate Monthly Cost" on a definition (a Workspace APIs node, an editor, or the palette, which asks for the
 * API): asks the monthly usage, then shows REST and HTTP side by side with what an import as the other type would
 * drop (a WebSocket API: messages and connection minutes) in a read-only document. Resolves to the text shown.
 */
export class EstimateCostCommand implements Command {
  readonly id = estimateCostCommandId;

  constructor(
    private readonly deps: {
      files: () => IndexedFile[];
      fs: FileSystem;
      connection: AwsConnection;
      logger: Logger;
      documents: CostDocuments;
    },
  ) {}

  async execute(arg?: unknown): Promise<string | undefined> {
    const local = await pickLocalApi(arg, this.deps.files(), this.deps.fs, 'estimate the cost of');
    if (local === undefined) return undefined;
    const { api } = local;
    const title = `Estimate the monthly cost of ${api.name}`;
    const usage = await askUsage(api.type === 'WEBSOCKET', title);
    if (usage === undefined) return undefined;
    if (api.type === 'REST') {
      const cacheGb = await askCache(title);
      if (cacheGb === undefined) return undefined;
      if (cacheGb !== null) usage.cacheGb = cacheGb;
    }
    const table = await pricesForDefinition(this.deps.connection, this.deps.logger);
    const result = estimatesOf(comparedTypes(api.type), usage, table);
    if (!result.ok) throw new UserError(result.error);
    const drops = importDropsOf(api);
    const text = renderCostReport({
      title: api.name,
      subject: vscode.workspace.asRelativePath(local.document.uri),
      apiType: api.type,
      estimates: result.estimates,
      usage: describeUsage(usage),
      ...(drops !== undefined ? { importDrops: drops } : {}),
    });
    await this.deps.documents.show(`Cost of ${api.name}`, text);
    return text;
  }
}
