import type * as vscode from 'vscode';
import type { InvokeComparison } from './invokePanel';
import type { InvokeResult } from './invokeResult';
import type { RequestEntry } from './requestLog';

// A module of its own: the activation side (index.ts) and the mock feature bundle (features/mock.ts), which
// index.ts loads, both make parts of it.

/** What the integration tests see of the mock runtime in VS Code. Not a stable API. */
export interface MockTestApi {
  sessions(): Array<{ file: string; apiName: string; url: string; problem?: string }>;
  /** The Mock Requests view's entries, newest first. */
  requests(): RequestEntry[];
  requestsView: vscode.TreeDataProvider<RequestEntry>;
  /** Sends the Invoke panel's form (optionally with other values), as the webview's Send button does. */
  sendInvoke(form?: unknown): Promise<InvokeResult>;
  lastInvokeResult(): InvokeResult | undefined;
  /** Sends the Invoke panel's form to its AWS target, as Send does with "AWS" chosen. */
  sendInvokeOnAws(form?: unknown): Promise<InvokeResult>;
  /** Sends the form to the local mock and to AWS, as "Compare local and AWS" does. */
  compareInvoke(form?: unknown): Promise<InvokeComparison>;
  lastInvokeComparison(): InvokeComparison | undefined;
  /** The Invoke panel's title, the targets it offers and which one Send uses. */
  invokePanelState(): { title: string; local?: string; remote?: string; mode: 'local' | 'remote' } | undefined;
  /** The request id of the last result (or comparison) the Invoke webview has drawn. */
  renderedInvokeId(): string | undefined;
  statusBarText(file: string, apiName: string): string | undefined;
  /** The last access log lines a running (or stopped) mock API wrote to its output channel, oldest first. */
  accessLog(file: string, apiName: string): string[];
}
