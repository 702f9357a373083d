import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { draft4, v2, v3 } from 'apigw-precompiled:openapi-validators';
import type { ErrorObject, ValidateFunction } from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import YAML from 'yaml';
import {
  metaSchemaOptions,
  officialSchema,
  placeRef,
  schemaId,
  validatorOptions,
} from '../../../../src/language/rules/schema/officialSchemas';
import { linkSchemaValues } from '../../../../src/language/rules/schema/precompile';
import { schemaErrorsAt } from '../../../../src/language/rules/schema/validators';
import { schemaPlaceOf, schemaPlacePointers } from '../../../../src/language/rules/schema/schemaPlaces';
import { uniqueItemsKeyword } from '../../../../src/language/rules/schema/uniqueItemsLinear';
import { repoRoot as root } from '../../helpers/paths';

// The validators compiled when the project is built (precompile.ts) must give exactly the errors of the ones ajv
// compiles at run time from the same schema objects, with the same `parentSchema` objects (collapse.ts compares
// them by identity).

function runtimeAjv(version: '2.0' | '3.0'): AjvDraft04 {
  const ajv = new AjvDraft04(validatorOptions);
  ajv.addKeyword(uniqueItemsKeyword);
  ajv.addSchema(officialSchema(version));
  return ajv;
}

/** Asserts that two validators gave the same errors, with the same parentSchema objects where official. */
function assertSameErrors(
  actual: readonly ErrorObject[],
  expected: readonly ErrorObject[],
  official: Set<unknown>,
  name: string,
): number {
  assert.deepEqual(comparable(actual), comparable(expected), name);
  let linked = 0;
  for (const [i, e] of expected.entries()) {
    const mine = actual[i] as ErrorObject;
    if (official.has(e.parentSchema)) {
      assert.equal(mine.parentSchema, e.parentSchema, `${name}: parentSchema of error ${i} (${e.schemaPath})`);
      linked++;
    } else {
      assert.deepEqual(mine.parentSchema, e.parentSchema, `${name}: parentSchema of error ${i}`);
    }
  }
  return linked;
}

/** Each value of a definition, with its path. */
function* valuesOf(value: unknown, segments: string[] = []): Generator<{ segments: string[]; value: unknown }> {
  yield { segments, value };
  if (value === null || typeof value !== 'object') return;
  for (const [key, child] of Object.entries(value)) yield* valuesOf(child, [...segments, key]);
}

/** Every object of the official schema of `version`. */
function objectsOf(version: '2.0' | '3.0'): Set<unknown> {
  const seen = new Set<unknown>();
  const pending: unknown[] = [officialSchema(version)];
  while (pending.length > 0) {
    const value = pending.pop();
    if (value === null || typeof value !== 'object' || seen.has(value)) continue;
    seen.add(value);
    pending.push(...Object.values(value as Record<string, unknown>));
  }
  return seen;
}

/** Definitions from the fixtures and examples, and broken variants of each (so that there are errors). */
function definitions(): Array<{ name: string; value: unknown }> {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ya?ml|json)$/.test(entry.name)) files.push(full);
    }
  };
  walk(path.join(root, 'test/fixtures'));
  walk(path.join(root, 'examples'));
  const result: Array<{ name: string; value: unknown }> = [];
  for (const file of files) {
    let value: unknown;
    try {
      value = YAML.parse(fs.readFileSync(file, 'utf8'), { logLevel: 'silent', maxAliasCount: 100 });
    } catch {
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    const name = path.relative(root, file);
    result.push({ name, value });
    for (const [i, broken] of brokenVariants(value).entries())
      result.push({ name: `${name} (broken ${i})`, value: broken });
  }
  return result;
}

/** The value with, in turn, every third object's first property turned into a number, a list or removed. */
function brokenVariants(value: unknown): unknown[] {
  const variants: unknown[] = [];
  for (const how of ['number', 'list', 'remove'] as const) {
    const copy: unknown = structuredClone(value);
    let count = 0;
    const pending: unknown[] = [copy];
    while (pending.length > 0) {
      const next = pending.pop();
      if (next === null || typeof next !== 'object') continue;
      const record = next as Record<string, unknown>;
      const [key] = Object.keys(record);
      pending.push(...Object.values(record));
      if (!Array.isArray(next) && key !== undefined && count++ % 3 === 0) {
        if (how === 'remove') delete record[key];
        else record[key] = how === 'number' ? 7 : [structuredClone(record[key]), structuredClone(record[key])];
      }
    }
    variants.push(copy);
  }
  return variants;
}

function comparable(errors: readonly ErrorObject[]): unknown[] {
  return errors.map(({ parentSchema: _parent, schema: _schema, data: _data, ...rest }) => rest);
}

