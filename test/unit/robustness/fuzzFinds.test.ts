// What `npm run fuzz` (test/fuzz/properties.ts) found after the robustness findings were fixed, one test each.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, it } from 'node:test';
import { MockRuntime } from '../../../src/runtime';
import type { FileSystem } from '../../../src/shared/fileSystem';
import { renderTemplateText } from '../../../src/vtl';
import { checkTemplate } from '../../../src/vtl/check';

describe('fuzz finds', () => {
  it('a #define block that uses itself stops at the recursion limit, at the reference', () => {
    const text = '#define($list)#set($list.a = [16284..10])#end$list';
    const result = renderTemplateText(text, { request: { body: '' } });
    assert.deepEqual(
      result.errors.map((e) => [e.code, e.range.start.character]),
      [['apigw.vtl.limit.recursion', text.indexOf('$list.a')]],
    );
  });

  it('a template check never places a range between the \\r and the \\n of a line break', () => {
    const [found] = checkTemplate(':\r\n', { contentType: 'application/json' });
    assert.equal(found?.code, 'apigw.vtl.invalidJsonOutput');
    assert.deepEqual(found?.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } });
  });

  it('an HTTP integration sends a header beyond Latin-1 as UTF-8, and refuses one with a line break', async () => {
    const seen: string[] = [];
    const backend = http.createServer((req, res) => {
      seen.push(Buffer.from(String(req.headers['x-test']), 'latin1').toString('utf8'));
      res.end('{}');
    });
    await new Promise<void>((resolve) => backend.listen(0, '127.0.0.1', resolve));
    const port = (backend.address() as AddressInfo).port;
    const file = path.join(path.sep, 'fuzz', 'api.yaml');
    const definition = [
      'openapi: 3.0.1',
      'info: {title: t, version: "1"}',
      'paths:',
      '  /x:',
      '    get:',
      '      x-amazon-apigateway-integration:',
      '        type: http_proxy',
      '        httpMethod: GET',
      `        uri: http://127.0.0.1:${port}/echo`,
      '        requestParameters:',
      '          integration.request.header.X-Test: method.request.querystring.q',
    ].join('\n');
    const fs: FileSystem = {
      readFile: (p) => (p === file ? Promise.resolve(Buffer.from(definition)) : Promise.reject(new Error('ENOENT'))),
      size: (p) => Promise.resolve(p === file ? definition.length : undefined),
    };
    const runtime = new MockRuntime({ file, fs, watch: false });
    try {
      assert.equal((await runtime.reload()).ok, true);
      const ask = (query: string) =>
        runtime.handle({
          method: 'GET',
          path: '/local/x',
          query,
          headers: {},
          body: Buffer.alloc(0),
          sourceIp: '127.0.0.1',
        });
      assert.equal((await ask('q=%C3%A9%E2%82%AC%E0')).response.status, 200);
      assert.deepEqual(seen, ['é€\uFFFD']);
      const refused = await ask('q=a%0D%0AInjected:%20yes');
      assert.equal(refused.response.status, 500);
      assert.ok(
        refused.event.trace.some((s) => /the value of the header X-Test holds a line break/.test(s.detail)),
        JSON.stringify(refused.event.trace),
      );
      assert.equal(seen.length, 1);
    } finally {
      await runtime.stop();
      backend.closeAllConnections();
      await new Promise<void>((resolve) => backend.close(() => resolve()));
    }
  });

  it('a response status or header HTTP cannot carry is a 500 saying why, not a crash of the send', async () => {
    const file = path.join(path.sep, 'fuzz', 'status.yaml');
    const definition = [
      'openapi: 3.0.1',
      'info: {title: t, version: "1"}',
      'paths:',
      '  /x:',
      '    get:',
      '      x-amazon-apigateway-integration:',
      '        type: mock',
      `        requestTemplates: {application/json: '{"statusCode": 200}'}`,
      '        responses: {default: {statusCode: "x"}}',
      '  /y:',
      '    get:',
      '      x-amazon-apigateway-integration:',
      '        type: mock',
      `        requestTemplates: {application/json: '{"statusCode": 200}'}`,
      '        responses:',
      '          default:',
      '            statusCode: "200"',
      `            responseParameters: {method.response.header.X-A: "'a\\nb'"}`,
    ].join('\n');
    const fs: FileSystem = {
      readFile: (p) => (p === file ? Promise.resolve(Buffer.from(definition)) : Promise.reject(new Error('ENOENT'))),
      size: (p) => Promise.resolve(p === file ? definition.length : undefined),
    };
    const runtime = new MockRuntime({ file, fs, watch: false });
    try {
      assert.equal((await runtime.reload()).ok, true);
      for (const [route, why] of [
        ['/local/x', /the response status NaN is not an HTTP status/],
        ['/local/y', /the value of the header X-A holds a line break/],
      ] as const) {
        const outcome = await runtime.handle({
          method: 'GET',
          path: route,
          query: '',
          headers: {},
          body: Buffer.alloc(0),
          sourceIp: '127.0.0.1',
        });
        assert.equal(outcome.response.status, 500, route);
        assert.equal(outcome.response.body.toString(), '{"message": "Internal server error"}');
        assert.ok(
          outcome.event.trace.some((s) => why.test(s.detail)),
          JSON.stringify(outcome.event.trace),
        );
      }
    } finally {
      await runtime.stop();
    }
  });
});
