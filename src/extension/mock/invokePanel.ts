import { webviewPage } from '../webviewPage';
import * as vscode from 'vscode';
import type { GatewayApi, Route } from '../../model';
import type { Logger } from '../../shared/logger';
import { buildInvokeForm, readPostedForm, toMockRequest, type InvokeForm } from './invokeForm';
import { originOf, toInvokeResult, type InvokeResult } from './invokeResult';
import type { MockSessions } from './mockSessions';

/** The route the panel invokes: its API, the definition file that runs it, and the route itself. */
export interface InvokeTarget {
  file: string;
  api: GatewayApi;
  route: Route;
}

/** Messages from the webview (media/invoke/invoke.js). */
type PanelMessage = { type: 'ready' } | { type: 'send'; form: unknown } | { type: 'rendered'; requestId?: unknown };

/**
 * The "Invoke Route Locally" webview: one panel, re-targeted at each invoke. It shows the route's form,
 * sends it through the mock runtime's `handle()` (starting the API's mock if none runs) and shows the
 * status, headers, body and every stage of the trace.
 */
export class InvokePanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private target: InvokeTarget | undefined;
  private form: InvokeForm | undefined;
  private last: InvokeResult | undefined;
  private rendered: string | undefined;
  /** The result for the current target, replayed when the webview (re)loads after it was sent. */
  private shown: InvokeResult | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly sessions: MockSessions,
    private readonly logger: Logger,
  ) {}

  /** The last result the panel showed (the tests' view of the webview). */
  get lastResult(): InvokeResult | undefined {
    return this.last;
  }

  /** The request id of the last result the webview drew (the webview says so once it has). */
  get renderedRequestId(): string | undefined {
    return this.rendered;
  }

  get currentForm(): InvokeForm | undefined {
    return this.form;
  }

  show(target: InvokeTarget): void {
    this.target = target;
    this.form = buildInvokeForm(target.api, target.route);
    this.shown = undefined;
    const title = `Invoke ${target.route.method} ${target.route.path}`;
    if (this.panel) {
      this.panel.title = title;
      this.panel.reveal(undefined, false);
      void this.panel.webview.postMessage({ type: 'init', form: this.form });
      return;
    }
    const root = vscode.Uri.joinPath(this.extensionUri, 'media', 'invoke');
    this.panel = vscode.window.createWebviewPanel('apigw.invoke', title, vscode.ViewColumn.Beside, {
      enableScripts: true,
      localResourceRoots: [root],
      retainContextWhenHidden: true,
    });
    this.panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'apigw.svg');
    this.panel.webview.html = renderHtml(this.panel.webview, root);
    this.panel.webview.onDidReceiveMessage((m: PanelMessage) => void this.receive(m));
    this.panel.onDidDispose(() => {
      this.panel = undefined;
      this.rendered = undefined;
    });
  }

  /** Sends the form (the webview's values, else the prefilled ones) and shows the result. */
  async send(posted?: unknown): Promise<InvokeResult> {
    const { target, form } = this;
    if (!target || !form) throw new Error('InvokePanel.send called before show');
    const values = posted === undefined ? form : readPostedForm(form, posted);
    this.form = values;
    void this.panel?.webview.postMessage({ type: 'sending' });
    try {
      const session = await this.sessions.ensure(target.file, target.api);
      const stage = session.runtime.current?.stage ?? 'local';
      const request = toMockRequest(values, stage);
      const result = toInvokeResult(request, originOf(session.url), await session.runtime.handle(request));
      this.last = result;
      this.shown = result;
      void this.panel?.webview.postMessage({ type: 'result', result });
      return result;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn(`Invoke ${target.route.method} ${target.route.path}: ${message}`);
      void this.panel?.webview.postMessage({ type: 'error', message });
      throw error;
    }
  }

  dispose(): void {
    this.panel?.dispose();
  }

  private async receive(message: PanelMessage): Promise<void> {
    if (message.type === 'ready') {
      await this.panel?.webview.postMessage({ type: 'init', form: this.form });
      if (this.shown) await this.panel?.webview.postMessage({ type: 'result', result: this.shown });
    } else if (message.type === 'send') {
      // A failure is shown in the panel and logged by send().
      await this.send(message.form).catch(() => undefined);
    } else if (message.type === 'rendered' && typeof message.requestId === 'string') {
      this.rendered = message.requestId;
    }
  }
}

function renderHtml(webview: vscode.Webview, root: vscode.Uri): string {
  return webviewPage(webview, root, {
    script: 'invoke.js',
    style: 'invoke.css',
    title: 'Invoke Route Locally',
    body: '<main id="app"><p class="muted">Loading…</p></main>',
  });
}
