// Custom domains against the AWS test double with the real SDK clients: listing (v1 and v2 merged, paged),
// a stage's URLs, planning a mapping (every refusal) and creating it with v1 or v2.
import { GetApiMappingsCommand } from '@aws-sdk/client-apigatewayv2';
import { GetBasePathMappingsCommand, GetDomainNamesCommand } from '@aws-sdk/client-api-gateway';
import { mockClient } from 'aws-sdk-client-mock';
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { createClients, destroyClients } from '../../../../src/aws/clients';
import { createStageMapping } from '../../../../src/aws/domains/createMapping';
import { customDomainUrlsOf } from '../../../../src/aws/domains/domainUrls';
import { listCustomDomains } from '../../../../src/aws/domains/listDomains';
import { formatStageMappingPlan, planStageMapping } from '../../../../src/aws/domains/planMapping';
import type { CustomDomain, StageMappingRequest } from '../../../../src/aws/domains/types';
import type { AwsApiKind, AwsClients } from '../../../../src/aws/types';
import { startAwsTestServer, type AwsTestServer } from '../../../aws/server';
import { rejection } from '../rejection';

const region = 'eu-west-1';
let server: AwsTestServer;
let clients: AwsClients;

before(async () => {
  server = await startAwsTestServer({ region });
});
after(async () => {
  await server.close();
});
beforeEach(() => {
  server.reset();
  clients = createClients(
    { region, endpointUrl: server.url },
    { credentials: { accessKeyId: 'AKID', secretAccessKey: 'SECRET' }, maxAttempts: 1 },
  );
});

function seedRest(name = 'Pets', stage = 'prod'): string {
  const api = server.state.createRestApi({ name });
  api.stages.set(stage, { stageName: stage });
  return String(api.wire.id);
}

function seedV2(protocolType: 'HTTP' | 'WEBSOCKET', stage = '$default'): string {
  const api = server.state.createApi({ name: `${protocolType} api`, protocolType });
  api.stages.set(stage, { stageName: stage });
  return String(api.wire.apiId);
}

test('lists a domain once with what both versions tell: endpoint, target, certificate, TLS policy, mutual TLS, routing mode', async () => {
  const restId = seedRest();
  const httpId = seedV2('HTTP');
  server.state.addDomainName(
    {
      domainName: 'api.example.com',
      certificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/abc',
      certificateName: 'example-cert',
      certificateUploadDate: new Date('2026-01-02T03:04:05Z'),
      truststoreUri: 's3://bucket/truststore.pem',
      truststoreVersion: 'v1',
      routingMode: 'BASE_PATH_MAPPING_ONLY',
    },
    [
      { key: 'orders', apiId: restId, stage: 'prod' },
      { key: '', apiId: httpId, stage: '$default' },
      { key: 'orders/v2/items', apiId: httpId, stage: '$default' },
    ],
  );
  server.state.addDomainName({ domainName: 'edge.example.com', endpointType: 'EDGE', securityPolicy: 'TLS_1_0' });
  const domains = await listCustomDomains(clients);
  assert.deepEqual(
    domains.map((d) => d.name),
    ['api.example.com', 'edge.example.com'],
  );
  const [api, edge] = domains as [CustomDomain, CustomDomain];
  assert.equal(api.endpointType, 'REGIONAL');
  assert.match(api.targetDomainName ?? '', /^d-[a-z0-9]+\.execute-api\.eu-west-1\.amazonaws\.com$/);
  assert.equal(api.certificate.arn, 'arn:aws:acm:eu-west-1:123456789012:certificate/abc');
  assert.equal(api.certificate.name, 'example-cert');
  assert.equal(api.securityPolicy, 'TLS_1_2');
  assert.deepEqual(api.mutualTls, {
    truststoreUri: 's3://bucket/truststore.pem',
    truststoreVersion: 'v1',
    warnings: [],
  });
  assert.equal(api.routingMode, 'BASE_PATH_MAPPING_ONLY');
  assert.equal(api.status, 'AVAILABLE');
  // Each mapping once, '(none)' as '', in base path order; v2's mapping id kept.
  assert.deepEqual(
    api.mappings.map((m) => [m.basePath, m.apiId, m.stage, typeof m.mappingId]),
    [
      ['', httpId, '$default', 'string'],
      ['orders', restId, 'prod', 'string'],
      ['orders/v2/items', httpId, '$default', 'string'],
    ],
  );
  assert.equal(edge.endpointType, 'EDGE');
  assert.match(edge.targetDomainName ?? '', /\.cloudfront\.net$/);
  assert.deepEqual(edge.mappings, []);
  const ops = server.requests.map((r) => `${r.service}:${r.operation}`).sort();
  assert.ok(ops.includes('apigateway:GetDomainNames') && ops.includes('apigatewayv2:GetDomainNames'));
  assert.ok(ops.includes('apigateway:GetBasePathMappings') && ops.includes('apigatewayv2:GetApiMappings'));
});

