import {
  GetDeploymentCommand as GetRestDeploymentCommand,
  GetExportCommand,
  GetRestApiCommand,
  GetStageCommand as GetRestStageCommand,
  GetStagesCommand as GetRestStagesCommand,
  NotFoundException as RestNotFoundException,
} from '@aws-sdk/client-api-gateway';
import {
  ExportApiCommand,
  GetApiCommand,
  GetAuthorizersCommand,
  GetIntegrationResponsesCommand,
  GetIntegrationsCommand,
  GetRouteResponsesCommand,
  GetRoutesCommand,
  GetStageCommand,
  NotFoundException,
} from '@aws-sdk/client-apigatewayv2';
import { mockClient } from 'aws-sdk-client-mock';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readDeployed } from '../../../../src/aws/deploy/fetchDeployed';
import { planDeploy } from '../../../../src/aws/deploy/planner';
import { readDrift } from '../../../../src/aws/deploy/readDrift';
import { createClients } from '../../../../src/aws/clients';
import type { AwsClients } from '../../../../src/aws/types';
import { chatTemplate, ok, prepare, prepareFile, readFixture } from './helpers';
import { rejection } from '../rejection';

function clientsFor(): AwsClients {
  return createClients({ region: 'us-east-1' }, { credentials: { accessKeyId: 'AKID', secretAccessKey: 'SECRET' } });
}

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const notFound = (message = 'Invalid API identifier specified') =>
  new RestNotFoundException({ message, $metadata: { httpStatusCode: 404 } });
const v2NotFound = (message = 'Invalid API identifier specified') =>
  new NotFoundException({ message, $metadata: { httpStatusCode: 404 } });

test('REST: the API, its stage and the stage’s export as a shape — the example API exported by AWS plans as no change', async () => {
  const clients = clientsFor();
  const rest = mockClient(clients.rest);
  rest.on(GetRestApiCommand).resolves({ id: 'a1b2c3d4e5', name: 'Pets REST API' });
  rest.on(GetRestStageCommand).resolves({ stageName: 'prod', deploymentId: 'd1', variables: { quotesHost: 'q' } });
  rest.on(GetRestDeploymentCommand).resolves({ id: 'd1' });
  rest.on(GetExportCommand).resolves({ body: bytes(readFixture('awsDeploy', 'pets-rest.export.json')) as never });
  const target = { kind: 'REST' as const, apiId: 'a1b2c3d4e5', stage: 'prod', failOnWarnings: true };
  const deployed = await readDeployed(clients, target);
  assert.equal(deployed.api.name, 'Pets REST API');
  assert.equal(deployed.stage?.name, 'prod');
  assert.deepEqual({ ...deployed.stage?.variables }, { quotesHost: 'q' });
  assert.equal(deployed.exportedStage, 'prod');
  const exportInput = rest.commandCalls(GetExportCommand)[0]!.args[0].input;
  assert.equal(exportInput.stageName, 'prod');
  assert.equal(exportInput.exportType, 'oas30');
  const plan = planDeploy(await prepareFile('examples/pets-rest/openapi.yaml'), deployed, target);
  assert.equal(plan.kind, 'noChange', JSON.stringify(plan.changes, null, 1));
});

test('REST: a missing API is notFound with a message that asks to choose again', async () => {
  const clients = clientsFor();
  mockClient(clients.rest).on(GetRestApiCommand).rejects(notFound());
  const error = await rejection(
    readDeployed(clients, { kind: 'REST', apiId: 'gone123', stage: 'prod', failOnWarnings: true }),
  );
  assert.equal(error.problem.kind, 'notFound');
  assert.equal(error.problem.operation, 'GetRestApi');
  assert.match(
    error.problem.message,
    /^The REST API gone123 does not exist in us-east-1 \(it may have been deleted\): choose the API again, or deploy as a new API\.$/,
  );
});

