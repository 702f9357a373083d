import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AwsTestApi } from '../../src/extension/aws';
import type { AwsNode } from '../../src/extension/aws/awsNodes';
import { startAwsTestServer, type AwsTestServer } from '../aws/server';
import {
  awsTestEnvironment,
  resetAwsSettings,
  seedRestApi,
  useAwsTestEndpoint,
  setEnv,
} from './helpers/awsEnvironment';
import { extensionApi, waitFor } from './helpers/extension';

const region = 'eu-west-1';
const credentials = { accessKeyId: 'AKIDINTEGRATION', secretAccessKey: 'integration-secret' };

/** A small REST API, imported straight into the test server (not through the extension). */
const definition = {
  openapi: '3.0.1',
  info: { title: 'Pets on AWS', version: '1.0' },
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
      post: {
        responses: { '201': { description: 'Created' } },
        'x-amazon-apigateway-integration': {
          type: 'aws_proxy',
          httpMethod: 'POST',
          uri: `arn:aws:apigateway:${region}:lambda:path/2015-03-31/functions/arn:aws:lambda:${region}:123456789012:function:AddPet/invocations`,
        },
      },
    },
  },
};

const awsEnv = awsTestEnvironment(credentials);

suite('AWS view', () => {
  let server: AwsTestServer;
  let aws: AwsTestApi;
  let apiId: string;
  let savedEnv: Record<string, string | undefined>;

  const label = (node: AwsNode): string => {
    const item = aws.treeItem(node);
    return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
  };
  const description = (node: AwsNode): string => String(aws.treeItem(node).description ?? '');
  const tooltip = (node: AwsNode): string => {
    const value = aws.treeItem(node).tooltip;
    return typeof value === 'string' ? value : (value?.value ?? '');
  };
  const childNamed = async (parent: AwsNode | undefined, name: string): Promise<AwsNode> => {
    const all = await aws.children(parent);
    const found = all.find((n) => label(n) === name);
    if (!found) throw new Error(`No "${name}" among: ${all.map(label).join(', ')}`);
    return found;
  };
  const place = async (): Promise<AwsNode> => {
    const [root, ...rest] = await aws.children();
    assert.ok(root && rest.length === 0, 'one root node');
    return root;
  };

  suiteSetup(async () => {
    const api = await extensionApi();
    assert.ok(api.aws, 'the extension exposes no AWS test API');
    aws = api.aws;
    server = await startAwsTestServer({ region, credentials: [credentials] });
    apiId = await seedRestApi(server, region, credentials, definition);
    savedEnv = setEnv(awsEnv);
    await useAwsTestEndpoint(server.url, region);
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // Hidden, the view lists nothing when the settings below go back to AWS itself.
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await resetAwsSettings();
    setEnv(savedEnv);
    await server.close();
  });

  test('activation did not load the AWS SDK', () => {
    assert.equal(aws.sdkLoaded(), false, 'dist/aws.js must load only when the AWS view lists something');
  });

  test('lists the place, the imported API, its stage and its routes, with signed calls to the endpoint', async () => {
    aws.refresh();
    const root = await place();
    assert.equal(label(root), `environment · ${region}`);
    assert.ok(aws.sdkLoaded());
    const api = await childNamed(root, 'Pets on AWS');
    assert.equal(description(api), `REST · ${apiId}`);
    assert.equal(aws.treeItem(api).contextValue, 'apigw.aws.api.rest');

    const stage = await childNamed(api, 'prod');
    assert.match(description(stage), new RegExp(`^https://${apiId}\\.execute-api\\.${region}\\.amazonaws\\.com/prod$`));
    assert.match(tooltip(stage), /Stage variables:\n {2}alias = live/);
    const routes = await aws.children(await childNamed(api, 'Resources'));
    const routeLabels = routes.map(label);
    assert.ok(routeLabels.includes('GET /pets'), routeLabels.join(', '));
    assert.ok(routeLabels.includes('POST /pets'), routeLabels.join(', '));
    const post = routes.find((n) => label(n) === 'POST /pets');
    assert.ok(post);
    assert.equal(description(post), 'AWS_PROXY AddPet');

    await waitFor('the account on the place', () => (description(root).startsWith('123456789012') ? true : undefined));
    assert.ok(server.requests.some((r) => r.operation === 'GetRestApis'));
    const unsigned = server.requests.filter(
      (r) =>
        !/^AWS4-HMAC-SHA256 Credential=AKIDINTEGRATION\/\d{8}\/eu-west-1\/(apigateway|sts)\/aws4_request/.test(
          r.headers.authorization ?? '',
        ),
    );
    assert.deepEqual(
      unsigned.map((r) => r.operation),
      [],
      'every call is signed for eu-west-1',
    );
  });

  test('the status bar shows the place once the view is shown', async () => {
    await vscode.commands.executeCommand('apigw.awsApis.focus');
    const text = await waitFor('the AWS status item', () =>
      aws.statusBarText()?.includes(region) === true ? aws.statusBarText() : undefined,
    );
    assert.equal(text, `$(cloud) environment · ${region}`);
  });

  test('Copy Invoke URL copies the stage URL', async () => {
    const stage = await childNamed(await childNamed(await place(), 'Pets on AWS'), 'prod');
    const url = await vscode.commands.executeCommand<string>('apigw.copyInvokeUrl', stage);
    assert.equal(url, description(stage));
    assert.equal(await vscode.env.clipboard.readText(), url);
  });

  test('Export API opens the deployed definition in an untitled editor', async () => {
    const api = await childNamed(await place(), 'Pets on AWS');
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('apigw.exportApi', api, {
      format: 'json',
    });
    assert.ok(document, 'the command resolves to the document');
    assert.ok(document.isUntitled);
    assert.equal(document.languageId, 'json');
    const exported = JSON.parse(document.getText()) as { paths?: Record<string, unknown> };
    assert.ok(exported.paths?.['/pets'], document.getText().slice(0, 500));
    assert.equal(vscode.window.activeTextEditor?.document, document);
    const request = [...server.requests].reverse().find((r) => r.operation === 'GetExport');
    assert.ok(request, 'GetExport was called');
    assert.match(request.path, new RegExp(`/restapis/${apiId}/stages/prod/exports/oas30`));
  });

  test('a failure becomes an error node whose Retry lists the APIs again', async () => {
    server.fail('GetRestApis', { errorType: 'AccessDeniedException', message: 'not allowed here' });
    aws.refresh();
    const root = await place();
    const [error, ...others] = await aws.children(root);
    assert.ok(error && others.length === 0);
    assert.equal(aws.treeItem(error).contextValue, 'apigw.aws.error');
    assert.equal(aws.treeItem(error).description, 'Retry');
    const retry = aws.treeItem(error).command;
    assert.equal(retry?.command, 'apigw.refreshAwsApis');
    await vscode.commands.executeCommand(retry.command, ...((retry.arguments ?? []) as unknown[]));
    await childNamed(root, 'Pets on AWS');
  });

  test('without credentials the view offers to sign in', async () => {
    const keys = setEnv({ AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined });
    try {
      aws.refresh();
      const root = await place();
      assert.equal(label(root), `default · ${region}`);
      const [signIn] = await aws.children(root);
      assert.ok(signIn);
      assert.equal(label(signIn), 'Sign in…');
      assert.equal(aws.treeItem(signIn).command?.command, 'apigw.chooseAwsProfile');
      assert.doesNotMatch(description(signIn), /\n\s+at /, 'no stack trace');
    } finally {
      setEnv(keys);
      aws.refresh();
    }
  });
});
