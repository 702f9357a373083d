import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import WebSocket from 'ws';
import { MockRuntime, type RequestEvent } from '../../../src/runtime';
import { evaluateSelection, matchesResponseKey } from '../../../src/runtime/websocket/selection';
import { fixture } from '../helpers/paths';

/** Opens a client; resolves once open, rejects with the handshake's HTTP status when refused. */
function open(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`refused with ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

/** The next `count` messages the client receives. */
function next(ws: WebSocket, count = 1): Promise<string[]> {
  return new Promise((resolve) => {
    const got: string[] = [];
    const onMessage = (data: WebSocket.RawData): void => {
      got.push(Buffer.isBuffer(data) ? data.toString('utf8') : JSON.stringify(data));
      if (got.length === count) {
        ws.off('message', onMessage);
        resolve(got);
      }
    };
    ws.on('message', onMessage);
  });
}

describe('WebSocket APIs (ws client on 127.0.0.1)', () => {
  const runtime = new MockRuntime({ file: fixture('runtime/websocket/chat.yaml'), watch: false });
  const events: RequestEvent[] = [];
  let url = '';
  before(async () => {
    runtime.onRequest((e) => events.push(e));
    url = await runtime.start(0, '127.0.0.1');
  });
  after(() => runtime.stop());

  it('serves on a ws:// base URL with the stage', () => {
    assert.match(url, /^ws:\/\/127\.0\.0\.1:\d+\/local$/);
  });

  it('runs $connect with a CONNECT Lambda proxy event, and refuses the handshake with its status', async () => {
    await assert.rejects(open(`${url}?deny=1`), /refused with 401/);
    const connect = events.find((e) => e.method === 'CONNECT' && e.status === 401);
    assert.ok(connect, 'a CONNECT event answered 401');
    assert.equal(connect.route, '$connect');
    assert.ok(
      connect.logs.some((l) => l.startsWith('CONNECT $connect ')),
      connect.logs.join('\n'),
    );
  });

  it('routes by $request.body.action to a Lambda proxy, sends its route response, and @connections POST reaches the client', async () => {
    const ws = await open(url);
    try {
      const messages = next(ws, 2);
      ws.send(JSON.stringify({ action: 'send', text: 'hi' }));
      const [pushed, reply] = await messages;
      assert.equal(pushed, 'pushed: hi');
      assert.deepEqual(JSON.parse(reply!), {
        reply: 'hi',
        routeKey: 'send',
        eventType: 'MESSAGE',
        pushStatus: 200,
        hasMessageId: true,
      });
    } finally {
      ws.close();
    }
  });

  it('MOCK route: the response template sees the connection $context, and goes back as the route response', async () => {
    const ws = await open(url);
    try {
      const message = next(ws);
      ws.send(JSON.stringify({ action: 'echo', text: 'yo' }));
      const reply = JSON.parse((await message)[0]!) as Record<string, unknown>;
      assert.equal(reply['eventType'], 'MESSAGE');
      assert.equal(reply['route'], 'echo');
      assert.equal(typeof reply['connectionId'], 'string');
      assert.notEqual(reply['connectionId'], 'L0SM9cOFvHcCIhw=', 'the real connection id, not the sample');
    } finally {
      ws.close();
    }
  });

  it('a route without a route response sends nothing back; no matching route and no $default gets Forbidden', async () => {
    const ws = await open(url);
    try {
      const message = next(ws);
      ws.send(JSON.stringify({ action: 'ping' }));
      ws.send('not json');
      const reply = JSON.parse((await message)[0]!) as Record<string, unknown>;
      assert.equal(reply['message'], 'Forbidden');
      assert.equal(typeof reply['connectionId'], 'string');
      assert.equal(typeof reply['requestId'], 'string');
    } finally {
      ws.close();
    }
  });

  it('a handler that throws: the client gets Internal server error', async () => {
    const ws = await open(url);
    try {
      const message = next(ws);
      ws.send(JSON.stringify({ action: 'fail' }));
      const reply = JSON.parse((await message)[0]!) as Record<string, unknown>;
      assert.equal(reply['message'], 'Internal server error');
      const failed = events.find((e) => e.route === 'fail');
      assert.ok(failed?.trace.some((s) => s.detail.includes('threw Error: fail route always fails')));
    } finally {
      ws.close();
    }
  });

  it('@connections: GET describes a connection, DELETE closes it and runs $disconnect, then 410 Gone', async () => {
    const ws = await open(url);
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    const [id] = runtime
      .webSocketGateway()
      .connections.all()
      .map((c) => c.id)
      .slice(-1);
    // $disconnect runs after the close: wait for its request event rather than racing it.
    const disconnected = new Promise<RequestEvent>((resolve) => {
      const subscription = runtime.onRequest((e) => {
        if (e.method === 'DISCONNECT' && e.path === id) {
          subscription.dispose();
          resolve(e);
        }
      });
    });
    const endpoint = `${url.replace(/^ws/, 'http')}/@connections/${encodeURIComponent(id!)}`;
    const info = (await (await fetch(endpoint)).json()) as Record<string, unknown>;
    assert.deepEqual(Object.keys(info).sort(), ['ConnectedAt', 'Identity', 'LastActiveAt']);
    assert.equal((info['Identity'] as Record<string, unknown>)['SourceIp'], '127.0.0.1');
    assert.equal((await fetch(endpoint, { method: 'DELETE' })).status, 204);
    assert.equal(await closed, 1000);
    const gone = await fetch(endpoint, { method: 'POST', body: 'late' });
    assert.equal(gone.status, 410);
    assert.equal(gone.headers.get('x-amzn-errortype'), 'GoneException');
    assert.equal((await disconnected).path, id);
  });
});

describe('WebSocket selection expressions', () => {
  it('reads a property path of the JSON message, interpolates ${...}, treats \\$default literally', () => {
    assert.equal(evaluateSelection('$request.body.action', '{"action":"send"}'), 'send');
    assert.equal(evaluateSelection('$request.body.a.b', '{"a":{"b":"deep"}}'), 'deep');
    assert.equal(evaluateSelection('${request.body.a}-${request.body.b}', '{"a":"x","b":"y"}'), 'x-y');
    assert.equal(evaluateSelection('\\$default', 'anything'), '$default');
    assert.equal(evaluateSelection('$request.body.action', 'not json'), undefined);
    assert.equal(evaluateSelection('$request.body.action', '{"other":1}'), undefined);
  });

  it('integration response keys: /regex/ against the status, $default never matches by itself', () => {
    assert.equal(matchesResponseKey('/2\\d\\d/', 204), true);
    assert.equal(matchesResponseKey('/2\\d\\d/', 404), false);
    assert.equal(matchesResponseKey('$default', 200), false);
  });
});
