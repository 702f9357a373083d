import * as assert from 'node:assert/strict';
import { ApiGatewayV2Client, CreateStageCommand, ImportApiCommand } from '@aws-sdk/client-apigatewayv2';
import * as vscode from 'vscode';
import type { AwsTestApi } from '../../src/extension/aws';
import type { AwsNode } from '../../src/extension/aws/awsNodes';
import type { TailStarted } from '../../src/extension/logs/tailStageLogsCommand';
import { startAwsTestServer, type AwsTestServer } from '../aws/server';
import {
  awsTestEnvironment,
  resetAwsSettings,
  seedRestApi,
  setEnv,
  useAwsTestEndpoint,
} from './helpers/awsEnvironment';
import { awsTree } from './helpers/awsTree';
import { extensionApi, waitFor } from './helpers/extension';

const region = 'eu-west-1';
const credentials = { accessKeyId: 'AKIDLOGS', secretAccessKey: 'logs-secret' };

const definition = {
  openapi: '3.0.1',
  info: { title: 'Logged Pets', version: '1.0' },
  paths: {
    '/pets': {
      get: {
        responses: { '200': { description: 'The pets' } },
        'x-amazon-apigateway-integration': {
          type: 'mock',
          requestTemplates: { 'application/json': '{"statusCode": 200}' },
          responses: { default: { statusCode: '200' } },
        },
      },
    },
  },
};

/** An HTTP API whose stage writes an access log: "Show logs of this request" reads it by the request id. */
const httpDefinition = {
  openapi: '3.0.1',
  info: { title: 'Logged Notes', version: '1.0' },
  paths: {
    '/notes': {
      get: {
        responses: { '200': { description: 'The notes' } },
        'x-amazon-apigateway-integration': {
          type: 'http_proxy',
          httpMethod: 'GET',
          uri: 'https://notes.example.com/notes',
          payloadFormatVersion: '1.0',
        },
      },
    },
  },
};

