import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSource } from '../../../../src/model/parse';
import { documentValue, documentValueAt } from '../../../../src/model/parse/documentValue';
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

test('documentValueAt of every node of a JSON document equals toValue, and is one JSON.parse value', () => {
  const doc = parseSource('/t/api.json', '{"a/b": {"~c": [1, {"d": "e"}]}, "__proto__": {"x": [true]}, "f": null}');
  assert.deepEqual(doc.problems, []);
  const stack = [doc.root!];
  let nodes = 0;
  while (stack.length > 0) {
    const node = stack.pop()!;
    nodes++;
    assert.deepEqual(documentValueAt(doc, node), toValue(node), node.pointer);
    if (node.kind === 'array') stack.push(...node.items);
    else if (node.kind === 'object') stack.push(...node.properties.map((p) => p.value));
  }
  assert.equal(nodes, 10);
  const inner = getProperty(doc.root, 'a/b')!;
  assert.equal(documentValueAt(doc, inner), (documentValue(doc, doc.root!) as Record<string, unknown>)['a/b']);
});

test('documentValueAt falls back to toValue: YAML, duplicate keys, another file', () => {
  const yaml = parseSource('/t/api.yaml', 'a: {b: [1]}\n');
  assert.deepEqual(documentValueAt(yaml, getProperty(yaml.root, 'a')!), { b: [1] });
  const duplicate = parseSource('/t/dup.json', '{"a": {"b": 1}, "a": {"b": 2}}');
  assert.deepEqual(documentValueAt(duplicate, getProperty(duplicate.root, 'a')!), { b: 2 });
  const other = parseSource('/t/other.json', '{"a": {"z": 1}}');
  const doc = parseSource('/t/api.json', '{"a": {"b": 1}}');
  assert.deepEqual(documentValueAt(doc, getProperty(other.root, 'a')!), { z: 1 });
});