describe('precompiled OpenAPI validators', () => {
  const inputs = definitions();

  for (const [version, precompiled] of [
    ['2.0', v2],
    ['3.0', v3],
  ] as const) {
    it(`gives the errors of the run-time compiled ${version} validator, with the same schema objects`, () => {
      const runtime = runtimeAjv(version).getSchema(schemaId(officialSchema(version))) as ValidateFunction;
      const official = objectsOf(version);
      let withErrors = 0;
      let linked = 0;
      for (const { name, value } of inputs) {
        const expectedValid = runtime(value);
        const expected = [...(runtime.errors ?? [])];
        assert.equal(precompiled.whole(value), expectedValid, name);
        linked += assertSameErrors([...(precompiled.whole.errors ?? [])], expected, official, name);
        if (expected.length > 0) withErrors++;
      }
      assert.ok(withErrors > 20, `only ${withErrors} definitions had ${version} errors`);
      assert.ok(linked > 100, `only ${linked} errors had a parentSchema of the official schema`);
    });

    it(`has a validator for every place of the ${version} schema, giving the run-time compiled one's errors`, () => {
      const root = officialSchema(version);
      const pointers = schemaPlacePointers(root);
      assert.deepEqual(Object.keys(precompiled.places).sort(), pointers);
      const ajv = runtimeAjv(version);
      const official = objectsOf(version);
      const checked = new Set<string>();
      let withErrors = 0;
      for (const { name, value } of inputs) {
        if (version === '3.0' ? !('openapi' in (value as object)) : !('swagger' in (value as object))) continue;
        for (const { segments, value: at } of valuesOf(value)) {
          const place = schemaPlaceOf(root, segments);
          if (place === undefined || place.depth !== segments.length) continue;
          const validate = precompiled.places[place.schemaPointer] as ValidateFunction;
          const runtime = ajv.compile({ $ref: placeRef(root, place.schemaPointer) });
          assert.equal(validate(at), runtime(at), `${name} at /${segments.join('/')}`);
          assertSameErrors([...(validate.errors ?? [])], [...(runtime.errors ?? [])], official, name);
          checked.add(place.schemaPointer);
          if ((runtime.errors ?? []).length > 0) withErrors++;
        }
      }
      assert.ok(checked.size > 20 && withErrors > 20, `${checked.size} places, ${withErrors} with errors`);
    });
  }

  it("gives the draft 4 meta-schema's errors of ajv's validateSchema for models", () => {
    const ajv = new AjvDraft04(metaSchemaOptions);
    let models = 0;
    let invalid = 0;
    for (const { name, value } of inputs) {
      const record = value as { definitions?: unknown; components?: { schemas?: unknown } };
      const schemas = record.definitions ?? record.components?.schemas;
      if (schemas === null || typeof schemas !== 'object') continue;
      for (const [model, schema] of Object.entries(schemas)) {
        if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) continue;
        const { $schema: _draft, ...rest } = schema as Record<string, unknown>;
        const expected = ajv.validateSchema(rest);
        assert.equal(draft4(rest), expected, `${name} ${model}`);
        assert.deepEqual(expected ? [] : draft4.errors, expected ? [] : ajv.errors, `${name} ${model}`);
        models++;
        if (!expected) invalid++;
      }
    }
    assert.ok(models > 100 && invalid > 20, `${models} models, ${invalid} invalid`);
  });

  it('reports duplicate objects in a list as ajv reports uniqueItems, in linear time', () => {
    const parameter = { name: 'a', in: 'query', schema: { type: 'string' } };
    const definition = {
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: { '/a': { get: { parameters: [parameter, { ...parameter, name: 'b' }, parameter], responses: {} } } },
    };
    assert.equal(v3.whole(definition), false);
    const unique = (v3.whole.errors ?? []).filter((e) => e.keyword === 'uniqueItemsLinear');
    assert.deepEqual(
      unique.map((e) => [e.instancePath, e.params, e.message]),
      [['/paths/~1a/get/parameters', { i: 2, j: 0 }, 'must NOT have duplicate items (items ## 0 and 2 are identical)']],
    );
  });

  it('checks a place that was not precompiled with a validator compiled then, as ajv compiles it at run time', () => {
    const pointer = '/definitions/Contact';
    assert.ok(!schemaPlacePointers(officialSchema('3.0')).includes(pointer), 'a place not precompiled');
    const expected = runtimeAjv('3.0').compile({ $ref: placeRef(officialSchema('3.0'), pointer) });
    for (const value of [{ name: 'n', url: 'u' }, { name: 1, extra: true }, 'not an object']) {
      const valid = expected(value);
      const errors = schemaErrorsAt('3.0', pointer, value);
      assert.equal(errors.length === 0, valid, JSON.stringify(value));
      assert.deepEqual(comparable(errors), comparable(expected.errors ?? []), JSON.stringify(value));
    }
  });

  it("fails the build when no schema object of ajv's code is an object of the official schema", () => {
    const ajv = new AjvDraft04(validatorOptions);
    ajv.compile({ type: 'object', properties: { a: { type: 'string' } } });
    assert.throws(
      () => linkSchemaValues(ajv, officialSchema('3.0'), 'openapiV3'),
      /no schema object of ajv's code is an object of openapiV3/,
    );
  });
});
