import * as vscode from 'vscode';
import { ReadOnlyDocuments } from '../deploy/readOnlyDocuments';

export const costScheme = 'apigw-cost';

/** The estimate documents: read-only Markdown, one per API or stage, shown beside the editor. */
export class CostDocuments implements vscode.Disposable {
  readonly documents = new ReadOnlyDocuments(costScheme);
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(costScheme, this.documents);

  /** Shows `text` as `/name.md` (an open document on it shows the new text); resolves to its editor. */
  async show(name: string, text: string): Promise<vscode.TextEditor> {
    const uri = this.documents.set(`/${name.replace(/[\\/:*?"<>|]/g, '-')}.md`, text);
    const document = await vscode.workspace.openTextDocument(uri);
    if (document.languageId !== 'markdown') await vscode.languages.setTextDocumentLanguage(document, 'markdown');
    return vscode.window.showTextDocument(document, { preview: false });
  }

  dispose(): void {
    this.registration.dispose();
    this.documents.dispose();
  }
}
