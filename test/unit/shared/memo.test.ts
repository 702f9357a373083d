import assert from 'node:assert/strict';
import { test } from 'node:test';
import { memoByString } from '../../../src/shared/memo';

test('memoByString computes each input once, remembers undefined results, and forgets all when full', () => {
  const calls: string[] = [];
  const parse = memoByString((s: string) => {
    calls.push(s);
    return s === 'none' ? undefined : { length: s.length };
  }, 3);
  assert.deepEqual(parse('ab'), { length: 2 });
  assert.equal(parse('ab'), parse('ab'));
  assert.equal(parse('none'), undefined);
  assert.equal(parse('none'), undefined);
  assert.deepEqual(calls, ['ab', 'none']);
  parse('c');
  parse('d'); // the fourth distinct input: the three known are forgotten
  parse('ab');
  assert.deepEqual(calls, ['ab', 'none', 'c', 'd', 'ab']);
});
