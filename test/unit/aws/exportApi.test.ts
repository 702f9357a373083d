import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createClients } from '../../../src/aws/clients';
import { exportApi } from '../../../src/aws/exportApi';
import type { AwsApiKind } from '../../../src/aws/types';
import { fakeHttp, type Responder } from './fakeHttp';
import { rejection } from './rejection';

function clientsAnswering(respond: Responder) {
  const fake = fakeHttp(respond);
  const clients = createClients(
    { region: 'us-east-1', endpointUrl: 'http://127.0.0.1:4566' },
    { credentials: { accessKeyId: 'AKID', secretAccessKey: 'SECRET' }, requestHandler: fake.handler },
  );
  return { clients, sent: fake.sent };
}

const yaml = 'openapi: 3.0.1\ninfo:\n  title: pets\npaths: {}\n';

test('REST: GetExport of a stage with the API Gateway extensions, YAML asked with Accept, body decoded', async () => {
  const { clients, sent } = clientsAnswering(() => ({
    status: 200,
    headers: { 'content-type': 'application/yaml' },
    body: yaml,
  }));
  const text = await exportApi(clients, { kind: 'REST', apiId: 'abc123', stage: 'prod', format: 'yaml' });
  assert.equal(text, yaml);
  const request = sent[0]!;
  assert.equal(request.method, 'GET');
  assert.equal(request.path, '/restapis/abc123/stages/prod/exports/oas30');
  assert.deepEqual(request.query, { extensions: 'integrations,authorizers,apigateway' });
  assert.equal(request.headers['accept'], 'application/yaml');
});

test('REST: Swagger 2.0 as JSON', async () => {
  const { clients, sent } = clientsAnswering(() => ({ status: 200, body: '{"swagger":"2.0"}' }));
  assert.equal(
    await exportApi(clients, { kind: 'REST', apiId: 'abc123', stage: 'dev', format: 'json', specification: 'swagger' }),
    '{"swagger":"2.0"}',
  );
  assert.equal(sent[0]?.path, '/restapis/abc123/stages/dev/exports/swagger');
  assert.equal(sent[0]?.headers['accept'], 'application/json');
});

test('HTTP: ExportApi as OpenAPI 3.0 with extensions, of a stage or of the latest definition', async () => {
  const { clients, sent } = clientsAnswering(() => ({ status: 200, body: yaml }));
  assert.equal(await exportApi(clients, { kind: 'HTTP', apiId: 'h1', stage: '$default', format: 'yaml' }), yaml);
  await exportApi(clients, { kind: 'HTTP', apiId: 'h1', format: 'json' });
  assert.equal(sent[0]?.path, '/v2/apis/h1/exports/OAS30');
  assert.deepEqual(sent[0]?.query, { includeExtensions: 'true', outputType: 'YAML', stageName: '$default' });
  assert.deepEqual(sent[1]?.query, { includeExtensions: 'true', outputType: 'JSON' });
});

test('a WebSocket API cannot be exported by AWS, and says so without calling AWS', async () => {
  const { clients, sent } = clientsAnswering(() => ({ status: 500 }));
  const error = await rejection(exportApi(clients, { kind: 'WEBSOCKET', apiId: 'w1', stage: 'prod', format: 'yaml' }));
  assert.equal(error.problem.kind, 'badRequest');
  assert.match(
    error.message,
    /^API w1 is a WebSocket API, and AWS cannot export WebSocket APIs as OpenAPI \(only REST and HTTP APIs\)/,
  );
  assert.equal(sent.length, 0);
});

test('bad input: a REST export without a stage, Swagger for HTTP, unknown format or kind', async () => {
  const { clients, sent } = clientsAnswering(() => ({ status: 500 }));
  const cases: [Parameters<typeof exportApi>[1], string][] = [
    [
      { kind: 'REST', apiId: 'abc', format: 'yaml' },
      'A stage (REST APIs are exported from a deployed stage) is required.',
    ],
    [
      { kind: 'HTTP', apiId: 'h1', format: 'yaml', specification: 'swagger' },
      'HTTP APIs can only be exported as OpenAPI 3.0 (oas30), not as Swagger 2.0.',
    ],
    [{ kind: 'HTTP', apiId: 'h1', format: 'xml' as 'yaml' }, "'xml' is not an export format: expected yaml or json."],
    [
      { kind: 'REST', apiId: 'abc', stage: 's', format: 'json', specification: 'oas31' as 'oas30' },
      "'oas31' is not an export specification: expected oas30 or swagger.",
    ],
    [
      { kind: 'SOAP' as AwsApiKind, apiId: 'x', format: 'json' },
      "'SOAP' is not an API kind: expected REST, HTTP or WEBSOCKET.",
    ],
    [{ kind: 'HTTP', apiId: '', format: 'json' }, 'An API id is required.'],
  ];
  for (const [options, message] of cases) {
    const error = await rejection(exportApi(clients, options));
    assert.equal(error.message, message);
    assert.equal(error.problem.kind, 'badRequest');
  }
  assert.equal(sent.length, 0);
});

test('AWS failures: a stage that does not exist, an empty export', async () => {
  const { clients } = clientsAnswering((r) =>
    r.path.includes('/stages/nope/')
      ? { status: 404, errorType: 'NotFoundException', body: { message: 'Invalid stage identifier specified' } }
      : { status: 200, body: '' },
  );
  const missing = await rejection(exportApi(clients, { kind: 'REST', apiId: 'abc', stage: 'nope', format: 'yaml' }));
  assert.equal(missing.problem.kind, 'notFound');
  assert.equal(missing.problem.operation, 'GetExport');
  assert.match(missing.message, /^GetExport: not found\. AWS says: Invalid stage identifier specified\./);
  const empty = await rejection(exportApi(clients, { kind: 'REST', apiId: 'abc', stage: 'prod', format: 'yaml' }));
  assert.equal(empty.message, 'GetExport: AWS returned an empty export of stage prod of API abc. Try again.');
});
