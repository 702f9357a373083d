import * as vscode from 'vscode';
import type { PlaceSettings } from './awsPlace';

/** The `apigw.aws.*` settings (the place) as they apply now; bad values count as not set. */
export function readPlaceSettings(): PlaceSettings {
  const config = vscode.workspace.getConfiguration('apigw.aws');
  const text = (name: string): string => {
    const value = config.get<unknown>(name);
    return typeof value === 'string' ? value.trim() : '';
  };
  return { profile: text('profile'), region: text('region'), endpointUrl: text('endpointUrl') };
}

/** `apigw.deploy.failOnWarnings` for a definition (default on: an import warning stops the deploy). */
export function failOnWarnings(scope?: vscode.Uri): boolean {
  return vscode.workspace.getConfiguration('apigw.deploy', scope).get<boolean>('failOnWarnings', true) !== false;
}

/** Whether a configuration change moves AWS calls elsewhere. */
export function affectsPlace(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration('apigw.aws');
}

/**
 * Writes a place setting for the user (Global). When this workspace sets it too, that value would still win, so
 * it is changed as well: the choice the user just made is the one that applies. (The settings have window
 * scope: no folder can set them.)
 */
export async function writePlaceSetting(name: 'profile' | 'region', value: string): Promise<void> {
  const config = vscode.workspace.getConfiguration('apigw.aws');
  await config.update(name, value, vscode.ConfigurationTarget.Global);
  const inspected = config.inspect<string>(name);
  if (inspected?.workspaceValue !== undefined) {
    await config.update(name, value, vscode.ConfigurationTarget.Workspace);
  }
}
