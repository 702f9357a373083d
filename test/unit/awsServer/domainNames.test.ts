// The test double's custom domain names: v1 domain names + base path mappings and v2 domain names + API mappings
// share one store, with AWS's errors.
import {
  CreateBasePathMappingCommand,
  DeleteBasePathMappingCommand,
  GetBasePathMappingCommand,
  GetBasePathMappingsCommand,
  GetDomainNameCommand,
  GetDomainNamesCommand,
} from '@aws-sdk/client-api-gateway';
import {
  CreateApiMappingCommand,
  DeleteApiMappingCommand,
  GetApiMappingCommand,
  GetApiMappingsCommand,
  GetDomainNameCommand as GetV2DomainNameCommand,
  GetDomainNamesCommand as GetV2DomainNamesCommand,
} from '@aws-sdk/client-apigatewayv2';
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { useServer } from './setup';

const h = useServer();
let restId = '';
let httpId = '';
let wsId = '';

beforeEach(() => {
  h.server.reset();
  const rest = h.server.state.createRestApi({ name: 'Pets' });
  rest.stages.set('prod', { stageName: 'prod' });
  restId = String(rest.wire.id);
  const http = h.server.state.createApi({ name: 'Orders', protocolType: 'HTTP' });
  http.stages.set('$default', { stageName: '$default' });
  httpId = String(http.wire.apiId);
  const ws = h.server.state.createApi({ name: 'Chat', protocolType: 'WEBSOCKET' });
  ws.stages.set('prod', { stageName: 'prod' });
  wsId = String(ws.wire.apiId);
  h.server.state.addDomainName({ domainName: 'api.example.com', certificateName: 'cert' });
});

async function failure(promise: Promise<unknown>): Promise<{ name: string; message: string; status?: number }> {
  try {
    await promise;
  } catch (e) {
    const error = e as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
    return { name: error.name, message: error.message, status: error.$metadata?.httpStatusCode };
  }
  return assert.fail('expected a failure');
}

test('v1 and v2 describe the same domain in their own shapes', async () => {
  const v1 = await h.v1.send(new GetDomainNameCommand({ domainName: 'api.example.com' }));
  assert.equal(v1.regionalCertificateName, 'cert');
  assert.deepEqual(v1.endpointConfiguration?.types, ['REGIONAL']);
  assert.equal(v1.securityPolicy, 'TLS_1_2');
  const v2 = await h.v2.send(new GetV2DomainNameCommand({ DomainName: 'api.example.com' }));
  assert.equal(v2.DomainNameConfigurations?.[0]?.ApiGatewayDomainName, v1.regionalDomainName);
  assert.equal(v2.DomainNameConfigurations?.[0]?.EndpointType, 'REGIONAL');
  assert.equal((await h.v1.send(new GetDomainNamesCommand({}))).items?.length, 1);
  assert.equal((await h.v2.send(new GetV2DomainNamesCommand({}))).Items?.length, 1);
});

