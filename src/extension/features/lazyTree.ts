import * as vscode from 'vscode';
import type { Lazy } from './lazy';

/**
 * A view's data provider registered at activation for a tree that lives in a feature bundle: the first
 * getChildren (the view shown or expanded) loads the feature; everything is then asked of the feature's
 * provider, and its change events pass through.
 */
export class LazyTreeDataProvider<T, F extends { provider: vscode.TreeDataProvider<T> }>
  implements vscode.TreeDataProvider<T>, vscode.Disposable
{
  private readonly changed = new vscode.EventEmitter<T | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private subscription: vscode.Disposable | undefined;

  constructor(private readonly feature: Lazy<F>) {
    feature.whenMade(({ provider }) => {
      this.subscription = provider.onDidChangeTreeData?.((node) =>
        this.changed.fire(Array.isArray(node) ? undefined : (node ?? undefined)),
      );
    });
  }

  getChildren(element?: T): vscode.ProviderResult<T[]> {
    return this.feature.get().provider.getChildren(element);
  }

  getTreeItem(element: T): vscode.TreeItem | Thenable<vscode.TreeItem> {
    return this.feature.get().provider.getTreeItem(element);
  }

  getParent(element: T): vscode.ProviderResult<T> {
    return this.feature.get().provider.getParent?.(element);
  }

  dispose(): void {
    this.subscription?.dispose();
    this.changed.dispose();
  }
}
