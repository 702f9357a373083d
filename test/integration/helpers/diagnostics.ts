import * as vscode from 'vscode';
import { waitFor } from './extension';

/** The language server's diagnostics for a document (other extensions' are left out). */
export function apiDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'API Gateway');
}

/** "code@line:char-line:char" of a diagnostic, 0-based as in LSP. */
export function describeDiagnostic(d: vscode.Diagnostic): string {
  const code = typeof d.code === 'object' ? String(d.code.value) : String(d.code);
  const { start, end } = d.range;
  return `${code}@${start.line}:${start.character}-${end.line}:${end.character}`;
}

/** Polls (with a deadline) until the document's diagnostics, described, equal `expected`. */
export async function waitForDiagnostics(uri: vscode.Uri, expected: string[], timeoutMs = 30_000): Promise<void> {
  let last: string[] = [];
  await waitFor(
    `diagnostics ${JSON.stringify(expected)} on ${uri.fsPath}`,
    () => {
      last = apiDiagnostics(uri).map(describeDiagnostic);
      if (JSON.stringify(last) === JSON.stringify(expected)) return true;
      throw new Error(`last seen ${JSON.stringify(last)}`);
    },
    timeoutMs,
  );
}
