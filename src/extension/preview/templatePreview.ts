import * as vscode from 'vscode';
import type { FileSystem } from '../../shared/fileSystem';
import type { Logger } from '../../shared/logger';
import type { Range } from '../../shared/range';
import { renderTemplateText, type TraceEvent } from '../../vtl';
import { parseRenderEvent } from '../../vtl/renderEvent';
import { previewHtml } from './previewHtml';
import { buildSampleEvent } from './sampleEvent';
import { resolveTarget, type PreviewTarget, type ResolvedTemplate } from './templateSource';

/** What the preview last showed: read by the webview and by the integration tests (the webview DOM is not reachable). */
export interface PreviewSnapshot {
  title: string;
  status: string;
  output: string;
  /** Template errors, with the place in the document (0-based line / character). */
  errors: Array<{ message: string; code: string; line: number; character: number; range: Range }>;
  /** Set when the sample event is not valid: nothing was rendered. */
  sampleError?: string;
  sample: string;
  trace: Array<{ line: number; text: string }>;
}

const renderDelayMs = 200;

/**
 * "API Gateway: Preview Mapping Template": one webview panel beside the editor, re-rendering on every (debounced)
 * edit of the template's document or of the sample event. Rendering happens here in the extension host, with the
 * sandboxed engine of src/vtl (no access to anything but the template's own values, bounded time and output), so
 * it is allowed in untrusted workspaces too.
 */
export class TemplatePreview implements vscode.Disposable {
  static readonly viewType = 'apigw.templatePreview';
  private panel: vscode.WebviewPanel | undefined;
  private target: PreviewTarget | undefined;
  private sample = '';
  private timer: ReturnType<typeof setTimeout> | undefined;
  private last: PreviewSnapshot | undefined;
  private readonly rendered = new vscode.EventEmitter<PreviewSnapshot>();
  readonly onDidRender = this.rendered.event;
  private readonly disposables: vscode.Disposable[] = [this.rendered];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly fs: FileSystem,
    private readonly logger: Logger,
  ) {
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.target && e.contentChanges.length > 0 && e.document.uri.toString() === this.target.uri.toString())
          this.schedule();
      }),
    );
  }

  lastRender(): PreviewSnapshot | undefined {
    return this.last;
  }

  /** Opens (or re-targets) the panel and renders once; resolves with that first render. */
  async show(target: PreviewTarget): Promise<PreviewSnapshot> {
    const resolved = await resolveTarget(target, this.fs);
    if (!resolved.ok) throw new Error(resolved.message);
    this.target = target;
    this.sample = buildSampleEvent(resolved.template.sample);
    const panel = this.ensurePanel();
    panel.title = `Preview: ${resolved.template.title}`;
    panel.reveal(vscode.ViewColumn.Beside, true);
    return this.render(resolved.template);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }

  private ensurePanel(): vscode.WebviewPanel {
    if (this.panel) return this.panel;
    const mediaRoot = vscode.Uri.joinPath(this.extensionUri, 'media', 'preview');
    const panel = vscode.window.createWebviewPanel(
      TemplatePreview.viewType,
      'Mapping Template Preview',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, localResourceRoots: [mediaRoot], retainContextWhenHidden: true },
    );
    panel.webview.html = previewHtml(panel.webview, mediaRoot);
    panel.webview.onDidReceiveMessage((message: unknown) => this.onMessage(message), undefined, this.disposables);
    panel.onDidDispose(() => {
      this.panel = undefined;
      this.target = undefined;
      clearTimeout(this.timer);
    });
    this.panel = panel;
    return panel;
  }

  private onMessage(message: unknown): void {
    if (typeof message !== 'object' || message === null) return;
    const { type, text, range } = message as { type?: unknown; text?: unknown; range?: unknown };
    if (type === 'ready' && this.last) void this.post(this.last);
    if (type === 'sample' && typeof text === 'string') {
      this.sample = text;
      this.schedule(0);
    }
    if (type === 'reveal' && isRange(range)) void this.reveal(range);
  }

  private schedule(delayMs = renderDelayMs): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      void this.refresh().catch((err: unknown) => this.logger.error('The template preview could not render', err));
    }, delayMs);
  }

  private async refresh(): Promise<void> {
    const target = this.target;
    if (!target) return;
    const resolved = await resolveTarget(target, this.fs);
    if (target !== this.target) return;
    if (!resolved.ok) {
      this.publish({ ...this.emptySnapshot(), status: resolved.message });
      return;
    }
    this.render(resolved.template);
  }

  private render(template: ResolvedTemplate): PreviewSnapshot {
    const snapshot: PreviewSnapshot = { ...this.emptySnapshot(), title: template.title };
    const event = parseRenderEvent(this.sample);
    if (!event.ok) {
      snapshot.sampleError = event.message;
      snapshot.status = 'Fix the sample event to render';
      return this.publish(snapshot);
    }
    const result = renderTemplateText(template.text, event.context, { trace: true });
    snapshot.output = result.output;
    snapshot.errors = result.errors.map((d) => {
      const range = template.toDocument(d.range);
      return { message: d.message, code: d.code, line: range.start.line, character: range.start.character, range };
    });
    snapshot.trace = (result.trace ?? []).map((step) => ({
      line: template.toDocument(step.range).start.line,
      text: describeStep(step),
    }));
    snapshot.status = snapshot.errors.length > 0 ? 'Template error' : `Rendered ${result.output.length} characters`;
    return this.publish(snapshot);
  }

  private emptySnapshot(): PreviewSnapshot {
    return { title: this.last?.title ?? '', status: '', output: '', errors: [], sample: this.sample, trace: [] };
  }

  private publish(snapshot: PreviewSnapshot): PreviewSnapshot {
    this.last = snapshot;
    void this.post(snapshot);
    this.rendered.fire(snapshot);
    return snapshot;
  }

  private async post(state: PreviewSnapshot): Promise<void> {
    await this.panel?.webview.postMessage({ type: 'update', state });
  }

  private async reveal(range: Range): Promise<void> {
    if (!this.target) return;
    const document = await vscode.workspace.openTextDocument(this.target.uri);
    const selection = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
    const column = vscode.window.visibleTextEditors.find((e) => e.document === document)?.viewColumn;
    const editor = await vscode.window.showTextDocument(document, {
      selection,
      viewColumn: column ?? vscode.ViewColumn.One,
    });
    editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
}

function describeStep(step: TraceEvent): string {
  switch (step.kind) {
    case 'set':
      return `#set ${step.target} = ${step.value}`;
    case 'if':
      return step.branch === 'none'
        ? '#if: no branch taken'
        : step.branch === 'else'
          ? '#if: #else taken'
          : step.branch === 0
            ? '#if: condition true'
            : `#if: #elseif ${step.branch} taken`;
    case 'foreach':
      return `#foreach: ${step.iterations} iteration${step.iterations === 1 ? '' : 's'}${step.stoppedAtLimit ? ' (stopped at the limit)' : ''}`;
    case 'macro':
      return `#${step.name} (macro)`;
  }
}

function isRange(value: unknown): value is Range {
  const r = value as Range | undefined;
  return typeof r?.start?.line === 'number' && typeof r.end?.character === 'number';
}