suite('Stage logs: Tail Logs on a stage', () => {
  let server: AwsTestServer;
  let aws: AwsTestApi;
  let apiId: string;
  let savedEnv: Record<string, string | undefined>;
  const group = (): string => `API-Gateway-Execution-Logs_${apiId}/prod`;

  const stageNode = (name: string): Promise<AwsNode> => awsTree(aws).nodeAt('Logged Pets', name);
  const documentText = (uri: string): string | undefined =>
    vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri)?.getText();

  suiteSetup(async () => {
    const api = await extensionApi();
    assert.ok(api.aws, 'the extension exposes no AWS test API');
    aws = api.aws;
    server = await startAwsTestServer({ region, credentials: [credentials] });
    apiId = await seedRestApi(server, region, credentials, definition);
    const record = server.state.restApis.get(apiId);
    assert.ok(record);
    // Execution logging on at INFO on prod (as "Logging Settings…" or the console would leave it), off on dev.
    record.stages.get('prod')!.methodSettings = { '*/*': { loggingLevel: 'INFO', dataTraceEnabled: false } };
    record.stages.set('dev', { ...record.stages.get('prod')!, stageName: 'dev', methodSettings: {} });
    const now = Date.now();
    server.state.addLogGroup(group(), [
      { timestamp: now - 120_000, message: '(11111111-aaaa-4bbb-8ccc-000000000001) Extended Request Id: Ab1=' },
      { timestamp: now - 119_000, message: '(11111111-aaaa-4bbb-8ccc-000000000001) Method completed with status: 200' },
      { timestamp: now - 60_000, message: '(22222222-aaaa-4bbb-8ccc-000000000002) Method completed with status: 502' },
    ]);
    savedEnv = setEnv(awsTestEnvironment(credentials));
    await useAwsTestEndpoint(server.url, region);
  });

  // A test that fails part-way leaves no tail polling the test server for the next ones.
  const tails: { stop(): void }[] = [];
  const tailing = (started: TailStarted | undefined): void => {
    if (started && 'stop' in started) tails.push(started);
  };
  teardown(() => {
    for (const tail of tails.splice(0)) tail.stop();
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await resetAwsSettings();
    setEnv(savedEnv);
    await server.close();
  });

  test("tails the stage's execution log: the seeded lines, Live Tail refused and said, new lines by polling, stopped when its editor closes", async () => {
    const stage = await stageNode('prod');
    const started = await vscode.commands.executeCommand<TailStarted | undefined>('apigw.tailStageLogs', stage, {
      which: 'execution',
      filter: '',
      pollIntervalMs: 200,
    });
    tailing(started);
    assert.ok(started && 'uri' in started, `no tail started: ${JSON.stringify(started)}`);
    assert.equal(started.logGroup, group());
    const seeded = await waitFor('the seeded lines in the tail editor', () => {
      const text = documentText(started.uri);
      if (text?.includes('Method completed with status: 502')) return text;
      throw new Error(`the editor shows ${text === undefined ? 'nothing (not open)' : JSON.stringify(text)}`);
    });
    assert.match(seeded, /^Execution log of stage prod of Logged Pets \(\w+\): API-Gateway-Execution-Logs_\w+\/prod\n/);
    assert.match(seeded, /\(11111111-aaaa-4bbb-8ccc-000000000001\) Extended Request Id: Ab1=\n/);
    assert.match(seeded, /\(11111111-aaaa-4bbb-8ccc-000000000001\) Method completed with status: 200\n/);
    await waitFor('the fallback notice', () =>
      documentText(started.uri)?.includes('Live Tail was refused (AccessDenied on logs:StartLiveTail)')
        ? true
        : undefined,
    );
    const tab = await waitFor('the tail editor tab', () =>
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .find((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === started.uri),
    );
    // A request logged now reaches the open editor by polling.
    server.state.addLogGroup(group(), [
      { timestamp: Date.now(), message: '(33333333-aaaa-4bbb-8ccc-000000000003) Method completed with status: 201' },
    ]);
    const followed = await waitFor('the new line', () => {
      const text = documentText(started.uri);
      return text?.includes('status: 201') ? text : undefined;
    });
    assert.equal(followed.split('Method completed with status: 502').length, 2, 'each event once');
    // Closing the editor ends the tail (the promise settles only once the tail loop, and so its polling, ended).
    assert.ok(await vscode.window.tabGroups.close(tab));
    await started.done;
  });

  test('a request id filter shows only that request', async () => {
    const stage = await stageNode('prod');
    const started = await vscode.commands.executeCommand<TailStarted | undefined>('apigw.tailStageLogs', stage, {
      which: 'execution',
      requestId: '11111111-aaaa-4bbb-8ccc-000000000001',
      pollIntervalMs: 200,
    });
    tailing(started);
    assert.ok(started && 'uri' in started);
    const text = await waitFor('the request lines', () => {
      const t = documentText(started.uri);
      return t?.includes('status: 200') ? t : undefined;
    });
    assert.ok(!text.includes('status: 502'), text);
    started.stop();
    await started.done;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('logging off on the stage says so and starts nothing', async () => {
    const stage = await stageNode('dev');
    const before = server.requests.filter((r) => r.service === 'logs').length;
    const result = await vscode.commands.executeCommand<TailStarted | undefined>('apigw.tailStageLogs', stage, {
      which: 'execution',
      filter: '',
    });
    assert.ok(result && 'loggingOff' in result, `expected logging off, got ${JSON.stringify(result)}`);
    assert.match(result.loggingOff, /^Execution logging is off on stage dev of REST API \w+ \(logging level OFF\)/);
    assert.match(result.loggingOff, /Turn it on/);
    assert.equal(server.requests.filter((r) => r.service === 'logs').length, before, 'no CloudWatch Logs call');
  });
  test('an Invoke on AWS result of an HTTP API shows the access log lines of its request', async () => {
    const api = await extensionApi();
    assert.ok(api.mock, 'the extension exposes no mock test API');
    const v2 = new ApiGatewayV2Client({ region, endpoint: server.url, credentials });
    const imported = await v2.send(new ImportApiCommand({ Body: JSON.stringify(httpDefinition) }));
    const httpId = imported.ApiId ?? '';
    await v2.send(
      new CreateStageCommand({
        ApiId: httpId,
        StageName: 'live',
        AutoDeploy: true,
        AccessLogSettings: {
          DestinationArn: `arn:aws:logs:${region}:123456789012:log-group:notes-access`,
          Format: '{"requestId":"$context.requestId","status":"$context.status"}',
        },
      }),
    );
    v2.destroy();
    const route = await awsTree(aws).nodeAt('Logged Notes', 'Routes', 'GET /notes');
    await vscode.commands.executeCommand('apigw.invokeRouteOnAws', route, { stage: 'live' });
    const result = await api.mock.sendInvokeOnAws();
    assert.equal(result.status, 200, result.body);
    assert.ok(result.requestLogs, 'the result offers its logs');
    assert.deepEqual(
      { ...result.requestLogs, requestId: undefined },
      { kind: 'HTTP', apiId: httpId, apiName: 'Logged Notes', stage: 'live', requestId: undefined },
    );
    assert.equal(result.requestLogs.requestId, result.headers['apigw-requestid']);
    // The access log of the stage, as API Gateway would have written it (the test server writes none).
    server.state.addLogGroup('notes-access', [
      { timestamp: Date.now() - 2000, message: '{"requestId":"Other00000000A=","status":"200"}' },
      { timestamp: Date.now() - 1000, message: `{"requestId":"${result.requestLogs.requestId}","status":"200"}` },
    ]);
    const started = await vscode.commands.executeCommand<TailStarted | undefined>(
      'apigw.showRequestLogs',
      result.requestLogs,
    );
    tailing(started);
    assert.ok(started && 'uri' in started, `no tail started: ${JSON.stringify(started)}`);
    assert.equal(started.logGroup, 'notes-access');
    const text = await waitFor("the request's access log line", () => {
      const t = documentText(started.uri);
      return t?.includes(result.requestLogs!.requestId) ? t : undefined;
    });
    assert.match(text, /^Access log of stage live of Logged Notes/);
    assert.ok(!text.includes('Other00000000A='), text);
    started.stop();
    await started.done;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
