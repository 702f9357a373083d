import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../helpers/paths';
import {
  apiTypesOf,
  extensionSchema,
  extensionSchemas,
  subschemaAt,
  type JsonSchema,
} from '../../../../src/language/rules/extensions/schemaIndex';
import { validateExtension } from '../../../../src/language/rules/extensions/extensionValidator';

const schemasDir = path.join(repoRoot, 'schemas');

/** Every subschema that declares `properties`, with the path to it (for the description check). */
function propertiesOf(schema: unknown, at: string, out: Array<[string, JsonSchema]>): void {
  if (typeof schema !== 'object' || schema === null) return;
  for (const [key, value] of Object.entries(schema as JsonSchema)) {
    if (key === 'properties' && typeof value === 'object' && value !== null) {
      for (const [name, property] of Object.entries(value as JsonSchema)) {
        out.push([`${at}.${name}`, property as JsonSchema]);
        propertiesOf(property, `${at}.${name}`, out);
      }
    } else {
      propertiesOf(value, `${at}.${key}`, out);
    }
  }
}

describe('extension schemas', () => {
  it('lists every schema file in schemas/index.json, and every listed file exists with its own title', () => {
    const files = fs.readdirSync(schemasDir).filter((f) => f.startsWith('x-amazon-apigateway-'));
    assert.deepEqual([...extensionSchemas.keys()].map((n) => `${n}.json`).sort(), files.sort());
    for (const info of extensionSchemas.values()) {
      assert.equal(info.schema['title'], info.name);
      assert.equal(typeof info.schema['description'], 'string', info.name);
      assert.deepEqual(apiTypesOf(info.schema), info.apiTypes, `${info.name}: index and schema disagree on API types`);
    }
  });

  it('describes every property (hover and completion show these descriptions)', () => {
    for (const info of extensionSchemas.values()) {
      const properties: Array<[string, JsonSchema]> = [];
      propertiesOf(info.schema, info.name, properties);
      for (const [where, property] of properties) {
        assert.equal(typeof property['description'], 'string', `${where} has no description`);
      }
    }
  });

  it('finds subschemas by path, through additionalProperties, $ref and other schema files', () => {
    assert.deepEqual(apiTypesOf(subschemaAt('x-amazon-apigateway-integration', ['requestTemplates'])), ['REST']);
    const status = subschemaAt('x-amazon-apigateway-integration', ['responses', '4\\d{2}', 'statusCode']);
    assert.match(String(status?.['description']), /method response status code/);
    const shared = subschemaAt('x-amazon-apigateway-integrations', ['orders', 'payloadFormatVersion']);
    assert.deepEqual(apiTypesOf(shared), ['HTTP']);
    assert.equal(subschemaAt('x-amazon-apigateway-integration', ['notAField']), undefined);
    assert.equal(extensionSchema('x-amazon-apigateway-nothing'), undefined);
  });

  it('validates enums without regard to case, as API Gateway does', () => {
    assert.deepEqual(
      validateExtension('x-amazon-apigateway-integration', { type: 'AWS_PROXY', passthroughBehavior: 'WHEN_NO_MATCH' }),
      [],
    );
    const errors = validateExtension('x-amazon-apigateway-integration', { type: 'lambda' }) ?? [];
    assert.deepEqual(
      errors.map((e) => [e.keyword, e.instancePath]),
      [['x-apigw-enum-ci', '/type']],
    );
  });
});
