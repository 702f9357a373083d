// examples/chat-websocket's stage gives an access log format (AccessLogSettings.Format, a JSON line written with
// !Sub and the StageName parameter): the mock writes it for each connect, message and disconnect.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import WebSocket from 'ws';
import { MockRuntime, type AccessRecord } from '../../../../src/runtime';
import { repoRoot } from '../../helpers/paths';

describe("examples/chat-websocket's access log", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chat-connections-'));
  const previous = process.env['CHAT_CONNECTIONS_DIR'];
  const runtime = new MockRuntime({
    file: path.join(repoRoot, 'examples', 'chat-websocket', 'template.yaml'),
    watch: false,
  });
  const lines: Array<{ line: string; record: AccessRecord }> = [];
  let url = '';

  before(async () => {
    process.env['CHAT_CONNECTIONS_DIR'] = dir;
    runtime.onAccess((record) => lines.push({ line: runtime.accessLogLine(record), record }));
    url = await runtime.start(0, '127.0.0.1');
  });
  after(async () => {
    await runtime.stop();
    if (previous === undefined) delete process.env['CHAT_CONNECTIONS_DIR'];
    else process.env['CHAT_CONNECTIONS_DIR'] = previous;
  });

  it('writes one JSON line an event in the template format, the stage from the parameter', async () => {
    const ws = new WebSocket(url);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    const reply = new Promise<string>((resolve) => ws.once('message', (d: Buffer) => resolve(d.toString())));
    ws.send(JSON.stringify({ action: 'nothing' }));
    await reply;
    const closed = new Promise<void>((resolve) => {
      const sub = runtime.onAccess((r) => {
        if (r.websocket?.eventType === 'DISCONNECT') {
          sub.dispose();
          resolve();
        }
      });
    });
    ws.close();
    await closed;
    const parsed = lines.map(({ line }) => JSON.parse(line) as Record<string, string>);
    assert.deepEqual(
      parsed.map((p) => [p['eventType'], p['routeKey'], p['status'], p['stage'], p['ip']]),
      [
        ['CONNECT', '$connect', '200', 'dev', '127.0.0.1'],
        ['MESSAGE', '$default', '200', 'dev', '127.0.0.1'],
        ['DISCONNECT', '$disconnect', '200', 'dev', '127.0.0.1'],
      ],
    );
    for (const [i, p] of parsed.entries()) {
      assert.equal(p['requestId'], lines[i]!.record.requestId);
      assert.equal(p['connectionId'], lines[0]!.record.websocket!.connectionId);
      assert.match(p['requestTime']!, /^\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000$/);
    }
    // Lambda proxy routes have an integration latency; the MOCK $default route has none ('-'), as in CloudWatch.
    assert.match(parsed[0]!['integrationLatency']!, /^\d+$/);
    assert.equal(parsed[1]!['integrationLatency'], '-');
  });
});
