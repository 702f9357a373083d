import { webviewPage } from '../webviewPage';
import * as vscode from 'vscode';
import type { GatewayApi, Route } from '../../model';
import type { Logger } from '../../shared/logger';
import { compareResults, type ResultComparison } from '../awsInvoke/compareResults';
import { buildInvokeForm, readPostedForm, toMockRequest, type InvokeForm } from './invokeForm';
import { originOf, toInvokeResult, type InvokeResult } from './invokeResult';
import type { MockSessions } from './mockSessions';
import { signForInvoke } from '../../runtime/iam/invokeSigning';

/** The route the panel invokes: its API, the definition file that runs it, and the route itself. */
export interface InvokeTarget {
  file: string;
  api: GatewayApi;
  route: Route;
}

/** Somewhere else the panel can send the same form: AWS (Invoke on AWS). */
export interface RemoteInvoker {
  /** "AWS (stage prod of API Pets)". */
  readonly label: string;
  /** Sends the form; a failure is thrown with a message for people (no stack trace). */
  send(form: InvokeForm): Promise<InvokeResult>;
}

/** What the panel shows: a local route (its form, the mock), a remote target, or both; and where Send goes. */
export interface InvokeView {
  local?: InvokeTarget;
  remote?: RemoteInvoker;
  /** The form when there is no local route (a deployed route opened from the AWS view). */
  form?: InvokeForm;
  /** Where Send goes first. */
  mode: 'local' | 'remote';
}

/** One answer of a comparison: the result, or why there is none. */
export type ComparedSide = { ok: true; result: InvokeResult } | { ok: false; message: string };

/** "Compare local and AWS": one request to both, side by side, with what differs. */
export interface InvokeComparison {
  id: string;
  local: ComparedSide;
  remote: ComparedSide;
  remoteLabel: string;
  /** When both answered. */
  differences?: ResultComparison;
}

/** Messages from the webview (media/invoke/invoke.js). */
type PanelMessage =
  | { type: 'ready' }
  | { type: 'send'; form: unknown; target?: unknown }
  | { type: 'compare'; form: unknown }
  | { type: 'changeRemote'; form: unknown }
  | { type: 'rendered'; requestId?: unknown }
  | { type: 'showRequestLogs'; requestId?: unknown };

let comparisons = 0;

/**
 * The Invoke webview ("Invoke Route Locally", "Invoke Route on AWS"): one panel, re-targeted at each invoke. It
 * shows the route's form and sends it through the mock runtime's `handle()` (starting the API's mock if none
 * runs), to a remote target (AWS), or to both side by side, and shows the status, headers, body and every stage
 * of the trace or of AWS's execution log.
 */
