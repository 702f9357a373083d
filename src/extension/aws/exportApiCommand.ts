import * as vscode from 'vscode';
import type { DeployedApiSummary } from '../../aws/types';
import type { Command } from '../commands/commandRegistry';
import { UserError } from '../commands/commandRegistry';
import { exportRefusal, exportStageNeed } from './awsActions';
import type { AwsConnection } from './awsConnection';
import { asAwsNode, type AwsApiNode } from './awsNodes';
import { awsCommandIds } from './awsPresentation';
import type { AwsTreeModel } from './awsTreeModel';

export type ExportFormat = 'yaml' | 'json';

/** What a caller (a test, another command) may decide instead of the pickers. */
export interface ExportOptions {
  format?: ExportFormat;
  stage?: string;
}

/**
 * "Export API…": a deployed API (REST from a stage, HTTP as it is or from a stage) as OpenAPI with API
 * Gateway's extensions, in YAML or JSON, opened in an untitled editor. Resolves to that document.
 */
export class ExportApiCommand implements Command {
  readonly id = awsCommandIds.exportApi;
  constructor(
    private readonly connection: AwsConnection,
    private readonly model: AwsTreeModel,
  ) {}

  async execute(arg?: unknown, options: ExportOptions = {}): Promise<vscode.TextDocument | undefined> {
    const node = asAwsNode(arg);
    const apiNode = node?.kind === 'aws.api' ? node : node?.kind === 'aws.stage' ? undefined : await this.pickApi();
    const api: DeployedApiSummary | undefined = node?.kind === 'aws.stage' ? node.api : apiNode?.api;
    if (!api) return undefined;
    const refusal = exportRefusal(api);
    if (refusal !== undefined) throw new UserError(refusal);
    let stage = options.stage ?? (node?.kind === 'aws.stage' ? node.stage.name : undefined);
    if (stage === undefined && apiNode) {
      const chosen = await this.chooseStage(apiNode);
      if (chosen === false) return undefined;
      stage = chosen;
    }
    const format = options.format ?? (await pickFormat());
    if (!format) return undefined;
    const { facade, clients } = await this.connection.connect();
    let text: string;
    try {
      text = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Exporting ${api.name}…` },
        () => facade.exportApi(clients, { kind: api.kind, apiId: api.id, format, ...(stage ? { stage } : {}) }),
      );
    } catch (err) {
      const problem = this.connection.describe(err, api.kind === 'REST' ? 'GetExport' : 'ExportApi');
      throw new UserError(`Could not export ${api.name}: ${problem.message}`);
    }
    const document = await vscode.workspace.openTextDocument({ content: text, language: format });
    await vscode.window.showTextDocument(document, { preview: false });
    return document;
  }

  /** The stage to export from (undefined: none), or false when the user cancelled. */
  private async chooseStage(apiNode: AwsApiNode): Promise<string | undefined | false> {
    if (apiNode.api.kind !== 'REST') return undefined;
    let details;
    try {
      details = await this.model.apiDetails(apiNode);
    } catch (err) {
      throw new UserError(`Could not list the stages of ${apiNode.api.name}: ${this.connection.describe(err).message}`);
    }
    const need = exportStageNeed(apiNode.api, details.stages);
    if ('refusal' in need) throw new UserError(need.refusal);
    if ('stage' in need) return need.stage;
    const picked = await vscode.window.showQuickPick(need.pick, { title: `Export ${apiNode.api.name} from stage` });
    return picked ?? false;
  }

  /** From the command palette: one of the APIs the AWS view lists (its first pages). */
  private async pickApi(): Promise<AwsApiNode | undefined> {
    const place = (await this.model.childrenWhenLoaded()).find((n) => n.kind === 'aws.place');
    const children = place ? await this.model.childrenWhenLoaded(place) : [];
    const apis = children.filter((n): n is AwsApiNode => n.kind === 'aws.api');
    if (apis.length === 0) {
      const problem = children.find((n) => n.kind === 'aws.error' || n.kind === 'aws.signIn');
      throw new UserError(
        problem && 'problem' in problem ? problem.problem.message : 'There is no API to export in this region.',
      );
    }
    const picked = await vscode.window.showQuickPick(
      apis.map((node) => ({ label: node.api.name, description: `${node.api.kind} · ${node.api.id}`, node })),
      { title: 'Export API', placeHolder: 'The deployed API to export', matchOnDescription: true },
    );
    return picked?.node;
  }
}

async function pickFormat(): Promise<ExportFormat | undefined> {
  const picked = await vscode.window.showQuickPick(
    [
      { label: 'YAML', format: 'yaml' as const },
      { label: 'JSON', format: 'json' as const },
    ],
    { title: 'Export API as' },
  );
  return picked?.format;
}
