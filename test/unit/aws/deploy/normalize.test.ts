import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { guessKind, normalizeDefinition, normalizedText } from '../../../../src/aws/deploy/normalize';
import { shapeFromDocument } from '../../../../src/aws/deploy/shape';
import { at, plain, prepareFile, readFixture } from './helpers';

/** Where two texts first differ, for a readable failure. */
function firstDifference(a: string, b: string): string {
  const x = a.split('\n');
  const y = b.split('\n');
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if (x[i] !== y[i]) return `line ${i + 1}:\n  local:    ${x[i]}\n  deployed: ${y[i]}`;
  }
  return 'same';
}

test('a REST definition and AWS’s export of it (GetExport oas30 with extensions) normalise to the same text', async () => {
  const local = await prepareFile('examples/pets-rest/openapi.yaml');
  const exported = JSON.parse(readFixture('awsDeploy', 'pets-rest.export.json')) as unknown;
  const a = normalizedText(local.body, { kind: 'REST' });
  const b = normalizedText(exported, { kind: 'REST' });
  assert.equal(a, b, firstDifference(a, b));
  // What AWS rewrites is gone; what it keeps is there.
  const n = plain(normalizeDefinition(exported, { kind: 'REST' }));
  assert.equal(at(n, 'servers'), undefined);
  assert.deepEqual(at(n, 'info'), { title: 'Pets REST API', description: at(local.body, 'info', 'description') });
  assert.deepEqual(at(n, 'paths', '/pets', 'get', 'parameters'), [{ in: 'query', name: 'type' }]);
  assert.equal(at(n, 'paths', '/health', 'get', 'x-amazon-apigateway-integration', 'passthroughBehavior'), undefined);
  assert.equal(at(n, 'paths', '/pets', 'post', 'x-amazon-apigateway-integration', 'passthroughBehavior'), 'never');
  assert.equal(at(n, 'paths', '/pets', 'get', 'x-amazon-apigateway-request-validator'), 'params-only');
});

test('an HTTP definition and AWS’s export of it (ExportApi OAS30 with extensions) normalise to the same text', async () => {
  const local = await prepareFile('examples/notes-http/openapi.json');
  const exported = JSON.parse(readFixture('awsDeploy', 'notes-http.export.json')) as unknown;
  const a = normalizedText(local.body, { kind: 'HTTP' });
  const b = normalizedText(exported, { kind: 'HTTP' });
  assert.equal(a, b, firstDifference(a, b));
  const n = plain(normalizeDefinition(local.body, { kind: 'HTTP' }));
  assert.equal(at(n, 'x-amazon-apigateway-importexport-version'), undefined);
  assert.deepEqual(at(n, 'paths', '/status', 'get'), {
    operationId: 'status',
    'x-amazon-apigateway-integration': {
      type: 'http_proxy',
      httpMethod: 'GET',
      uri: 'https://status.example.com/api/v2/status.json',
      requestParameters: { 'append:header.x-forwarded-by': 'apigw' },
    },
  });
  assert.deepEqual(at(n, 'paths', '/notes', 'post', 'security'), [{ cognito: ['notes/write'] }]);
  assert.equal(at(n, 'paths', '/notes', 'get', 'x-amazon-apigateway-integration', 'timeoutInMillis'), 10000);
});

test('key order never matters', async () => {
  const local = await prepareFile('examples/pets-rest/openapi.yaml');
  const expected = normalizedText(local.body, { kind: 'REST' });
  const shuffle = (value: unknown, rand: () => number): unknown => {
    if (Array.isArray(value)) return value.map((v) => shuffle(v, rand));
    if (value === null || typeof value !== 'object') return value;
    const entries = Object.entries(value).sort(() => rand() - 0.5);
    return Object.fromEntries(entries.map(([k, v]) => [k, shuffle(v, rand)]));
  };
  fc.assert(
    fc.property(fc.integer(), (seed) => {
      let state = seed;
      const rand = (): number => {
        state = (state * 1103515245 + 12345) & 0x7fffffff;
        return state / 0x7fffffff;
      };
      return normalizedText(shuffle(local.body, rand), { kind: 'REST' }) === expected;
    }),
    { numRuns: 25 },
  );
});

test('defaults AWS fills in compare equal to their absence; a real change does not', () => {
  const doc = (integration: Record<string, unknown>, kind: 'REST' | 'HTTP' = 'REST') =>
    normalizedText(
      {
        openapi: '3.0.1',
        info: { title: 'a' },
        paths: { '/a': { get: { 'x-amazon-apigateway-integration': integration } } },
      },
      { kind },
    );
  const base = { type: 'aws_proxy', httpMethod: 'post', uri: 'arn:x' };
  assert.equal(
    doc(base),
    doc({
      ...base,
      type: 'AWS_PROXY',
      passthroughBehavior: 'WHEN_NO_MATCH',
      timeoutInMillis: 29000,
      connectionType: 'INTERNET',
      responses: { default: { statusCode: 200 } },
    }),
  );
  assert.equal(doc(base), doc({ ...base, cacheKeyParameters: [], cacheNamespace: 'r2d2' }));
  assert.equal(doc(base, 'HTTP'), doc({ ...base, timeoutInMillis: 30000 }, 'HTTP'));
  assert.equal(
    doc({ type: 'http_proxy', uri: 'https://x' }, 'HTTP'),
    doc({ type: 'HTTP_PROXY', uri: 'https://x', payloadFormatVersion: 1 }, 'HTTP'),
  );
  assert.notEqual(doc(base), doc({ ...base, uri: 'arn:y' }));
  assert.notEqual(doc(base), doc({ ...base, timeoutInMillis: 5000 }));
  assert.notEqual(doc(base, 'HTTP'), doc({ ...base, payloadFormatVersion: '2.0' }, 'HTTP'));
  assert.notEqual(doc(base), doc({ ...base, type: 'aws' }), 'a non-proxy default response is a real setting');
});

