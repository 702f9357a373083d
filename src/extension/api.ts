import type * as vscode from 'vscode';
import type { ExplorerNode } from './explorer/nodes';
import type { PreviewSnapshot } from './preview/templatePreview';
import type { MockTestApi } from './mock';
import type { AwsTestApi } from './aws';
import type { DeployTestApi } from './deploy';

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
  /** The mapping-template preview (optional for older builds): what it last rendered, and each new render. */
  templatePreview?: {
    lastRender(): PreviewSnapshot | undefined;
    onDidRender: vscode.Event<PreviewSnapshot>;
  };
  /**
   * Milliseconds of loading the bundle (module evaluation) plus the `activate()` call: what VS Code counts as the
   * extension's activation (its code loading and activate call times). VS Code makes the ExtensionContext while
   * the bundle loads and calls `activate()` once both are done; the wait in between, in which it runs other
   * extensions, is in `timings.sinceLoadingMs` only.
   */
  activationTimeMs: number;
  timings: {
    /** Milliseconds of loading the bundle (its first line to its last). */
    loadingMs?: number;
    /** Milliseconds from the bundle starting to load to the end of `activate()`, VS Code's wait included. */
    sinceLoadingMs?: number;
    /** Milliseconds from the bundle starting to load to the end of the first workspace scan (set once it ends). */
    firstScanMs?: number;
  };
  /** The mock runtime in VS Code: running APIs, the Mock Requests view, the Invoke panel's last result. */
  mock?: MockTestApi;
  /** The AWS view of deployed APIs and its place (profile, region, endpoint). */
  aws?: AwsTestApi;
  /** Deploy API and Compare with Deployed: their questions, diagnostics and last plan. */
  deploy?: DeployTestApi;
}
