import {
  type APIGatewayClient,
  DeleteStageCommand,
  GetAuthorizersCommand,
  GetDeploymentCommand,
  GetResourcesCommand,
  GetRestApiCommand,
  GetRestApisCommand,
  GetStageCommand,
  GetStagesCommand,
  NotFoundException,
  type RestApi,
} from '@aws-sdk/client-api-gateway';
import {
  DeleteStageCommand as DeleteV2StageCommand,
  GetApiCommand,
  GetApisCommand,
  GetAuthorizersCommand as GetV2AuthorizersCommand,
  GetDeploymentCommand as GetV2DeploymentCommand,
  GetIntegrationsCommand,
  GetRoutesCommand,
  GetStageCommand as GetV2StageCommand,
  GetStagesCommand as GetV2StagesCommand,
  type Api,
} from '@aws-sdk/client-apigatewayv2';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getApiDetails, getStage } from '../../../src/aws/apiDetails';
import { createClients } from '../../../src/aws/clients';
import { deleteStage, getApiSummary, listApis, whoAmI } from '../../../src/aws/inventory';
import { invokeUrlOf } from '../../../src/aws/invokeUrls';
import { collect, paginate } from '../../../src/aws/paginate';
import type { AwsApiKind, AwsClients } from '../../../src/aws/types';
import { rejection } from './rejection';

function clientsFor(region = 'us-east-1', endpointUrl?: string): AwsClients {
  return createClients(
    { region, ...(endpointUrl ? { endpointUrl } : {}) },
    { credentials: { accessKeyId: 'AKID', secretAccessKey: 'SECRET' } },
  );
}

test('listApis pages through 600 REST APIs (position) and 250 HTTP / WebSocket APIs (NextToken)', async () => {
  const clients = clientsFor();
  const rest = mockClient(clients.rest);
  const v2 = mockClient(clients.v2);
  const restApis: RestApi[] = Array.from({ length: 600 }, (_, i) => ({
    id: `r${i}`,
    name: `rest-${i}`,
    endpointConfiguration: { types: ['REGIONAL'] },
  }));
  rest.on(GetRestApisCommand).callsFake((input: { position?: string; limit?: number }) => {
    const start = Number(input.position ?? 0);
    const items = restApis.slice(start, start + (input.limit ?? 25));
    const next = start + items.length;
    return { items, ...(next < restApis.length ? { position: String(next) } : {}) };
  });
  const v2Apis: Api[] = Array.from({ length: 250 }, (_, i) => ({
    ApiId: `h${i}`,
    Name: `v2-${i}`,
    ProtocolType: i % 2 === 0 ? 'HTTP' : 'WEBSOCKET',
    ApiEndpoint: `${i % 2 === 0 ? 'https' : 'wss'}://h${i}.execute-api.us-east-1.amazonaws.com`,
    RouteSelectionExpression: '$request.method $request.path',
  }));
  v2.on(GetApisCommand).callsFake((input: { NextToken?: string }) => {
    const start = Number(input.NextToken ?? 0);
    const Items = v2Apis.slice(start, start + 100);
    const next = start + Items.length;
    return { Items, ...(next < v2Apis.length ? { NextToken: String(next) } : {}) };
  });
  const apis = await collect(listApis(clients));
  assert.equal(apis.length, 850);
  assert.deepEqual(apis[0], { id: 'r0', name: 'rest-0', kind: 'REST', endpointTypes: ['REGIONAL'] });
  assert.deepEqual(apis[600], {
    id: 'h0',
    name: 'v2-0',
    kind: 'HTTP',
    apiEndpoint: 'https://h0.execute-api.us-east-1.amazonaws.com',
  });
  assert.equal(apis[601]?.kind, 'WEBSOCKET');
  assert.equal(rest.commandCalls(GetRestApisCommand).length, 2);
  assert.equal(rest.commandCalls(GetRestApisCommand)[0]?.args[0].input.limit, 500);
  assert.equal(v2.commandCalls(GetApisCommand).length, 3);
});

test('a page that repeats its token stops the listing instead of looping', async () => {
  let calls = 0;
  const items = await collect(
    paginate(
      () => Promise.resolve({ items: [++calls], next: 'same' }),
      (p) => p.items,
      (p) => p.next,
    ),
  );
  assert.deepEqual(items, [1, 2]);
});

