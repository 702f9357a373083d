import * as vscode from 'vscode';
import type { Diagnostic } from '../../shared/diagnostic';

export const deployDiagnosticsName = 'apigw-deploy';

/**
 * The 'apigw-deploy' diagnostics: what stopped a deploy before anything was sent (an intrinsic only CloudFormation
 * can compute, a body over the import limit) and the warnings and errors API Gateway returned on import, at the
 * operation or key they name. Cleared on the next deploy of the definition, and on a file when it changes.
 */
export class DeployDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(deployDiagnosticsName);
  /** The files each definition's last deploy put diagnostics on (a $ref'd file too). */
  private readonly filesOf = new Map<string, Set<string>>();
  private readonly subscription: vscode.Disposable;

  constructor() {
    this.subscription = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length > 0 && this.collection.has(e.document.uri)) this.collection.delete(e.document.uri);
    });
  }

  /** Replaces what the last deploy of `definition` showed with `diagnostics` (none: just clears). */
  show(definition: string, diagnostics: ReadonlyArray<Diagnostic & { file?: string }> = []): void {
    this.clear(definition);
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const d of diagnostics) {
      const file = d.file ?? definition;
      const list = byFile.get(file) ?? [];
      list.push(toVscode(d));
      byFile.set(file, list);
    }
    for (const [file, list] of byFile) this.collection.set(vscode.Uri.file(file), list);
    this.filesOf.set(definition, new Set(byFile.keys()));
  }

  clear(definition: string): void {
    for (const file of this.filesOf.get(definition) ?? []) this.collection.delete(vscode.Uri.file(file));
    this.filesOf.delete(definition);
  }

  get(uri: vscode.Uri): readonly vscode.Diagnostic[] {
    return this.collection.get(uri) ?? [];
  }

  dispose(): void {
    this.subscription.dispose();
    this.collection.dispose();
  }
}

const severities: Record<Diagnostic['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

function toVscode(d: Diagnostic): vscode.Diagnostic {
  const { start, end } = d.range;
  const range = new vscode.Range(start.line, start.character, end.line, end.character);
  const diagnostic = new vscode.Diagnostic(range, d.message, severities[d.severity]);
  diagnostic.source = 'API Gateway deploy';
  diagnostic.code = d.code;
  return diagnostic;
}
