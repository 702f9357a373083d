import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSource } from '../../../../src/model/parse';
import {
  asBoolean,
  asNumber,
  asString,
  asStringArray,
  getProperty,
  hasProperty,
  isIntrinsic,
  locOf,
  toValue,
} from '../../../../src/model/parse/nodes';
import { at, parseFixture } from './parseHelpers';

const doc = parseSource(
  '/t/values.yaml',
  [
    's: text',
    'n: 42',
    'f: 1.5',
    'b: true',
    'bs: "false"',
    'list: [a, 1, b]',
    'one: single',
    'ref: {Ref: X}',
    'sub: {"Fn::Sub": "x"}',
    'two: {Ref: X, Other: Y}',
    'cond: {Condition: C}',
    'a: first',
    'a: last',
  ].join('\n'),
);

test('getProperty: the last duplicate wins; hasProperty; non-objects have no properties', () => {
  assert.equal(asString(getProperty(doc.root, 'a')), 'last');
  assert.equal(hasProperty(doc.root, 's'), true);
  assert.equal(hasProperty(doc.root, 'missing'), false);
  assert.equal(getProperty(at(doc.root, 's'), 'x'), undefined);
  assert.equal(getProperty(undefined, 'x'), undefined);
});

test('as* helpers read only the matching kind of scalar', () => {
  assert.equal(asString(at(doc.root, 's')), 'text');
  assert.equal(asString(at(doc.root, 'n')), undefined, 'numbers are not coerced to strings');
  assert.equal(asNumber(at(doc.root, 'n')), 42);
  assert.equal(asNumber(at(doc.root, 'f')), 1.5);
  assert.equal(asNumber(at(doc.root, 's')), undefined);
  assert.equal(asBoolean(at(doc.root, 'b')), true);
  assert.equal(asBoolean(at(doc.root, 'bs')), false);
  assert.equal(asBoolean(at(doc.root, 's')), undefined);
  assert.deepEqual(asStringArray(at(doc.root, 'list')), ['a', 'b']);
  assert.deepEqual(asStringArray(at(doc.root, 'one')), ['single']);
  assert.deepEqual(asStringArray(at(doc.root, 'ref')), []);
  assert.deepEqual(asStringArray(undefined), []);
});

test('isIntrinsic: exactly one key that is Ref, Condition or Fn::*', () => {
  assert.equal(isIntrinsic(at(doc.root, 'ref')), true);
  assert.equal(isIntrinsic(at(doc.root, 'sub')), true);
  assert.equal(isIntrinsic(at(doc.root, 'cond')), true);
  assert.equal(isIntrinsic(at(doc.root, 'two')), false);
  assert.equal(isIntrinsic(at(doc.root, 's')), false);
  assert.equal(isIntrinsic(undefined), false);
});

test('toValue: plain values, last duplicate wins', () => {
  assert.deepEqual(toValue(at(doc.root, 'sub')), { 'Fn::Sub': 'x' });
  assert.deepEqual(toValue(at(doc.root, 'list')), ['a', 1, 'b']);
  assert.equal((toValue(doc.root) as Record<string, unknown>)['a'], 'last');
  assert.equal(toValue(undefined), undefined);
});

test('toValue: a __proto__ key is an own property and does not change the prototype', () => {
  const proto = parseFixture('protoKey.yaml');
  const value = toValue(proto.root) as Record<string, unknown>;
  assert.equal(Object.getPrototypeOf(value), Object.prototype);
  assert.deepEqual(Object.keys(value), ['__proto__', 'constructor']);
  assert.deepEqual(Object.getOwnPropertyDescriptor(value, '__proto__')?.value, { polluted: true });
  assert.equal((value as { polluted?: unknown }).polluted, undefined);
  assert.equal(({} as { polluted?: unknown }).polluted, undefined);
  const json = toValue(parseSource('/t/p.json', '{"__proto__": {"polluted": 1}}').root) as Record<string, unknown>;
  assert.equal((json as { polluted?: unknown }).polluted, undefined);
  assert.deepEqual(Object.keys(json), ['__proto__']);
});

test('locOf gives file, range and pointer', () => {
  const node = at(doc.root, 'n');
  assert.deepEqual(locOf(node), { file: '/t/values.yaml', range: node.range, pointer: '/n' });
});

test('getProperty of a big object (looked up through an index) finds every key, the last of duplicates', () => {
  const keys = Array.from({ length: 100 }, (_, i) => `k${i}`);
  const text = `{${keys.map((k, i) => `"${k}": ${i}`).join(', ')}, "k7": "again"}`;
  const root = parseSource('/t/big.json', text).root;
  assert.equal(root?.kind, 'object');
  for (const [i, k] of keys.entries()) {
    const value = getProperty(root, k);
    assert.equal(value?.kind === 'scalar' ? value.value : undefined, k === 'k7' ? 'again' : i);
  }
  assert.equal(getProperty(root, 'missing'), undefined);
  assert.equal(getProperty(root, '__proto__'), undefined);
  // A list that grows after a lookup (a builder still adding) is indexed again.
  if (root?.kind !== 'object') return;
  const added = root.properties[0];
  assert.ok(added);
  root.properties.push({ ...added, key: 'late' });
  assert.equal(getProperty(root, 'late'), added.value);
});
