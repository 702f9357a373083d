import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSource } from '../../../../src/model/parse';
import { toValue } from '../../../../src/model/parse/nodes';
import { MAX_ALIAS_VALUES, MAX_DEPTH } from '../../../../src/model/parse/yamlSource';
import type { SourceNode } from '../../../../src/model/sourceNode';
import { makeRange } from '../../../../src/shared/range';
import { at, codesAndMessages, parseFixture } from './parseHelpers';

test('YAML duplicate keys: a warning at the second key; both are kept and the last wins', () => {
  const doc = parseFixture('duplicateKeys.yaml');
  assert.deepEqual(codesAndMessages(doc.problems), [
    ['apigw.parse.duplicateKey', "Duplicate key 'get': API Gateway keeps only one of them."],
  ]);
  assert.equal(doc.problems[0]?.severity, 'warning');
  assert.deepEqual(doc.problems[0]?.range, makeRange(3, 4, 3, 7));
  assert.deepEqual(toValue(at(doc.root, 'paths', '/pets', 'get')), { operationId: 'second' });
  const pets = at(doc.root, 'paths', '/pets');
  assert.equal(pets.kind === 'object' && pets.properties.length, 2);
});

test('JSON duplicate keys: the same warning', () => {
  const doc = parseFixture('duplicateKeys.json');
  assert.deepEqual(codesAndMessages(doc.problems), [
    ['apigw.parse.duplicateKey', "Duplicate key 'title': API Gateway keeps only one of them."],
  ]);
  assert.deepEqual(doc.problems[0]?.range, makeRange(2, 2, 2, 9));
  assert.equal(toValue(at(doc.root, 'title')), 'two');
});

test('YAML syntax errors: first line of the message, a range, and what could be parsed', () => {
  const unclosed = parseFixture('yamlSyntaxError.yaml');
  assert.deepEqual(codesAndMessages(unclosed.problems), [
    ['apigw.parse.yamlSyntax', 'YAML syntax error: Missing closing "quote'],
  ]);
  assert.equal(unclosed.problems[0]?.severity, 'error');
  assert.equal(toValue(at(unclosed.root, 'openapi')), '3.0.1');
  const indent = parseFixture('yamlBadIndent.yaml');
  assert.deepEqual(codesAndMessages(indent.problems), [
    ['apigw.parse.yamlSyntax', 'YAML syntax error: All mapping items must start at the same column'],
  ]);
  assert.deepEqual(indent.problems[0]?.range, makeRange(2, 0, 2, 1));
  assert.equal(toValue(at(indent.root, 'info', 'title')), 'Pets');
});

test('JSON syntax errors: one clear message per place, with a range', () => {
  const trailing = parseFixture('jsonSyntaxError.json');
  assert.deepEqual(codesAndMessages(trailing.problems), [
    [
      'apigw.parse.jsonSyntax',
      'JSON syntax error: A property name in double quotes is expected (is there a trailing comma?).',
    ],
  ]);
  assert.deepEqual(trailing.problems[0]?.range, makeRange(2, 24, 2, 25));
  assert.equal(toValue(at(trailing.root, 'info', 'title')), 'x');
  const comment = parseFixture('jsonComment.json');
  assert.deepEqual(codesAndMessages(comment.problems), [
    ['apigw.parse.jsonSyntax', 'JSON syntax error: Comments are not allowed in JSON.'],
  ]);
  assert.deepEqual(comment.problems[0]?.range, makeRange(1, 2, 1, 14));
});

test('a YAML alias bomb is cut off at a bounded number of values, with an error', () => {
  const doc = parseFixture('aliasBomb.yaml');
  assert.deepEqual(
    doc.problems.map((p) => p.code),
    ['apigw.parse.aliasLimit'],
  );
  assert.equal(
    doc.problems[0]?.message,
    `YAML aliases here expand to more than ${MAX_ALIAS_VALUES} values, so the rest are left out (this looks like an "alias bomb"). Write the repeated parts out, or use fewer nested aliases.`,
  );
  assert.ok(countNodes(doc.root) < 2 * MAX_ALIAS_VALUES);
});

test('an alias inside its own anchor becomes null instead of recursing', () => {
  const doc = parseSource('/t/self.yaml', 'a: &x [1, *x]\n');
  assert.deepEqual(toValue(doc.root), { a: [1, null] });
  assert.deepEqual(doc.problems, []);
});

test('garbage and absurd nesting never throw', () => {
  const inputs: [string, string][] = [
    ['/t/deep.json', '['.repeat(50000)],
    ['/t/deep.yaml', '['.repeat(50000)],
    ['/t/deepBlock.yaml', Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}- `).join('\n')],
    ['/t/garbage.yaml', '\u0000\u0001: : - ]] }{ !! & * |\n\t- x'],
    ['/t/garbage.json', '{"a": tru, "b": [1,, 2], 3: }'],
    ['/t/tagOnly.yaml', '!Ref'],
    ['/t/multi.yaml', 'a: 1\n---\nb: 2\n'],
  ];
  for (const [file, text] of inputs) {
    const doc = parseSource(file, text);
    assert.ok(doc.problems.length > 0 || doc.root !== undefined, file);
    for (const p of doc.problems.filter((p) => p.severity === 'error')) {
      assert.match(p.message, /^(YAML|JSON) syntax error: \S/, file);
    }
  }
  assert.deepEqual(codesAndMessages(parseSource('/t/deep.json', '['.repeat(50000)).problems), [
    [
      'apigw.parse.jsonSyntax',
      `JSON syntax error: the document is nested more than ${MAX_DEPTH} levels deep, so it is not read.`,
    ],
  ]);
  assert.deepEqual(codesAndMessages(parseSource('/t/deep.yaml', '['.repeat(50000)).problems), [
    [
      'apigw.parse.yamlSyntax',
      `YAML syntax error: the document is nested more than ${MAX_DEPTH} levels deep, so it is not read.`,
    ],
  ]);
  const multi = parseSource('/t/multi.yaml', 'a: 1\n---\nb: 2\n');
  assert.deepEqual(codesAndMessages(multi.problems), [
    [
      'apigw.parse.yamlSyntax',
      'YAML syntax error: The file holds more than one YAML document (---); only the first is read.',
    ],
  ]);
  assert.deepEqual(toValue(multi.root), { a: 1 });
});

test('a byte order mark is not part of the first key or value', () => {
  const yaml = parseFixture('bom.yaml');
  assert.deepEqual(yaml.problems, []);
  assert.equal(toValue(at(yaml.root, 'openapi')), '3.0.1');
  const json = parseFixture('bom.json');
  assert.deepEqual(json.problems, []);
  assert.equal(toValue(at(json.root, 'openapi')), '3.0.1');
});

function countNodes(node: SourceNode | undefined): number {
  if (!node) return 0;
  if (node.kind === 'scalar') return 1;
  if (node.kind === 'array') return 1 + node.items.reduce((n, item) => n + countNodes(item), 0);
  return 1 + node.properties.reduce((n, p) => n + countNodes(p.value), 0);
}
