import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatPlan } from '../../../../src/aws/deploy/formatPlan';
import { planDeploy } from '../../../../src/aws/deploy/planner';
import { deployedWebSocketShape } from '../../../../src/aws/deploy/websocketShape';
import type { DeployTarget } from '../../../../src/aws/types';
import { chatTemplate, ok, plain, prepare } from './helpers';

const target = (extra: Partial<DeployTarget> = {}): DeployTarget => ({
  kind: 'WEBSOCKET',
  stage: 'dev',
  failOnWarnings: true,
  ...extra,
});

const chat = async () => ok(await prepare({ '/w/ws.yaml': chatTemplate }, '/w/ws.yaml', { logicalId: 'Chat' }));

test('WebSocket, new API: the API, integrations, routes (Target refers to the created integration), responses, stage and deployment', async () => {
  const plan = planDeploy(await chat(), undefined, target());
  assert.equal(plan.kind, 'create');
  assert.deepEqual(
    plan.steps.map((s) => s.operation),
    [
      'CreateApi',
      'CreateIntegration',
      'CreateIntegration',
      'CreateRoute',
      'CreateRoute',
      'CreateRouteResponse',
      'CreateStage',
      'CreateDeployment',
    ],
  );
  const [api, , , connect, send, response, stage, deployment] = plain(plan.steps) as Array<{
    input: Record<string, unknown>;
    produces?: string;
  }>;
  assert.deepEqual(api?.input, {
    Name: 'chat',
    RouteSelectionExpression: '$request.body.action',
    ProtocolType: 'WEBSOCKET',
  });
  assert.equal(api?.produces, 'api');
  assert.deepEqual(connect?.input, {
    ApiId: '{ref:api}',
    RouteKey: '$connect',
    AuthorizationType: 'NONE',
    Target: 'integrations/{ref:integration/ConnectIntegration}',
  });
  assert.equal(send?.produces, 'route/Send');
  assert.deepEqual(response?.input, { ApiId: '{ref:api}', RouteId: '{ref:route/Send}', RouteResponseKey: '$default' });
  assert.deepEqual(stage?.input, { ApiId: '{ref:api}', StageName: 'dev', StageVariables: { table: 'chat' } });
  assert.deepEqual(deployment?.input, { ApiId: '{ref:api}', StageName: 'dev' });
  assert.match(
    formatPlan(plan),
    /^Create WEBSOCKET API "chat" and deploy it to stage dev: 2 route\(s\), 8 step\(s\)\.\n/,
  );
});

test('WebSocket, update: only what changed is called — a changed integration, a new route, a removed route', async () => {
  const shape = deployedWebSocketShape({
    api: { ApiId: 'ws1', Name: 'chat', RouteSelectionExpression: '$request.body.action', ProtocolType: 'WEBSOCKET' },
    routes: [
      {
        RouteId: 'r1',
        RouteKey: '$connect',
        AuthorizationType: 'NONE',
        ApiKeyRequired: false,
        Target: 'integrations/i1',
      },
      { RouteId: 'r3', RouteKey: 'old', Target: 'integrations/i3' },
    ],
    integrations: [
      {
        IntegrationId: 'i1',
        IntegrationType: 'AWS_PROXY',
        ConnectionType: 'INTERNET',
        TimeoutInMillis: 29000,
        IntegrationUri:
          'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:old/invocations',
      },
      { IntegrationId: 'i3', IntegrationType: 'MOCK' },
    ],
    routeResponses: new Map(),
    integrationResponses: new Map(),
    authorizers: [],
  });
  const stage = {
    apiId: 'ws1',
    name: 'dev',
    invokeUrl: 'wss://ws1.execute-api.us-east-1.amazonaws.com/dev',
    variables: { table: 'chat' },
  };
  const plan = planDeploy(await chat(), { shape, stage }, target({ apiId: 'ws1' }));
  assert.equal(plan.kind, 'update');
  assert.deepEqual(
    plan.steps.map((s) => `${s.operation} ${s.title}`),
    [
      'UpdateIntegration Update integration of $connect',
      'CreateIntegration Create integration of sendMessage',
      'CreateRoute Create route sendMessage',
      'CreateRouteResponse Create response $default of route sendMessage',
      'DeleteRoute Delete route old',
      'CreateDeployment Deploy to stage dev',
    ],
  );
  assert.equal(plan.steps[0]?.input['IntegrationId'], 'i1');
  assert.deepEqual(
    plan.changes.map((c) => `${c.action} ${c.category} ${c.key}`),
    ['change integration $connect', 'remove route old', 'add route sendMessage'],
  );
});

test('WebSocket, nothing changed: no steps', async () => {
  const source = await chat();
  const shape = deployedWebSocketShape({
    api: { ApiId: 'ws1', Name: 'chat', RouteSelectionExpression: '$request.body.action' },
    routes: [
      { RouteId: 'r1', RouteKey: '$connect', AuthorizationType: 'NONE', Target: 'integrations/i1' },
      {
        RouteId: 'r2',
        RouteKey: 'sendMessage',
        AuthorizationType: 'NONE',
        RouteResponseSelectionExpression: '$default',
        Target: 'integrations/i2',
      },
    ],
    integrations: [
      {
        IntegrationId: 'i1',
        IntegrationType: 'AWS_PROXY',
        IntegrationUri: source.websocket!.integrations[0]!.settings['IntegrationUri'] as string,
      },
      {
        IntegrationId: 'i2',
        IntegrationType: 'AWS_PROXY',
        IntegrationUri: source.websocket!.integrations[1]!.settings['IntegrationUri'] as string,
      },
    ],
    routeResponses: new Map([['r2', [{ RouteResponseId: 'rr', RouteResponseKey: '$default' }]]]),
    integrationResponses: new Map(),
    authorizers: [],
  });
  const plan = planDeploy(
    source,
    { shape, stage: { apiId: 'ws1', name: 'dev', invokeUrl: '', variables: { table: 'chat' } } },
    target({ apiId: 'ws1' }),
  );
  assert.deepEqual(plan.changes, []);
  assert.equal(plan.kind, 'noChange');
  assert.deepEqual(plan.steps, []);
});
