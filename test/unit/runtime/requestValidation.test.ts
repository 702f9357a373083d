// REST request validation: models are JSON Schema draft 4 in full, and one that cannot be compiled is said when
// the mock loads (https://docs.aws.amazon.com/apigateway/latest/developerguide/models-mappings-models.html: "API
// Gateway uses JSON schema draft 4"; it refuses to create a model that is not a valid schema).
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { loadServedApi } from '../../../src/runtime/loadApi';
import { compileModel } from '../../../src/runtime/stages/validation';
import { nodeFileSystem } from '../../../src/shared/nodeFileSystem';

function validator(schema: object): (data: unknown) => boolean {
  const model = compileModel(schema);
  if ('problem' in model) assert.fail(model.problem);
  return (data) => model.validate(data) === true;
}

describe('request models (JSON Schema draft 4)', () => {
  it('checks oneOf, anyOf, allOf, not and type "null"', () => {
    const oneOf = validator({ oneOf: [{ type: 'null' }, { type: 'object', required: ['a'] }] });
    assert.equal(oneOf(null), true);
    assert.equal(oneOf({ a: 1 }), true);
    assert.equal(oneOf({ b: 1 }), false);
    const anyOf = validator({ anyOf: [{ type: 'string' }, { type: 'integer' }] });
    assert.equal(anyOf(1), true);
    assert.equal(anyOf(true), false);
    const allOf = validator({ allOf: [{ required: ['a'] }, { required: ['b'] }] });
    assert.equal(allOf({ a: 1, b: 2 }), true);
    assert.equal(allOf({ a: 1 }), false);
    const not = validator({ not: { type: 'array' } });
    assert.equal(not({}), true);
    assert.equal(not([]), false);
  });

  it('reads OpenAPI nullable and ignores $schema (inlined models repeat it)', () => {
    const nullable = validator({
      $schema: 'http://json-schema.org/draft-04/schema#',
      type: 'object',
      properties: { n: { type: 'string', nullable: true, $schema: 'http://json-schema.org/draft-07/schema#' } },
    });
    assert.equal(nullable({ n: null }), true);
    assert.equal(nullable({ n: 1 }), false);
  });

  it('says why a model cannot be compiled, never passing every body', () => {
    const model = compileModel({ type: 'object', properties: { name: { type: 'text' } } });
    assert.ok('problem' in model);
  });

  it('reports such a model when the mock loads, with its place', async () => {
    const text = `openapi: 3.0.1
info: {title: T, version: '1'}
x-amazon-apigateway-request-validators:
  body: {validateRequestBody: true, validateRequestParameters: false}
x-amazon-apigateway-request-validator: body
paths:
  /pets:
    post:
      requestBody:
        content:
          application/json:
            schema: {type: object, properties: {name: {type: text}}}
      x-amazon-apigateway-integration: {type: mock, requestTemplates: {application/json: '{"statusCode": 200}'}}
`;
    const file = path.resolve('models-that-fail.yaml');
    const loaded = await loadServedApi({ file, fs: nodeFileSystem, text });
    assert.ok(loaded.ok);
    const [warning] = loaded.ok ? loaded.warnings : [];
    assert.match(
      warning ?? '',
      /^models-that-fail\.yaml:10: error: the application\/json request model of POST \/pets cannot be compiled/,
    );
  });
});
