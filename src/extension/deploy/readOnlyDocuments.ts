import * as vscode from 'vscode';

/**
 * Read-only virtual documents of one scheme (the deploy plan, the normalised deployed and local definitions of
 * Compare with Deployed): the text is set by path, and VS Code shows such documents read-only.
 */
export class ReadOnlyDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(readonly scheme: string) {}

  /** Sets the text at `path` ("/plan/Pets.txt"); a document already open on it shows the new text. */
  set(path: string, text: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: this.scheme, path });
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
    return uri;
  }

  /**
   * Sets `text` as a document named for `title` and shows it beside the editor without taking the focus, as a plan
   * is shown before its confirmation (so it can be read while deciding).
   */
  async showBeside(title: string, text: string): Promise<vscode.Uri> {
    const uri = this.set(`/${title.replace(/[\\/:*?"<>|#]/g, '_')}.txt`, text);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), {
      viewColumn: vscode.ViewColumn.Beside,
      preview: true,
      preserveFocus: true,
    });
    return uri;
  }

  get(uri: vscode.Uri): string | undefined {
    return this.texts.get(uri.toString());
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? 'This document is no longer available: run the command again.\n';
  }

  dispose(): void {
    this.changed.dispose();
  }
}