test('a v1 base path mapping shows in v2 GetApiMappings and a v2 API mapping in v1 GetBasePathMappings; both delete', async () => {
  await h.v1.send(
    new CreateBasePathMappingCommand({
      domainName: 'api.example.com',
      basePath: '(none)',
      restApiId: restId,
      stage: 'prod',
    }),
  );
  const made = await h.v2.send(
    new CreateApiMappingCommand({
      DomainName: 'api.example.com',
      ApiMappingKey: 'orders/v1',
      ApiId: httpId,
      Stage: '$default',
    }),
  );
  const v2 = await h.v2.send(new GetApiMappingsCommand({ DomainName: 'api.example.com' }));
  assert.deepEqual(
    v2.Items?.map((m) => [m.ApiMappingKey, m.ApiId, m.Stage]),
    [
      ['', restId, 'prod'],
      ['orders/v1', httpId, '$default'],
    ],
  );
  const v1 = await h.v1.send(new GetBasePathMappingsCommand({ domainName: 'api.example.com' }));
  assert.deepEqual(
    v1.items?.map((m) => [m.basePath, m.restApiId, m.stage]),
    [
      ['(none)', restId, 'prod'],
      ['orders/v1', httpId, '$default'],
    ],
  );
  const one = await h.v1.send(new GetBasePathMappingCommand({ domainName: 'api.example.com', basePath: '(none)' }));
  assert.equal(one.restApiId, restId);
  assert.equal(
    (await h.v2.send(new GetApiMappingCommand({ DomainName: 'api.example.com', ApiMappingId: made.ApiMappingId })))
      .Stage,
    '$default',
  );
  await h.v2.send(new DeleteApiMappingCommand({ DomainName: 'api.example.com', ApiMappingId: made.ApiMappingId }));
  await h.v1.send(new DeleteBasePathMappingCommand({ domainName: 'api.example.com', basePath: '(none)' }));
  assert.deepEqual((await h.v2.send(new GetApiMappingsCommand({ DomainName: 'api.example.com' }))).Items, []);
});

test("AWS's errors: a taken base path (409 in both versions), a missing domain, API or stage, multi-level with v1, WebSocket beside REST", async () => {
  await h.v1.send(
    new CreateBasePathMappingCommand({
      domainName: 'api.example.com',
      basePath: 'pets',
      restApiId: restId,
      stage: 'prod',
    }),
  );
  const v1Taken = await failure(
    h.v1.send(
      new CreateBasePathMappingCommand({
        domainName: 'api.example.com',
        basePath: 'pets',
        restApiId: restId,
        stage: 'prod',
      }),
    ),
  );
  assert.deepEqual([v1Taken.name, v1Taken.status], ['ConflictException', 409]);
  const v2Taken = await failure(
    h.v2.send(
      new CreateApiMappingCommand({
        DomainName: 'api.example.com',
        ApiMappingKey: 'pets',
        ApiId: httpId,
        Stage: '$default',
      }),
    ),
  );
  assert.deepEqual([v2Taken.name, v2Taken.status], ['ConflictException', 409]);
  const noDomain = await failure(h.v2.send(new GetApiMappingsCommand({ DomainName: 'nope.example.com' })));
  assert.deepEqual([noDomain.name, noDomain.status], ['NotFoundException', 404]);
  const noDomainV1 = await failure(h.v1.send(new GetDomainNameCommand({ domainName: 'nope.example.com' })));
  assert.equal(noDomainV1.name, 'NotFoundException');
  const noApi = await failure(
    h.v1.send(
      new CreateBasePathMappingCommand({
        domainName: 'api.example.com',
        basePath: 'x',
        restApiId: httpId,
        stage: '$default',
      }),
    ),
  );
  assert.equal(noApi.name, 'NotFoundException');
  const noStage = await failure(
    h.v1.send(
      new CreateBasePathMappingCommand({
        domainName: 'api.example.com',
        basePath: 'x',
        restApiId: restId,
        stage: 'gone',
      }),
    ),
  );
  assert.equal(noStage.name, 'BadRequestException');
  const multi = await failure(
    h.v1.send(
      new CreateBasePathMappingCommand({
        domainName: 'api.example.com',
        basePath: 'a/b',
        restApiId: restId,
        stage: 'prod',
      }),
    ),
  );
  assert.match(multi.message, /multiple levels/);
  const ws = await failure(
    h.v2.send(
      new CreateApiMappingCommand({ DomainName: 'api.example.com', ApiMappingKey: 'chat', ApiId: wsId, Stage: 'prod' }),
    ),
  );
  assert.match(ws.message, /WebSocket APIs cannot be mapped/);
  const badKey = await failure(
    h.v2.send(
      new CreateApiMappingCommand({
        DomainName: 'api.example.com',
        ApiMappingKey: 'a b',
        ApiId: httpId,
        Stage: '$default',
      }),
    ),
  );
  assert.equal(badKey.name, 'BadRequestException');
});