test('REST: a stage that does not exist yet is undefined; the plan compares with the stage updated last, and says so', async () => {
  const clients = clientsFor();
  const rest = mockClient(clients.rest);
  rest.on(GetRestApiCommand).resolves({ id: 'a1', name: 'Pets' });
  rest.on(GetRestStageCommand).rejects(notFound('Invalid stage identifier specified'));
  rest.on(GetRestStagesCommand).resolves({
    item: [
      { stageName: 'old', lastUpdatedDate: new Date('2024-01-01') },
      { stageName: 'dev', lastUpdatedDate: new Date('2025-01-01') },
    ],
  });
  rest
    .on(GetExportCommand)
    .resolves({ body: bytes('{"openapi": "3.0.1", "info": {"title": "Pets"}, "paths": {}}') as never });
  const deployed = await readDeployed(
    clients,
    { kind: 'REST', apiId: 'a1', stage: 'prod', failOnWarnings: true },
    { specification: 'swagger' },
  );
  assert.equal(deployed.stage, undefined);
  assert.equal(deployed.exportedStage, 'dev');
  assert.equal(rest.commandCalls(GetExportCommand)[0]!.args[0].input.exportType, 'swagger');
  assert.match(deployed.notes?.[0] ?? '', /Stage prod does not exist yet: the plan compares with stage dev/);

  rest.on(GetRestStagesCommand).resolves({ item: [] });
  const bare = await readDeployed(clients, { kind: 'REST', apiId: 'a1', stage: 'prod', failOnWarnings: true });
  assert.equal(bare.shape, undefined);
  assert.match(bare.notes?.[0] ?? '', /has no stage yet/);
});

test('HTTP: without the stage, the latest definition is exported; a WebSocket API is not an HTTP target', async () => {
  const clients = clientsFor();
  const v2 = mockClient(clients.v2);
  v2.on(GetApiCommand).resolves({
    ApiId: 'h1',
    Name: 'Notes',
    ProtocolType: 'HTTP',
    ApiEndpoint: 'https://h1.execute-api.us-east-1.amazonaws.com',
  });
  v2.on(GetStageCommand).rejects(v2NotFound('Invalid stage identifier specified'));
  v2.on(ExportApiCommand).resolves({ body: bytes(readFixture('awsDeploy', 'notes-http.export.json')) as never });
  const deployed = await readDeployed(clients, { kind: 'HTTP', apiId: 'h1', stage: 'prod', failOnWarnings: true });
  assert.equal(deployed.stage, undefined);
  assert.equal(v2.commandCalls(ExportApiCommand)[0]!.args[0].input.StageName, undefined);
  assert.deepEqual(Object.keys(deployed.shape?.routes ?? {}).sort(), [
    'DELETE /notes/{noteId}',
    'GET /notes',
    'GET /notes/{noteId}',
    'GET /status',
    'POST /notes',
  ]);
  assert.equal(deployed.api.apiEndpoint, 'https://h1.execute-api.us-east-1.amazonaws.com');
  v2.on(GetApiCommand).resolves({ ApiId: 'w1', Name: 'chat', ProtocolType: 'WEBSOCKET' });
  const error = await rejection(
    readDeployed(clients, { kind: 'HTTP', apiId: 'w1', stage: 'prod', failOnWarnings: true }),
  );
  assert.equal(error.problem.kind, 'badRequest');
  assert.match(error.problem.message, /API w1 is a WebSocket API, not an HTTP API/);
  v2.on(GetApiCommand).rejects(v2NotFound());
  assert.equal(
    (await rejection(readDeployed(clients, { kind: 'HTTP', apiId: 'x', stage: 'p', failOnWarnings: true }))).problem
      .kind,
    'notFound',
  );
});