test('REST: an API key scheme is named api_key, as AWS exports it; root security and validator are pushed into operations', () => {
  const n = plain(
    normalizeDefinition({
      openapi: '3.0.0',
      info: { title: 'a', version: '7' },
      security: [{ Key: [] }],
      'x-amazon-apigateway-request-validator': 'body',
      paths: { '/a': { get: {}, post: { security: [], 'x-amazon-apigateway-request-validator': 'none' } } },
      components: { securitySchemes: { Key: { type: 'apiKey', name: 'X-API-Key', in: 'header', description: 'd' } } },
    }),
  );
  assert.equal(at(n, 'openapi'), '3.0.1');
  assert.deepEqual(at(n, 'info'), { title: 'a' });
  assert.deepEqual(at(n, 'paths', '/a', 'get'), {
    security: [{ api_key: [] }],
    'x-amazon-apigateway-request-validator': 'body',
  });
  assert.deepEqual(at(n, 'paths', '/a', 'post'), { 'x-amazon-apigateway-request-validator': 'none' });
  assert.deepEqual(at(n, 'components', 'securitySchemes'), {
    api_key: { type: 'apiKey', name: 'X-API-Key', in: 'header' },
  });
  assert.equal(at(n, 'x-amazon-apigateway-request-validator'), undefined);
});

test('REST: parameters keep name, place and required; path-level ones are merged; $refs other than schemas are inlined', () => {
  const n = plain(
    normalizeDefinition({
      openapi: '3.0.1',
      info: { title: 'a' },
      paths: {
        '/a/{id}': {
          parameters: [{ $ref: '#/components/parameters/Id' }, { name: 'q', in: 'query', required: true }],
          get: {
            summary: 'dropped',
            tags: ['dropped'],
            parameters: [{ name: 'q', in: 'query', schema: { type: 'integer' } }],
            responses: { default: { description: 'x' }, '200': { $ref: '#/components/responses/Ok' } },
            'x-amazon-apigateway-integration': { $ref: '#/components/x-amazon-apigateway-integrations/mock' },
          },
        },
      },
      components: {
        parameters: { Id: { name: 'id', in: 'path', required: true, schema: { type: 'string' } } },
        responses: {
          Ok: {
            description: 'ok',
            headers: { 'X-A': { schema: { type: 'string' } } },
            content: { 'application/json': { schema: { $ref: '#/components/schemas/A' } } },
          },
        },
        schemas: { A: { type: 'object' } },
        'x-amazon-apigateway-integrations': { mock: { type: 'MOCK', httpMethod: 'GET' } },
      },
    }),
  );
  assert.deepEqual(at(n, 'paths', '/a/{id}', 'get'), {
    parameters: [
      { in: 'path', name: 'id', required: true },
      { in: 'query', name: 'q' },
    ],
    responses: {
      '200': {
        headers: { 'X-A': {} },
        content: { 'application/json': { schema: { $ref: '#/components/schemas/A' } } },
      },
    },
    'x-amazon-apigateway-integration': { type: 'mock' },
  });
  assert.deepEqual(Object.keys(at(n, 'components') as object), ['schemas']);
});

test('guessKind and policies: an export tells HTTP by its import/export version; policy ARNs of the API read as execute-api:/', () => {
  assert.equal(guessKind({ 'x-amazon-apigateway-importexport-version': '1.0' }), 'HTTP');
  assert.equal(
    guessKind({ paths: { '/a': { get: { 'x-amazon-apigateway-integration': { payloadFormatVersion: '2.0' } } } } }),
    'HTTP',
  );
  assert.equal(guessKind({ paths: {} }), 'REST');
  const policy = (resource: unknown) =>
    normalizedText({
      openapi: '3.0.1',
      info: { title: 'a' },
      paths: {},
      'x-amazon-apigateway-policy': {
        Version: '2012-10-17',
        Statement: { Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: resource },
      },
    });
  assert.equal(policy('execute-api:/*'), policy(['arn:aws:execute-api:us-east-1:123456789012:a1b2c3/*']));
});

test('shapes: route keys, any-method and the HTTP $default route, authorizers apart from the REST API key', async () => {
  const rest = shapeFromDocument((await prepareFile('examples/pets-rest/openapi.yaml')).body, 'REST');
  assert.deepEqual(Object.keys(rest.routes).sort(), [
    'ANY /legacy/{proxy+}',
    'GET /health',
    'GET /pets',
    'GET /pets/{petId}',
    'GET /quotes',
    'POST /pets',
  ]);
  assert.deepEqual(Object.keys(rest.authorizers), []);
  assert.deepEqual(Object.keys(rest.models).sort(), ['NewPet', 'Pet', 'Pets']);
  assert.deepEqual(Object.keys(rest.gatewayResponses), ['DEFAULT_4XX']);
  assert.equal(rest.settings['title'], 'Pets REST API');
  assert.ok(rest.settings['apiKey api_key'] !== undefined);
  const http = shapeFromDocument(
    {
      openapi: '3.0.1',
      info: { title: 'h' },
      paths: {
        '/$default': {
          'x-amazon-apigateway-any-method': {
            isDefaultRoute: true,
            'x-amazon-apigateway-integration': { type: 'http_proxy', uri: 'https://x' },
          },
        },
      },
    },
    'HTTP',
  );
  assert.deepEqual(Object.keys(http.routes), ['$default']);
});