test('pages through v1 position and v2 NextToken pages of domains and mappings', async () => {
  const mocked = createClients({ region }, { credentials: { accessKeyId: 'AKID', secretAccessKey: 'SECRET' } });
  const rest = mockClient(mocked.rest);
  const v2 = mockClient(mocked.v2);
  rest
    .on(GetDomainNamesCommand)
    .callsFake((input: { position?: string }) =>
      input.position === undefined
        ? { items: [{ domainName: 'a.example.com', regionalDomainName: 'd-a' }], position: 'p2' }
        : { items: [{ domainName: 'b.example.com', distributionDomainName: 'd1.cloudfront.net' }] },
    );
  rest
    .on(GetBasePathMappingsCommand)
    .callsFake((input: { domainName: string; position?: string }) =>
      input.domainName !== 'a.example.com'
        ? { items: [] }
        : input.position === undefined
          ? { items: [{ basePath: '(none)', restApiId: 'r1', stage: 'prod' }], position: 'm2' }
          : { items: [{ basePath: 'v1', restApiId: 'r1', stage: 'beta' }] },
    );
  v2.on(GetDomainNamesCommand as never).resolves({});
  v2.onAnyCommand().callsFake((input: { NextToken?: string; DomainName?: string }) => {
    if (input.DomainName === undefined)
      return input.NextToken === undefined
        ? { Items: [{ DomainName: 'a.example.com' }], NextToken: 't2' }
        : { Items: [{ DomainName: 'c.example.com' }] };
    return input.NextToken === undefined
      ? { Items: [{ ApiMappingKey: '', ApiId: 'r1', Stage: 'prod', ApiMappingId: 'm-none' }], NextToken: 'n2' }
      : { Items: [{ ApiMappingKey: 'deep/path', ApiId: 'h1', Stage: '$default', ApiMappingId: 'm-deep' }] };
  });
  const domains = await listCustomDomains(mocked);
  assert.deepEqual(
    domains.map((d) => [
      d.name,
      d.mappings.map((m) => `${m.basePath || '(none)'}>${m.apiId}/${m.stage}/${m.mappingId ?? '-'}`),
    ]),
    [
      ['a.example.com', ['(none)>r1/prod/m-none', 'deep/path>h1/$default/m-deep', 'v1>r1/beta/-']],
      ['b.example.com', []],
      ['c.example.com', ['(none)>r1/prod/m-none', 'deep/path>h1/$default/m-deep']],
    ],
  );
  assert.equal(v2.commandCalls(GetApiMappingsCommand).length, 4);
  destroyClients(mocked);
});

test("a stage's custom-domain URLs: https://{domain}/{basePath}, the empty base path without a slash, wss for WebSocket", () => {
  const domains: CustomDomain[] = [
    {
      name: 'api.example.com',
      certificate: {},
      mappings: [
        { basePath: '', apiId: 'a1', stage: 'prod' },
        { basePath: 'orders/v1', apiId: 'a1', stage: 'prod' },
        { basePath: 'beta', apiId: 'a1', stage: 'beta' },
      ],
    },
    { name: 'ws.example.com', certificate: {}, mappings: [{ basePath: 'chat', apiId: 'a1', stage: 'prod' }] },
  ];
  assert.deepEqual(customDomainUrlsOf(domains, { id: 'a1', kind: 'REST' }, 'prod'), [
    'https://api.example.com',
    'https://api.example.com/orders/v1',
    'https://ws.example.com/chat',
  ]);
  assert.deepEqual(customDomainUrlsOf(domains, { id: 'a1', kind: 'WEBSOCKET' }, 'beta'), [
    'wss://api.example.com/beta',
  ]);
  assert.deepEqual(customDomainUrlsOf(domains, { id: 'zz', kind: 'HTTP' }, 'prod'), []);
});

