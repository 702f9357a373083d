import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension/api';
import type { DeployQuestion, DeployRun, DeployTestApi } from '../../src/extension/deploy';
import { startAwsTestServer, type AwsTestServer, type RecordedRequest } from '../aws/server';
import { awsTestEnvironment, resetAwsSettings, useAwsTestEndpoint, setEnv } from './helpers/awsEnvironment';
import { extensionApi, waitFor, workspaceRoot } from './helpers/extension';

// Deploy API through the VS Code command for what deploy.test.ts does not cover: an HTTP API (ImportApi, then
// ReimportApi), a WebSocket API from its AWS::ApiGatewayV2 resources (and the refusal of one whose integrations
// need Fn::GetAtt), a definition with warnings only, a target API deleted meanwhile, and throttling shown in the
// progress. Against the AWS test double (test/aws/server).

const region = 'eu-west-1';
const credentials = { accessKeyId: 'AKIDFLOWS', secretAccessKey: 'flows-secret' };
const awsEnv = awsTestEnvironment(credentials);

/** A WebSocket API whose integrations need no Fn::GetAtt: a MOCK one and an HTTP proxy. */
const echoWebSocket = `AWSTemplateFormatVersion: '2010-09-09'
Description: An echo WebSocket API, deployable without CloudFormation.
Parameters:
  StageName:
    Type: String
    Default: live
Resources:
  EchoApi:
    Type: AWS::ApiGatewayV2::Api
    Properties:
      Name: EchoWebSocketApi
      ProtocolType: WEBSOCKET
      RouteSelectionExpression: $request.body.action
  ConnectRoute:
    Type: AWS::ApiGatewayV2::Route
    Properties:
      ApiId: !Ref EchoApi
      RouteKey: $connect
      AuthorizationType: NONE
      Target: !Sub integrations/\${ConnectIntegration}
  ConnectIntegration:
    Type: AWS::ApiGatewayV2::Integration
    Properties:
      ApiId: !Ref EchoApi
      IntegrationType: MOCK
      TemplateSelectionExpression: \\$default
      RequestTemplates:
        $default: '{"statusCode": 200}'
  EchoRoute:
    Type: AWS::ApiGatewayV2::Route
    Properties:
      ApiId: !Ref EchoApi
      RouteKey: echo
      AuthorizationType: NONE
      Target: !Join ['/', ['integrations', !Ref EchoIntegration]]
  EchoIntegration:
    Type: AWS::ApiGatewayV2::Integration
    Properties:
      ApiId: !Ref EchoApi
      IntegrationType: HTTP_PROXY
      IntegrationMethod: POST
      IntegrationUri: !Sub https://echo.example.com/\${AWS::Region}/messages
  Stage:
    Type: AWS::ApiGatewayV2::Stage
    Properties:
      ApiId: !Ref EchoApi
      StageName: !Ref StageName
      StageVariables:
        mode: test
`;

/** A REST API whose only problem is a warning: two operations share an operationId. */
const warnedRest = `openapi: 3.0.1
info:
  title: Warned REST API
  version: '1.0'
paths:
  /a:
    get:
      operationId: getThing
      responses:
        '200':
          description: A
      x-amazon-apigateway-integration:
        type: mock
        requestTemplates:
          application/json: '{"statusCode": 200}'
        responses:
          default:
            statusCode: '200'
  /b:
    get:
      operationId: getThing
      responses:
        '200':
          description: B
      x-amazon-apigateway-integration:
        type: mock
        requestTemplates:
          application/json: '{"statusCode": 200}'
        responses:
          default:
            statusCode: '200'
`;

/** The route the second HTTP deploy adds (JSON, inserted before "/status"). */
const pingRoute = `"/ping": {
      "get": {
        "operationId": "ping",
        "security": [],
        "responses": { "200": { "description": "Pong" } },
        "x-amazon-apigateway-integration": {
          "type": "http_proxy",
          "httpMethod": "GET",
          "uri": "https://status.example.com/ping",
          "payloadFormatVersion": "1.0"
        }
      }
    },
    `;

