import assert from 'node:assert/strict';
import { test } from 'node:test';
import { IdleTracker } from '../../../src/extension/workspace/idleTracker';

test('whenIdle resolves at once when nothing is pending', async () => {
  const tracker = new IdleTracker();
  let resolved = false;
  await tracker.whenIdle().then(() => (resolved = true));
  assert.equal(resolved, true);
});

test('whenIdle waits for every tracked promise and hold, including rejected ones', async () => {
  const tracker = new IdleTracker();
  let finish!: () => void;
  let fail!: (e: Error) => void;
  tracker.track(new Promise<void>((r) => (finish = r)));
  tracker.track(new Promise<void>((_, r) => (fail = r)));
  const release = tracker.hold();
  let idle = false;
  const waiting = tracker.whenIdle().then(() => (idle = true));
  finish();
  fail(new Error('read failed'));
  await new Promise((r) => setImmediate(r));
  assert.equal(idle, false, 'idle while a hold is still pending');
  release();
  release(); // a second release of the same hold is ignored
  await waiting;
  assert.equal(idle, true);
  const second = tracker.hold();
  let idleAgain = false;
  const next = tracker.whenIdle().then(() => (idleAgain = true));
  await new Promise((r) => setImmediate(r));
  assert.equal(idleAgain, false, 'the double release must not have made the count negative');
  second();
  await next;
});