test('a failing page becomes an AwsError that says what to do', async () => {
  const clients = clientsFor('eu-west-1');
  mockClient(clients.rest)
    .on(GetRestApisCommand)
    .rejects(
      Object.assign(new Error('The security token included in the request is expired'), {
        name: 'ExpiredTokenException',
        $metadata: { httpStatusCode: 403 },
      }),
    );
  const error = await rejection(collect(listApis(clients)));
  assert.equal(error.problem.kind, 'expiredCredentials');
  assert.match(error.message, /session token .* has expired/);
});

const _restStub = (client: APIGatewayClient) => mockClient(client);

function mockRestApi(clients: AwsClients): ReturnType<typeof _restStub> {
  const rest = mockClient(clients.rest);
  rest.on(GetRestApiCommand).resolves({ id: 'abc123', name: 'pets', endpointConfiguration: { types: ['EDGE'] } });
  rest.on(GetStagesCommand).resolves({
    item: [
      {
        stageName: 'prod',
        deploymentId: 'd2',
        variables: { lambdaAlias: 'live' },
        methodSettings: { '*/*': { throttlingBurstLimit: 100, throttlingRateLimit: 50 } },
        lastUpdatedDate: new Date('2026-01-02T00:00:00Z'),
      },
      { stageName: 'dev', deploymentId: 'gone' },
    ],
  });
  rest
    .on(GetDeploymentCommand, { deploymentId: 'd2' })
    .resolves({ id: 'd2', description: 'v2', createdDate: new Date('2026-01-01T00:00:00Z') });
  rest
    .on(GetDeploymentCommand, { deploymentId: 'gone' })
    .rejects(new NotFoundException({ message: 'Invalid Deployment identifier', $metadata: {} }));
  rest
    .on(GetResourcesCommand)
    .resolvesOnce({
      items: [
        { id: 'root', path: '/' },
        {
          id: 'res1',
          path: '/pets',
          resourceMethods: {
            POST: { httpMethod: 'POST', authorizationType: 'CUSTOM', authorizerId: 'au1', apiKeyRequired: true },
            GET: {
              httpMethod: 'GET',
              authorizationType: 'NONE',
              methodIntegration: {
                type: 'AWS_PROXY',
                httpMethod: 'POST',
                uri: 'arn:aws:apigateway:us-east-1:lambda:path/fn',
              },
            },
          },
        },
      ],
      position: 'p2',
    })
    .resolvesOnce({
      items: [
        {
          id: 'res2',
          path: '/pets/{id}',
          resourceMethods: { ANY: { httpMethod: 'ANY', authorizationType: 'AWS_IAM' } },
        },
      ],
    });
  rest.on(GetAuthorizersCommand).resolves({
    items: [{ id: 'au1', name: 'tokens', type: 'TOKEN', identitySource: 'method.request.header.Authorization' }],
  });
  return rest;
}

test('REST details: stages with invoke URL, throttling and deployment; one route per method; authorizers', async () => {
  const clients = clientsFor('us-east-1', 'http://127.0.0.1:4566');
  const rest = mockRestApi(clients);
  const details = await getApiDetails(clients, { kind: 'REST', id: 'abc123' });
  assert.deepEqual(details.api, { id: 'abc123', name: 'pets', kind: 'REST', endpointTypes: ['EDGE'] });
  assert.deepEqual(details.stages, [
    {
      apiId: 'abc123',
      name: 'dev',
      invokeUrl: 'https://abc123.execute-api.us-east-1.amazonaws.com/dev',
      variables: {},
      deploymentId: 'gone',
    },
    {
      apiId: 'abc123',
      name: 'prod',
      invokeUrl: 'https://abc123.execute-api.us-east-1.amazonaws.com/prod',
      variables: { lambdaAlias: 'live' },
      deploymentId: 'd2',
      lastUpdated: new Date('2026-01-02T00:00:00Z'),
      throttling: { burstLimit: 100, rateLimit: 50 },
      lastDeployment: { id: 'd2', description: 'v2', createdDate: new Date('2026-01-01T00:00:00Z') },
    },
  ]);
  assert.deepEqual(
    details.routes.map((r) => [r.key, r.resourceId, r.authorizationType, r.integration?.type]),
    [
      ['GET /pets', 'res1', 'NONE', 'AWS_PROXY'],
      ['POST /pets', 'res1', 'CUSTOM', undefined],
      ['ANY /pets/{id}', 'res2', 'AWS_IAM', undefined],
    ],
  );
  assert.equal(details.routes[1]?.authorizerId, 'au1');
  assert.equal(details.routes[1]?.apiKeyRequired, true);
  assert.deepEqual(details.authorizers, [
    { id: 'au1', name: 'tokens', type: 'TOKEN', identitySource: 'method.request.header.Authorization' },
  ]);
  const resourceCalls = rest.commandCalls(GetResourcesCommand).map((c) => c.args[0].input);
  assert.deepEqual(resourceCalls, [
    { restApiId: 'abc123', embed: ['methods'], limit: 500 },
    { restApiId: 'abc123', embed: ['methods'], limit: 500, position: 'p2' },
  ]);
});

