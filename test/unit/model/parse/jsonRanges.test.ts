import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSource } from '../../../../src/model/parse';
import { toValue } from '../../../../src/model/parse/nodes';
import { makeRange } from '../../../../src/shared/range';
import { at, parseFixture } from './parseHelpers';

test('JSON: values, keys and pointers keep exact ranges', () => {
  const doc = parseFixture('ranges.json');
  assert.equal(doc.format, 'json');
  assert.deepEqual(doc.problems, []);
  const title = at(doc.root, 'info', 'title');
  assert.deepEqual(title.range, makeRange(2, 21, 2, 34));
  assert.equal(title.kind === 'scalar' && title.value, 'Pets é');
  const get = at(doc.root, 'paths', '/pets/{id}', 'get');
  assert.equal(get.pointer, '/paths/~1pets~1{id}/get');
  assert.deepEqual(get.range, makeRange(5, 13, 8, 7));
  const pathItem = at(doc.root, 'paths', '/pets/{id}');
  assert.deepEqual(pathItem.kind === 'object' && pathItem.properties[0]?.keyRange, makeRange(5, 6, 5, 11));
  assert.equal(
    at(doc.root, 'paths', '/pets/{id}', 'get', 'responses', '200').pointer,
    '/paths/~1pets~1{id}/get/responses/200',
  );
  assert.deepEqual(toValue(at(doc.root, 'x-numbers')), [1, -2.5, true, null]);
});

test('JSON: text starting with { is JSON whatever the file name; .yaml JSON that is not valid JSON is read as YAML', () => {
  assert.equal(parseSource('/t/api.template', '  {"a": 1}').format, 'json');
  const flow = parseSource('/t/flow.yaml', '{a: 1, b: [x]}');
  assert.equal(flow.format, 'yaml');
  assert.deepEqual(flow.problems, []);
  assert.deepEqual(toValue(flow.root), { a: 1, b: ['x'] });
});

test('JSON: pointers escape ~ and / (RFC 6901)', () => {
  const doc = parseSource('/t/esc.json', '{"a/b": {"c~d": 1}}');
  assert.equal(at(doc.root, 'a/b', 'c~d').pointer, '/a~1b/c~0d');
});
