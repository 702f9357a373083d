import * as vscode from 'vscode';
import type { GatewayApi } from '../../model';

/** An API of a definition file, as a command offers it to pick. */
export interface ApiCandidate {
  file: string;
  api: GatewayApi;
}

/**
 * The one candidate, or the one the user picks from a quick pick that shows each API's name, type and file
 * (undefined when the pick is dismissed). `options` are the quick pick's (title, placeholder...).
 */
export async function pickApi<T extends ApiCandidate>(
  candidates: readonly T[],
  options: vscode.QuickPickOptions,
): Promise<T | undefined> {
  if (candidates.length === 1) return candidates[0];
  const picked = await vscode.window.showQuickPick(
    candidates.map((candidate) => ({
      label: candidate.api.name,
      description: `${candidate.api.type} · ${vscode.workspace.asRelativePath(candidate.file)}`,
      candidate,
    })),
    options,
  );
  return picked?.candidate;
}