test('HTTP details: $default stage without a stage segment, routes joined with integrations', async () => {
  const clients = clientsFor('eu-west-1');
  const v2 = mockClient(clients.v2);
  const api = {
    id: 'h1',
    name: 'orders',
    kind: 'HTTP' as AwsApiKind,
    apiEndpoint: 'https://h1.execute-api.eu-west-1.amazonaws.com',
  };
  v2.on(GetV2StagesCommand)
    .resolvesOnce({ Items: [{ StageName: '$default', AutoDeploy: true, DeploymentId: 'dd' }], NextToken: 't2' })
    .resolvesOnce({
      Items: [{ StageName: 'beta', DefaultRouteSettings: { ThrottlingBurstLimit: 10 }, StageVariables: { v: '1' } }],
    });
  v2.on(GetV2DeploymentCommand).resolves({ DeploymentId: 'dd', CreatedDate: new Date('2026-02-01T00:00:00Z') });
  v2.on(GetRoutesCommand).resolves({
    Items: [
      { RouteId: 'r2', RouteKey: '$default', Target: 'integrations/i2' },
      { RouteId: 'r1', RouteKey: 'GET /orders/{id}', Target: 'integrations/i1', AuthorizationType: 'AWS_IAM' },
      { RouteId: 'r3', RouteKey: 'POST /orders', AuthorizationType: 'JWT', AuthorizerId: 'j1' },
    ],
  });
  v2.on(GetIntegrationsCommand).resolves({
    Items: [
      { IntegrationId: 'i1', IntegrationType: 'AWS_PROXY', IntegrationUri: 'arn:aws:lambda:eu-west-1:1:function:get' },
      {
        IntegrationId: 'i2',
        IntegrationType: 'HTTP_PROXY',
        IntegrationUri: 'https://example.com',
        IntegrationMethod: 'ANY',
      },
    ],
  });
  v2.on(GetV2AuthorizersCommand).resolves({
    Items: [
      { AuthorizerId: 'j1', Name: 'jwt', AuthorizerType: 'JWT', IdentitySource: ['$request.header.Authorization'] },
    ],
  });
  const details = await getApiDetails(clients, api);
  assert.deepEqual(
    details.stages.map((s) => [s.name, s.invokeUrl, s.autoDeploy, s.throttling, s.lastDeployment?.id]),
    [
      ['$default', 'https://h1.execute-api.eu-west-1.amazonaws.com', true, undefined, 'dd'],
      ['beta', 'https://h1.execute-api.eu-west-1.amazonaws.com/beta', undefined, { burstLimit: 10 }, undefined],
    ],
  );
  assert.deepEqual(details.routes, [
    {
      key: '$default',
      id: 'r2',
      integration: { type: 'HTTP_PROXY', uri: 'https://example.com', httpMethod: 'ANY', id: 'i2' },
    },
    { key: 'POST /orders', id: 'r3', method: 'POST', path: '/orders', authorizationType: 'JWT', authorizerId: 'j1' },
    {
      key: 'GET /orders/{id}',
      id: 'r1',
      method: 'GET',
      path: '/orders/{id}',
      integration: { type: 'AWS_PROXY', uri: 'arn:aws:lambda:eu-west-1:1:function:get', id: 'i1' },
      authorizationType: 'AWS_IAM',
    },
  ]);
  assert.deepEqual(details.authorizers, [
    { id: 'j1', name: 'jwt', type: 'JWT', identitySource: '$request.header.Authorization' },
  ]);
  assert.equal(v2.commandCalls(GetV2StagesCommand)[1]?.args[0].input.NextToken, 't2');
});

