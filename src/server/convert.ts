// The language service's shapes to LSP's. The service already speaks LSP positions; only severity and the
// "problem in another file" case need translating.
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { Diagnostic, Severity } from '../shared/diagnostic';

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export const diagnosticSource = 'API Gateway';

export function toLspDiagnostic(d: Diagnostic): LspDiagnostic {
  return {
    range: d.range,
    severity: severities[d.severity],
    code: d.code,
    source: diagnosticSource,
    message: d.message,
  };
}
