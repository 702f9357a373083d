import {
  BadRequestException,
  CreateDeploymentCommand as RestCreateDeploymentCommand,
  ImportRestApiCommand,
  PutRestApiCommand,
  ServiceUnavailableException,
} from '@aws-sdk/client-api-gateway';
import {
  CreateApiCommand,
  CreateDeploymentCommand,
  CreateIntegrationCommand,
  CreateRouteCommand,
  CreateRouteResponseCommand,
  CreateStageCommand,
  ImportApiCommand,
  NotFoundException,
} from '@aws-sdk/client-apigatewayv2';
import { mockClient } from 'aws-sdk-client-mock';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyPlan } from '../../../../src/aws/deploy/apply';
import { planDeploy } from '../../../../src/aws/deploy/planner';
import { shapeFromDocument } from '../../../../src/aws/deploy/shape';
import { createClients } from '../../../../src/aws/clients';
import type { ApplyProgress, AwsClients, DeployTarget } from '../../../../src/aws/types';
import { chatTemplate, ok, prepare, prepareFile } from './helpers';

function clientsFor(): AwsClients {
  return createClients({ region: 'us-east-1' }, { credentials: { accessKeyId: 'AKID', secretAccessKey: 'SECRET' } });
}

function recorder(cancelAfter?: number): ApplyProgress & { titles: string[] } {
  const titles: string[] = [];
  return {
    titles,
    step: (index, total, title) => titles.push(`${index + 1}/${total} ${title}`),
    cancelled: () => cancelAfter !== undefined && titles.length >= cancelAfter,
  };
}

const restTarget = (extra: Partial<DeployTarget> = {}): DeployTarget => ({
  kind: 'REST',
  stage: 'prod',
  failOnWarnings: false,
  ...extra,
});

test('REST, new API: ImportRestApi gets the body as bytes and the parameters, CreateDeployment the created id; warnings become findings', async () => {
  const clients = clientsFor();
  const rest = mockClient(clients.rest);
  rest.on(ImportRestApiCommand).resolves({
    id: 'new123',
    warnings: [
      "Parse issue: attribute paths.'/pets'(get).x-amazon-apigateway-integration.contentHandling is unsupported",
    ],
  });
  rest.on(RestCreateDeploymentCommand).resolves({ id: 'dep1' });
  const source = await prepareFile('examples/pets-rest/openapi.yaml');
  const plan = planDeploy(
    source,
    undefined,
    restTarget({ endpointType: 'REGIONAL', variables: { quotesHost: 'q.example.com' } }),
  );
  const progress = recorder();
  const outcome = await applyPlan(clients, plan, source, progress);
  assert.ok(outcome.ok, JSON.stringify(outcome));
  assert.equal(outcome.apiId, 'new123');
  assert.equal(outcome.invokeUrl, 'https://new123.execute-api.us-east-1.amazonaws.com/prod');
  assert.deepEqual(progress.titles, [
    '1/2 Create REST API "Pets REST API" from the definition',
    '2/2 Deploy to stage prod',
  ]);
  const importInput = rest.commandCalls(ImportRestApiCommand)[0]!.args[0].input;
  assert.ok(importInput.body instanceof Uint8Array);
  assert.equal(new TextDecoder().decode(importInput.body), source.bodyText);
  assert.equal(importInput.failOnWarnings, false);
  assert.deepEqual({ ...importInput.parameters }, { endpointConfigurationTypes: 'REGIONAL' });
  const deployInput = rest.commandCalls(RestCreateDeploymentCommand)[0]!.args[0].input;
  assert.deepEqual(
    { ...deployInput, variables: { ...deployInput.variables } },
    { restApiId: 'new123', stageName: 'prod', variables: { quotesHost: 'q.example.com' } },
  );
  assert.equal(outcome.findings.length, 1);
  assert.equal(outcome.findings[0]!.diagnostic.range.start.line, 40, 'at GET /pets x-amazon-apigateway-integration');
});

test('REST, a 500 between the import and the deployment: the report says the API changed but was not deployed', async () => {
  const clients = clientsFor();
  const rest = mockClient(clients.rest);
  rest.on(PutRestApiCommand).resolves({ id: 'a1b2c3d4e5' });
  rest
    .on(RestCreateDeploymentCommand)
    .rejects(new ServiceUnavailableException({ message: 'Service unavailable', $metadata: { httpStatusCode: 503 } }));
  const source = await prepareFile('examples/pets-rest/openapi.yaml');
  const plan = planDeploy(
    source,
    { shape: shapeFromDocument({ openapi: '3.0.1', info: { title: 'old' }, paths: {} }, 'REST') },
    restTarget({ apiId: 'a1b2c3d4e5', mode: 'overwrite' }),
  );
  const outcome = await applyPlan(clients, plan, source, recorder());
  assert.equal(outcome.ok, false);
  if (outcome.ok) return;
  assert.equal(outcome.apiId, 'a1b2c3d4e5');
  assert.equal(rest.commandCalls(PutRestApiCommand)[0]!.args[0].input.mode, 'overwrite');
  assert.deepEqual(outcome.done, ['Update REST API a1b2c3d4e5 from the definition (overwrite)']);
  assert.deepEqual(outcome.notDone, ['Deploy to stage prod']);
  assert.equal(outcome.problem.operation, 'CreateDeployment');
  assert.match(
    outcome.report,
    /^API updated, not deployed to stage prod: CreateDeployment: AWS failed \(HTTP 503\)\..*; run Deploy again to deploy it\.$/,
  );
});

