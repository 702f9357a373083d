import * as vscode from 'vscode';
import type { Range } from '../../shared/range';
import { locationOf } from '../explorer/nodes';
import { routeLabel } from '../explorer/presentation';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import type { Command } from './commandRegistry';
import { asExplorerNode } from './nodeArgument';
import { revealLocation } from './revealLocation';

interface RoutePick extends vscode.QuickPickItem {
  file: string;
  range: Range;
}

/**
 * Opens the definition of an explorer node (a file, API, route, integration, problem...) with its source range
 * selected. From the command palette, it offers every route of the workspace in a QuickPick.
 */
export class OpenDefinitionCommand implements Command {
  readonly id = 'apigw.openDefinition';

  constructor(private readonly index: WorkspaceIndex) {}

  async execute(arg?: unknown): Promise<'opened' | 'cancelled'> {
    const node = asExplorerNode(arg);
    if (node) {
      const loc = locationOf(node);
      const file = loc?.file ?? (node.kind === 'file' ? node.file : undefined);
      if (!file) return 'cancelled';
      await revealLocation(file, loc?.range);
      return 'opened';
    }
    const pick = await vscode.window.showQuickPick(this.routePicks(), {
      title: 'Open API Route',
      placeHolder: 'Route to open (type to filter by method, path, API or file)',
      matchOnDescription: true,
      matchOnDetail: true,
    });
    if (!pick) return 'cancelled';
    await revealLocation(pick.file, pick.range);
    return 'opened';
  }

  private async routePicks(): Promise<RoutePick[]> {
    await this.index.whenIdle();
    const picks: RoutePick[] = [];
    for (const entry of this.index.files()) {
      if (!entry.result.ok) continue;
      for (const api of entry.result.definition.apis) {
        for (const route of api.routes) {
          picks.push({
            label: routeLabel(api, route),
            description: `${api.name} (${api.type})`,
            detail: vscode.workspace.asRelativePath(route.loc.file),
            file: route.loc.file,
            range: route.loc.range,
          });
        }
      }
    }
    return picks;
  }
}