function domain(over: Partial<CustomDomain> = {}): CustomDomain {
  return {
    name: 'api.example.com',
    endpointType: 'REGIONAL',
    securityPolicy: 'TLS_1_2',
    status: 'AVAILABLE',
    certificate: {},
    mappings: [],
    ...over,
  };
}

function request(over: Partial<StageMappingRequest> = {}, kind: AwsApiKind = 'REST'): StageMappingRequest {
  return { domain: domain(), api: { id: 'a1', kind, name: 'Pets' }, stage: 'prod', basePath: 'orders', ...over };
}

test('plans a REST stage on one level with v1 CreateBasePathMapping, and (none) as the empty base path', () => {
  const plan = planStageMapping(request());
  assert.equal(plan.operation, 'CreateBasePathMapping');
  assert.deepEqual(plan.input, { domainName: 'api.example.com', basePath: 'orders', restApiId: 'a1', stage: 'prod' });
  assert.equal(plan.url, 'https://api.example.com/orders');
  const none = planStageMapping(request({ basePath: '(none)' }));
  assert.equal(none.basePath, '');
  assert.equal(none.input.basePath, '(none)');
  assert.equal(none.url, 'https://api.example.com');
  const text = formatStageMappingPlan(plan);
  assert.match(text, /add mapping orders -> REST API Pets \(a1\), stage prod/);
  assert.match(text, /API Gateway v1 CreateBasePathMapping/);
});

test('plans HTTP, WebSocket and multi-level mappings with v2 CreateApiMapping', () => {
  const http = planStageMapping(request({ stage: '$default' }, 'HTTP'));
  assert.equal(http.operation, 'CreateApiMapping');
  assert.deepEqual(http.input, {
    DomainName: 'api.example.com',
    ApiMappingKey: 'orders',
    ApiId: 'a1',
    Stage: '$default',
  });
  const ws = planStageMapping(request({ basePath: 'chat' }, 'WEBSOCKET'));
  assert.equal(ws.url, 'wss://api.example.com/chat');
  const deep = planStageMapping(request({ basePath: '/orders/v1/items/' }));
  assert.equal(deep.operation, 'CreateApiMapping');
  assert.equal(deep.basePath, 'orders/v1/items');
});

test('refuses a base path already taken on the domain, naming what holds it (a conflict)', () => {
  const taken = domain({ mappings: [{ basePath: 'orders', apiId: 'other', stage: 'beta' }] });
  assert.throws(
    () => planStageMapping(request({ domain: taken })),
    (e: unknown) =>
      e instanceof Error &&
      (e as { problem?: { kind: string } }).problem?.kind === 'conflict' &&
      /base path 'orders' of api\.example\.com is already mapped to API other, stage beta/.test(e.message),
  );
  const none = domain({ mappings: [{ basePath: '', apiId: 'other', stage: 'beta' }] });
  assert.throws(() => planStageMapping(request({ domain: none, basePath: '' })), /base path \(none\)/);
});

test('refuses what AWS would refuse: bad characters, too long, empty levels, HTTP on an edge domain, multi-level on TLS 1.0 or edge, WebSocket beside REST', () => {
  assert.throws(() => planStageMapping(request({ basePath: 'or ders' })), /may hold only letters, digits/);
  assert.throws(() => planStageMapping(request({ basePath: 'a'.repeat(301) })), /at most 300 characters/);
  assert.throws(() => planStageMapping(request({ basePath: 'a//b' })), /empty level/);
  const edge = domain({ endpointType: 'EDGE' });
  assert.throws(
    () => planStageMapping(request({ domain: edge }, 'HTTP')),
    /edge-optimized domain name: HTTP APIs can be mapped only to regional/,
  );
  assert.throws(
    () => planStageMapping(request({ domain: edge, basePath: 'a/b' })),
    /several levels .* regional domain name with a TLS 1\.2/,
  );
  assert.throws(
    () => planStageMapping(request({ domain: domain({ securityPolicy: 'TLS_1_0' }), basePath: 'a/b' })),
    /TLS 1\.2/,
  );
  // A REST stage on one level maps to an edge-optimized domain with v1.
  assert.equal(planStageMapping(request({ domain: edge })).operation, 'CreateBasePathMapping');
  const withRest = domain({ mappings: [{ basePath: 'pets', apiId: 'r9', stage: 'prod' }] });
  assert.throws(
    () => planStageMapping(request({ domain: withRest, apiKinds: new Map([['r9', 'REST']]) }, 'WEBSOCKET')),
    /cannot share a custom domain name/,
  );
  assert.throws(() => planStageMapping(request({ stage: ' ' })), /A stage name is required/);
});