test('WebSocket: routes (every page), integrations, responses and authorizers become a shape with the ids updates need', async () => {
  const clients = clientsFor();
  const v2 = mockClient(clients.v2);
  v2.on(GetApiCommand).resolves({
    ApiId: 'ws1',
    Name: 'chat',
    ProtocolType: 'WEBSOCKET',
    RouteSelectionExpression: '$request.body.action',
  });
  v2.on(GetStageCommand).resolves({ StageName: 'dev', StageVariables: { table: 'chat' } });
  v2.on(GetRoutesCommand)
    .resolvesOnce({
      Items: [{ RouteId: 'r1', RouteKey: '$connect', AuthorizationType: 'NONE', Target: 'integrations/i1' }],
      NextToken: 'p2',
    })
    .resolvesOnce({
      Items: [
        {
          RouteId: 'r2',
          RouteKey: 'sendMessage',
          RouteResponseSelectionExpression: '$default',
          Target: 'integrations/i2',
        },
      ],
    });
  v2.on(GetIntegrationsCommand).resolves({
    Items: [
      {
        IntegrationId: 'i1',
        IntegrationType: 'AWS_PROXY',
        IntegrationUri:
          'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:connect/invocations',
      },
      {
        IntegrationId: 'i2',
        IntegrationType: 'AWS_PROXY',
        IntegrationUri:
          'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:send/invocations',
      },
    ],
  });
  v2.on(GetAuthorizersCommand).resolves({ Items: [] });
  v2.on(GetRouteResponsesCommand, { ApiId: 'ws1', RouteId: 'r2' }).resolves({
    Items: [{ RouteResponseId: 'rr2', RouteResponseKey: '$default' }],
  });
  v2.on(GetRouteResponsesCommand, { ApiId: 'ws1', RouteId: 'r1' }).resolves({ Items: [] });
  v2.on(GetIntegrationResponsesCommand).resolves({ Items: [] });
  const target = { kind: 'WEBSOCKET' as const, apiId: 'ws1', stage: 'dev', failOnWarnings: true };
  const deployed = await readDeployed(clients, target);
  assert.equal(v2.commandCalls(GetRoutesCommand)[1]!.args[0].input.NextToken, 'p2');
  assert.deepEqual({ ...deployed.shape?.ids?.routes }, { $connect: 'r1', sendMessage: 'r2' });
  assert.deepEqual({ ...deployed.shape?.ids?.routeResponses }, { 'sendMessage $default': 'rr2' });
  assert.equal(deployed.stage?.name, 'dev');
  const source = ok(await prepare({ '/w/ws.yaml': chatTemplate }, '/w/ws.yaml', { logicalId: 'Chat' }));
  const plan = planDeploy(source, deployed, target);
  assert.equal(plan.kind, 'noChange', JSON.stringify(plan.changes, null, 1));
});

test('readDrift: REST needs a stage; HTTP without one compares with the latest definition and says so', async () => {
  const clients = clientsFor();
  const rest = await prepareFile('examples/pets-rest/openapi.yaml');
  const refused = await rejection(readDrift(clients, rest, { apiId: 'a1' }));
  assert.equal(refused.problem.kind, 'badRequest');
  assert.match(refused.problem.message, /compared with the export of a stage: name the stage/);
  mockClient(clients.rest)
    .on(GetExportCommand)
    .resolves({ body: bytes(readFixture('awsDeploy', 'pets-rest.export.json')) as never });
  const same = await readDrift(clients, rest, { apiId: 'a1', stage: 'prod', format: 'json' });
  assert.equal(same.same, true);
  const v2 = mockClient(clients.v2);
  v2.on(ExportApiCommand).resolves({ body: bytes(readFixture('awsDeploy', 'notes-http.export.json')) as never });
  const http = await readDrift(clients, await prepareFile('examples/notes-http/openapi.json'), { apiId: 'h1' });
  assert.equal(http.same, true);
  assert.equal(v2.commandCalls(ExportApiCommand)[0]!.args[0].input.StageName, undefined);
  assert.match(http.notes.join(' '), /latest definition/);
});
