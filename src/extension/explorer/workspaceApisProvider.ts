import * as vscode from 'vscode';
import type { GatewayApi } from '../../model';
import type { Logger } from '../../shared/logger';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { childrenOf, fileNode, locationOf, type ExplorerNode } from './nodes';
import { presentNode } from './presentation';

export const workspaceApisViewId = 'apigw.workspaceApis';

/** Marks shown after API items (the drift of deploy); `markOf` never blocks. */
export interface ApiMarkSource {
  markOf(file: string, api: GatewayApi): string | undefined;
  readonly onDidChange: vscode.Event<void>;
}

/**
 * The "Workspace APIs" tree: files → APIs → routes → integration, authorizers, templates, parameters.
 * The only place where explorer nodes become `vscode.TreeItem`s. getChildren reads the in-memory index only:
 * it never does I/O and never throws (a failure shows as an error node and is logged).
 */
export class WorkspaceApisProvider implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly parents = new WeakMap<ExplorerNode, ExplorerNode>();
  private readonly ids = new WeakMap<ExplorerNode, string>();
  private readonly subscription: vscode.Disposable;
  private marks: ApiMarkSource | undefined;

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly logger: Logger,
  ) {
    this.subscription = index.onDidChange(() => this.changed.fire(undefined));
  }

  getChildren(element?: ExplorerNode): ExplorerNode[] {
    try {
      const children = element ? childrenOf(element) : this.index.files().map(fileNode);
      this.remember(element, children);
      return children;
    } catch (err) {
      this.logger.error('Could not list the children of a Workspace APIs node', err);
      const message = `Could not show this part of the tree: ${err instanceof Error ? err.message : String(err)}. See the "API Gateway Studio" output.`;
      const file = element && 'file' in element && typeof element.file === 'string' ? element.file : '';
      return [
        {
          kind: 'problem',
          file,
          diagnostic: { range: zeroRange, severity: 'error', code: 'apigw.explorer.failed', message },
        },
      ];
    }
  }

  getParent(element: ExplorerNode): ExplorerNode | undefined {
    return this.parents.get(element);
  }

  /**
   * Adds a mark after each API's description (deploy's drift: "in sync", "changed", "not deployed"), asked for
   * when the item is drawn; the tree redraws when the marks change.
   */
  decorate(marks: ApiMarkSource): vscode.Disposable {
    this.marks = marks;
    const subscription = marks.onDidChange(() => this.changed.fire(undefined));
    return {
      dispose: () => {
        subscription.dispose();
        if (this.marks === marks) this.marks = undefined;
      },
    };
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    const look = presentNode(node, relativePath);
    if (node.kind === 'api' && this.marks !== undefined) {
      const parent = this.parents.get(node);
      const mark = this.marks.markOf(parent?.kind === 'file' ? parent.file : node.api.loc.file, node.api);
      if (mark !== undefined) look.description = look.description ? `${look.description} · ${mark}` : mark;
    }
    const item = new vscode.TreeItem(
      look.label,
      look.collapsible ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
    );
    item.id = this.ids.get(node);
    item.description = look.description;
    item.tooltip = look.tooltip;
    item.contextValue = look.contextValue;
    item.iconPath = new vscode.ThemeIcon(look.icon, look.iconColor ? new vscode.ThemeColor(look.iconColor) : undefined);
    if (node.kind === 'file') item.resourceUri = vscode.Uri.file(node.file);
    if (node.kind === 'file' || locationOf(node)) {
      item.command = { command: 'apigw.openDefinition', title: 'Open Definition', arguments: [node] };
    }
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  /** Parents (for reveal) and stable ids (so expansion survives a refresh) of freshly built nodes. */
  private remember(parent: ExplorerNode | undefined, children: ExplorerNode[]): void {
    const parentId = parent ? (this.ids.get(parent) ?? '?') : '';
    const used = new Map<string, number>();
    for (const child of children) {
      if (parent) this.parents.set(child, parent);
      const base = `${parentId}/${child.kind}:${presentNode(child, (f) => f).label}`;
      const n = used.get(base) ?? 0;
      used.set(base, n + 1);
      this.ids.set(child, n === 0 ? base : `${base}#${n}`);
    }
  }
}

const zeroRange = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function relativePath(file: string): string {
  const multiRoot = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
  return vscode.workspace.asRelativePath(vscode.Uri.file(file), multiRoot);
}
