import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSource } from '../../../../src/model/parse';
import { documentValue } from '../../../../src/model/parse/documentValue';
import { getProperty, toValue } from '../../../../src/model/parse/nodes';

const json = '\uFEFF{"openapi": "3.0.1", "n": [1, -2.5e3, 0, true, null], "s": "a\\u00e9\\n", "__proto__": {"x": 1}}';

test('documentValue of a JSON root equals toValue, byte order mark and __proto__ included', () => {
  const doc = parseSource('/t/api.json', json);
  assert.deepEqual(doc.problems, []);
  const value = documentValue(doc, doc.root!);
  assert.deepEqual(value, toValue(doc.root));
  assert.equal(Object.getPrototypeOf(value), Object.prototype);
  assert.deepEqual(Object.getOwnPropertyDescriptor(value, '__proto__')?.value, { x: 1 });
});

test('documentValue falls back to toValue: YAML, a node below the root, duplicate keys, syntax errors', () => {
  const yaml = parseSource('/t/api.yaml', 'openapi: 3.0.1\nn: [1, 2]\n');
  assert.deepEqual(documentValue(yaml, yaml.root!), { openapi: '3.0.1', n: [1, 2] });
  const doc = parseSource('/t/api.json', '{"a": {"b": 1}}');
  const a = getProperty(doc.root, 'a')!;
  assert.deepEqual(documentValue(doc, a), { b: 1 });
  const duplicate = parseSource('/t/dup.json', '{"a": 1, "a": 2}');
  assert.equal(duplicate.problems.length, 1);
  assert.deepEqual(documentValue(duplicate, duplicate.root!), { a: 2 });
  const broken = parseSource('/t/broken.json', '{"a": 1, "b": }');
  assert.deepEqual(documentValue(broken, broken.root!), { a: 1 });
});
