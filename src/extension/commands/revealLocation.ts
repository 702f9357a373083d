import * as vscode from 'vscode';
import type { Range } from '../../shared/range';

/** Opens `file` and selects `range` (or just opens it), scrolling the selection into view. */
export async function revealLocation(file: string, range?: Range): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  const selection = range
    ? new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character)
    : undefined;
  const editor = await vscode.window.showTextDocument(document, { preview: true, selection });
  if (selection) editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}