suite('Deploy API: HTTP and WebSocket APIs, warnings, a deleted target, throttling', () => {
  let api: ExtensionApi;
  let deploy: DeployTestApi;
  let server: AwsTestServer;
  let savedEnv: Record<string, string | undefined>;
  let dir: string;
  let notesUri: vscode.Uri;
  let notesOriginal: string;
  let echoUri: vscode.Uri;
  let warnedUri: vscode.Uri;
  let httpId = '';
  let warnedId = '';
  const asked: DeployQuestion[] = [];
  /** The answer to each kind of question; a kind left out is declined (Cancel). */
  let answers: Partial<Record<DeployQuestion['kind'], string>> = {};

  const goOn = (): Partial<Record<DeployQuestion['kind'], string>> => ({
    save: 'Save and Deploy',
    confirm: 'Deploy',
    warnings: 'Deploy Anyway',
  });

  /** Runs Deploy API and returns what it did, with the requests it made (from `from` on). */
  async function run(
    uri: vscode.Uri,
    options: Record<string, unknown>,
  ): Promise<{ run: DeployRun | undefined; sent: RecordedRequest[] }> {
    asked.length = 0;
    const from = server.requests.length;
    const result = await vscode.commands.executeCommand<DeployRun | undefined>('apigw.deployApi', uri, options);
    return { run: result, sent: server.requests.slice(from) };
  }

  /** "Operation status" of the calls that change something (the AWS view's reads after a deploy are GETs). */
  const changes = (sent: RecordedRequest[]): string[] =>
    sent.filter((r) => r.service !== 'sts' && r.method !== 'GET').map((r) => `${r.operation} ${r.status}`);

  suiteSetup(async () => {
    api = await extensionApi();
    assert.ok(api.deploy, 'the extension exposes no deploy test API');
    deploy = api.deploy;
    deploy.answerQuestions((question) => {
      asked.push(question);
      return answers[question.kind];
    });
    server = await startAwsTestServer({ region, credentials: [credentials] });
    savedEnv = setEnv(awsEnv);
    await useAwsTestEndpoint(server.url, region);
    // Under out/ in the workspace copy: the Workspace APIs explorer skips it, so the other suites see no change.
    dir = path.join(workspaceRoot(), 'out', 'deploy-flows-test');
    fs.mkdirSync(dir, { recursive: true });
    echoUri = vscode.Uri.file(path.join(dir, 'echo-websocket.yaml'));
    fs.writeFileSync(echoUri.fsPath, echoWebSocket);
    warnedUri = vscode.Uri.file(path.join(dir, 'warned-openapi.yaml'));
    fs.writeFileSync(warnedUri.fsPath, warnedRest);
    notesUri = vscode.Uri.file(path.join(workspaceRoot(), 'notes-http', 'openapi.json'));
    notesOriginal = fs.readFileSync(notesUri.fsPath, 'utf8');
    await api.workspaceApis.whenIdle();
  });

  setup(() => {
    answers = goOn();
  });

  suiteTeardown(async () => {
    deploy.answerQuestions(undefined);
    const doc = await vscode.workspace.openTextDocument(notesUri);
    if (doc.getText() !== notesOriginal) {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(notesUri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), notesOriginal);
      await vscode.workspace.applyEdit(edit);
    }
    if (doc.isDirty) await doc.save();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await resetAwsSettings();
    setEnv(savedEnv);
    fs.rmSync(dir, { recursive: true, force: true });
    await server.close();
  });

  test('an HTTP API (notes-http) deploys as a new API: ImportApi, then CreateStage with AutoDeploy', async () => {
    const { run: result, sent } = await run(notesUri, { target: 'new', stage: 'prod' });
    assert.ok(result, 'the command resolves to what it did');
    assert.equal(result.result, 'deployed', JSON.stringify(result.outcome));
    assert.ok(result.outcome?.ok);
    httpId = result.outcome.apiId;
    assert.equal(result.outcome.invokeUrl, `https://${httpId}.execute-api.${region}.amazonaws.com/prod`);
    assert.match(result.planText ?? '', /^Create HTTP API "Notes HTTP API" and deploy it to stage prod/);
    assert.deepEqual(changes(sent), ['ImportApi 201', 'CreateStage 201']);
    const imported = sent.find((r) => r.operation === 'ImportApi');
    assert.deepEqual(imported?.query['failOnWarnings'], ['true']);
    const createStage = JSON.parse(sent.find((r) => r.operation === 'CreateStage')?.body ?? '{}') as Record<
      string,
      unknown
    >;
    assert.equal(createStage['stageName'], 'prod');
    assert.equal(createStage['autoDeploy'], true);
    const held = server.state.apis.get(httpId);
    assert.ok(held, 'the test server holds the new API');
    assert.equal(held.wire.protocolType, 'HTTP');
    assert.ok(held.stages.get('prod')?.deploymentId, 'the stage deployed itself');
    assert.deepEqual(
      asked.map((q) => q.kind),
      ['confirm'],
    );
  });

  test('a second deploy after an edit reimports the API (ReimportApi) and the auto-deploying stage takes it', async () => {
    const doc = await vscode.workspace.openTextDocument(notesUri);
    const at = doc.getText().indexOf('"/status": {');
    assert.ok(at > 0, 'notes-http declares /status');
    const edit = new vscode.WorkspaceEdit();
    edit.insert(notesUri, doc.positionAt(at), pingRoute);
    assert.ok(await vscode.workspace.applyEdit(edit));
    const before = server.state.apis.get(httpId)?.stages.get('prod')?.deploymentId;

    const { run: result, sent } = await run(notesUri, { target: httpId, stage: 'prod' });
    assert.ok(result);
    assert.equal(result.result, 'deployed', JSON.stringify(result.outcome));
    assert.deepEqual(
      asked.map((q) => q.kind),
      ['save', 'confirm'],
    );
    assert.deepEqual(
      result.plan?.changes.map((c) => `${c.action} ${c.category} ${c.key}`),
      ['add route GET /ping'],
    );
    // The stage deploys automatically: no CreateDeployment after the reimport.
    assert.deepEqual(changes(sent), ['ReimportApi 201']);
    const held = server.state.apis.get(httpId);
    assert.ok([...(held?.routes.values() ?? [])].some((r) => r.routeKey === 'GET /ping'));
    assert.notEqual(held?.stages.get('prod')?.deploymentId, before, 'a new deployment on the stage');
  });

  test('a WebSocket API deploys from its AWS::ApiGatewayV2 resources: API, integrations, routes, stage', async () => {
    const { run: result, sent } = await run(echoUri, { target: 'new', stage: 'live' });
    assert.ok(result);
    assert.equal(result.result, 'deployed', JSON.stringify(result.outcome));
    assert.ok(result.outcome?.ok);
    const wsId = result.outcome.apiId;
    assert.equal(result.outcome.invokeUrl, `wss://${wsId}.execute-api.${region}.amazonaws.com/live`);
    assert.deepEqual(changes(sent), [
      'CreateApi 201',
      'CreateIntegration 201',
      'CreateIntegration 201',
      'CreateRoute 201',
      'CreateRoute 201',
      'CreateStage 201',
      'CreateDeployment 201',
    ]);
    const held = server.state.apis.get(wsId);
    assert.ok(held);
    assert.equal(held.wire.protocolType, 'WEBSOCKET');
    assert.equal(held.wire.name, 'EchoWebSocketApi');
    const integrations = [...held.integrations.values()];
    assert.deepEqual(integrations.map((i) => i.integrationType).sort(), ['HTTP_PROXY', 'MOCK']);
    const proxy = integrations.find((i) => i.integrationType === 'HTTP_PROXY');
    assert.equal(proxy?.integrationUri, `https://echo.example.com/${region}/messages`, 'AWS::Region substituted');
    const routes = new Map([...held.routes.values()].map((r) => [String(r.routeKey), String(r.target)]));
    assert.equal(routes.get('echo'), `integrations/${String(proxy?.integrationId)}`);
    assert.match(routes.get('$connect') ?? '', /^integrations\/\w+$/);
    const stage = held.stages.get('live');
    assert.deepEqual(stage?.stageVariables, { mode: 'test' });
    assert.ok(stage?.deploymentId, 'deployed to the stage');
  });

  test('a WebSocket API whose integrations need Fn::GetAtt (chat-websocket) is refused, saying which and where', async () => {
    const chatUri = vscode.Uri.file(path.join(workspaceRoot(), 'chat-websocket', 'template.yaml'));
    const { run: result, sent } = await run(chatUri, { target: 'new', stage: 'dev' });
    // The command failed with a message (preparationRefusal, unit-tested); the problems are on the template.
    assert.equal(result, undefined);
    const lines = fs.readFileSync(chatUri.fsPath, 'utf8').split('\n');
    const line = lines.findIndex((l) => l.includes('${OnConnectFunction.Arn}')) + 1;
    assert.ok(line > 0);
    const diagnostics = deploy.diagnostics(chatUri);
    assert.match(
      diagnostics[0]?.message ?? '',
      new RegExp(
        `^The IntegrationUri of 'ConnectIntegration' uses Fn::GetAtt \\(OnConnectFunction\\.Arn, inside Fn::Sub\\) on line ${line}, which only CloudFormation can compute`,
      ),
    );
    assert.deepEqual(
      diagnostics.map(
        (d) => `${typeof d.code === 'object' ? String(d.code.value) : String(d.code)}@${d.range.start.line + 1}`,
      ),
      [
        `apigw.deploy.unresolvedIntrinsic@${line}`,
        `apigw.deploy.unresolvedIntrinsic@${lines.findIndex((l) => l.includes('${OnDisconnectFunction.Arn}')) + 1}`,
        `apigw.deploy.unresolvedIntrinsic@${lines.findIndex((l) => l.includes('${SendMessageFunction.Arn}')) + 1}`,
      ],
    );
    // (The AWS view may still be reading what the deploy before made: GETs, not this deploy's.)
    assert.deepEqual(changes(sent), [], 'nothing was sent to API Gateway');
    assert.ok(!sent.some((r) => r.operation === 'GetApi' || r.operation === 'GetRestApi'), 'no target was read');
  });

  test('a definition with warnings only asks "Deploy anyway?": no sends nothing', async () => {
    answers = { ...goOn(), warnings: undefined };
    const planBefore = deploy.lastPlan();
    const { run: result, sent } = await run(warnedUri, { target: 'new', stage: 'prod', endpointType: 'REGIONAL' });
    assert.deepEqual(result, { result: 'cancelled' });
    assert.deepEqual(
      asked.map((q) => q.kind),
      ['warnings'],
    );
    assert.equal(asked[0]?.message, 'The definition of "Warned REST API" has 1 warning. Deploy anyway?');
    assert.match(asked[0]?.detail ?? '', /warned-openapi\.yaml:\d+: The operationId 'getThing' is already used/);
    assert.deepEqual(asked[0]?.choices, ['Deploy Anyway', 'Show Problems']);
    assert.deepEqual(
      sent.filter((r) => r.method !== 'GET'),
      [],
      'nothing was sent',
    );
    assert.equal(deploy.lastPlan(), planBefore, 'no plan was shown');
  });

  test('a definition with warnings only asks "Deploy anyway?": yes deploys', async () => {
    const { run: result, sent } = await run(warnedUri, { target: 'new', stage: 'prod', endpointType: 'REGIONAL' });
    assert.ok(result);
    assert.equal(result.result, 'deployed', JSON.stringify(result.outcome));
    assert.ok(result.outcome?.ok);
    warnedId = result.outcome.apiId;
    assert.deepEqual(
      asked.map((q) => q.kind),
      ['warnings', 'confirm'],
    );
    assert.deepEqual(changes(sent), ['ImportRestApi 201', 'CreateDeployment 201']);
  });

  test('a target API deleted meanwhile asks for the target again instead of failing', async () => {
    server.state.restApis.delete(warnedId);
    answers = { ...goOn(), retarget: 'Choose Target' };
    const { run: result, sent } = await run(warnedUri, {
      target: warnedId,
      stage: 'prod',
      mode: 'overwrite',
      retarget: { target: 'new', stage: 'prod', endpointType: 'REGIONAL' },
    });
    assert.ok(result);
    assert.deepEqual(
      asked.map((q) => q.kind),
      ['warnings', 'retarget', 'confirm'],
    );
    assert.equal(
      asked[1]?.message,
      `API ${warnedId} no longer exists in ${region}: it may have been deleted. Choose where to deploy "Warned REST API" again?`,
    );
    assert.deepEqual(asked[1]?.choices, ['Choose Target']);
    assert.equal(result.result, 'deployed', JSON.stringify(result.outcome));
    assert.ok(result.outcome?.ok);
    assert.notEqual(result.outcome.apiId, warnedId, 'deployed as a new API');
    const lookup = sent.find((r) => r.operation === 'GetRestApi' && r.path === `/restapis/${warnedId}`);
    assert.equal(lookup?.status, 404);
    assert.equal(lookup?.errorType, 'NotFoundException');
    assert.deepEqual(changes(sent), ['ImportRestApi 201', 'CreateDeployment 201']);
    warnedId = result.outcome.apiId;
  });

  test('declining to choose the target again after a deletion sends nothing', async () => {
    server.state.restApis.delete(warnedId);
    answers = { ...goOn(), retarget: undefined };
    const { run: result, sent } = await run(warnedUri, { target: warnedId, stage: 'prod', mode: 'overwrite' });
    assert.deepEqual(result, { result: 'cancelled' });
    assert.deepEqual(
      asked.map((q) => q.kind),
      ['warnings', 'retarget'],
    );
    assert.deepEqual(changes(sent), []);
  });

  test('throttling (429 TooManyRequestsException) is retried, and the retry is shown in the progress', async () => {
    server.fail('ImportRestApi', { errorType: 'TooManyRequestsException', headers: { 'Retry-After': '0' } });
    const { run: result, sent } = await run(warnedUri, { target: 'new', stage: 'prod', endpointType: 'REGIONAL' });
    assert.ok(result);
    assert.equal(result.result, 'deployed', JSON.stringify(result.outcome));
    assert.deepEqual(changes(sent), ['ImportRestApi 429', 'ImportRestApi 201', 'CreateDeployment 201']);
    const shown = result.progress ?? [];
    assert.deepEqual(shown, [
      '1/2: Create REST API "Warned REST API" from the definition',
      shown[1] ?? '',
      '2/2: Deploy to stage prod',
    ]);
    assert.match(
      shown[1] ?? '',
      /^1\/2: Create REST API "Warned REST API" from the definition — ImportRestApi throttled, retrying in \d+(\.\d)? s \(retry 1\)$/,
    );
  });

  test('every request of the deploys reached an operation the test double models (GetDeployment included)', async () => {
    // The AWS view reads the stages (and their deployments) after each deploy: wait for the last one's reads.
    await waitFor('the AWS view to read a deployment', () =>
      server.requests.some((r) => r.operation === 'GetDeployment' && r.status === 200) ? true : undefined,
    );
    const unknown = server.requests.filter((r) => r.errorType === 'UnknownOperationException');
    assert.deepEqual(
      unknown.map((r) => `${r.method} ${r.path}`),
      [],
    );
  });
});
