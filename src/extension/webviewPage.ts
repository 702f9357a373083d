import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

/**
 * The HTML of one of our webviews: a strict Content-Security-Policy (nothing remote, scripts only with this page's
 * nonce, styles, images and fonts only from the extension), one script and one stylesheet from `mediaRoot`, and
 * the page's own body markup. Theme colours come from VS Code's CSS variables in the stylesheet. `libraries` are
 * scripts and stylesheets loaded before the page's own (a chart library's build), under the same policy.
 */
export function webviewPage(
  webview: vscode.Webview,
  mediaRoot: vscode.Uri,
  page: {
    script: string;
    style: string;
    title: string;
    body: string;
    libraries?: { scripts: vscode.Uri[]; styles: vscode.Uri[] };
  },
): string {
  const nonce = randomBytes(16).toString('base64');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot, page.script));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot, page.style));
  const libraryStyles = (page.libraries?.styles ?? []).map(
    (uri) => `<link rel="stylesheet" href="${webview.asWebviewUri(uri).toString()}">\n`,
  );
  const libraryScripts = (page.libraries?.scripts ?? []).map(
    (uri) => `<script nonce="${nonce}" src="${webview.asWebviewUri(uri).toString()}"></script>\n`,
  );
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
${libraryStyles.join('')}<link rel="stylesheet" href="${style.toString()}">
<title>${page.title}</title>
</head>
<body>
${page.body}
${libraryScripts.join('')}<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
}
