import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Debouncer } from '../../../src/server/debouncer';

describe('Debouncer', () => {
  it('runs only the last of several jobs scheduled for one key before it fires', async () => {
    const ran: string[] = [];
    const d = new Debouncer(0, () => assert.fail('no job fails'));
    for (const name of ['a', 'b', 'c']) d.schedule('k', () => Promise.resolve(void ran.push(name)));
    d.schedule('other', () => Promise.resolve(void ran.push('other')));
    await d.idle();
    assert.deepEqual(ran.sort(), ['c', 'other']);
  });

  it('tells a running job that it became stale once the key is scheduled again or cancelled', async () => {
    const d = new Debouncer(0, () => assert.fail('no job fails'));
    const seen: boolean[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    d.schedule('k', async (isCurrent) => {
      started();
      seen.push(isCurrent());
      await gate;
      seen.push(isCurrent());
    });
    await running;
    d.cancel('k');
    release();
    await d.idle();
    assert.deepEqual(seen, [true, false]);
  });

  it('reports a failing job to onError with its key and keeps running others', async () => {
    const errors: string[] = [];
    const d = new Debouncer(0, (key, error) => errors.push(`${key}: ${(error as Error).message}`));
    let ok = false;
    d.schedule('bad', () => Promise.reject(new Error('boom')));
    d.schedule('good', () => Promise.resolve(void (ok = true)));
    await d.idle();
    assert.deepEqual(errors, ['bad: boom']);
    assert.equal(ok, true);
  });
});