test('REST, a new API created but not deployed: the report names the new id so the next deploy goes there', async () => {
  const clients = clientsFor();
  const rest = mockClient(clients.rest);
  rest.on(ImportRestApiCommand).resolves({ id: 'new123' });
  rest
    .on(RestCreateDeploymentCommand)
    .rejects(new BadRequestException({ message: 'Invalid stage variable value', $metadata: { httpStatusCode: 400 } }));
  const source = await prepareFile('examples/pets-rest/openapi.yaml');
  const outcome = await applyPlan(clients, planDeploy(source, undefined, restTarget()), source, recorder());
  assert.ok(!outcome.ok);
  assert.equal(outcome.apiId, 'new123');
  assert.match(
    outcome.report,
    /^API created \(new123\), not deployed to stage prod: .*Invalid stage variable value.*run Deploy again to the API new123 \(not to a new API, which would make a second one\) to deploy it\.$/,
  );
});

test('REST, an import refused with 400 naming paths and methods: error findings at those operations, nothing changed', async () => {
  const clients = clientsFor();
  const rest = mockClient(clients.rest);
  const message =
    "Errors found during import:\n\tUnable to put integration on 'GET' for resource at path '/pets': Invalid function ARN or invalid uri\n\tUnable to put integration on 'GET' for resource at path '/health': Invalid mapping expression";
  rest.on(ImportRestApiCommand).rejects(new BadRequestException({ message, $metadata: { httpStatusCode: 400 } }));
  const source = await prepareFile('examples/pets-rest/openapi.yaml');
  const outcome = await applyPlan(
    clients,
    planDeploy(source, undefined, restTarget({ failOnWarnings: true })),
    source,
    recorder(),
  );
  assert.ok(!outcome.ok);
  assert.equal(rest.commandCalls(RestCreateDeploymentCommand).length, 0);
  assert.equal(outcome.problem.kind, 'badRequest');
  assert.deepEqual(outcome.done, []);
  assert.match(
    outcome.problem.message,
    /^ImportRestApi: API Gateway refused the definition: Unable to put integration on 'GET' for resource at path '\/pets': Invalid function ARN or invalid uri \(and 1 more\)\./,
  );
  assert.match(outcome.report, /^Nothing changed in AWS: Create REST API "Pets REST API" from the definition failed: /);
  assert.deepEqual(
    outcome.findings.map((f) => [f.severity, f.diagnostic.code, f.diagnostic.range.start.line]),
    [
      ['error', 'apigw.deploy.importError', 23],
      ['error', 'apigw.deploy.importError', 110],
    ],
  );
});

test('cancelling between steps stops before the next call and says what was done', async () => {
  const clients = clientsFor();
  const rest = mockClient(clients.rest);
  rest.on(PutRestApiCommand).resolves({ id: 'a1b2c3d4e5' });
  const source = await prepareFile('examples/pets-rest/openapi.yaml');
  const plan = planDeploy(
    source,
    { shape: shapeFromDocument({ paths: {} }, 'REST') },
    restTarget({ apiId: 'a1b2c3d4e5' }),
  );
  const outcome = await applyPlan(clients, plan, source, recorder(1));
  assert.ok(!outcome.ok);
  assert.equal(outcome.problem.kind, 'cancelled');
  assert.equal(rest.commandCalls(RestCreateDeploymentCommand).length, 0);
  assert.match(
    outcome.report,
    /^API updated, not deployed to stage prod: the deploy was cancelled; run Deploy again to deploy it\.$/,
  );
  const before = await applyPlan(clients, plan, source, recorder(0));
  assert.ok(!before.ok);
  assert.equal(before.report, 'Cancelled before anything was sent: nothing changed in AWS.');
});

