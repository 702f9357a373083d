import * as vscode from 'vscode';
import type { IndexedFile } from '../explorer/nodes';

/** The context key listing the workspace's definition files (editor title actions show on them). */
export const definitionFilesKey = 'apigw.definitionFiles';

/**
 * Keeps `apigw.definitionFiles` equal to the indexed files that define an API, from activation on: the editor
 * title's Deploy API… and Compare with Deployed show on them before the deploy feature is loaded.
 */
export function watchDefinitionFiles(
  files: () => IndexedFile[],
  onDidChangeFiles: vscode.Event<void>,
): vscode.Disposable {
  const update = (): void => {
    const list = files().flatMap((f) => (f.result.ok && f.result.definition.apis.length > 0 ? [f.file] : []));
    void vscode.commands.executeCommand('setContext', definitionFilesKey, list);
  };
  update();
  return onDidChangeFiles(update);
}
