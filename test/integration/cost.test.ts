import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension/api';
import type { AwsNode } from '../../src/extension/aws/awsNodes';
import { startAwsTestServer, type AwsTestServer } from '../aws/server';
import {
  awsTestEnvironment,
  resetAwsSettings,
  seedRestApi,
  setEnv,
  useAwsTestEndpoint,
} from './helpers/awsEnvironment';
import { child, extensionApi, waitFor } from './helpers/extension';

/** Runs `command` on `node`, accepting each usage question (its prefilled answer) until the command resolves. */
async function runAnswering(command: string, node: unknown): Promise<string | undefined> {
  let outcome: { text: string | undefined } | undefined;
  const running = vscode.commands
    .executeCommand<string | undefined>(command, node)
    .then((text) => (outcome = { text }));
  await waitFor('the usage questions to be answered', async () => {
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    return outcome;
  });
  await running;
  return outcome?.text;
}

/** The estimate document the command showed. */
async function shownEstimate(): Promise<vscode.TextDocument> {
  const editor = await waitFor('the estimate document', () => {
    const e = vscode.window.activeTextEditor;
    return e?.document.uri.scheme === 'apigw-cost' ? e : undefined;
  });
  return editor.document;
}

suite('Cost estimate', () => {
  let api: ExtensionApi;

  suiteSetup(async () => {
    api = await extensionApi();
    await api.workspaceApis.whenIdle();
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('Estimate Monthly Cost on the REST example: REST and HTTP side by side, with what an HTTP import drops', async () => {
    const pets = child(api, child(api, undefined, 'pets-rest/openapi.yaml').node, 'Pets REST API');
    const text = await runAnswering('apigw.estimateCost', pets.node);
    const document = await shownEstimate();
    assert.equal(document.getText(), text);
    assert.equal(document.languageId, 'markdown');
    const lines = document.getText().split('\n');
    assert.equal(lines[0], '# Monthly cost estimate: Pets REST API');
    // The questions' prefilled answers: 1M requests of 1 KB.
    assert.equal(lines[2], 'REST API · pets-rest/openapi.yaml · 1 M requests a month of 1 KB');
    assert.ok(lines.includes('| | REST API | HTTP API |'), document.getText());
    assert.ok(lines.includes('| **Monthly cost** | **$3.50** | **$1.00** |'), document.getText());
    assert.ok(lines.includes('As an HTTP API it would cost $1.00 a month: 71% less.'));
    assert.ok(lines.includes('## What an import as an HTTP API would drop'));
    assert.ok(
      lines.some((l) => /^- (requestTemplates|integration responses|MOCK integrations|request validators)/.test(l)),
    );
    assert.match(
      document.getText(),
      /Prices of \d{4}-\d{2}-\d{2} from https:\/\/aws\.amazon\.com\/api-gateway\/pricing\//,
    );
    await (
      globalThis as { __vscodeE2E?: { screenshot?: (name: string) => Promise<boolean> } }
    ).__vscodeE2E?.screenshot?.('cost-estimate');
  });

  test('Estimate Monthly Cost on the WebSocket example: messages and connection minutes', async () => {
    const chat = child(api, child(api, undefined, 'chat-websocket/template.yaml').node, 'ChatWebSocketApi');
    const text = await runAnswering('apigw.estimateCost', chat.node);
    const document = await shownEstimate();
    assert.equal(document.getText(), text);
    assert.match(
      document.getText(),
      /WebSocket API · chat-websocket\/template\.yaml · 1 M messages a month of 1 KB, 1 M connection minutes/,
    );
    // 1 M messages at $1.00 per million + 1 M connection minutes at $0.25 per million.
    assert.match(document.getText(), /\| \*\*Monthly cost\*\* \| \*\*\$1\.25\*\* \|/);
    assert.doesNotMatch(document.getText(), /HTTP API/);
  });
});

suite('Cost estimate of a deployed stage', () => {
  // us-east-1: the Price List API answers there, so the stage's prices come from the test double's GetProducts.
  const region = 'us-east-1';
  const credentials = { accessKeyId: 'AKIDCOSTSTAGE', secretAccessKey: 'cost-stage-secret' };
  let server: AwsTestServer;
  let savedEnv: Record<string, string | undefined>;

  suiteSetup(async () => {
    server = await startAwsTestServer({ region, credentials: [credentials] });
    await seedRestApi(server, region, credentials, {
      openapi: '3.0.1',
      info: { title: 'Costly Pets', version: '1.0' },
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
    });
    const day = 86_400_000;
    server.state.metrics.push({
      namespace: 'AWS/ApiGateway',
      metricName: 'Count',
      dimensions: { ApiName: 'Costly Pets', Stage: 'prod' },
      unit: 'Count',
      samples: [
        { timestamp: Date.now() - 2 * day, value: 1_200_000 },
        { timestamp: Date.now() - 9 * day, value: 800_000 },
      ],
    });
    savedEnv = setEnv(awsTestEnvironment(credentials));
    await useAwsTestEndpoint(server.url, region);
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await resetAwsSettings();
    setEnv(savedEnv);
    await server.close();
  });

  test('prefills the requests with the stage’s last 30 days of Count and prices them from the Price List API', async () => {
    const api = await extensionApi();
    const aws = api.aws;
    assert.ok(aws, 'the extension exposes no AWS test API');
    const label = (node: AwsNode): string => {
      const item = aws.treeItem(node);
      return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
    };
    aws.refresh();
    const stage = await waitFor('the stage prod of Costly Pets in the AWS view', async () => {
      const [place] = await aws.children();
      const costly = (await aws.children(place)).find((n) => label(n) === 'Costly Pets');
      return costly === undefined ? undefined : (await aws.children(costly)).find((n) => label(n) === 'prod');
    });
    const text = await runAnswering('apigw.estimateStageCost', stage);
    const document = await shownEstimate();
    assert.equal(document.getText(), text);
    const shown = document.getText();
    assert.match(shown, /^# Monthly cost estimate: Costly Pets · prod\n/);
    assert.match(shown, /Usage prefilled from CloudWatch Count of the last 30 days: 2,000,000\./);
    assert.match(shown, /REST API · stage prod of \w+ in us-east-1 · 2 M requests a month of 1 KB/);
    assert.match(shown, /\| \*\*Monthly cost\*\* \| \*\*\$7\.00\*\* \| \*\*\$2\.00\*\* \|/);
    assert.match(
      shown,
      /Prices of 2026-11-20 from AWS Price List API \(GetProducts, service code AmazonApiGateway\)\./,
    );
    assert.ok(server.requests.some((r) => r.headers['x-amz-target'] === 'AWSPriceListService.GetProducts'));
    assert.ok(server.requests.some((r) => r.headers['x-amz-target'] === 'GraniteServiceVersion20100801.GetMetricData'));
  });
});