test('HTTP, new API: ImportApi with the body text, CreateStage with auto-deploy on the created id; ImportInfo and Warnings become findings', async () => {
  const clients = clientsFor();
  const v2 = mockClient(clients.v2);
  v2.on(ImportApiCommand).resolves({
    ApiId: 'h123',
    ApiEndpoint: 'https://h123.execute-api.us-east-1.amazonaws.com',
    Warnings: ['Unsupported property at paths./status.get x-amazon-apigateway-request-validator'],
    ImportInfo: ['Ignored requestBody of paths./notes.post'],
  });
  v2.on(CreateStageCommand).resolves({ StageName: '$default' });
  const source = await prepareFile('examples/notes-http/openapi.json');
  const plan = planDeploy(source, undefined, {
    kind: 'HTTP',
    stage: '$default',
    failOnWarnings: false,
    basepath: 'prepend',
  });
  const outcome = await applyPlan(clients, plan, source, recorder());
  assert.ok(outcome.ok);
  assert.equal(outcome.invokeUrl, 'https://h123.execute-api.us-east-1.amazonaws.com');
  const importInput = v2.commandCalls(ImportApiCommand)[0]!.args[0].input;
  assert.deepEqual({ ...importInput }, { FailOnWarnings: false, Basepath: 'prepend', Body: source.bodyText });
  assert.deepEqual(
    { ...v2.commandCalls(CreateStageCommand)[0]!.args[0].input },
    { ApiId: 'h123', StageName: '$default', AutoDeploy: true },
  );
  assert.deepEqual(
    outcome.findings.map((f) => [f.diagnostic.severity, f.diagnostic.range.start.line]),
    [
      ['warning', 66],
      ['information', 28],
    ],
  );
});

test('WebSocket, new API: created ids flow into later calls (a route targets integrations/{id}, a response its route)', async () => {
  const clients = clientsFor();
  const v2 = mockClient(clients.v2);
  v2.on(CreateApiCommand).resolves({ ApiId: 'ws1', ApiEndpoint: 'wss://ws1.execute-api.us-east-1.amazonaws.com' });
  let n = 0;
  v2.on(CreateIntegrationCommand).callsFake(() => ({ IntegrationId: `int${++n}` }));
  v2.on(CreateRouteCommand).callsFake((input: { RouteKey: string }) => ({ RouteId: `route-${input.RouteKey}` }));
  v2.on(CreateRouteResponseCommand).resolves({ RouteResponseId: 'rr1' });
  v2.on(CreateStageCommand).resolves({});
  v2.on(CreateDeploymentCommand).resolves({ DeploymentId: 'd1' });
  const source = ok(await prepare({ '/w/ws.yaml': chatTemplate }, '/w/ws.yaml', { logicalId: 'Chat' }));
  const plan = planDeploy(source, undefined, { kind: 'WEBSOCKET', stage: 'dev', failOnWarnings: true });
  const outcome = await applyPlan(clients, plan, source, recorder());
  assert.ok(outcome.ok, JSON.stringify(outcome));
  assert.equal(outcome.invokeUrl, 'wss://ws1.execute-api.us-east-1.amazonaws.com/dev');
  assert.deepEqual(
    { ...v2.commandCalls(CreateApiCommand)[0]!.args[0].input },
    { Name: 'chat', RouteSelectionExpression: '$request.body.action', ProtocolType: 'WEBSOCKET' },
  );
  const routes = v2.commandCalls(CreateRouteCommand).map((c) => ({ ...c.args[0].input }));
  assert.deepEqual(
    routes.map((r) => [r.ApiId, r.RouteKey, r.Target]),
    [
      ['ws1', '$connect', 'integrations/int1'],
      ['ws1', 'sendMessage', 'integrations/int2'],
    ],
  );
  assert.equal(v2.commandCalls(CreateRouteResponseCommand)[0]!.args[0].input.RouteId, 'route-sendMessage');
  assert.equal(v2.commandCalls(CreateDeploymentCommand)[0]!.args[0].input.StageName, 'dev');
});

test('WebSocket, a failure part-way: what was created and what was not are both named', async () => {
  const clients = clientsFor();
  const v2 = mockClient(clients.v2);
  v2.on(CreateApiCommand).resolves({ ApiId: 'ws1' });
  v2.on(CreateIntegrationCommand).resolves({ IntegrationId: 'i1' });
  v2.on(CreateRouteCommand).rejects(
    new NotFoundException({ message: 'Invalid API identifier specified', $metadata: { httpStatusCode: 404 } }),
  );
  const source = ok(await prepare({ '/w/ws.yaml': chatTemplate }, '/w/ws.yaml', { logicalId: 'Chat' }));
  const outcome = await applyPlan(
    clients,
    planDeploy(source, undefined, { kind: 'WEBSOCKET', stage: 'dev', failOnWarnings: true }),
    source,
    recorder(),
  );
  assert.ok(!outcome.ok);
  assert.equal(outcome.problem.kind, 'notFound');
  assert.deepEqual(outcome.done, [
    'Create WebSocket API "chat"',
    'Create integration of $connect',
    'Create integration of sendMessage',
  ]);
  assert.equal(outcome.notDone[0], 'Create route $connect');
  assert.match(
    outcome.report,
    /^Partly deployed: done — Create WebSocket API "chat"; .* Not done — Create route \$connect; .*run Deploy again to the API ws1 .* to finish/,
  );
});
