import * as vscode from 'vscode';
import type { Logger } from '../../shared/logger';
import { UserError } from '../commands/commandRegistry';
import type { LocalApi } from './definitionPick';
import type { Questions } from './questions';
import { errorRefusal, warningQuestion, type FoundProblem } from './validationText';

/** The language server's answer for a document (ApiLanguageServer.documentDiagnostics). */
export interface DiagnosticsSource {
  documentDiagnostics(uri: vscode.Uri): Promise<Array<[vscode.Uri, vscode.Diagnostic[]]> | undefined>;
}

/** The `source` of the language server's diagnostics. */
const serverSource = 'API Gateway';

/**
 * Checks the definition before deploy with what the language server found: errors refuse (the Problems panel
 * opens on them), warnings ask "Deploy anyway?". Resolves to false when the user chose not to go on.
 */
export async function checkBeforeDeploy(
  local: LocalApi,
  server: DiagnosticsSource,
  questions: Questions,
  logger: Logger,
): Promise<boolean> {
  const uri = local.document.uri;
  let found: Array<[vscode.Uri, vscode.Diagnostic[]]> | undefined;
  try {
    found = await server.documentDiagnostics(uri);
  } catch (err) {
    logger.warn(`Deploy: the language server did not answer for ${uri.fsPath}; using the published diagnostics`, err);
  }
  found ??= [[uri, vscode.languages.getDiagnostics(uri).filter((d) => d.source === serverSource)]];
  const problems: FoundProblem[] = found.flatMap(([file, list]) =>
    list.flatMap((d): FoundProblem[] => {
      const severity =
        d.severity === vscode.DiagnosticSeverity.Error
          ? 'error'
          : d.severity === vscode.DiagnosticSeverity.Warning
            ? 'warning'
            : undefined;
      return severity === undefined
        ? []
        : [
            {
              severity,
              message: d.message,
              file: vscode.workspace.asRelativePath(file, false),
              line: d.range.start.line,
            },
          ];
    }),
  );
  const refusal = errorRefusal(
    local.api.name,
    problems.filter((p) => p.severity === 'error'),
  );
  if (refusal !== undefined) {
    void vscode.commands.executeCommand('workbench.actions.view.problems');
    throw new UserError(refusal);
  }
  const warning = warningQuestion(
    local.api.name,
    problems.filter((p) => p.severity === 'warning'),
  );
  if (warning === undefined) return true;
  const answer = await questions.ask({ kind: 'warnings', ...warning, choices: ['Deploy Anyway', 'Show Problems'] });
  if (answer === 'Show Problems') void vscode.commands.executeCommand('workbench.actions.view.problems');
  return answer === 'Deploy Anyway';
}
