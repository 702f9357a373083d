import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCount, parseQuantity } from '../../../../src/model/cost';

const value = (text: string): number => {
  const parsed = parseCount(text, '--requests');
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
};

test('counts are written plainly, with separators, in e-notation or with K, M, B', () => {
  assert.equal(value('5000000'), 5_000_000);
  assert.equal(value('5_000_000'), 5_000_000);
  assert.equal(value('5,000,000'), 5_000_000);
  assert.equal(value('5e6'), 5_000_000);
  assert.equal(value('5M'), 5_000_000);
  assert.equal(value('5m'), 5_000_000);
  assert.equal(value('750k'), 750_000);
  assert.equal(value('2.5B'), 2_500_000_000);
  assert.equal(value('0'), 0);
  assert.equal(value(' 12 '), 12);
});

test('decimals are exact: 1.1M is 1,100,000 and 333.000001M is 333,000,001', () => {
  assert.equal(value('1.1M'), 1_100_000);
  assert.equal(value('333.000001M'), 333_000_001);
  assert.equal(value('1.5e3'), 1500);
});

test('sizes may have decimals', () => {
  const parsed = parseQuantity('1228.8', '--payload-kb');
  assert.deepEqual(parsed, { ok: true, value: 1228.8 });
});

test('bad counts are refused, each with a clear message', () => {
  assert.deepEqual(parseCount('-5', '--requests'), { ok: false, error: '--requests must be 0 or more, not -5.' });
  assert.deepEqual(parseCount('lots', '--requests'), {
    ok: false,
    error:
      "--requests must be a number such as 5000000, 5e6, 5M or 2.5B (K, M, B: thousand, million, billion), not 'lots'.",
  });
  assert.equal(parseCount('', '--requests').ok, false);
  assert.equal(parseCount('5 M', '--requests').ok, false);
  assert.equal(parseCount('5G', '--requests').ok, false);
  assert.equal(parseCount('0x10', '--requests').ok, false);
  assert.deepEqual(parseCount('1.5', '--messages'), {
    ok: false,
    error: "--messages must be a whole number, not '1.5'.",
  });
  assert.deepEqual(parseCount('1e20', '--requests'), {
    ok: false,
    error: "--requests is too large to count exactly: '1e20' (at most about 9e15).",
  });
  assert.deepEqual(parseQuantity('1e400', '--payload-kb'), { ok: false, error: "--payload-kb is too large: '1e400'." });
});
