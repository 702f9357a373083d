import * as vscode from 'vscode';
import type { FileSystem } from '../../shared/fileSystem';

/**
 * The cores' FileSystem over `vscode.workspace.fs`, except that a file open in an editor with unsaved changes
 * is served from the editor's text, so the explorer shows what the user sees.
 */
export function createEditorFileSystem(): FileSystem {
  const openDirty = (path: string): vscode.TextDocument | undefined =>
    vscode.workspace.textDocuments.find((d) => d.isDirty && d.uri.scheme === 'file' && d.uri.fsPath === path);
  return {
    async readFile(path: string): Promise<Uint8Array> {
      const doc = openDirty(path);
      if (doc) return new TextEncoder().encode(doc.getText());
      try {
        return await vscode.workspace.fs.readFile(vscode.Uri.file(path));
      } catch (err) {
        throw new Error(`Cannot read ${path}: ${err instanceof Error ? err.message : String(err)}`);
      }
    },
    async size(path: string): Promise<number | undefined> {
      const doc = openDirty(path);
      if (doc) return Buffer.byteLength(doc.getText());
      try {
        const stat = await vscode.workspace.fs.stat(vscode.Uri.file(path));
        return stat.type & vscode.FileType.File ? stat.size : undefined;
      } catch {
        return undefined;
      }
    },
  };
}
