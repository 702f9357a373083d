import * as vscode from 'vscode';
import { webviewPage } from '../webviewPage';

/**
 * The chart page's HTML (media/metrics/), under our webviews' strict Content-Security-Policy, with the chart
 * library's own build (dist/webview/, copied from the uplot package) loaded before the page's script.
 */
export function metricsHtml(webview: vscode.Webview, extensionUri: vscode.Uri, title: string): string {
  const library = (file: string): vscode.Uri => vscode.Uri.joinPath(extensionUri, 'dist', 'webview', file);
  return webviewPage(webview, vscode.Uri.joinPath(extensionUri, 'media', 'metrics'), {
    script: 'metrics.js',
    style: 'metrics.css',
    title: title.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`),
    libraries: { scripts: [library('uPlot.iife.min.js')], styles: [library('uPlot.min.css')] },
    body: `<header>
  <h1 id="title"></h1>
  <div class="toolbar">
    <div id="windows" role="group" aria-label="Window"></div>
    <label><input type="checkbox" id="auto"> Auto-refresh</label>
    <button id="refresh" type="button" class="secondary">Refresh</button>
    <span id="status" role="status"></span>
  </div>
</header>
<p id="error" class="error" role="alert" hidden></p>
<ul id="notes"></ul>
<div id="charts"></div>
<section id="routes-section" hidden>
  <h2>Routes</h2>
  <table id="routes"><thead><tr><th>Route</th><th>Requests</th><th>Client errors</th><th>Server errors</th><th>p99 latency</th></tr></thead><tbody></tbody></table>
</section>`,
  });
}
