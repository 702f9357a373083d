import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import WebSocket from 'ws';
import { MockRuntime, type AccessRecord } from '../../../../src/runtime';
import type { FileSystem } from '../../../../src/shared/fileSystem';
import { nodeFileSystem } from '../../../../src/shared/nodeFileSystem';
import { fixture } from '../../helpers/paths';

/** node:fs with a config beside the chat fixture that adds an access log format. */
function withConfig(configFile: string, text: string): FileSystem {
  return {
    readFile: async (p) => (p === configFile ? Buffer.from(text) : nodeFileSystem.readFile(p)),
    size: async (p) => (p === configFile ? Buffer.byteLength(text) : nodeFileSystem.size(p)),
  };
}

function open(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

describe('the access log of a WebSocket API', () => {
  const file = fixture('runtime/websocket/chat.yaml');
  const configFile = path.join(path.dirname(file), 'access-log.apigw.config.json');
  const format =
    '$context.requestId $context.eventType $context.routeKey $context.connectionId $context.status $context.messageId $context.integrationLatency [$context.error.message] $context.identity.sourceIp';
  const runtime = new MockRuntime({
    file,
    configFile,
    fs: withConfig(
      configFile,
      JSON.stringify({ lambdaHandlers: { ChatFunction: '../handlers/websocket.mjs#chat' }, accessLogFormat: format }),
    ),
    watch: false,
  });
  const lines: string[] = [];
  const records: AccessRecord[] = [];
  let url = '';

  before(async () => {
    runtime.onAccess((record) => {
      records.push(record);
      lines.push(runtime.accessLogLine(record));
    });
    url = await runtime.start(0, '127.0.0.1');
  });
  after(() => runtime.stop());

  /** Waits until `count` access lines were written. */
  async function linesCount(count: number): Promise<void> {
    for (let i = 0; i < 500 && lines.length < count; i++) await new Promise((r) => setImmediate(r));
    assert.ok(lines.length >= count, `only ${lines.length} access log lines: ${lines.join('\n')}`);
  }

  it('writes one line per event in the format, each variable as WebSocket APIs fill it', async () => {
    const ws = await open(url);
    await linesCount(1);
    const received = new Promise<string>((resolve) => ws.once('message', (d: Buffer) => resolve(d.toString())));
    ws.send(JSON.stringify({ action: 'echo', text: 'yo' }));
    await received;
    await linesCount(2);
    const forbidden = new Promise<string>((resolve) => ws.once('message', (d: Buffer) => resolve(d.toString())));
    ws.send('not json');
    await forbidden;
    await linesCount(3);
    ws.close();
    await linesCount(4);
    const connectionId = records[0]!.websocket!.connectionId;
    const [connect, echo, unrouted, disconnect] = lines;
    const id = (i: number): string => records[i]!.requestId;
    // $connect runs a Lambda proxy: its latency is a number; MOCK's is suppressed ('-'), as in CloudWatch.
    assert.match(
      connect!,
      new RegExp(`^${escape(id(0))} CONNECT \\$connect ${escape(connectionId)} 200 - \\d+ \\[-\\] 127\\.0\\.0\\.1$`),
    );
    assert.match(
      echo!,
      new RegExp(`^${escape(id(1))} MESSAGE echo ${escape(connectionId)} 200 \\S+ - \\[-\\] 127\\.0\\.0\\.1$`),
    );
    assert.match(
      unrouted!,
      new RegExp(
        `^${escape(id(2))} MESSAGE \\$default ${escape(connectionId)} 403 \\S+ - \\[Forbidden\\] 127\\.0\\.0\\.1$`,
      ),
    );
    assert.match(
      disconnect!,
      new RegExp(
        `^${escape(id(3))} DISCONNECT \\$disconnect ${escape(connectionId)} 200 - \\d+ \\[-\\] 127\\.0\\.0\\.1$`,
      ),
    );
    assert.equal(records[2]!.route, undefined, 'a message no route took counts for the stage only');
    assert.equal(records[1]!.route, 'echo');
  });

  it('a failing integration: status 500, the error message, and the integration error behind it', async () => {
    const before = lines.length;
    const ws = await open(url);
    const reply = new Promise<string>((resolve) => ws.once('message', (d: Buffer) => resolve(d.toString())));
    ws.send(JSON.stringify({ action: 'fail' }));
    await reply;
    await linesCount(before + 2);
    const failed = records.find((r) => r.routeKey === 'fail')!;
    assert.equal(failed.status, 500);
    assert.deepEqual(failed.error, { message: 'Internal server error' });
    assert.match(failed.integration?.error ?? '', /fail route always fails/);
    ws.close();
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
