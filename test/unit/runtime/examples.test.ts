// The examples as the mock serves them. chat-websocket: the stage its template names through a parameter, and
// $connect / $disconnect sharing a connection store although they run in separate workers (separate functions, as
// on AWS). notes-http: its JWT authorizer checks the sample token's signature with the keys its config gives.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import WebSocket from 'ws';
import { MockRuntime, type RequestEvent } from '../../../src/runtime';
import { repoRoot } from '../helpers/paths';

const example = path.join(repoRoot, 'examples', 'chat-websocket');

interface Store {
  add(id: string): Promise<void>;
  remove(id: string): Promise<void>;
  list(): Promise<string[]>;
}
type StoreModule = {
  connectionStore(env: Record<string, string | undefined>): Store;
  folderStore(dir: string): Store;
  memoryStore(): Store;
};

function nextEvent(runtime: MockRuntime, route: string): Promise<RequestEvent> {
  return new Promise((resolve) => {
    const subscription = runtime.onRequest((event) => {
      if (event.route === route) {
        subscription.dispose();
        resolve(event);
      }
    });
  });
}

describe('examples/chat-websocket in the mock', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chat-connections-'));
  const previous = process.env['CHAT_CONNECTIONS_DIR'];
  const runtime = new MockRuntime({ file: path.join(example, 'template.yaml'), watch: false });
  let url = '';

  before(async () => {
    // The handlers' workers start with this environment: their store is this folder.
    process.env['CHAT_CONNECTIONS_DIR'] = dir;
    url = await runtime.start(0, '127.0.0.1');
  });
  after(async () => {
    await runtime.stop();
    if (previous === undefined) delete process.env['CHAT_CONNECTIONS_DIR'];
    else process.env['CHAT_CONNECTIONS_DIR'] = previous;
  });

  it("serves the stage under the StageName parameter's Default (dev), as the template deploys it", () => {
    assert.match(url, /^ws:\/\/127\.0\.0\.1:\d+\/dev$/);
  });

  it('$connect stores the connection and $disconnect, in another worker, removes it', async () => {
    const connected = nextEvent(runtime, '$connect');
    const ws = new WebSocket(url);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    assert.equal((await connected).status, 200);
    const stored = fs.readdirSync(dir).map(decodeURIComponent);
    assert.equal(stored.length, 1, stored.join());
    // API Gateway's connection ids: 11 random bytes in base64, 16 characters ending in one '=' (L0SM9cOFvHcCIhw=).
    assert.match(stored[0]!, /^[A-Za-z0-9+/]{15}=$/);
    const disconnected = nextEvent(runtime, '$disconnect');
    ws.close();
    assert.equal((await disconnected).status, 200);
    assert.deepEqual(fs.readdirSync(dir), []);
  });
});

describe('examples/notes-http in the mock', () => {
  const dir = path.join(repoRoot, 'examples', 'notes-http');
  const runtime = new MockRuntime({ file: path.join(dir, 'openapi.json'), watch: false });
  before(async () => {
    const loaded = await runtime.reload();
    assert.ok(loaded.ok, loaded.ok ? '' : loaded.message);
  });
  after(() => runtime.stop());

  const get = (authorization?: string) =>
    runtime.handle({
      method: 'GET',
      path: '/local/notes',
      query: '',
      headers: authorization === undefined ? {} : { authorization: [authorization] },
      body: Buffer.alloc(0),
      sourceIp: '127.0.0.1',
    });

  it('accepts the sample token after checking its signature with jwks.json, and refuses a request without one', async () => {
    const token = fs.readFileSync(path.join(dir, 'sample-token.txt'), 'utf8').trim();
    const accepted = await get(`Bearer ${token}`);
    assert.equal(accepted.response.status, 200, accepted.response.body.toString());
    assert.ok(
      accepted.event.trace.some((s) =>
        s.detail.includes(`signature verified with the keys in ${path.join(dir, 'jwks.json')}`),
      ),
      accepted.event.trace.map((s) => s.detail).join('\n'),
    );
    assert.equal((await get()).response.status, 401);
  });
});

describe('examples/chat-websocket connection stores', () => {
  let stores: StoreModule;
  before(async () => {
    stores = (await import(pathToFileURL(path.join(example, 'src', 'connections.mjs')).href)) as StoreModule;
  });

  it('keeps ids with / and + in the folder store, and two stores on one folder see the same connections', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chat-store-'));
    const connect = stores.folderStore(dir);
    const disconnect = stores.folderStore(dir);
    await connect.add('ab/c+d==');
    await connect.add('L0SM9cOFvHcCIhw=');
    assert.deepEqual(await disconnect.list(), ['L0SM9cOFvHcCIhw=', 'ab/c+d==']);
    await disconnect.remove('ab/c+d==');
    await disconnect.remove('never-added');
    assert.deepEqual(await connect.list(), ['L0SM9cOFvHcCIhw=']);
    assert.deepEqual(await stores.folderStore(path.join(dir, 'none')).list(), []);
  });

  it('picks DynamoDB when TABLE_NAME is set (on AWS) and the folder otherwise', async () => {
    const memory = stores.memoryStore();
    await memory.add('x');
    assert.deepEqual(await memory.list(), ['x']);
    const local = stores.connectionStore({ CHAT_CONNECTIONS_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'chat-')) });
    assert.deepEqual(await local.list(), []);
    const onAws = stores.connectionStore({ TABLE_NAME: 'chat-connections' });
    assert.equal(typeof onAws.add, 'function');
  });
});
