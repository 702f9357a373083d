import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { apiDiagnostics, waitForDiagnostics } from './helpers/diagnostics';
import { extensionApi, waitFor, workspaceRoot } from './helpers/extension';

/** 0-based line and character of `needle` in `text` (the first match). */
function positionOf(text: string, needle: string): vscode.Position {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `"${needle}" not found`);
  const before = text.slice(0, offset).split('\n');
  return new vscode.Position(before.length - 1, before.at(-1)?.length ?? 0);
}

const definition = [
  'openapi: 3.0.1',
  'info:',
  '  title: Templates',
  "  version: '1'",
  'paths:',
  '  /pets:',
  '    post:',
  '      responses:',
  "        '200':",
  '          description: ok',
  '      x-amazon-apigateway-integration:',
  '        type: mock',
  '        requestTemplates:',
  '          application/json: "{\\"n\\": \\"$util.nope($input.path(\'$.name\'))\\", \\"u\\": \\"$util.\\"}"',
  '        responses:',
  '          default:',
  "            statusCode: '200'",
  '',
].join('\n');

const vtl = ["#set($body = $input.path('$'))", '{"id": "$util.nope($body.id)", "x": "$util."}', ''].join('\n');

async function labelsAt(uri: vscode.Uri, position: vscode.Position, wanted: string): Promise<string[]> {
  return waitFor(`'${wanted}' in the completion list`, async () => {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      uri,
      position,
    );
    const found = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    return found.includes(wanted) ? found : undefined;
  });
}

suite('Templates', () => {
  // Under out/ in the workspace copy: the Workspace APIs explorer skips it, so the other suites see no change.
  let dir: string;
  let api: vscode.Uri;
  let template: vscode.Uri;

  suiteSetup(async () => {
    await extensionApi();
    dir = path.join(workspaceRoot(), 'out', 'templates-test');
    fs.mkdirSync(dir, { recursive: true });
    api = vscode.Uri.file(path.join(dir, 'openapi.yaml'));
    fs.writeFileSync(api.fsPath, definition);
    template = vscode.Uri.file(path.join(dir, 'request.vtl'));
    fs.writeFileSync(template.fsPath, vtl);
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('a broken embedded template gets its diagnostic on the exact characters inside the string', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(api));
    const at = positionOf(definition, 'nope');
    await waitForDiagnostics(api, [
      `apigw.vtl.unknownUtilMember@${at.line}:${at.character}-${at.line}:${at.character + 4}`,
    ]);
    const [d] = apiDiagnostics(api);
    assert.equal(d?.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(d?.message ?? '', /nope/);
  });

  test('a .vtl file is in the vtl language and gets diagnostics', async () => {
    const document = await vscode.workspace.openTextDocument(template);
    assert.equal(document.languageId, 'vtl');
    await vscode.window.showTextDocument(document);
    const at = positionOf(vtl, 'nope');
    await waitForDiagnostics(template, [
      `apigw.vtl.unknownUtilMember@${at.line}:${at.character}-${at.line}:${at.character + 4}`,
    ]);
  });

  test('completion offers the $util functions in an embedded template and in a .vtl file', async () => {
    const inApi = positionOf(definition, '$util.\\"}').translate(0, '$util.'.length);
    const apiLabels = await labelsAt(api, inApi, 'escapeJavaScript');
    assert.deepEqual(apiLabels.slice().sort(), [
      'base64Decode',
      'base64Encode',
      'escapeJavaScript',
      'parseJson',
      'urlDecode',
      'urlEncode',
    ]);
    const inFile = positionOf(vtl, '$util."').translate(0, '$util.'.length);
    const fileLabels = await labelsAt(template, inFile, 'parseJson');
    assert.equal(fileLabels.length, 6);
  });

  test('hover documents $input.path', async () => {
    const on = positionOf(definition, 'path(').translate(0, 2);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', api, on);
    const shown = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(shown, /\*\*\$input\.path\(jsonPath\)\*\*/);
    const start = positionOf(definition, 'path(');
    assert.deepEqual(
      hovers.map((h) => h.range && [h.range.start.line, h.range.start.character, h.range.end.character]),
      [[start.line, start.character, start.character + 4]],
    );
  });
});
