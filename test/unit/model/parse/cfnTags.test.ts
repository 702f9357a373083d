import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isIntrinsic, toValue } from '../../../../src/model/parse/nodes';
import { makeRange } from '../../../../src/shared/range';
import { at, codesAndMessages, parseFixture } from './parseHelpers';

const TAGS: [string, string][] = [
  ['Ref', 'Ref'],
  ['Sub', 'Fn::Sub'],
  ['GetAtt', 'Fn::GetAtt'],
  ['Join', 'Fn::Join'],
  ['Select', 'Fn::Select'],
  ['Split', 'Fn::Split'],
  ['If', 'Fn::If'],
  ['Equals', 'Fn::Equals'],
  ['And', 'Fn::And'],
  ['Or', 'Fn::Or'],
  ['Not', 'Fn::Not'],
  ['FindInMap', 'Fn::FindInMap'],
  ['Base64', 'Fn::Base64'],
  ['Cidr', 'Fn::Cidr'],
  ['ImportValue', 'Fn::ImportValue'],
  ['GetAZs', 'Fn::GetAZs'],
  ['Condition', 'Condition'],
  ['Transform', 'Fn::Transform'],
  ['ToJsonString', 'Fn::ToJsonString'],
  ['Length', 'Fn::Length'],
];

const FORMS: [string, 'scalar' | 'array' | 'object'][] = [
  ['Scalar', 'scalar'],
  ['Sequence', 'array'],
  ['Mapping', 'object'],
];

test('every CloudFormation short-form tag parses in scalar, sequence and mapping form, without problems', () => {
  const doc = parseFixture('cfnTags.yaml');
  assert.deepEqual(doc.problems, []);
  for (const [form, kind] of FORMS) {
    for (const [name, longForm] of TAGS) {
      const node = at(doc.root, form, name);
      const where = `${form}/${name}`;
      assert.equal(node.kind, 'object', where);
      if (node.kind !== 'object') continue;
      assert.equal(node.tag, `!${name}`, where);
      assert.deepEqual(
        node.properties.map((p) => p.key),
        [longForm],
        where,
      );
      const expectedKind = form === 'Scalar' && name === 'GetAtt' ? 'array' : kind;
      assert.equal(node.properties[0]?.value.kind, expectedKind, where);
      assert.equal(node.properties[0]?.value.pointer, `/${form}/${name}/${longForm}`, where);
      assert.ok(isIntrinsic(node), where);
    }
  }
});

test('a tagged value spans from its tag; the long-form key has the range of the tag', () => {
  const doc = parseFixture('cfnTags.yaml');
  const sub = at(doc.root, 'Scalar', 'Sub');
  assert.deepEqual(sub.range, makeRange(3, 7, 3, 46));
  assert.equal(sub.kind === 'object' && sub.properties[0]?.keyRange.start.character, 7);
  assert.deepEqual(sub.kind === 'object' && sub.properties[0]?.keyRange, makeRange(3, 7, 3, 11));
  assert.deepEqual(at(sub, 'Fn::Sub').range, makeRange(3, 12, 3, 46));
  const transform = at(doc.root, 'Mapping', 'Transform');
  assert.deepEqual(transform.range, makeRange(63, 13, 64, 8));
});

test('nested tags come out in long form from toValue', () => {
  const doc = parseFixture('cfnTags.yaml');
  assert.deepEqual(toValue(at(doc.root, 'Sequence', 'Select')), { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] });
  assert.deepEqual(toValue(at(doc.root, 'Sequence', 'Sub')), { 'Fn::Sub': ['${A}-x', { A: { Ref: 'Stage' } }] });
  assert.deepEqual(toValue(at(doc.root, 'Scalar', 'Ref')), { Ref: 'MyApi' });
  assert.deepEqual(toValue(at(doc.root, 'Sequence', 'And')), { 'Fn::And': [{ Condition: 'A' }, { Condition: 'B' }] });
  assert.deepEqual(toValue(at(doc.root, 'Sequence', 'Length')), { 'Fn::Length': ['a', 'b'] });
  assert.deepEqual(toValue(at(doc.root, 'Mapping', 'Length')), { 'Fn::Length': { k: 'v' } });
});

test('!GetAtt in dot form splits at the first dot, with a range for each part', () => {
  const doc = parseFixture('getAttDots.yaml');
  assert.deepEqual(doc.problems, []);
  assert.deepEqual(toValue(at(doc.root, 'Plain')), { 'Fn::GetAtt': ['MyDb', 'Endpoint.Address'] });
  assert.deepEqual(toValue(at(doc.root, 'Quoted')), { 'Fn::GetAtt': ['MyFunction', 'Arn'] });
  assert.deepEqual(toValue(at(doc.root, 'NoDot')), { 'Fn::GetAtt': 'MyFunction' });
  assert.deepEqual(at(doc.root, 'Plain', 'Fn::GetAtt', 0).range, makeRange(0, 15, 0, 19));
  assert.deepEqual(at(doc.root, 'Plain', 'Fn::GetAtt', 1).range, makeRange(0, 20, 0, 36));
  assert.equal(at(doc.root, 'Plain', 'Fn::GetAtt', 1).pointer, '/Plain/Fn::GetAtt/1');
  assert.deepEqual(at(doc.root, 'Quoted', 'Fn::GetAtt', 0).range, makeRange(1, 17, 1, 27));
});

test('an unknown tag keeps its value and warns', () => {
  const doc = parseFixture('unknownTag.yaml');
  assert.deepEqual(toValue(doc.root), { uri: 'value', list: [1, 2] });
  assert.equal(at(doc.root, 'uri').tag, '!Foo');
  assert.deepEqual(codesAndMessages(doc.problems), [
    [
      'apigw.parse.unknownTag',
      "Unknown tag '!Foo': its value is read as if it had no tag. CloudFormation knows only its intrinsic function tags (!Ref, !Sub, !GetAtt, ...); remove the tag or use one of those.",
    ],
    [
      'apigw.parse.unknownTag',
      "Unknown tag '!Bar': its value is read as if it had no tag. CloudFormation knows only its intrinsic function tags (!Ref, !Sub, !GetAtt, ...); remove the tag or use one of those.",
    ],
  ]);
  assert.deepEqual(doc.problems[0]?.range, makeRange(0, 5, 0, 9));
  assert.equal(doc.problems[0]?.severity, 'warning');
});
