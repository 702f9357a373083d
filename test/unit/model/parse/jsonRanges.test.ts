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

test('JSON: ranges across CRLF and lone CR line ends, and of objects that end on a later line', () => {
  const text = '{\r\n  "a": {\r\n    "b": [1,\r    2]\r\n  },\n  "c": "x"\n}';
  const doc = parseSource('/t/crlf.json', text);
  assert.deepEqual(doc.problems, []);
  assert.deepEqual(at(doc.root, 'a').range, makeRange(1, 7, 4, 3));
  assert.deepEqual(at(doc.root, 'a', 'b').range, makeRange(2, 9, 3, 6));
  assert.deepEqual(at(doc.root, 'a', 'b', 1).range, makeRange(3, 4, 3, 5));
  assert.deepEqual(at(doc.root, 'c').range, makeRange(5, 7, 5, 10));
  assert.deepEqual(doc.root?.range, makeRange(0, 0, 6, 1));
  // Every range is the one the document's own line table gives for the node's offsets.
  const check = (node: ReturnType<typeof at>): void => {
    assert.deepEqual(node.range, {
      start: doc.positionAt(node.offset),
      end: doc.positionAt(node.offset + node.length),
    });
    if (node.kind === 'object') for (const p of node.properties) check(p.value);
    if (node.kind === 'array') node.items.forEach(check);
  };
  check(at(doc.root));
});

test('JSON with syntax errors: keys without values, values without keys and values after the root are left out', () => {
  const doc = parseSource('/t/broken.json', '{"a": , "b": 1, "c": [1, , 2], "d": {"e": }} [9]');
  assert.ok(doc.problems.length > 0);
  assert.ok(doc.problems.every((p) => p.code === 'apigw.parse.jsonSyntax'));
  assert.deepEqual(toValue(doc.root), { b: 1, c: [1, 2], d: {} });
  assert.equal(at(doc.root, 'c', 1).pointer, '/c/1');
  assert.equal(doc.problems.at(-1)?.message, 'JSON syntax error: Nothing may follow the top-level value.');
  // A value without a key ends the object for jsonc-parser's recovery: what follows is not read.
  const keyless = parseSource('/t/keyless.json', '{"b": 1, {"lost": true}, "c": 2}');
  assert.deepEqual(toValue(keyless.root), { b: 1 });
  const unclosed = parseSource('/t/unclosed.json', '{"a": [1, {"b": 2');
  assert.deepEqual(toValue(unclosed.root), { a: [1, { b: 2 }] });
  assert.equal(unclosed.root?.length, '{"a": [1, {"b": 2'.length);
});

test('JSON that is not strict: a line break escaped in a string or a key (a backslash, then the break) keeps every range right', () => {
  // jsonc-parser reads such a string on as an invalid escape and does not count the line: its line numbers after
  // it were one short, and the string's range ended on its first line, past that line's end.
  const text = '{\n  "a": "one\\\ntwo",\n  "k\\\ney": [1,\n    {"b": true}],\n  "c": "x"\n}';
  const doc = parseSource('/t/escaped-break.json', text);
  assert.equal(doc.format, 'json');
  assert.ok(
    doc.problems.some((p) => p.code === 'apigw.parse.jsonSyntax'),
    'the invalid escape is a syntax error',
  );
  assert.deepEqual(at(doc.root, 'a').range, makeRange(1, 7, 2, 4));
  const root = at(doc.root);
  assert.deepEqual(root.kind === 'object' && root.properties[1]?.keyRange, makeRange(3, 2, 4, 3));
  assert.deepEqual(at(doc.root, 'c').range, makeRange(6, 7, 6, 10));
  assert.deepEqual(doc.root?.range, makeRange(0, 0, 7, 1));
  const lines = text.split('\n');
  const inside = (range: { start: { line: number; character: number }; end: { line: number; character: number } }) =>
    range.end.line < lines.length && range.end.character <= (lines[range.end.line]?.length ?? -1);
  const check = (node: ReturnType<typeof at>): void => {
    assert.deepEqual(node.range, {
      start: doc.positionAt(node.offset),
      end: doc.positionAt(node.offset + node.length),
    });
    assert.ok(inside(node.range), `${node.pointer} ends inside the document`);
    if (node.kind === 'object')
      for (const p of node.properties) {
        assert.ok(inside(p.keyRange), `the key ${p.key} ends inside the document`);
        check(p.value);
      }
    if (node.kind === 'array') node.items.forEach(check);
  };
  check(root);
});
