import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { ApiGatewayV2Client, CreateStageCommand, ImportApiCommand } from '@aws-sdk/client-apigatewayv2';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension/api';
import type { AwsTestApi } from '../../src/extension/aws';
import type { AwsNode } from '../../src/extension/aws/awsNodes';
import type { MockTestApi } from '../../src/extension/mock';
import { startAwsTestServer, type AwsTestServer } from '../aws/server';
import {
  awsTestEnvironment,
  resetAwsSettings,
  seedRestApi,
  useAwsTestEndpoint,
  setEnv,
} from './helpers/awsEnvironment';
import { child, extensionApi, waitFor, workspaceRoot } from './helpers/extension';

const region = 'eu-west-1';
const credentials = { accessKeyId: 'AKIDINVOKE', secretAccessKey: 'invoke-secret' };

/** A REST API with MOCK routes, imported straight into the test server (not through the extension). */
const definition = {
  openapi: '3.0.1',
  info: { title: 'Pets on AWS', version: '1.0' },
  paths: {
    '/pets/{petId}': {
      get: {
        parameters: [{ name: 'petId', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': { description: 'A pet' } },
        'x-amazon-apigateway-integration': {
          type: 'mock',
          requestTemplates: { 'application/json': '{"statusCode": 200}' },
          responses: {
            default: {
              statusCode: '200',
              responseParameters: { 'method.response.header.X-Pet-Source': "'mock'" },
              responseTemplates: { 'application/json': '{"id": "$input.params(\'petId\')", "name": "Rex"}' },
            },
          },
        },
      },
    },
    // The same operation as examples/pets-rest's GET /health, so a local route can be compared with it.
    '/health': {
      get: {
        responses: { '200': { description: 'Healthy' } },
        'x-amazon-apigateway-integration': {
          type: 'mock',
          requestTemplates: { 'application/json': '{"statusCode": 200}' },
          responses: {
            default: {
              statusCode: '200',
              responseTemplates: { 'application/json': '{"status": "ok", "time": "$context.requestTime"}' },
            },
          },
        },
      },
    },
  },
};

/** An HTTP API with a proxy route, imported into the test server and deployed to an auto-deploying stage. */
const httpDefinition = {
  openapi: '3.0.1',
  info: { title: 'Notes on AWS', version: '1.0' },
  paths: {
    '/notes/{noteId}': {
      get: {
        responses: { '200': { description: 'A note' } },
        'x-amazon-apigateway-integration': {
          type: 'http_proxy',
          httpMethod: 'GET',
          uri: 'https://notes.example.com/notes/{noteId}',
          payloadFormatVersion: '1.0',
        },
      },
    },
  },
};

const awsEnv = awsTestEnvironment(credentials);

suite('Invoke Route on AWS', () => {
  let api: ExtensionApi;
  let aws: AwsTestApi;
  let mock: MockTestApi;
  let server: AwsTestServer;
  let apiId: string;
  let savedEnv: Record<string, string | undefined>;

  const label = (node: AwsNode): string => {
    const item = aws.treeItem(node);
    return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
  };
  const childNamed = async (parent: AwsNode | undefined, name: string): Promise<AwsNode> => {
    const all = await aws.children(parent);
    const found = all.find((n) => label(n) === name);
    if (!found) throw new Error(`No "${name}" among: ${all.map(label).join(', ')}`);
    return found;
  };
  const lastTestInvoke = (): { path: string; body: Record<string, unknown> } => {
    const request = [...server.requests].reverse().find((r) => r.operation === 'TestInvokeMethod');
    assert.ok(request, 'TestInvokeMethod was called');
    return { path: request.path, body: JSON.parse(request.body) as Record<string, unknown> };
  };

  suiteSetup(async () => {
    api = await extensionApi();
    assert.ok(api.aws && api.mock, 'the extension exposes no AWS or mock test API');
    aws = api.aws;
    mock = api.mock;
    await api.workspaceApis.whenIdle();
    server = await startAwsTestServer({ region, credentials: [credentials] });
    apiId = await seedRestApi(server, region, credentials, definition);
    savedEnv = setEnv(awsEnv);
    await useAwsTestEndpoint(server.url, region);
    aws.refresh();
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const session of mock.sessions()) {
      await vscode.commands.executeCommand('apigw.stopMock', `${session.file}#${session.apiName}`);
    }
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await resetAwsSettings();
    setEnv(savedEnv);
    await server.close();
  });

  test('from a route of the AWS view: TestInvokeMethod with the stage variables, its log by stage', async () => {
    const [place] = await aws.children();
    assert.ok(place);
    const apiNode = await childNamed(place, 'Pets on AWS');
    const route = await childNamed(await childNamed(apiNode, 'Resources'), 'GET /pets/{petId}');
    assert.equal(aws.treeItem(route).contextValue, 'apigw.aws.route.rest');
    await vscode.commands.executeCommand('apigw.invokeRouteOnAws', route, { stage: 'prod' });
    assert.deepEqual(mock.invokePanelState(), {
      title: 'Invoke GET /pets/{petId} on AWS',
      remote: 'AWS (stage prod of API Pets on AWS)',
      mode: 'remote',
    });

    const result = await mock.sendInvokeOnAws({ pathParameters: [{ name: 'petId', value: '42', required: true }] });
    assert.equal(result.origin, 'aws');
    assert.equal(result.status, 200);
    assert.equal(result.headers['X-Pet-Source'], 'mock');
    // The test double answers with the response template's text (it evaluates no VTL).
    assert.equal(result.body, '{"id": "$input.params(\'petId\')", "name": "Rex"}');
    assert.equal(result.route, 'GET /pets/{petId}');
    assert.equal(result.url, `https://${apiId}.execute-api.${region}.amazonaws.com/prod/pets/42`);
    const sections = (result.awsLog ?? []).map((s) => s.title);
    for (const stage of ['Method request', 'Integration request', 'Method response', 'Result']) {
      assert.ok(sections.includes(stage), `no ${stage} in ${sections.join(', ')}`);
    }
    const template = result.awsLog?.flatMap((s) => s.entries).find((e) => e.template === 'request');
    assert.equal(template?.value, '{"statusCode": 200}');
    assert.match(result.rawLog ?? '', /^Execution log for request /);

    const sent = lastTestInvoke();
    assert.match(sent.path, new RegExp(`^/restapis/${apiId}/resources/[^/]+/methods/GET$`));
    assert.equal(sent.body.pathWithQueryString, '/pets/42');
    assert.deepEqual(sent.body.stageVariables, { alias: 'live' });
    await waitFor('the Invoke webview to draw the AWS result', () =>
      mock.renderedInvokeId() === result.requestId ? true : undefined,
    );
    await (
      globalThis as { __vscodeE2E?: { screenshot?: (name: string) => Promise<boolean> } }
    ).__vscodeE2E?.screenshot?.('invoke-on-aws');
  });

  test('AWS failures show as a message for people, never a stack trace', async () => {
    server.fail('TestInvokeMethod', { errorType: 'AccessDeniedException', message: 'not allowed to test' });
    await assert.rejects(mock.sendInvokeOnAws(), (error: unknown) => {
      assert.ok(error instanceof Error);
      assert.match(error.message, /denied|not allowed/i);
      assert.doesNotMatch(error.message, /\n\s+at /, 'no stack trace');
      return true;
    });
    server.fail('TestInvokeMethod', {
      errorType: 'NotFoundException',
      message: 'Invalid Resource identifier specified',
    });
    await assert.rejects(mock.sendInvokeOnAws(), /not found/i);
  });

  test('from a workspace route with its AWS target, then Compare local and AWS side by side', async () => {
    const file = child(api, undefined, 'pets-rest/openapi.yaml');
    const route = child(api, child(api, file.node, 'Pets REST API').node, 'GET /health');
    await vscode.commands.executeCommand('apigw.invokeRouteOnAws', route.node, { apiId, stage: 'prod' });
    // Given by id, the API is named once AWS has been asked.
    assert.deepEqual(mock.invokePanelState(), {
      title: 'Invoke GET /health on AWS',
      local: 'Local mock',
      remote: `AWS (stage prod of API ${apiId})`,
      mode: 'remote',
    });
    const onAws = await mock.sendInvokeOnAws();
    assert.equal(onAws.status, 200);
    assert.equal(onAws.target, 'AWS (stage prod of API Pets on AWS)');
    assert.equal(mock.invokePanelState()?.remote, 'AWS (stage prod of API Pets on AWS)');
    assert.equal(lastTestInvoke().body.pathWithQueryString, '/health');

    const comparison = await mock.compareInvoke();
    assert.ok(comparison.local.ok, comparison.local.ok ? '' : comparison.local.message);
    assert.ok(comparison.remote.ok, comparison.remote.ok ? '' : comparison.remote.message);
    assert.equal(comparison.local.result.origin, 'local');
    assert.equal(comparison.remote.result.origin, 'aws');
    const differences = comparison.differences;
    assert.ok(differences);
    assert.deepEqual(differences.status, { local: 200, aws: 200, same: true });
    // The mock evaluates $context.requestTime; the test double returns the template as written.
    assert.equal(differences.body.same, false);
    assert.equal(differences.body.json, true);
    const changed = differences.body.lines.filter((l) => !l.same);
    assert.equal(changed.length, 1, JSON.stringify(differences.body.lines));
    assert.match(changed[0]?.aws ?? '', /"time": "\$context\.requestTime"/);
    const requestId = differences.headers.find((h) => h.name.toLowerCase() === 'x-amzn-requestid');
    assert.equal(requestId?.varies, true, 'request ids differ on every request and are not counted');
    assert.ok(
      mock.sessions().some((s) => s.apiName === 'Pets REST API'),
      'Compare started the mock API',
    );
    await waitFor('the Invoke webview to draw the comparison', () =>
      mock.renderedInvokeId() === comparison.id ? true : undefined,
    );
  });

  test('an HTTP API behind the endpoint setting is called at its path-style execute-api URL, not at AWS', async () => {
    const v2 = new ApiGatewayV2Client({ region, endpoint: server.url, credentials });
    const imported = await v2.send(new ImportApiCommand({ Body: JSON.stringify(httpDefinition) }));
    const httpId = imported.ApiId ?? '';
    await v2.send(new CreateStageCommand({ ApiId: httpId, StageName: 'live', AutoDeploy: true }));
    v2.destroy();
    aws.refresh();
    const [place] = await aws.children();
    const apiNode = await childNamed(place, 'Notes on AWS');
    const route = await childNamed(await childNamed(apiNode, 'Routes'), 'GET /notes/{noteId}');
    await vscode.commands.executeCommand('apigw.invokeRouteOnAws', route, { stage: 'live' });
    assert.equal(mock.invokePanelState()?.remote, 'AWS (stage live of API Notes on AWS)');

    const result = await mock.sendInvokeOnAws({
      pathParameters: [{ name: 'noteId', value: '7', required: true }],
      query: [{ name: 'full', value: 'yes', required: false }],
    });
    assert.equal(result.url, `${server.url}/_aws/execute-api/${httpId}/live/notes/7?full=yes`);
    assert.equal(result.status, 200, result.body);
    assert.deepEqual(JSON.parse(result.body), {
      routeKey: 'GET /notes/{noteId}',
      stage: 'live',
      path: '/notes/7',
      pathParameters: { noteId: '7' },
      rawQueryString: 'full=yes',
    });
    const called = server.requests.filter((r) => r.service === 'execute-api');
    assert.deepEqual(
      called.map((r) => `${r.method} ${r.path} ${r.status}`),
      [`GET /_aws/execute-api/${httpId}/live/notes/7 200`],
    );
    assert.ok(result.headers['apigw-requestid'], 'the answer is the test server’s');
  });

  test('a CodeLens offers Invoke on AWS beside Invoke Locally once the API has an AWS target', async () => {
    const definitionFile = path.join(workspaceRoot(), 'pets-rest', 'openapi.yaml');
    const document = await vscode.workspace.openTextDocument(definitionFile);
    await vscode.window.showTextDocument(document);
    const lenses = await waitFor('Invoke on AWS CodeLenses', async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeLens[]>(
        'vscode.executeCodeLensProvider',
        document.uri,
      );
      const ours = found.filter((l) => l.command?.command === 'apigw.invokeRouteOnAws');
      return ours.length > 0 ? ours : undefined;
    });
    assert.equal(lenses[0]?.command?.title, '$(cloud) Invoke on AWS');
    const health = lenses.find((l) => (l.command?.arguments?.[0] as { path?: string } | undefined)?.path === '/health');
    assert.ok(health?.command);
    // The remembered target (from the test before) is used without asking.
    await vscode.commands.executeCommand(health.command.command, ...(health.command.arguments as unknown[]));
    assert.equal(mock.invokePanelState()?.mode, 'remote');
    const result = await mock.sendInvokeOnAws();
    assert.equal(result.status, 200);
    assert.equal(result.target, 'AWS (stage prod of API Pets on AWS)');
    assert.equal(lastTestInvoke().body.pathWithQueryString, '/health');
  });
});
