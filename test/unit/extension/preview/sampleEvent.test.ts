import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Route } from '../../../../src/model';
import { buildSampleEvent } from '../../../../src/extension/preview/sampleEvent';
import { sampleFromSchema } from '../../../../src/extension/preview/sampleSchema';
import { parseRenderEvent } from '../../../../src/vtl/renderEvent';

const loc = {
  file: '/api.yaml',
  range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  pointer: '',
};

function route(overrides: Partial<Route>): Route {
  return {
    method: 'POST',
    path: '/pets/{petId}',
    loc,
    tags: [],
    parameters: [],
    responses: [],
    authorizerNames: [],
    apiKeyRequired: false,
    extensions: {},
    ...overrides,
  };
}

describe('sampleFromSchema', () => {
  it('prefers example, then default, then the first enum value', () => {
    assert.equal(sampleFromSchema({ type: 'string', example: 'Rex', default: 'x', enum: ['a'] }), 'Rex');
    assert.equal(sampleFromSchema({ type: 'string', default: 'x', enum: ['a'] }), 'x');
    assert.equal(sampleFromSchema({ type: 'string', enum: ['dog', 'cat'] }), 'dog');
  });

  it('builds objects, arrays and allOf merges from their parts', () => {
    const pet = { type: 'object', properties: { name: { type: 'string' }, age: { type: 'integer' } } };
    assert.deepEqual(sampleFromSchema({ type: 'array', items: pet }), [{ name: 'string', age: 1 }]);
    assert.deepEqual(sampleFromSchema({ allOf: [pet, { properties: { id: { type: 'string', format: 'uuid' } } }] }), {
      name: 'string',
      age: 1,
      id: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
    });
  });

  it('ends on recursive schemas', () => {
    const node: Record<string, unknown> = { type: 'object', properties: {} };
    (node['properties'] as Record<string, unknown>)['child'] = node;
    assert.doesNotThrow(() => JSON.stringify(sampleFromSchema(node)));
  });
});

describe('buildSampleEvent', () => {
  it('fills the request from the route: path parameters, query, headers and a JSON body from the schema', () => {
    const r = route({
      parameters: [
        { name: 'petId', in: 'path', required: true, schema: { type: 'string', example: '42' }, loc },
        { name: 'verbose', in: 'query', required: false, schema: { type: 'boolean' }, loc },
      ],
      requestBody: {
        required: true,
        contentTypes: ['application/json'],
        schemas: { 'application/json': { type: 'object', properties: { name: { type: 'string', example: 'Rex' } } } },
        loc,
      },
    });
    const event = JSON.parse(buildSampleEvent({ route: r, role: 'request' })) as { request: Record<string, unknown> };
    assert.equal(event.request['path'], '/pets/42');
    assert.equal(event.request['resourcePath'], '/pets/{petId}');
    assert.deepEqual(event.request['pathParameters'], { petId: '42' });
    assert.deepEqual(event.request['queryStringParameters'], { verbose: 'true' });
    assert.deepEqual(JSON.parse(event.request['body'] as string), { name: 'Rex' });
  });

  it('adds an integration response for response templates, and is always a valid render event', () => {
    const text = buildSampleEvent({ route: route({}), role: 'response', statusCode: '201' });
    const parsed = parseRenderEvent(text);
    assert.ok(parsed.ok, parsed.ok ? '' : parsed.message);
    assert.equal(parsed.context.integrationResponse?.statusCode, 201);
    assert.equal(parsed.context.request.body, null);
  });
});
