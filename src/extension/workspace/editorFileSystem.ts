import * as nodeFs from 'node:fs';
import * as vscode from 'vscode';
import type { ReadNowFileSystem } from './scanBudget';

/**
 * The cores' FileSystem over `vscode.workspace.fs`, except that a file open in an editor with unsaved changes
 * is served from the editor's text, so the explorer shows what the user sees.
 */
export function createEditorFileSystem(): ReadNowFileSystem {
  const openDirty = (path: string): vscode.TextDocument | undefined =>
    vscode.workspace.textDocuments.find((d) => d.isDirty && d.uri.scheme === 'file' && d.uri.fsPath === path);
  return {
    // With node:fs: `vscode.workspace.fs` serves `file:` paths from the same disk, in the extension host, but
    // only asynchronously.
    readNow(path: string, maxBytes: number): Uint8Array | undefined {
      if (openDirty(path)) return undefined;
      try {
        const stat = nodeFs.statSync(path);
        return stat.isFile() && stat.size <= maxBytes ? nodeFs.readFileSync(path) : undefined;
      } catch {
        return undefined;
      }
    },
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
