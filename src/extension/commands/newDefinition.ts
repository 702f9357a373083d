import * as vscode from 'vscode';
import type { Command } from './commandRegistry';
import { definitionSkeleton, type SkeletonKind } from './skeletons';

interface KindPick extends vscode.QuickPickItem {
  apiKind: SkeletonKind;
}

const picks: KindPick[] = [
  {
    apiKind: 'HTTP',
    label: 'HTTP API',
    detail: 'Low-latency API with Lambda or HTTP proxy integrations, JWT authorizers and CORS',
  },
  {
    apiKind: 'REST',
    label: 'REST API',
    detail: 'Full-featured API with mapping templates, request validation, API keys and usage plans',
  },
];

/** Opens an untitled YAML document holding a small, valid API Gateway OpenAPI 3 definition. */
export class NewDefinitionCommand implements Command {
  readonly id = 'apigw.newDefinition';

  /** `kind` skips the QuickPick (for callers that already know, such as tests and walkthroughs). */
  async execute(kind?: unknown): Promise<vscode.TextDocument | undefined> {
    const chosen = kind === 'REST' || kind === 'HTTP' ? kind : (await this.pick())?.apiKind;
    if (!chosen) return undefined;
    const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: definitionSkeleton(chosen) });
    await vscode.window.showTextDocument(document);
    return document;
  }

  private pick(): Thenable<KindPick | undefined> {
    return vscode.window.showQuickPick(picks, { title: 'New API Gateway Definition', placeHolder: 'Kind of API' });
  }
}
