// The ring of shared memory that carries calls to a handler's worker (callRing.ts): texts come out whole and in
// order whatever their characters, wherever the ring wraps and whatever its counts are; a text that cannot go in
// is refused, not cut; the reader sleeps when there is nothing and a wake gets it reading; and its source runs
// alone (the workers get it as text), also minified.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { after, describe, it } from 'node:test';
import { Worker } from 'node:worker_threads';
import {
  CallRing,
  RING_ASLEEP,
  RING_READ,
  RING_WRITTEN,
  callRingReader,
} from '../../../../src/runtime/lambda/callRing';
import { WorkerPoolInvoker } from '../../../../src/runtime/lambda/workerPool';
import { bundleOf } from '../../helpers/bundle';

/** Aborted when a suite ends (its timeout included): a wait still going then fails instead of looping on. */
const suiteEnded = new AbortController();

/** Resolves once `done()` holds, looking once a turn of the loop (the reader works in later turns). */
async function until(done: () => boolean): Promise<void> {
  while (!done()) {
    suiteEnded.signal.throwIfAborted();
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Texts of every kind of character: ASCII, 2-, 3- and 4-byte UTF-8, none, and the length word's own bytes. */
function textOf(i: number): string {
  const kinds = ['', 'a', 'héllo', '€€', '😀x', '\u0000\u00ff', '-1', 'abcdefghijklmnopqrst', '\uffff'];
  return `${i}${kinds[i % kinds.length]}`.slice(0, 20);
}

/** Puts `count` texts through `ring` to a reader, at most as many at once as fit; what the reader got. */
async function through(ring: CallRing, count: number, reader = callRingReader): Promise<string[]> {
  const got: string[] = [];
  reader(ring.control, ring.bytes, (text) => got.push(text));
  for (let i = 0; i < count; i++) {
    if (!ring.put(textOf(i))) {
      ring.wake();
      // Full: the reader makes room.
      await until(() => got.length === i);
      assert.ok(ring.put(textOf(i)), `an empty ring takes text ${i}`);
    }
    if (i % 7 === 0) ring.wake();
  }
  ring.wake();
  await until(() => got.length === count);
  return got;
}

describe('the call ring', { timeout: 60_000 }, () => {
  after(() => suiteEnded.abort());
  it('hands the reader every text whole and in order, across many wraps of a small ring', async () => {
    const ring = new CallRing(256);
    const got = await through(ring, 2000);
    assert.deepEqual(
      got,
      Array.from({ length: 2000 }, (_, i) => textOf(i)),
    );
    assert.ok(ring.control[RING_WRITTEN]! > 20 * 256, 'the ring wrapped many times');
    assert.equal(ring.control[RING_READ], ring.control[RING_WRITTEN]);
  });

  it('keeps its counts right where they pass 2^31 and 2^32', async () => {
    for (const origin of [2 ** 31 - 100, -100]) {
      const ring = new CallRing(256, origin);
      const got = await through(ring, 300);
      assert.deepEqual(
        got,
        Array.from({ length: 300 }, (_, i) => textOf(i)),
        `counts from ${origin}`,
      );
      assert.ok(Math.sign(ring.control[RING_WRITTEN]!) !== Math.sign(origin), `the count from ${origin} wrapped`);
    }
  });

  it('refuses a text that could take over a quarter of it, and any text while it is full', async () => {
    const ring = new CallRing(256);
    // 20 code units could take 60 bytes, 64 with the length: a quarter of 256. 21 could not go in.
    assert.equal(ring.put('x'.repeat(21)), false);
    assert.equal(ring.put('x'.repeat(20)), true);
    let taken = 1;
    while (ring.put('y'.repeat(20))) taken++;
    assert.ok(taken >= 4 && taken < 16, `${taken} texts of 20 characters before it was full`);
    // Then empty texts (4 bytes each) until not even one goes in: every byte is taken, none overwritten.
    let empty = 0;
    while (ring.put('')) empty++;
    assert.equal(ring.control[RING_WRITTEN]! - ring.control[RING_READ]!, 256);
    const got: string[] = [];
    callRingReader(ring.control, ring.bytes, (text) => got.push(text));
    await until(() => got.length === taken + empty);
    assert.deepEqual(got, [
      'x'.repeat(20),
      ...Array.from({ length: taken - 1 }, () => 'y'.repeat(20)),
      ...Array.from({ length: empty }, () => ''),
    ]);
    assert.equal(ring.put('z'), true, 'read: room again');
  });

  it('refuses a size that is not a power of two from 64 bytes to 1 GiB', () => {
    assert.throws(() => new CallRing(100), /a ring's size is a power of two from 64 to 2\^30, not 100/);
    assert.throws(() => new CallRing(32), /a ring's size is a power of two from 64 to 2\^30, not 32/);
    assert.throws(() => new CallRing(2 ** 31), /a ring's size is a power of two from 64 to 2\^30, not 2147483648/);
  });

  it('lets its reader sleep when there is nothing, and a put then a wake gets it reading', async () => {
    const ring = new CallRing(256);
    const got: string[] = [];
    callRingReader(ring.control, ring.bytes, (text) => got.push(text));
    assert.equal(ring.control[RING_ASLEEP], 1, 'nothing to read: asleep');
    assert.ok(ring.put('one'));
    ring.wake();
    assert.equal(ring.control[RING_ASLEEP], 0, 'woken');
    await until(() => got.length === 1);
    await until(() => ring.control[RING_ASLEEP] === 1);
    assert.deepEqual(got, ['one'], 'asleep again once it found nothing more');
  });

  it('reaches a reader on another thread, put at random moments, and goes on after a text whose handling threw', async () => {
    const ring = new CallRing(256);
    // The reader as a handler's worker runs it; this one survives its uncaught exceptions, as a handler may make it.
    const worker = new Worker(
      `const { parentPort, workerData } = require('node:worker_threads');
process.on('uncaughtException', () => parentPort.postMessage('(threw)'));
// What keeps a worker's loop alive while its reader sleeps (a pending Atomics.waitAsync does not): the port.
parentPort.on('message', () => {});
(${callRingReader.toString()})(workerData.control, Buffer.from(workerData.bytes), (text) => {
  if (text === 'boom') throw new Error('boom');
  parentPort.postMessage(text);
});`,
      { eval: true, workerData: { control: ring.control, bytes: ring.bytes.buffer } },
    );
    const got: string[] = [];
    worker.on('message', (text: string) => got.push(text));
    try {
      const sent: string[] = [];
      for (let i = 0; i < 3000; i++) {
        const text = i === 1500 ? 'boom' : textOf(i);
        while (!ring.put(text)) {
          ring.wake();
          suiteEnded.signal.throwIfAborted();
          await new Promise((resolve) => setImmediate(resolve));
        }
        if (text !== 'boom') sent.push(text);
        // Sometimes several puts before a wake, sometimes a pause that lets the reader fall asleep.
        if (i % 3 === 0) ring.wake();
        if (i % 97 === 0) await new Promise((resolve) => setTimeout(resolve, 1));
      }
      ring.wake();
      await until(() => got.length === sent.length + 1);
      assert.deepEqual(
        got.filter((text) => text !== '(threw)'),
        sent,
      );
      assert.equal(got.filter((text) => text === '(threw)').length, 1);
    } finally {
      await worker.terminate();
    }
  });

  it('has a reader whose source names nothing outside itself, also as the production build minifies it', async () => {
    const alone = vm.runInNewContext(`(${callRingReader.toString()})`, { setImmediate }) as typeof callRingReader;
    assert.equal((await through(new CallRing(256), 200, alone)).length, 200);

    const { text } = await bundleOf('src/runtime/lambda/workerSource.ts');
    const module = { exports: {} as { workerSource?: string } };
    vm.runInNewContext(text, { module, exports: module.exports });
    const line = (module.exports.workerSource ?? '').split('\n')[1] ?? '';
    assert.match(line, /^const callRingReader = /);
    const minified = vm.runInNewContext(`${line}; callRingReader`, { setImmediate }) as typeof callRingReader;
    assert.deepEqual(
      await through(new CallRing(256), 200, minified),
      Array.from({ length: 200 }, (_, i) => textOf(i)),
    );
  });
});

describe("the worker pool's two ways of sending calls", { timeout: 60_000 }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apigw-ring-'));
  const module = path.join(dir, 'handlers.mjs');
  fs.writeFileSync(module, `export async function size(event) { return event.text.length; }\n`);
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Counts the calls the pool posts to its workers while `run` runs. */
  async function posted<T>(run: () => Promise<T>): Promise<{ value: T; calls: number }> {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- put back as it was, called with its worker
    const postMessage = Worker.prototype.postMessage;
    let calls = 0;
    Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: []) {
      if (typeof message === 'string') {
        const list = JSON.parse(message) as unknown[];
        calls += Array.isArray(list[0]) ? list.length : 1;
      }
      return postMessage.call(this, message, ...rest);
    };
    try {
      return { value: await run(), calls };
    } finally {
      Worker.prototype.postMessage = postMessage;
    }
  }

  const invokeAll = (pool: WorkerPoolInvoker, lengths: number[]) =>
    Promise.all(
      lengths.map((length, i) =>
        pool.invoke({
          handler: { module, exportName: 'size' },
          functionName: 'Size',
          event: { text: 'é'.repeat(length) },
          timeoutMs: 10_000,
          requestId: `r${i}`,
        }),
      ),
    );

  it('answers calls that fit in the ring and calls too long for it, made in the same turn', async () => {
    const pool = new WorkerPoolInvoker();
    try {
      // 200,000 characters cannot go in a ring of 256 KiB; neither can 5,000 calls of 1,000 at once.
      const lengths = [1, 200_000, 3, ...Array.from({ length: 5000 }, () => 1000), 200_000, 0];
      const { value: outcomes, calls } = await posted(() => invokeAll(pool, lengths));
      assert.ok(calls >= 2 && calls < lengths.length - 50, `${calls} of ${lengths.length} calls posted`);
      assert.deepEqual(
        outcomes.map((o) => (o.kind === 'ok' ? o.result : o)),
        lengths,
      );
    } finally {
      await pool.close();
    }
  });

  it('posts every call where Node has no Atomics.waitAsync', async () => {
    const waitAsync = Atomics.waitAsync;
    (Atomics as { waitAsync?: unknown }).waitAsync = undefined;
    const pool = new WorkerPoolInvoker();
    try {
      const { value: outcomes, calls } = await posted(() => invokeAll(pool, [5, 70_000, 0]));
      assert.equal(calls, 3);
      assert.deepEqual(
        outcomes.map((o) => (o.kind === 'ok' ? o.result : o)),
        [5, 70_000, 0],
      );
    } finally {
      Atomics.waitAsync = waitAsync;
      await pool.close();
    }
  });
});
