import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

/**
 * The preview's page: a strict Content-Security-Policy (no remote anything, scripts only with this page's nonce,
 * styles only from the extension), the script and style from media/preview/, theme colours from CSS variables.
 */
export function previewHtml(webview: vscode.Webview, mediaRoot: vscode.Uri): string {
  const nonce = randomBytes(16).toString('base64');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot, 'preview.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot, 'preview.css'));
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<title>Mapping Template Preview</title>
</head>
<body>
<header><h1 id="title">Mapping template</h1><span id="status" role="status"></span></header>
<section aria-labelledby="output-heading">
  <h2 id="output-heading">Output</h2>
  <pre id="output" tabindex="0"></pre>
</section>
<section id="errors-section" aria-labelledby="errors-heading" hidden>
  <h2 id="errors-heading">Errors</h2>
  <ul id="errors"></ul>
</section>
<section aria-labelledby="sample-heading">
  <h2 id="sample-heading">Sample event <small>(the <code>apigw render --event</code> format; edit it)</small></h2>
  <textarea id="sample" spellcheck="false" aria-describedby="sample-error"></textarea>
  <p id="sample-error" class="error" hidden></p>
</section>
<section aria-labelledby="trace-heading">
  <h2 id="trace-heading">Steps</h2>
  <ol id="trace"></ol>
</section>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
}
