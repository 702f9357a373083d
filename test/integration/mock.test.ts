import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension/api';
import type { MockTestApi } from '../../src/extension/mock';
import { child, extensionApi, waitFor, workspaceRoot, type Shown } from './helpers/extension';

/** GET over HTTP from the test (127.0.0.1 only). */
function get(url: string): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\//, `the mock must listen on 127.0.0.1, not ${url}`);
  return new Promise((resolve, reject) => {
    const request = http.get(url, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body, headers: response.headers }));
    });
    request.on('error', reject);
  });
}

suite('Mock API in VS Code', () => {
  let api: ExtensionApi;
  let mock: MockTestApi;
  let apiNode: Shown;
  let definition: string;

  suiteSetup(async () => {
    api = await extensionApi();
    assert.ok(api.mock, 'the extension exposes no mock test API');
    mock = api.mock;
    await api.workspaceApis.whenIdle();
    definition = path.join(workspaceRoot(), 'pets-rest', 'openapi.yaml');
    const file = child(api, undefined, 'pets-rest/openapi.yaml');
    apiNode = child(api, file.node, 'Pets REST API');
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const session of mock.sessions()) {
      await vscode.commands.executeCommand('apigw.stopMock', `${session.file}#${session.apiName}`);
    }
  });

  test('Start Mock API serves the API on 127.0.0.1, shown in the status bar, and logs every request', async () => {
    const session = await vscode.commands.executeCommand<{ url: string }>('apigw.startMock', apiNode.node);
    assert.match(session.url, /^http:\/\/127\.0\.0\.1:\d+\/local$/);
    assert.deepEqual(
      mock.sessions().map((s) => [s.file, s.apiName, s.url]),
      [[definition, 'Pets REST API', session.url]],
    );
    assert.equal(mock.statusBarText(definition, 'Pets REST API'), `$(radio-tower) Pets REST API: ${session.url}`);

    const health = await get(`${session.url}/health`);
    assert.equal(health.status, 200);
    assert.equal((JSON.parse(health.body) as { status: string }).status, 'ok');
    const pets = await get(`${session.url}/pets`);
    assert.equal(pets.status, 200, pets.body);
    assert.deepEqual(
      (JSON.parse(pets.body) as Array<{ name: string }>).map((p) => p.name),
      ['Rex', 'Tom', 'Nemo'],
    );
    const unknown = await get(`${session.url}/nowhere`);
    assert.equal(unknown.status, 403);
    // pets-rest's DEFAULT_4XX gateway response template shapes the body (and adds a CORS header).
    assert.deepEqual(JSON.parse(unknown.body), { message: 'Missing Authentication Token' });
    assert.equal(unknown.headers['access-control-allow-origin'], '*');

    const view = mock.requestsView;
    const items = await waitFor('three requests in the Mock Requests view', async () => {
      const entries = (await view.getChildren()) ?? [];
      return entries.length >= 3 ? entries.slice(0, 3).map((e) => view.getTreeItem(e) as vscode.TreeItem) : undefined;
    });
    assert.deepEqual(
      items.map((i) => [i.label, String(i.description).replace(/ · \d+ ms/, ' · N ms')]),
      [
        ['GET /local/nowhere', '403 · N ms · no route'],
        ['GET /local/pets', '200 · N ms · GET /pets'],
        ['GET /local/health', '200 · N ms · GET /health'],
      ],
    );
    const trace = await vscode.commands.executeCommand<vscode.TextDocument>(
      'apigw.showMockRequest',
      mock.requests()[1],
    );
    assert.equal(trace.uri.scheme, 'apigw-mock-trace');
    assert.match(trace.getText(), /^# GET \/local\/pets → 200\n/);
    assert.match(trace.getText(), /### 1\. route \([\d.]+ ms\)\n\nmatched GET \/pets/);
  });

  test('Invoke Route Locally sends the panel form through the runtime and shows every stage', async () => {
    const routeNode = child(api, apiNode.node, 'GET /pets/{petId}');
    await vscode.commands.executeCommand('apigw.invokeRoute', routeNode.node);
    const prefilled = await mock.sendInvoke();
    assert.equal(prefilled.request.path, '/local/pets/1');
    assert.equal(prefilled.status, 200);
    assert.deepEqual(JSON.parse(prefilled.body), { id: '1', name: 'Rex', type: 'dog' });

    const edited = await mock.sendInvoke({ pathParameters: [{ name: 'petId', value: '9', required: true }] });
    assert.equal(edited.status, 404);
    assert.deepEqual(JSON.parse(edited.body), { message: 'No pet 9' });
    assert.equal(edited.route, 'GET /pets/{petId}');
    const stages = edited.trace.map((s) => s.stage);
    for (const stage of ['route', 'integration'])
      assert.ok(stages.includes(stage), `no ${stage} stage in ${stages.join(', ')}`);
    assert.deepEqual(mock.lastInvokeResult(), edited);
    assert.equal(mock.requests()[0]?.event.path, '/local/pets/9', 'the invoke is in the Mock Requests view');
    await waitFor('the Invoke webview to draw the result', () =>
      mock.renderedInvokeId() === edited.requestId ? true : undefined,
    );
    await (
      globalThis as { __vscodeE2E?: { screenshot?: (name: string) => Promise<boolean> } }
    ).__vscodeE2E?.screenshot?.('invoke-route');
  });

  test('a CodeLens above each operation invokes it, with the request and response templates traced', async () => {
    const document = await vscode.workspace.openTextDocument(definition);
    await vscode.window.showTextDocument(document);
    const lenses = await waitFor('CodeLenses on the definition', async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeLens[]>(
        'vscode.executeCodeLensProvider',
        document.uri,
      );
      const ours = found.filter((l) => l.command?.command === 'apigw.invokeRoute');
      return ours.length > 0 ? ours : undefined;
    });
    assert.deepEqual(
      lenses.map((l) => l.command?.title),
      [
        '$(play) Invoke GET /pets locally',
        '$(play) Invoke POST /pets locally',
        '$(play) Invoke GET /pets/{petId} locally',
        '$(play) Invoke GET /health locally',
        '$(play) Invoke GET /quotes locally',
        '$(play) Invoke ANY /legacy/{proxy+} locally',
      ],
    );
    const health = lenses[3]!;
    assert.equal(document.lineAt(health.range.start.line).text.trim(), 'get:');
    await vscode.commands.executeCommand(health.command!.command, ...(health.command!.arguments as unknown[]));
    const result = await mock.sendInvoke();
    assert.equal(result.status, 200);
    assert.equal((JSON.parse(result.body) as { status: string }).status, 'ok');
    assert.ok(
      result.trace.some((s) => s.stage === 'integrationResponse'),
      result.trace.map((s) => s.stage).join(),
    );
  });

  test('the mock follows unsaved edits and keeps the last good API when an edit breaks it', async () => {
    const url = mock.sessions()[0]?.url;
    assert.ok(url);
    const document = await vscode.workspace.openTextDocument(definition);
    const editor = await vscode.window.showTextDocument(document);
    const original = document.getText();
    try {
      await editor.edit((e) => e.replace(new vscode.Position(0, 0), 'paths: [unclosed\n'));
      const problem = await waitFor('the broken edit to be reported', () => mock.sessions()[0]?.problem);
      assert.match(problem, /still serving the last good version/);
      assert.match(mock.statusBarText(definition, 'Pets REST API') ?? '', /^\$\(warning\) /);
      assert.equal((await get(`${url}/health`)).status, 200);

      const fixed = original.replace('  /health:', '  /healthz:');
      await editor.edit((e) => e.replace(new vscode.Range(0, 0, document.lineCount, 0), fixed));
      await waitFor('the fixed edit to be served', () =>
        mock.sessions()[0]?.problem === undefined ? true : undefined,
      );
      await waitFor('/healthz to answer', async () =>
        (await get(`${url}/healthz`)).status === 200 ? true : undefined,
      );
      assert.equal((await get(`${url}/health`)).status, 403);
    } finally {
      // Put the file back exactly as it was (later suites read the example), whatever editor is active now.
      const restore = new vscode.WorkspaceEdit();
      restore.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), original);
      await vscode.workspace.applyEdit(restore);
      await document.save();
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
  });

  test('Stop Mock API closes the server and removes its status item', async () => {
    const url = mock.sessions()[0]?.url;
    assert.ok(url);
    await vscode.commands.executeCommand('apigw.stopMock', apiNode.node);
    assert.deepEqual(mock.sessions(), []);
    assert.equal(mock.statusBarText(definition, 'Pets REST API'), undefined);
    await assert.rejects(get(`${url}/health`), /ECONNREFUSED/);
  });
});
