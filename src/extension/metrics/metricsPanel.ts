import * as vscode from 'vscode';
import { defaultMetricWindowMs, metricWindows } from '../../shared/metricWindows';
import type { MetricsReport } from '../../shared/metrics';
import { metricsHtml } from './metricsHtml';
import { asMetricsRender, type MetricsRender } from './metricsRender';

/** What a chart page shows: a stage's CloudWatch metrics, the local mock's counts, … */
export interface MetricsSource {
  /** One panel per key: opening the same key again reveals its panel. */
  key: string;
  title: string;
  /** The report over the last `windowMs` ms; a thrown Error's message is shown on the page. */
  load(windowMs: number): Promise<MetricsReport>;
  /** Seconds between automatic refreshes (default 60). */
  refreshSeconds?: number;
}

/** An open chart page. */
export interface MetricsPanel {
  readonly key: string;
  /** What the page last drew, as it reported it. */
  lastRender(): MetricsRender | undefined;
  /** The next render the page reports (after a load, a window change, a theme change). */
  nextRender(): Promise<MetricsRender>;
  /** Loads the report again and draws it. */
  refresh(): void;
  dispose(): void;
}

/** The windows the page offers (1 h, 3 h, 12 h, 1 d, 1 w): those the report knows (shared/metricWindows.ts). */
const dashboardWindows = metricWindows.map(({ label, ms }) => ({ label, ms }));

const open = new Map<string, MetricsPanelImpl>();

/**
 * Opens (or reveals) the chart page of `source`: charts of the report's series with uPlot in the VS Code theme, a
 * window picker, auto-refresh, the per-route table and the notes of empty charts. Resolves with the panel once it
 * is created; `nextRender()` waits for the page to draw.
 */
export function openMetricsPanel(context: vscode.ExtensionContext, source: MetricsSource): MetricsPanel {
  const existing = open.get(source.key);
  if (existing) {
    existing.retarget(source);
    return existing;
  }
  const panel = new MetricsPanelImpl(context, source);
  open.set(source.key, panel);
  return panel;
}

class MetricsPanelImpl implements MetricsPanel {
  readonly key: string;
  private readonly panel: vscode.WebviewPanel;
  private source: MetricsSource;
  private windowMs = defaultMetricWindowMs;
  private autoRefresh = true;
  private timer: ReturnType<typeof setInterval> | undefined;
  private loading = false;
  /** A load was asked for while one ran (a window change): run it when that one ends. */
  private again = false;
  private last: MetricsRender | undefined;
  private waiting: ((render: MetricsRender) => void)[] = [];
  private readonly disposables: vscode.Disposable[] = [];

  constructor(context: vscode.ExtensionContext, source: MetricsSource) {
    this.key = source.key;
    this.source = source;
    const roots = [
      vscode.Uri.joinPath(context.extensionUri, 'media', 'metrics'),
      vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview'),
    ];
    this.panel = vscode.window.createWebviewPanel(
      'apigw.metricsDashboard',
      source.title,
      { viewColumn: vscode.ViewColumn.Active },
      { enableScripts: true, localResourceRoots: roots, retainContextWhenHidden: true },
    );
    this.panel.webview.html = metricsHtml(this.panel.webview, context.extensionUri, source.title);
    this.panel.webview.onDidReceiveMessage((m: unknown) => this.onMessage(m), undefined, this.disposables);
    this.panel.onDidChangeViewState(() => this.schedule(), undefined, this.disposables);
    this.panel.onDidDispose(() => this.disposed(), undefined, this.disposables);
    context.subscriptions.push({ dispose: () => this.dispose() });
  }

  lastRender(): MetricsRender | undefined {
    return this.last;
  }

  nextRender(): Promise<MetricsRender> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  refresh(): void {
    void this.load();
  }

  retarget(source: MetricsSource): void {
    this.source = source;
    this.panel.title = source.title;
    this.panel.reveal();
    this.refresh();
  }

  dispose(): void {
    this.panel.dispose();
  }

  private disposed(): void {
    clearInterval(this.timer);
    open.delete(this.key);
    for (const d of this.disposables) d.dispose();
  }

  private onMessage(message: unknown): void {
    if (typeof message !== 'object' || message === null) return;
    const m = message as { type?: unknown; windowMs?: unknown; on?: unknown; render?: unknown };
    switch (m.type) {
      case 'ready':
        this.refresh();
        this.schedule();
        break;
      case 'window':
        if (typeof m.windowMs === 'number' && dashboardWindows.some((w) => w.ms === m.windowMs)) {
          this.windowMs = m.windowMs;
          this.refresh();
        }
        break;
      case 'refresh':
        this.refresh();
        break;
      case 'autoRefresh':
        this.autoRefresh = m.on === true;
        this.schedule();
        break;
      case 'rendered': {
        const render = asMetricsRender(m.render);
        if (!render) return;
        this.last = render;
        const waiting = this.waiting;
        this.waiting = [];
        for (const resolve of waiting) resolve(render);
        break;
      }
    }
  }

  /** Auto-refresh runs while it is on and the page is visible. */
  private schedule(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    if (!this.autoRefresh || !this.panel.visible) return;
    const seconds = Math.max(10, this.source.refreshSeconds ?? 60);
    this.timer = setInterval(() => void this.load(), seconds * 1000);
  }

  private async load(): Promise<void> {
    if (this.loading) {
      this.again = true;
      return;
    }
    this.loading = true;
    const { windowMs, source } = this;
    const settings = {
      windowMs,
      windows: dashboardWindows,
      autoRefresh: this.autoRefresh,
      refreshSeconds: source.refreshSeconds ?? 60,
    };
    try {
      await this.post({ type: 'loading', ...settings });
      const report = await source.load(windowMs);
      await this.post({ type: 'report', report, ...settings });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      await this.post({ type: 'error', message, title: source.title, ...settings });
    } finally {
      this.loading = false;
    }
    if (this.again) {
      this.again = false;
      await this.load();
    }
  }

  private async post(message: object): Promise<void> {
    await this.panel.webview.postMessage(message);
  }
}
