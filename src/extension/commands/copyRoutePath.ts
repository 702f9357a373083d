import * as vscode from 'vscode';
import type { Command } from './commandRegistry';
import { UserError } from './commandRegistry';
import { asExplorerNode } from './nodeArgument';

/** Copies a route's path (`/pets/{petId}`) to the clipboard. */
export class CopyRoutePathCommand implements Command {
  readonly id = 'apigw.copyRoutePath';

  async execute(arg?: unknown): Promise<string> {
    const node = asExplorerNode(arg);
    if (node?.kind !== 'route') {
      throw new UserError('Copy Route Path needs a route: right-click a route in the Workspace APIs view.');
    }
    await vscode.env.clipboard.writeText(node.route.path);
    vscode.window.setStatusBarMessage(`Copied ${node.route.path}`, 3000);
    return node.route.path;
  }
}
