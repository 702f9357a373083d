// The worker pool's channel: the invocations made in one task go to the worker at the task's end (through the
// ring of shared memory, or as one message: callRing.test.ts), and the results of one turn of the worker's loop
// come back as one message (workerSource.ts). Each invocation still gets its own result, console output, error or
// crash, whatever else shares its message.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import type { LambdaOutcome } from '../../../../src/runtime/lambda/invoker';
import { WorkerPoolInvoker } from '../../../../src/runtime/lambda/workerPool';

describe("the worker pool's batched channel", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apigw-channel-'));
  const module = path.join(dir, 'handlers.mjs');
  fs.writeFileSync(
    module,
    `export async function echo(event, context) {
  console.log('echo', event.n);
  await null;
  console.log('echoed', event.n);
  return { n: event.n, id: context.awsRequestId, text: event.text };
}
export async function maybeThrow(event) {
  if (event.n % 3 === 0) throw new TypeError('no ' + event.n);
  return event.n;
}
export async function nothing() {}
export function plain(event) {
  if (event.fail) throw new RangeError('plain ' + event.n);
  console.log('plain', event.n);
  return { n: event.n };
}
export function hang() {
  return new Promise(() => {});
}
export async function aFunction() { return () => 1; }
export async function exit(event) {
  if (event.exit) {
    // Ends the worker in a later turn, once the other invocation of the batch has its result (not yet posted).
    await new Promise((resolve) => setImmediate(resolve));
    process.exit(7);
  }
  return 'done';
}
`,
  );
  const pool = new WorkerPoolInvoker();
  after(async () => {
    await pool.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const invoke = (exportName: string, event: unknown, requestId: string, timeoutMs = 10_000): Promise<LambdaOutcome> =>
    pool.invoke({ handler: { module, exportName }, functionName: 'Channel', event, timeoutMs, requestId });

  it('answers each of many invocations made in one turn with its own result and console output', async () => {
    const text = 'quotes " and \\\\ backslashes, \u2028 and ünïcödé';
    const outcomes = await Promise.all(Array.from({ length: 25 }, (_, n) => invoke('echo', { n, text }, `req-${n}`)));
    outcomes.forEach((outcome, n) => {
      assert.deepEqual(outcome, {
        kind: 'ok',
        result: { n, id: `req-${n}`, text },
        logs: [`echo ${n}`, `echoed ${n}`],
      });
    });
  });

  it('tells calls apart by their numbers where the numbers pass 2^31 and wrap at 2^32', async () => {
    // A worker numbers its calls from 0 up to 2^32 - 1, then 0 again; this pool's first worker starts just short.
    const wrapping = new WorkerPoolInvoker(undefined, 2 ** 32 - 5);
    try {
      const outcomes = await Promise.all(
        Array.from({ length: 12 }, (_, n) =>
          wrapping.invoke({
            handler: { module, exportName: 'echo' },
            functionName: 'Channel',
            event: { n, text: 'wrap' },
            timeoutMs: 10_000,
            requestId: `wrap-${n}`,
          }),
        ),
      );
      outcomes.forEach((outcome, n) => {
        assert.deepEqual(outcome, {
          kind: 'ok',
          result: { n, id: `wrap-${n}`, text: 'wrap' },
          logs: [`echo ${n}`, `echoed ${n}`],
        });
      });
    } finally {
      await wrapping.close();
    }
  });

  it('answers two calls in flight with the same request id each with its own result and console output', async () => {
    // Calls are told apart by their number on the worker, not by request id: the request id is only the
    // handler's context.awsRequestId (an authorizer and an integration, or a caller's own ids, may share one).
    const [first, second] = await Promise.all([
      invoke('echo', { n: 1, text: 'a' }, 'same'),
      invoke('echo', { n: 2, text: 'b' }, 'same'),
    ]);
    assert.deepEqual(first, { kind: 'ok', result: { n: 1, id: 'same', text: 'a' }, logs: ['echo 1', 'echoed 1'] });
    assert.deepEqual(second, { kind: 'ok', result: { n: 2, id: 'same', text: 'b' }, logs: ['echo 2', 'echoed 2'] });
  });

  it('keeps a call in flight while many later ones come and go', async () => {
    // The calls in flight are a ring of slots by call number: the hanging call keeps its slot while 100 later
    // calls (more than the ring's first size) take and free theirs, and times out on its own.
    const hanging = invoke('hang', {}, 'r-hang', 1_500);
    for (let round = 0; round < 4; round++) {
      const outcomes = await Promise.all(
        Array.from({ length: 25 }, (_, n) => invoke('maybeThrow', { n: n * 3 + 1 }, `r-${round}-${n}`)),
      );
      outcomes.forEach((outcome, n) => assert.deepEqual(outcome, { kind: 'ok', result: n * 3 + 1, logs: [] }));
    }
    assert.deepEqual(await hanging, { kind: 'timeout', logs: [] });
  });

  it('fails only the invocations that threw', async () => {
    const outcomes = await Promise.all(Array.from({ length: 7 }, (_, n) => invoke('maybeThrow', { n }, `t-${n}`)));
    outcomes.forEach((outcome, n) => {
      if (n % 3 === 0) {
        assert.equal(outcome.kind, 'error');
        assert.equal(outcome.kind === 'error' && `${outcome.errorType}: ${outcome.errorMessage}`, `TypeError: no ${n}`);
      } else assert.deepEqual(outcome, { kind: 'ok', result: n, logs: [] });
    });
  });

  it('sends each call of a turn to its own export, whatever the others call', async () => {
    const [first, second, third] = await Promise.all([
      invoke('echo', { n: 1, text: 'a' }, 'm-1'),
      invoke('maybeThrow', { n: 2 }, 'm-2'),
      invoke('echo', { n: 3, text: 'b' }, 'm-3'),
    ]);
    assert.deepEqual(first, { kind: 'ok', result: { n: 1, id: 'm-1', text: 'a' }, logs: ['echo 1', 'echoed 1'] });
    assert.deepEqual(second, { kind: 'ok', result: 2, logs: [] });
    assert.deepEqual(third, { kind: 'ok', result: { n: 3, id: 'm-3', text: 'b' }, logs: ['echo 3', 'echoed 3'] });
  });

  it('calls a handler that is not async: its value is the result, its throw the error', async () => {
    const [value, thrown] = await Promise.all([
      invoke('plain', { n: 1 }, 'p-1'),
      invoke('plain', { n: 2, fail: true }, 'p-2'),
    ]);
    assert.deepEqual(value, { kind: 'ok', result: { n: 1 }, logs: ['plain 1'] });
    assert.equal(thrown.kind === 'error' && `${thrown.errorType}: ${thrown.errorMessage}`, 'RangeError: plain 2');
  });

  it('reads a result that is not JSON (nothing, a function) as null', async () => {
    assert.deepEqual(await invoke('nothing', {}, 'u'), { kind: 'ok', result: null, logs: [] });
    assert.deepEqual(await invoke('aFunction', {}, 'f'), { kind: 'ok', result: null, logs: [] });
  });

  it('keeps an event with every kind of JSON value as it was sent', async () => {
    const event = { n: 1, text: 'x', nested: { list: [1, 'two', null, true, { deep: [] }], empty: {} }, body: null };
    const outcome = await pool.invoke({
      handler: { module, exportName: 'echo' },
      functionName: 'Channel',
      event,
      timeoutMs: 10_000,
      requestId: 'e',
    });
    assert.equal(outcome.kind, 'ok');
  });

  it('a crash ends the invocations still running, not the result another made in the same turn', async () => {
    const [done, crashed] = await Promise.all([
      invoke('exit', { exit: false }, 'x-1'),
      invoke('exit', { exit: true }, 'x-2'),
    ]);
    assert.deepEqual(done, { kind: 'ok', result: 'done', logs: [] });
    assert.equal(crashed.kind, 'crash');
    // The next call starts a fresh worker.
    assert.deepEqual(await invoke('exit', { exit: false }, 'x-3'), { kind: 'ok', result: 'done', logs: [] });
  });

  it('times each call out at its own deadline, with one timer for the calls in flight', async () => {
    // The hanging call arms the timer for its deadline; the quick one, made after with a shorter timeout, arms
    // it earlier and answers before. The timer then finds nothing due and must be armed again for the hanging call.
    const hanging = invoke('hang', {}, 'h-1', 400);
    const quick = await invoke('echo', { n: 1, text: '' }, 'h-2', 100);
    assert.equal(quick.kind, 'ok');
    assert.deepEqual(await hanging, { kind: 'timeout', logs: [] });
  });
});
