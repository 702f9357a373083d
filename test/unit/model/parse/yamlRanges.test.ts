import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSource } from '../../../../src/model/parse';
import { keyLocOf, locOf } from '../../../../src/model/parse/nodes';
import { makeRange } from '../../../../src/shared/range';
import { at, parseFixture } from './parseHelpers';

test('YAML: quoted, single-quoted and plain scalars keep exact ranges and pointers', () => {
  const doc = parseFixture('ranges.yaml');
  assert.equal(doc.format, 'yaml');
  assert.deepEqual(doc.problems, []);
  const title = at(doc.root, 'info', 'title');
  assert.deepEqual(title.range, makeRange(2, 9, 2, 22));
  assert.equal(title.kind === 'scalar' && title.value, 'Pets é');
  assert.equal(title.pointer, '/info/title');
  const version = at(doc.root, 'info', 'version');
  assert.deepEqual(version.range, makeRange(7, 11, 7, 15));
  const operationId = at(doc.root, 'paths', '/pets/{id}', 'get', 'operationId');
  assert.deepEqual(operationId.range, makeRange(11, 19, 11, 25), 'the trailing comment is not part of the value');
  assert.equal(operationId.pointer, '/paths/~1pets~1{id}/get/operationId');
  const tag = at(doc.root, 'tags', 1);
  assert.deepEqual(tag.range, makeRange(18, 10, 18, 15));
  assert.equal(tag.pointer, '/tags/1');
});

test('YAML: a block scalar spans from its indicator to its last character', () => {
  const doc = parseFixture('ranges.yaml');
  const description = at(doc.root, 'info', 'description');
  assert.deepEqual(description.range, makeRange(3, 15, 5, 16));
  assert.equal(description.kind === 'scalar' && description.value, 'First line.\nSecond line.\n');
  const template = at(
    doc.root,
    'paths',
    '/pets/{id}',
    'get',
    'x-amazon-apigateway-integration',
    'requestTemplates',
    'application/json',
  );
  assert.deepEqual(template.range, makeRange(15, 28, 16, 31));
  assert.equal(template.kind === 'scalar' && template.value, '{"statusCode": 200}');
  assert.equal(
    doc.text.slice(template.offset, template.offset + template.length),
    '>-\n            {"statusCode": 200}',
  );
});

test('YAML: keys keep their ranges, and keyLocOf spans from the key to the end of its value', () => {
  const doc = parseFixture('ranges.yaml');
  const pathItem = at(doc.root, 'paths', '/pets/{id}');
  assert.equal(pathItem.kind, 'object');
  if (pathItem.kind !== 'object') return;
  assert.deepEqual(pathItem.properties[0]?.keyRange, makeRange(10, 4, 10, 7));
  const loc = keyLocOf(pathItem, 'get');
  assert.deepEqual(loc, { file: doc.file, range: makeRange(10, 4, 16, 31), pointer: '/paths/~1pets~1{id}/get' });
  assert.deepEqual(keyLocOf(pathItem, 'post')?.range, makeRange(17, 4, 17, 12));
  assert.equal(keyLocOf(pathItem, 'put'), undefined);
  assert.deepEqual(locOf(at(doc.root, 'paths')).pointer, '/paths');
});

test('YAML: scalars follow the 1.2 core schema', () => {
  const doc = parseSource('/t/core.yaml', 'a: 1\nb: 2.5\nc: true\nd: null\ne: ~\nf: 3.0.1\ng: "1"\nh: yes\ni: 0x1F\n');
  const values = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].map((k) => {
    const node = at(doc.root, k);
    return node.kind === 'scalar' ? node.value : undefined;
  });
  assert.deepEqual(values, [1, 2.5, true, null, null, '3.0.1', '1', 'yes', 31]);
});

test('YAML: characters are UTF-16 code units and CRLF ends a line', () => {
  const doc = parseFixture('crlfEmoji.yaml');
  assert.deepEqual(at(doc.root, 'a').range, makeRange(0, 3, 0, 8));
  assert.deepEqual(at(doc.root, 'b').range, makeRange(1, 3, 1, 4));
  assert.deepEqual(doc.positionAt(doc.text.indexOf('b')), { line: 1, character: 0 });
});

test('YAML: numeric keys keep their written form', () => {
  const doc = parseSource('/t/keys.yaml', 'responses:\n  200: {description: ok}\n  "404": {}\n');
  const responses = at(doc.root, 'responses');
  assert.deepEqual(responses.kind === 'object' && responses.properties.map((p) => p.key), ['200', '404']);
  assert.equal(at(doc.root, 'responses', '200').pointer, '/responses/200');
});

test('YAML: an empty value is a null scalar and an empty file has no root', () => {
  const doc = parseSource('/t/empty.yaml', 'a:\nb: 1\n');
  const a = at(doc.root, 'a');
  assert.equal(a.kind === 'scalar' && a.value, null);
  const empty = parseSource('/t/nothing.yaml', '# only a comment\n');
  assert.equal(empty.root, undefined);
  assert.deepEqual(empty.problems, []);
});

test('YAML: aliases are resolved into copies at the alias', () => {
  const doc = parseFixture('aliases.yaml');
  const cors = at(doc.root, 'api', 'cors');
  assert.equal(cors.kind, 'object');
  assert.equal(cors.pointer, '/api/cors');
  assert.deepEqual(cors.range, makeRange(3, 8, 3, 13));
  const origin = at(cors, 'allowOrigins', 0);
  assert.equal(origin.kind === 'scalar' && origin.value, '*');
  assert.equal(origin.pointer, '/api/cors/allowOrigins/0');
});
