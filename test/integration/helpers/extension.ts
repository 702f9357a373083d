import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../src/extension/api';
import type { ExplorerNode } from '../../../src/extension/explorer/nodes';

export const extensionId = 'api-gateway-studio.api-gateway-studio';

export function extension(): vscode.Extension<ExtensionApi> {
  const ext = vscode.extensions.getExtension<ExtensionApi>(extensionId);
  if (!ext) throw new Error(`Extension ${extensionId} is not installed in this VS Code`);
  return ext;
}

/** The extension's test API (activating it if needed). */
export async function extensionApi(): Promise<ExtensionApi> {
  return extension().activate();
}

/** Polls `check` until it returns a value other than undefined, or fails with `what` after the deadline. */
export async function waitFor<T>(
  what: string,
  check: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('The integration tests need a workspace folder (a copy of examples/)');
  return folder.uri.fsPath;
}

/** A tree node with its TreeItem, and its children when asked for. */
export interface Shown {
  node: ExplorerNode;
  item: vscode.TreeItem;
  label: string;
  description?: string;
}

export function show(api: ExtensionApi, node: ExplorerNode): Shown {
  const item = api.workspaceApis.tree.getTreeItem(node);
  const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
  const description = typeof item.description === 'string' ? item.description : undefined;
  return { node, item, label, description };
}

export function children(api: ExtensionApi, parent?: ExplorerNode): Shown[] {
  return api.workspaceApis.tree.getChildren(parent).map((n) => show(api, n));
}

/** Finds a child by label, failing with the labels that exist. */
export function child(api: ExtensionApi, parent: ExplorerNode | undefined, label: string): Shown {
  const all = children(api, parent);
  const found = all.find((c) => c.label === label);
  if (!found) throw new Error(`No tree item "${label}" among: ${all.map((c) => c.label).join(', ')}`);
  return found;
}

/** files → "API (TYPE)" → route labels, as a plain object for deepStrictEqual. */
export function outline(api: ExtensionApi): Record<string, Record<string, string[]>> {
  const out: Record<string, Record<string, string[]>> = {};
  for (const file of children(api)) {
    const apis: Record<string, string[]> = {};
    for (const a of children(api, file.node).filter((c) => c.item.contextValue === 'apigw.api')) {
      apis[`${a.label} (${a.description ?? ''})`] = children(api, a.node)
        .filter((r) => r.item.contextValue === 'apigw.route')
        .map((r) => r.label);
    }
    out[file.label] = apis;
  }
  return out;
}

/** Runs a tree item's own command (what a click does). */
export async function click(shown: Shown): Promise<void> {
  const command = shown.item.command;
  if (!command) throw new Error(`Tree item "${shown.label}" has no command`);
  await vscode.commands.executeCommand(command.command, ...((command.arguments ?? []) as unknown[]));
}
