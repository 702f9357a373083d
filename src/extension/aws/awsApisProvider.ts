import * as vscode from 'vscode';
import type { Logger } from '../../shared/logger';
import type { AwsNode } from './awsNodes';
import { presentAwsNode } from './awsPresentation';
import type { AwsTreeModel } from './awsTreeModel';

export { awsApisViewId } from './awsCommandIds';

const collapsibleStates = {
  none: vscode.TreeItemCollapsibleState.None,
  collapsed: vscode.TreeItemCollapsibleState.Collapsed,
  expanded: vscode.TreeItemCollapsibleState.Expanded,
} as const;

/**
 * The "AWS" view: the only place where AWS nodes become TreeItems. getChildren answers from the model at once
 * (a loading node while AWS is asked) and never throws; the model reports when a listing is ready.
 */
export class AwsApisProvider implements vscode.TreeDataProvider<AwsNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<AwsNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: { dispose(): void };

  constructor(
    private readonly model: AwsTreeModel,
    private readonly logger: Logger,
  ) {
    this.subscription = model.onDidChange((node) => this.changed.fire(node));
  }

  getChildren(element?: AwsNode): AwsNode[] {
    try {
      return this.model.children(element);
    } catch (err) {
      this.logger.error('AWS view: could not list the children of a node', err);
      const message = `Could not show this part of the AWS view: ${err instanceof Error ? err.message : String(err)}`;
      return [{ kind: 'aws.error', problem: { kind: 'service', message }, ...(element ? { retry: element } : {}) }];
    }
  }

  getParent(element: AwsNode): AwsNode | undefined {
    return this.model.getParent(element);
  }

  getTreeItem(node: AwsNode): vscode.TreeItem {
    const look = presentAwsNode(node);
    const item = new vscode.TreeItem(look.label, collapsibleStates[look.collapsible]);
    item.id = this.model.idOf(node);
    item.description = look.description;
    item.tooltip = look.tooltip;
    item.contextValue = look.contextValue;
    item.iconPath = new vscode.ThemeIcon(look.icon, look.iconColor ? new vscode.ThemeColor(look.iconColor) : undefined);
    if (look.command) {
      item.command = { command: look.command.id, title: look.command.title, arguments: [look.command.node] };
    }
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
