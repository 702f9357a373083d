// Stopping a mock WebSocket API with clients still connected (issue 16, "Stopping and leaks"): stop runs
// `$disconnect` for every open connection before the handlers' workers stop, nothing starts a worker after that,
// and after start/stop cycles the process's threads and handles are back where they were.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import WebSocket from 'ws';
import { MockRuntime, type RequestEvent } from '../../../src/runtime';
import { WorkerPoolInvoker } from '../../../src/runtime/lambda/workerPool';
import { fixture } from '../helpers/paths';

function open(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

/** Resolves once the client has seen its connection close. */
function closed(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => {
    if (ws.readyState === WebSocket.CLOSED) resolve(0);
    else ws.once('close', (code) => resolve(code));
  });
}

/** Threads of this process (Linux), else undefined. */
function threads(): number | undefined {
  try {
    return Number(/^Threads:\s+(\d+)/m.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1]);
  } catch {
    return undefined;
  }
}

/** Handles and requests that keep the event loop alive, by kind (timers left out: the test runner has some). */
function resources(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo()) if (kind !== 'Timeout') counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
}

/** One start, `clients` connections (each runs $connect in the handler's worker), and a stop. */
async function cycle(clients: number): Promise<RequestEvent[]> {
  const runtime = new MockRuntime({ file: fixture('runtime/websocket/chat.yaml'), watch: false });
  const events: RequestEvent[] = [];
  runtime.onRequest((e) => events.push(e));
  const url = await runtime.start(0, '127.0.0.1');
  const sockets = await Promise.all(Array.from({ length: clients }, () => open(url)));
  const ended = sockets.map(closed);
  await runtime.stop();
  await Promise.all(ended);
  return events;
}

describe('stopping a WebSocket mock with clients connected', () => {
  it('runs $disconnect for every open connection before the workers stop, then closes the clients', async () => {
    const events = await cycle(5);
    const connects = events.filter((e) => e.method === 'CONNECT');
    const disconnects = events.filter((e) => e.method === 'DISCONNECT');
    assert.equal(connects.length, 5);
    assert.deepEqual(
      disconnects.map((e) => e.status),
      [200, 200, 200, 200, 200],
      JSON.stringify(disconnects.map((e) => e.trace)),
    );
    assert.deepEqual(new Set(disconnects.map((e) => e.path)), new Set(connects.map((e) => e.path)));
  });

  it('returns threads and handles to where they were after 8 start/stop cycles', async () => {
    await cycle(2); // warm-up: node's own thread pool and lazily made handles
    const threadsBefore = threads();
    const before = resources();
    for (let i = 0; i < 8; i++) await cycle(3);
    assert.deepEqual(resources(), before);
    if (threadsBefore !== undefined) assert.equal(threads(), threadsBefore);
  });

  it('starts no worker once the pool is closed', async () => {
    const pool = new WorkerPoolInvoker();
    await pool.close();
    const outcome = await pool.invoke({
      handler: { module: fixture('runtime/handlers/websocket.mjs'), exportName: 'chat' },
      functionName: 'chat',
      event: {},
      timeoutMs: 1000,
      requestId: 'r',
    });
    assert.deepEqual(outcome, { kind: 'crash', message: 'the mock runtime has stopped', logs: [] });
  });
});
