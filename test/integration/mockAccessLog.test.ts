// The mock API's access log and local metrics in the real VS Code (issue 17, point 6): examples/chat-websocket's
// stage gives an access log format (AccessLogSettings.Format, !Sub with the StageName parameter), and the lines
// its mock writes to the "Mock Access Log" channel follow it; pets-rest gives none, so CLF. Show Mock Metrics
// opens the chart page over the counts.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import * as vscode from 'vscode';
import WebSocket from 'ws';
import type { ExtensionApi } from '../../src/extension/api';
import type { MetricsRender } from '../../src/extension/metrics/metricsRender';
import type { MockTestApi } from '../../src/extension/mock';
import { child, extensionApi, waitFor, workspaceRoot } from './helpers/extension';

/** GET over HTTP from the test (127.0.0.1 only); resolves to the status and the request id header. */
function get(url: string): Promise<{ status: number; requestId: string }> {
  assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\//, `the mock must listen on 127.0.0.1, not ${url}`);
  return new Promise((resolve, reject) => {
    const request = http.get(url, (response) => {
      response.resume();
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, requestId: String(response.headers['x-amzn-requestid']) }),
      );
    });
    request.on('error', reject);
  });
}

/** A whole-line pattern of an access log format: each `$context.x` any text without a quote. */
function formatPattern(format: string): RegExp {
  const parts = format.split(/\$context\.[A-Za-z0-9_.]+/);
  return new RegExp(`^${parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^"]*')}$`);
}

suite('Mock access log and metrics in VS Code', () => {
  let api: ExtensionApi;
  let mock: MockTestApi;

  suiteSetup(async () => {
    api = await extensionApi();
    assert.ok(api.mock, 'the extension exposes no mock test API');
    mock = api.mock;
    await api.workspaceApis.whenIdle();
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if ((api as ExtensionApi | undefined)?.mock === undefined) return; // activation failed: suiteSetup says why
    for (const session of mock.sessions()) {
      await vscode.commands.executeCommand('apigw.stopMock', `${session.file}#${session.apiName}`);
    }
  });

  test("chat-websocket: one access log line an event, in the format its template's stage gives", async () => {
    const template = path.join(workspaceRoot(), 'chat-websocket', 'template.yaml');
    const file = child(api, undefined, 'chat-websocket/template.yaml');
    const chat = child(api, file.node, 'ChatWebSocketApi');
    const session = await vscode.commands.executeCommand<{ url: string }>('apigw.startMock', chat.node);
    assert.match(session.url, /^ws:\/\/127\.0\.0\.1:\d+\/dev$/);

    const ws = new WebSocket(session.url);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    const reply = new Promise<string>((resolve) => ws.once('message', (d: Buffer) => resolve(d.toString())));
    ws.send(JSON.stringify({ action: 'hello' }));
    await reply;
    ws.close();
    const lines = await waitFor('three access log lines (connect, message, disconnect)', () => {
      const written = mock.accessLog(template, 'ChatWebSocketApi');
      return written.length >= 3 ? written : undefined;
    });

    // The format as the template writes it, with its !Sub parameter as the stack would fill it (Default dev).
    const written = /Format: !Sub '(.*)'$/m.exec(fs.readFileSync(template, 'utf8'))?.[1];
    assert.ok(written, 'the template has an access log format');
    const format = written.replace('${StageName}', 'dev');
    for (const line of lines) assert.match(line, formatPattern(format));
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, string>);
    assert.deepEqual(
      parsed.map((p) => [p['eventType'], p['routeKey'], p['status'], p['stage'], p['ip']]),
      [
        ['CONNECT', '$connect', '200', 'dev', '127.0.0.1'],
        ['MESSAGE', '$default', '200', 'dev', '127.0.0.1'],
        ['DISCONNECT', '$disconnect', '200', 'dev', '127.0.0.1'],
      ],
    );
    assert.equal(new Set(parsed.map((p) => p['connectionId'])).size, 1, 'one connection');

    const render = await vscode.commands.executeCommand<MetricsRender | undefined>(
      'apigw.showMockMetrics',
      `${template}#ChatWebSocketApi`,
    );
    assert.ok(render, 'Show Mock Metrics failed (see the log)');
    assert.equal(render.error, undefined);
    assert.equal(render.title, 'Mock: ChatWebSocketApi · dev (WEBSOCKET)');
    const drawn = (metric: string): boolean => render.charts.find((c) => c.metric === metric)?.drawn ?? false;
    assert.deepEqual(
      render.charts.map((c) => c.metric),
      ['ConnectCount', 'MessageCount', 'ClientError', 'ExecutionError', 'IntegrationError', 'IntegrationLatency'],
    );
    assert.ok(drawn('ConnectCount') && drawn('MessageCount') && drawn('IntegrationLatency'));
    assert.equal(render.routes, 3, 'the routes table: $connect, $default, $disconnect');
  });

  test('pets-rest: no format in the definition, so the CLF preset, with the request id of each response', async () => {
    const definition = path.join(workspaceRoot(), 'pets-rest', 'openapi.yaml');
    const file = child(api, undefined, 'pets-rest/openapi.yaml');
    const pets = child(api, file.node, 'Pets REST API');
    const session = await vscode.commands.executeCommand<{ url: string }>('apigw.startMock', pets.node);
    const before = mock.accessLog(definition, 'Pets REST API').length;
    const ok = await get(`${session.url}/pets`);
    const missing = await get(`${session.url}/nowhere`);
    const lines = await waitFor('two more access log lines', () => {
      const written = mock.accessLog(definition, 'Pets REST API');
      return written.length >= before + 2 ? written.slice(before) : undefined;
    });
    const clf = (method: string, resource: string, status: number, id: string): RegExp =>
      new RegExp(
        `^127\\.0\\.0\\.1 - - \\[\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0000\\] "${method} ${resource.replace(/[{}]/g, '\\$&')} HTTP/1\\.1" ${status} \\d+ ${id}$`,
      );
    assert.match(lines[0]!, clf('GET', '/pets', 200, ok.requestId));
    assert.match(lines[1]!, clf('GET', '/nowhere', 403, missing.requestId));

    const render = await vscode.commands.executeCommand<MetricsRender | undefined>(
      'apigw.showMockMetrics',
      `${definition}#Pets REST API`,
    );
    assert.ok(render);
    assert.equal(render.title, 'Mock: Pets REST API · local (REST)');
    const count = render.charts.find((c) => c.metric === 'Count');
    assert.ok(count?.drawn);
    const errors = render.charts.find((c) => c.metric === '4XXError');
    assert.ok(errors?.drawn);
    await (
      globalThis as { __vscodeE2E?: { screenshot?: (name: string) => Promise<boolean> } }
    ).__vscodeE2E?.screenshot?.('mock-metrics');
  });
});
