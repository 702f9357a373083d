import type * as vscode from 'vscode';
import type { ExplorerNode } from './explorer/nodes';

/** What `activate()` returns: read by the integration tests and the benchmark. Not a stable public API. */
export interface ExtensionApi {
  workspaceApis: {
    /** Resolves when no scan, debounced edit or file read is pending. */
    whenIdle(): Promise<void>;
    /** The tree's data provider (getChildren / getTreeItem / getParent). */
    tree: {
      getChildren(element?: ExplorerNode): ExplorerNode[];
      getTreeItem(element: ExplorerNode): vscode.TreeItem;
      getParent(element: ExplorerNode): ExplorerNode | undefined;
    };
    view: vscode.TreeView<ExplorerNode>;
  };
  /** How long `activate()` itself took, in milliseconds. */
  activationTimeMs: number;
}
