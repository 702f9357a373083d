import type * as vscode from 'vscode';
import { webviewPage } from '../webviewPage';

/** The preview's page (media/preview/): output, errors, the editable sample event and the step trace. */
export function previewHtml(webview: vscode.Webview, mediaRoot: vscode.Uri): string {
  return webviewPage(webview, mediaRoot, {
    script: 'preview.js',
    style: 'preview.css',
    title: 'Mapping Template Preview',
    body: `<header><h1 id="title">Mapping template</h1><span id="status" role="status"></span></header>
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
</section>`,
  });
}