test('notes a domain that is not available yet and a routing mode that ignores mappings', () => {
  const plan = planStageMapping(
    request({
      domain: domain({
        status: 'PENDING',
        routingMode: 'ROUTING_RULE_ONLY',
        mappings: [{ basePath: 'x', apiId: 'b', stage: 's' }],
      }),
      basePath: '',
    }),
  );
  assert.equal(plan.notes.length, 3);
  assert.match(plan.notes.join('\n'), /PENDING[\s\S]*ROUTING_RULE_ONLY[\s\S]*every request that no other base path/);
});

test('creates a REST mapping with v1 and it shows in v2 GetApiMappings; a v2 mapping shows in v1 GetBasePathMappings', async () => {
  const restId = seedRest();
  const httpId = seedV2('HTTP');
  server.state.addDomainName({ domainName: 'api.example.com' });
  let [d] = await listCustomDomains(clients);
  const restPlan = planStageMapping({ domain: d!, api: { id: restId, kind: 'REST' }, stage: 'prod', basePath: 'pets' });
  assert.deepEqual(await createStageMapping(clients, restPlan), { basePath: 'pets', apiId: restId, stage: 'prod' });
  [d] = await listCustomDomains(clients);
  const httpPlan = planStageMapping({
    domain: d!,
    api: { id: httpId, kind: 'HTTP' },
    stage: '$default',
    basePath: 'orders/v1',
  });
  const made = await createStageMapping(clients, httpPlan);
  assert.equal(made.basePath, 'orders/v1');
  assert.ok(made.mappingId);
  const v1Calls = server.requests.filter((r) => r.operation === 'CreateBasePathMapping').length;
  const v2Calls = server.requests.filter((r) => r.operation === 'CreateApiMapping').length;
  assert.deepEqual([v1Calls, v2Calls], [1, 1]);
  [d] = await listCustomDomains(clients);
  assert.deepEqual(
    d!.mappings.map((m) => `${m.basePath}>${m.apiId}/${m.stage}`),
    [`orders/v1>${httpId}/$default`, `pets>${restId}/prod`],
  );
});

test('a mapping taken since the plan fails with the conflict AWS answers; a missing domain with not found', async () => {
  const restId = seedRest();
  server.state.addDomainName({ domainName: 'api.example.com' });
  const [d] = await listCustomDomains(clients);
  const plan = planStageMapping({ domain: d!, api: { id: restId, kind: 'REST' }, stage: 'prod', basePath: 'pets' });
  server.state.domainNames
    .get('api.example.com')!
    .mappings.set('pets', { id: 'x', key: 'pets', apiId: restId, stage: 'prod' });
  const conflict = await rejection(createStageMapping(clients, plan));
  assert.equal(conflict.problem.kind, 'conflict');
  assert.equal(conflict.problem.operation, 'CreateBasePathMapping');
  server.state.domainNames.clear();
  const missing = await rejection(createStageMapping(clients, plan));
  assert.equal(missing.problem.kind, 'notFound');
});

test('listing fails with a clear AwsError when AWS refuses (access denied on GetDomainNames)', async () => {
  server.fail('apigatewayv2:GetDomainNames', { errorType: 'AccessDeniedException' });
  const error = await rejection(listCustomDomains(clients));
  assert.equal(error.problem.kind, 'accessDenied');
  assert.match(error.message, /GetDomainNames/);
});
