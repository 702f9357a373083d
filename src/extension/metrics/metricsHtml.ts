import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

/**
 * The chart page's HTML: the same strict Content-Security-Policy as our other webviews (nothing remote, scripts
 * only with this page's nonce, styles only from the extension), with two scripts and two stylesheets: the chart
 * library's own build (dist/webview/, copied from the uplot package) and the page (media/metrics/).
 */
export function metricsHtml(webview: vscode.Webview, extensionUri: vscode.Uri, title: string): string {
  const nonce = randomBytes(16).toString('base64');
  const uri = (...parts: string[]): string =>
    webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...parts)).toString();
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
  ].join('; ');
  const escaped = title.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${uri('dist', 'webview', 'uPlot.min.css')}">
<link rel="stylesheet" href="${uri('media', 'metrics', 'metrics.css')}">
<title>${escaped}</title>
</head>
<body>
<header>
  <h1 id="title">${escaped}</h1>
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
</section>
<script nonce="${nonce}" src="${uri('dist', 'webview', 'uPlot.iife.min.js')}"></script>
<script nonce="${nonce}" src="${uri('media', 'metrics', 'metrics.js')}"></script>
</body>
</html>`;
}
