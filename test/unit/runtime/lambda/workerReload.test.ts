// Handlers are reloaded when their code changes, not when a log is written beside them (apigw mock --access-log
// access.log in the handlers' folder restarted the worker on every write: ~100 requests/s instead of thousands).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { WorkerPoolInvoker } from '../../../../src/runtime/lambda/workerPool';

/** Resolves after fs.watch had the time to report (a change is seen in a few ms; this is a generous wait). */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 300));

describe("the worker pool's reloads", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apigw-reload-'));
  const module = path.join(dir, 'handler.mjs');
  // Each worker imports the module once: `worker` is drawn at import, so the same value means the same worker.
  fs.writeFileSync(
    module,
    'const worker = Math.random(); export const handler = async () => ({ worker, version: 1 });\n',
  );
  const pool = new WorkerPoolInvoker();
  const invoke = async (): Promise<unknown> => {
    const outcome = await pool.invoke({
      handler: { module, exportName: 'handler' },
      functionName: 'Reload',
      event: {},
      timeoutMs: 10_000,
      requestId: 'r',
    });
    assert.equal(outcome.kind, 'ok', JSON.stringify(outcome));
    return outcome.kind === 'ok' ? outcome.result : undefined;
  };
  after(() => pool.close());

  it('keeps the worker when a non-code file in the folder changes', async () => {
    const first = (await invoke()) as { worker: number; version: number };
    assert.equal(first.version, 1);
    fs.appendFileSync(path.join(dir, 'access.log'), 'a line\n');
    await settle();
    fs.appendFileSync(path.join(dir, 'access.log'), 'another line\n');
    await settle();
    assert.deepEqual(await invoke(), first, 'the same worker answers');
  });

  it('reloads when the handler changes', async () => {
    fs.writeFileSync(module, 'export const handler = async () => ({ version: 2 });\n');
    await settle();
    assert.deepEqual(await invoke(), { version: 2 });
  });
});
