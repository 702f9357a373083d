import assert from 'node:assert/strict';
import { test } from 'node:test';
import { choosePeriod, describeWindow, parseDuration, periodProblem } from '../../../../src/aws/metrics/window';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

test('parseDuration reads 30m, 3h, 1d, 1w (rounded up to a minute) and says what is wrong with bad input', () => {
  assert.deepEqual(parseDuration('30m'), { ms: 30 * 60_000 });
  assert.deepEqual(parseDuration('3h'), { ms: 3 * HOUR });
  assert.deepEqual(parseDuration(' 1D '), { ms: DAY });
  assert.deepEqual(parseDuration('1w'), { ms: 7 * DAY });
  assert.deepEqual(parseDuration('90s'), { ms: 2 * 60_000 });
  assert.match((parseDuration('3') as { error: string }).error, /not a duration: give a number and a unit/);
  assert.match((parseDuration('-1h') as { error: string }).error, /not a duration/);
  assert.match((parseDuration('abc') as { error: string }).error, /not a duration/);
  assert.match((parseDuration('10s') as { error: string }).error, /shorter than CloudWatch's smallest period/);
  assert.match((parseDuration('500d') as { error: string }).error, /longer than CloudWatch keeps metrics/);
});

test("choosePeriod: the dashboard windows' presets, else the smallest period CloudWatch still holds under the point limit", () => {
  assert.equal(choosePeriod(HOUR), 60);
  assert.equal(choosePeriod(3 * HOUR), 60);
  assert.equal(choosePeriod(12 * HOUR), 300);
  assert.equal(choosePeriod(DAY), 300);
  assert.equal(choosePeriod(7 * DAY), 3600);
  assert.equal(choosePeriod(2 * HOUR), 60);
  // 30 days: starts more than 15 days ago, so 5-minute datapoints at least; 8640 of them is too many → 1 h.
  assert.equal(choosePeriod(30 * DAY), 3600);
  // 100 days: only 1-hour datapoints are kept; 2400 of them is too many → 6 h.
  assert.equal(choosePeriod(100 * DAY), 6 * 3600);
});

test('periodProblem refuses periods CloudWatch cannot answer for the window, saying why', () => {
  assert.equal(periodProblem(60, 3 * HOUR), undefined);
  assert.match(periodProblem(90, HOUR)!, /whole number of minutes/);
  assert.match(periodProblem(0, HOUR)!, /whole number of minutes/);
  assert.match(periodProblem(30, HOUR)!, /API Gateway sends 1-minute metrics/);
  assert.match(periodProblem(60, 20 * DAY)!, /older than 15 days only as 5-minute aggregates: .* multiple of 300/);
  assert.match(periodProblem(300, 70 * DAY)!, /older than 63 days only as 60-minute aggregates: .* multiple of 3600/);
  assert.match(periodProblem(60, 7 * DAY)!, /10080 points a series .*at most 1440/);
});

test('describeWindow names the presets and other windows', () => {
  assert.equal(describeWindow(3 * HOUR), '3 h');
  assert.equal(describeWindow(7 * DAY), '1 w');
  assert.equal(describeWindow(2 * DAY), '2 d');
  assert.equal(describeWindow(90 * 60_000), '90 min');
});