export class InvokePanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private view: InvokeView | undefined;
  private form: InvokeForm | undefined;
  private last: InvokeResult | undefined;
  private lastCompared: InvokeComparison | undefined;
  private rendered: string | undefined;
  /** The credential IAM routes are signed with, by mock session. */
  private readonly credentials = new Map<string, string>();
  /** The result for the current target, replayed when the webview (re)loads after it was sent. */
  private shown:
    { type: 'result'; result: InvokeResult } | { type: 'comparison'; comparison: InvokeComparison } | undefined;
  /** The remote target a local route also offers (a remembered AWS deployment), set by Invoke on AWS. */
  remoteFor: ((target: InvokeTarget) => RemoteInvoker | undefined) | undefined;
  /** Asks for another remote target for the panel's route (the local one, else the form's method and path). */
  changeRemoteFor:
    | ((local: InvokeTarget | undefined, form: InvokeForm, change: boolean) => Promise<RemoteInvoker | undefined>)
    | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly sessions: MockSessions,
    private readonly logger: Logger,
  ) {}

  /** The last result the panel showed (the tests' view of the webview). */
  get lastResult(): InvokeResult | undefined {
    return this.last;
  }

  /** The last comparison the panel showed. */
  get lastComparison(): InvokeComparison | undefined {
    return this.lastCompared;
  }

  /** The request id of the last result the webview drew (the webview says so once it has). */
  get renderedRequestId(): string | undefined {
    return this.rendered;
  }

  get currentForm(): InvokeForm | undefined {
    return this.form;
  }

  /** What the panel offers now: the targets Send can use and which one it uses first. */
  get state(): { title: string; local?: string; remote?: string; mode: 'local' | 'remote' } | undefined {
    const { view, panel } = this;
    if (!view) return undefined;
    return {
      title: panel?.title ?? '',
      ...(view.local ? { local: 'Local mock' } : {}),
      ...(view.remote ? { remote: view.remote.label } : {}),
      mode: view.mode,
    };
  }

  /** Invoke Route Locally: the local route, with its remembered AWS target when there is one. */
  show(target: InvokeTarget): void {
    const remote = this.remoteFor?.(target);
    this.open({ local: target, ...(remote ? { remote } : {}), mode: 'local' });
  }

  open(view: InvokeView): void {
    const form = view.local ? buildInvokeForm(view.local.api, view.local.route) : view.form;
    if (!form) throw new Error('InvokePanel.open needs a local route or a form');
    if (!view.local && !view.remote) throw new Error('InvokePanel.open needs somewhere to send');
    this.view = { ...view, mode: view.mode === 'remote' && view.remote ? 'remote' : view.local ? 'local' : 'remote' };
    this.form = form;
    this.shown = undefined;
    const title = `Invoke ${form.method} ${form.path}${this.view.mode === 'remote' ? ' on AWS' : ''}`;
    if (this.panel) {
      this.panel.title = title;
      this.panel.reveal(undefined, false);
      void this.postInit();
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

  /** Sends the form (the webview's values, else the prefilled ones) to the local mock and shows the result. */
  async send(posted?: unknown): Promise<InvokeResult> {
    return this.sendTo('local', posted);
  }

  /** Sends the form to the remote target (AWS) and shows the result. */
  async sendRemote(posted?: unknown): Promise<InvokeResult> {
    return this.sendTo('remote', posted);
  }

  /** Sends the same form to the local mock and to AWS, and shows both answers side by side. */
  async compare(posted?: unknown): Promise<InvokeComparison> {
    const values = this.values(posted);
    const local = this.view?.local;
    const remote = this.view?.remote;
    if (!local || !remote) {
      throw new Error('Compare needs a local route and an AWS target: open the panel from a definition’s route.');
    }
    void this.panel?.webview.postMessage({
      type: 'sending',
      what: `Sending to the local mock and ${remote.label}…`,
    });
    const [localSide, remoteSide] = await Promise.all([
      this.side(() => this.invokeLocal(local, values)),
      this.side(() => remote.send(values)),
    ]);
    const comparison: InvokeComparison = {
      id: `compare-${++comparisons}`,
      local: localSide,
      remote: remoteSide,
      remoteLabel: remote.label,
      ...(localSide.ok && remoteSide.ok ? { differences: compareResults(localSide.result, remoteSide.result) } : {}),
    };
    this.lastCompared = comparison;
    this.shown = { type: 'comparison', comparison };
    this.postTargets();
    void this.panel?.webview.postMessage({ type: 'comparison', comparison });
    return comparison;
  }

  dispose(): void {
    this.panel?.dispose();
  }

  private values(posted: unknown): InvokeForm {
    const { form } = this;
    if (!this.view || !form) throw new Error('InvokePanel.send called before show');
    const values = posted === undefined ? form : readPostedForm(form, posted);
    this.form = values;
    return values;
  }

  private async sendTo(where: 'local' | 'remote', posted: unknown): Promise<InvokeResult> {
    const { view } = this;
    const values = this.values(posted);
    const route = `${values.method} ${values.path}`;
    void this.panel?.webview.postMessage({ type: 'sending' });
    try {
      let result: InvokeResult;
      if (where === 'local') {
        if (!view?.local) throw new Error(`${route} has no local definition to run: invoke it on AWS instead.`);
        result = await this.invokeLocal(view.local, values);
      } else {
        if (!view?.remote) throw new Error(`${route} has no AWS target: use Invoke Route on AWS.`);
        result = await view.remote.send(values);
      }
      this.last = result;
      this.shown = { type: 'result', result };
      if (where === 'remote') this.postTargets();
      void this.panel?.webview.postMessage({ type: 'result', result });
      return result;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const on = where === 'local' ? 'locally' : `on ${view?.remote?.label ?? 'AWS'}`;
      this.logger.warn(`Invoke ${route} ${on}: ${message}`);
      void this.panel?.webview.postMessage({ type: 'error', message });
      throw error;
    }
  }

  private async invokeLocal(target: InvokeTarget, values: InvokeForm): Promise<InvokeResult> {
    const session = await this.sessions.ensure(target.file, target.api);
    const stage = session.runtime.current?.stage ?? 'local';
    const signing = await signForInvoke(
      session.runtime,
      target.route,
      toMockRequest(values, stage),
      new URL(session.url).host,
      (credentials) => this.chooseCredential(session.key, credentials),
    );
    if (signing.unsigned !== undefined) this.logger.warn(`Invoke ${values.method} ${values.path}: ${signing.unsigned}`);
    const request = signing.request;
    const result = toInvokeResult(request, originOf(session.url), await session.runtime.handle(request));
    return { ...result, target: `Local mock (${session.url})` };
  }

  /** The local credential IAM routes of a mock API are signed with: asked once, then remembered. */
  private async chooseCredential(
    key: string,
    credentials: readonly { accessKeyId: string; arn: string }[],
  ): Promise<string | undefined> {
    const remembered = this.credentials.get(key);
    if (remembered !== undefined && credentials.some((c) => c.accessKeyId === remembered)) return remembered;
    const picked = await vscode.window.showQuickPick(
      credentials.map((c) => ({ label: c.arn, description: c.accessKeyId, accessKeyId: c.accessKeyId })),
      {
        title: 'Sign requests to IAM routes as',
        placeHolder: 'A credential of "iam.credentials" in apigw.config.json',
      },
    );
    if (picked !== undefined) this.credentials.set(key, picked.accessKeyId);
    return picked?.accessKeyId;
  }

  private async side(run: () => Promise<InvokeResult>): Promise<ComparedSide> {
    try {
      return { ok: true, result: await run() };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn(`Compare local and AWS: ${message}`);
      return { ok: false, message };
    }
  }

  private targets(view: InvokeView): { local?: string; remote?: string; canChangeRemote: boolean } {
    return {
      ...(view.local ? { local: 'Local mock' } : {}),
      ...(view.remote ? { remote: view.remote.label } : {}),
      canChangeRemote: this.changeRemoteFor !== undefined,
    };
  }

  private async postInit(): Promise<void> {
    const { view } = this;
    if (!view) return;
    await this.panel?.webview.postMessage({
      type: 'init',
      form: this.form,
      targets: this.targets(view),
      mode: view.mode,
    });
  }

  /** The remote target's label after a send (the API's name is known once AWS was asked), without redrawing the form. */
  private postTargets(): void {
    if (this.view) void this.panel?.webview.postMessage({ type: 'targets', targets: this.targets(this.view) });
  }

  private async changeRemote(posted: unknown): Promise<void> {
    const { view } = this;
    if (!view || !this.changeRemoteFor) return;
    const form = this.values(posted);
    const remote = await this.changeRemoteFor(view.local, form, view.remote !== undefined);
    if (!remote || this.view !== view) return;
    view.remote = remote;
    view.mode = 'remote';
    if (this.panel) this.panel.title = `Invoke ${this.form?.method ?? ''} ${this.form?.path ?? ''} on AWS`;
    await this.postInit();
  }

  /**
   * "Show logs of this request" of an AWS result: Show Logs of This Request (the AWS view's feature, loaded on first
   * use) opens the stage's log lines of that request id.
   */
  private async showRequestLogs(requestId: unknown): Promise<void> {
    const target = this.last?.requestLogs;
    if (!target || target.requestId !== requestId) return;
    await vscode.commands.executeCommand('apigw.showRequestLogs', target);
  }

  private async receive(message: PanelMessage): Promise<void> {
    if (message.type === 'ready') {
      await this.postInit();
      if (this.shown) await this.panel?.webview.postMessage(this.shown);
    } else if (message.type === 'send') {
      // A failure is shown in the panel and logged by sendTo().
      const where = message.target === 'remote' ? 'remote' : 'local';
      if (this.view) this.view.mode = where;
      await this.sendTo(where, message.form).catch(() => undefined);
    } else if (message.type === 'compare') {
      await this.compare(message.form).catch((error: unknown) => {
        const text = error instanceof Error ? error.message : String(error);
        void this.panel?.webview.postMessage({ type: 'error', message: text });
      });
    } else if (message.type === 'changeRemote') {
      await this.changeRemote(message.form).catch((error: unknown) => {
        const text = error instanceof Error ? error.message : String(error);
        void this.panel?.webview.postMessage({ type: 'error', message: text });
      });
    } else if (message.type === 'rendered' && typeof message.requestId === 'string') {
      this.rendered = message.requestId;
    } else if (message.type === 'showRequestLogs') {
      await this.showRequestLogs(message.requestId);
    }
  }
}

function renderHtml(webview: vscode.Webview, root: vscode.Uri): string {
  return webviewPage(webview, root, {
    script: 'invoke.js',
    style: 'invoke.css',
    title: 'Invoke Route',
    body: '<main id="app"><p class="muted">Loading…</p></main>',
  });
}
