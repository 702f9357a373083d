import * as vscode from 'vscode';
import { looksLikeApiDefinition, readDefinition } from '../../model';
import type { FileSystem } from '../../shared/fileSystem';
import type { RouteReference } from './invokeTargets';

export const invokeRouteCommandId = 'apigw.invokeRoute';
/** Invoke Route on AWS (src/extension/awsInvoke), offered beside the local invoke when the API has an AWS target. */
export const invokeRouteOnAwsCommandId = 'apigw.invokeRouteOnAws';

/** Whether a definition's API has an AWS target (deployed from here, or picked for an invoke before). */
export interface AwsLensTargets {
  has(file: string, apiName: string): boolean;
  onDidChange(listener: () => void): vscode.Disposable;
}

/** Languages whose files may hold an API definition. */
export const definitionSelector: vscode.DocumentSelector = [
  { scheme: 'file', language: 'yaml' },
  { scheme: 'file', language: 'json' },
  { scheme: 'file', language: 'jsonc' },
];

/**
 * "Invoke Route Locally" above each operation of a REST or HTTP API in an open definition, found through
 * the model's `Route.loc`, and "Invoke on AWS" beside it when the API has an AWS target to send to. Off in
 * untrusted workspaces and when `apigw.codeLens.enable` is false.
 */
export class RouteCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(
    private readonly fs: FileSystem,
    private readonly aws?: AwsLensTargets,
  ) {
    if (aws) this.disposables.push(aws.onDidChange(() => this.changed.fire()));
    this.disposables.push(
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.changed.fire()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('apigw.codeLens.enable')) this.changed.fire();
      }),
    );
  }

  async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    if (!vscode.workspace.isTrusted) return [];
    if (!vscode.workspace.getConfiguration('apigw.codeLens', document.uri).get<boolean>('enable', true)) return [];
    const text = document.getText();
    if (!looksLikeApiDefinition(text)) return [];
    const file = document.uri.fsPath;
    const read = await readDefinition(file, { fs: this.fs, text });
    if (!read.ok || token.isCancellationRequested) return [];
    const lenses: vscode.CodeLens[] = [];
    for (const api of read.definition.apis) {
      if (api.type !== 'REST' && api.type !== 'HTTP') continue;
      const onAws = this.aws?.has(file, api.name) === true;
      for (const route of api.routes) {
        if (route.loc.file !== file) continue;
        const start = new vscode.Position(route.loc.range.start.line, route.loc.range.start.character);
        const reference: RouteReference = { file, apiName: api.name, method: route.method, path: route.path };
        lenses.push(
          new vscode.CodeLens(new vscode.Range(start, start), {
            title: `$(play) Invoke ${route.method} ${route.path} locally`,
            tooltip: `Send a request to ${route.method} ${route.path} of ${api.name} through the local mock API`,
            command: invokeRouteCommandId,
            arguments: [reference],
          }),
        );
        if (!onAws) continue;
        lenses.push(
          new vscode.CodeLens(new vscode.Range(start, start), {
            title: '$(cloud) Invoke on AWS',
            tooltip: `Send a request to ${route.method} ${route.path} of ${api.name} as deployed on AWS`,
            command: invokeRouteOnAwsCommandId,
            arguments: [reference],
          }),
        );
      }
    }
    return lenses;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
