import * as vscode from 'vscode';
import { requestDescription, requestLabel, requestWarnings, type RequestEntry, type RequestLog } from './requestLog';
import { traceMarkdown } from './traceDocument';

export const mockRequestsViewId = 'apigw.mockRequests';
export const showMockRequestCommandId = 'apigw.showMockRequest';
/** Read-only documents holding a request's trace: `apigw-mock-trace:/<id>/<METHOD path>.md`. */
export const traceScheme = 'apigw-mock-trace';

/** The "Mock Requests" view: every request the running mock APIs answered, newest first. */
export class MockRequestsProvider implements vscode.TreeDataProvider<RequestEntry>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<RequestEntry | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: { dispose(): void };

  constructor(private readonly log: RequestLog) {
    this.subscription = log.onChange(() => this.changed.fire(undefined));
  }

  getChildren(element?: RequestEntry): RequestEntry[] {
    return element ? [] : this.log.list();
  }

  getTreeItem(entry: RequestEntry): vscode.TreeItem {
    const item = new vscode.TreeItem(requestLabel(entry), vscode.TreeItemCollapsibleState.None);
    item.description = requestDescription(entry);
    const warnings = requestWarnings(entry);
    item.tooltip = [
      `${entry.api} · ${entry.at.toLocaleTimeString()} · request id ${entry.event.requestId}`,
      ...warnings.map((w) => `⚠ ${w}`),
    ].join('\n');
    const status = entry.event.status;
    item.iconPath =
      status >= 500
        ? new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'))
        : status >= 400 || warnings.length > 0
          ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'))
          : new vscode.ThemeIcon('pass');
    item.contextValue = 'apigw.mockRequest';
    item.command = { title: 'Show Trace', command: showMockRequestCommandId, arguments: [entry] };
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

/** Serves the trace documents (read-only: VS Code cannot save a content provider's document). */
export class TraceDocuments implements vscode.TextDocumentContentProvider {
  constructor(private readonly log: RequestLog) {}

  static uriFor(entry: RequestEntry): vscode.Uri {
    const name = `${entry.event.method} ${entry.event.path}`.replace(/[/\\?#%*:|"<>]/g, '_');
    return vscode.Uri.from({ scheme: traceScheme, path: `/${entry.id}/${name}.md` });
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const id = Number(uri.path.split('/')[1]);
    const entry = this.log.get(id);
    if (!entry) return `# Request ${id} is no longer in the log\n\nThe log keeps the last 200 requests.\n`;
    return traceMarkdown(entry.api, entry.at, entry.event);
  }
}
