import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { batchedWriter } from '../../../src/cli/commands/mock';
import { HttpServer } from '../../../src/runtime/server/httpServer';
import { vtlRenderer } from '../../../src/runtime/templates';
import type { MockRequest } from '../../../src/runtime/types';
import { renderTemplateText } from '../../../src/vtl';

describe('mock runtime hot path', () => {
  it('renders a plain-text template as its text, and a template with references through the engine', () => {
    const context = { request: { body: '{"a": 1}', stageVariables: { v: 'x' } } };
    const text = '{"statusCode": 200} ## a comment\n#[[ $raw ]]#';
    const plain = vtlRenderer.render(text, context);
    assert.equal(plain.output, '{"statusCode": 200}  $raw ');
    assert.equal(plain.output, renderTemplateText(text, context).output);
    assert.deepEqual(plain.errors, []);
    assert.deepEqual(plain.headerOverrides, {});
    const dynamic = vtlRenderer.render('{"v": "$stageVariables.v", "a": $input.json(\'$.a\')}', context);
    assert.equal(dynamic.output, '{"v": "x", "a": 1}');
    const overriding = vtlRenderer.render('#set($context.responseOverride.status = 404)ok', context);
    assert.equal(overriding.output, 'ok');
    assert.equal(overriding.statusOverride, 404);
  });

  it('sends every byte of a body (not UTF-8 text) and reads request bodies, with or without one', async () => {
    const seen: MockRequest[] = [];
    const bytes = Buffer.from([0xff, 0x00, 0xc3, 0x28, 0x7b, 0xe2, 0x82, 0xac]);
    const server = new HttpServer((request) => {
      seen.push(request);
      return Promise.resolve({ status: 200, headers: { 'Content-Type': 'application/octet-stream' }, body: bytes });
    });
    const { port } = await server.listen(0, '127.0.0.1');
    try {
      const got = await fetch(`http://127.0.0.1:${port}/local/x?a=1`);
      assert.deepEqual(Buffer.from(await got.arrayBuffer()), bytes);
      assert.equal(got.headers.get('content-length'), String(bytes.length));
      await (await fetch(`http://127.0.0.1:${port}/local/x`, { method: 'POST', body: 'hello' })).arrayBuffer();
      assert.equal(seen[0]!.body.length, 0);
      assert.equal(seen[0]!.query, 'a=1');
      assert.equal(seen[1]!.body.toString(), 'hello');
    } finally {
      await server.close();
    }
  });

  it('writes the request log in one batch, and everything pending on flush', () => {
    const writes: string[] = [];
    const log = batchedWriter((text) => writes.push(text), 60_000);
    log.write('GET /a 200 0 ms\n');
    log.write('GET /b 200 0 ms\n');
    assert.deepEqual(writes, []);
    log.flush();
    log.flush();
    assert.deepEqual(writes, ['GET /a 200 0 ms\nGET /b 200 0 ms\n']);
  });

  it('keeps the request log as UTF-8 bytes, in order, a full batch written before more text', () => {
    const writes: string[] = [];
    const log = batchedWriter((text) => writes.push(text), 60_000);
    log.write('GET /caf\u00e9 200 0 ms\n');
    log.write('GET /\u{1f600} 200 0 ms\n');
    log.write('');
    log.flush();
    assert.deepEqual(writes, ['GET /caf\u00e9 200 0 ms\nGET /\u{1f600} 200 0 ms\n']);
    writes.length = 0;
    // 64 KiB a batch; a text goes in while the batch has room for 3 bytes a character: 63 lines of 1000.
    const line = `${'x'.repeat(999)}\n`;
    for (let i = 0; i < 64; i++) log.write(line);
    assert.equal(writes.length, 1);
    assert.ok(writes[0] === line.repeat(63));
    // A text longer than a batch goes out on its own, after what was waiting.
    const long = `${'y'.repeat(30_000)}\n`;
    log.write(long);
    log.write('after\n');
    log.flush();
    assert.equal(writes.length, 4);
    assert.ok(writes[1] === line && writes[2] === long && writes[3] === 'after\n');
  });
});
