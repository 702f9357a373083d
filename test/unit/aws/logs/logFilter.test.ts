import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkFilter, filterPatternOf, matchesFilter } from '../../../../src/aws/logs/logFilter';
import { parseSince } from '../../../../src/aws/logs/since';
import { AwsError } from '../../../../src/aws/types';

const refused = (run: () => unknown, message: RegExp): void =>
  assert.throws(
    run,
    (e: unknown) => e instanceof AwsError && e.problem.kind === 'badRequest' && message.test(e.message),
  );

test('filterPatternOf quotes each term, escaping quotes and backslashes; nothing to filter gives no pattern', () => {
  assert.equal(filterPatternOf({}), undefined);
  assert.equal(filterPatternOf({ text: 'status: 500' }), '"status: 500"');
  assert.equal(filterPatternOf({ text: 'say "hi" \\o/', requestId: 'abc-1' }), '"say \\"hi\\" \\\\o/" "abc-1"');
});

test('matchesFilter needs every term, case-sensitive, as CloudWatch does', () => {
  const line = '(1b2c) Method completed with status: 500';
  assert.equal(matchesFilter(line, {}), true);
  assert.equal(matchesFilter(line, { text: 'status: 500', requestId: '1b2c' }), true);
  assert.equal(matchesFilter(line, { text: 'STATUS' }), false);
  assert.equal(matchesFilter(line, { requestId: 'ffff' }), false);
  // A request id is a whole word: 1b2 is not 1b2c.
  assert.equal(matchesFilter(line, { requestId: '1b2' }), false);
  assert.equal(matchesFilter('{"requestId":"1b2c","status":"500"}', { requestId: '1b2c' }), true);
});

test('checkFilter refuses empty, multi-line, over-long filters and request ids with spaces', () => {
  refused(() => checkFilter({ text: '  ' }), /filter text is empty/);
  refused(() => checkFilter({ text: 'a\nb' }), /must be one line/);
  refused(() => checkFilter({ text: 'x'.repeat(1001) }), /at most 1000/);
  refused(() => checkFilter({ requestId: 'abc def' }), /request id 'abc def' has spaces/);
  checkFilter({ text: 'ok', requestId: 'abc-def' });
});

test('parseSince reads durations and dates, and refuses the rest', () => {
  const now = Date.UTC(2026, 4, 1, 12);
  assert.equal(parseSince('10m', now), now - 600_000);
  assert.equal(parseSince('1.5h', now), now - 5_400_000);
  assert.equal(parseSince('30s', now), now - 30_000);
  assert.equal(parseSince('2d', now), now - 172_800_000);
  assert.equal(parseSince('1w', now), now - 604_800_000);
  assert.equal(parseSince('2026-05-01T11:00:00Z', now), now - 3_600_000);
  refused(() => parseSince('0m', now), /more than 0/);
  refused(() => parseSince('ten minutes', now), /neither a duration/);
  refused(() => parseSince('-5m', now), /neither a duration/);
  refused(() => parseSince('2026-06-01T00:00:00Z', now), /in the future/);
  refused(() => parseSince('2026-13-45', now), /neither a duration/);
});