test('WebSocket stages are wss:// URLs; invoke URLs keep AWS form, .com.cn in China', async () => {
  const clients = clientsFor('cn-north-1');
  const v2 = mockClient(clients.v2);
  v2.on(GetApiCommand).resolves({ ApiId: 'w1', Name: 'chat', ProtocolType: 'WEBSOCKET' });
  v2.on(GetV2StageCommand).resolves({ StageName: 'prod' });
  const stage = await getStage(clients, { kind: 'WEBSOCKET', id: 'w1' }, 'prod');
  assert.equal(stage.invokeUrl, 'wss://w1.execute-api.cn-north-1.amazonaws.com.cn/prod');
  assert.equal(
    invokeUrlOf('WEBSOCKET', 'w1', 'us-east-1', '$default', undefined),
    'wss://w1.execute-api.us-east-1.amazonaws.com/$default',
  );
  assert.equal(
    invokeUrlOf('HTTP', 'h1', 'us-east-1', 'dev', 'https://h1.execute-api.us-east-1.amazonaws.com/'),
    'https://h1.execute-api.us-east-1.amazonaws.com/dev',
  );
});

test('getStage of a REST API; a stage that does not exist is a clear notFound', async () => {
  const clients = clientsFor();
  const rest = mockClient(clients.rest);
  rest.on(GetStageCommand, { stageName: 'prod' }).resolves({ stageName: 'prod' });
  rest
    .on(GetStageCommand, { stageName: 'nope' })
    .rejects(
      new NotFoundException({ message: 'Invalid stage identifier specified', $metadata: { httpStatusCode: 404 } }),
    );
  assert.equal(
    (await getStage(clients, { kind: 'REST', id: 'abc' }, 'prod')).invokeUrl,
    'https://abc.execute-api.us-east-1.amazonaws.com/prod',
  );
  const error = await rejection(getStage(clients, { kind: 'REST', id: 'abc' }, 'nope'));
  assert.equal(error.problem.kind, 'notFound');
  assert.match(error.message, /Invalid stage identifier specified\. It may have been deleted/);
});

test('getApiSummary: an id that does not exist, and an API of another kind than asked', async () => {
  const clients = clientsFor();
  mockClient(clients.rest)
    .on(GetRestApiCommand)
    .rejects(
      new NotFoundException({
        message: 'Invalid API identifier specified 123:zzz',
        $metadata: { httpStatusCode: 404 },
      }),
    );
  mockClient(clients.v2).on(GetApiCommand).resolves({ ApiId: 'w1', Name: 'chat', ProtocolType: 'WEBSOCKET' });
  const missing = await rejection(getApiSummary(clients, 'REST', 'zzz'));
  assert.equal(missing.problem.kind, 'notFound');
  assert.match(missing.message, /Invalid API identifier specified 123:zzz/);
  const wrongKind = await rejection(getApiSummary(clients, 'HTTP', 'w1'));
  assert.equal(wrongKind.problem.kind, 'badRequest');
  assert.equal(wrongKind.message, 'API w1 is a WEBSOCKET API, not a HTTP API.');
});

test('bad input is refused before any call, with a message saying what is expected', async () => {
  const clients = clientsFor();
  const rest = mockClient(clients.rest);
  assert.equal((await rejection(getApiDetails(clients, { kind: 'REST', id: ' ' }))).message, 'An API id is required.');
  assert.equal((await rejection(deleteStage(clients, 'REST', 'abc', ''))).message, 'A stage name is required.');
  assert.equal(
    (await rejection(getApiDetails(clients, { kind: 'GRAPHQL' as AwsApiKind, id: 'x' }))).message,
    "'GRAPHQL' is not an API kind: expected REST, HTTP or WEBSOCKET.",
  );
  assert.equal(rest.calls().length, 0);
});

test('deleteStage calls the right service; whoAmI gives the account', async () => {
  const clients = clientsFor();
  const rest = mockClient(clients.rest);
  const v2 = mockClient(clients.v2);
  rest.on(DeleteStageCommand).resolves({});
  v2.on(DeleteV2StageCommand).resolves({});
  await deleteStage(clients, 'REST', 'abc', 'dev');
  await deleteStage(clients, 'HTTP', 'h1', '$default');
  assert.deepEqual(rest.commandCalls(DeleteStageCommand)[0]?.args[0].input, { restApiId: 'abc', stageName: 'dev' });
  assert.deepEqual(v2.commandCalls(DeleteV2StageCommand)[0]?.args[0].input, { ApiId: 'h1', StageName: '$default' });
  mockClient(clients.sts)
    .on(GetCallerIdentityCommand)
    .resolves({ Account: '123456789012', Arn: 'arn:aws:iam::123456789012:user/bob', UserId: 'AIDA' });
  assert.deepEqual(await whoAmI(clients), {
    account: '123456789012',
    arn: 'arn:aws:iam::123456789012:user/bob',
    userId: 'AIDA',
  });
});
