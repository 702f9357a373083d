// Robustness finding F02 (../shared/robustness-findings): a response node:http refuses to send — a header name
// that is not a token, a value with a line break — must never end the mock. Lambda proxy results with such
// headers are malformed (502, test/fixtures/runtime/lambda-proxy-bad-header-*.txt); whatever else reaches the
// send path with one is answered 500, synchronously or not, and the server goes on.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HttpServer } from '../../../src/runtime/server/httpServer';
import { readProxyResult } from '../../../src/runtime/lambda/proxyResult';
import type { MockResponse } from '../../../src/runtime/types';

const bad: MockResponse[] = [
  { status: 200, headers: { 'bad header': 'x' }, body: Buffer.from('hi') },
  { status: 200, headers: { 'X-Ok': 'a\r\nInjected: yes' }, body: Buffer.from('hi') },
  { status: 200, headers: { 'X-Nul': 'a\u0000b' }, body: Buffer.from('hi') },
];

describe('the send path never throws', () => {
  for (const asynchronous of [false, true]) {
    it(`answers 500 for a response node:http refuses (${asynchronous ? 'from a promise' : 'at once'})`, async () => {
      let next = 0;
      const server = new HttpServer(() => {
        const response = bad[next++ % bad.length]!;
        return asynchronous ? Promise.resolve(response) : response;
      });
      const { port } = await server.listen(0, '127.0.0.1');
      try {
        for (let i = 0; i < bad.length; i++) {
          const response = await fetch(`http://127.0.0.1:${port}/`);
          assert.equal(response.status, 500);
          assert.match(await response.text(), /Mock runtime error: .*(header|Header|character)/);
        }
      } finally {
        await server.close();
      }
    });
  }

  it('reads a proxy result with such a header as malformed, naming the header', () => {
    const cases: [unknown, string][] = [
      [{ statusCode: 200, headers: { 'bad header': 'x' } }, 'the header name "bad header" is not an HTTP token'],
      [{ statusCode: 200, headers: { 'X-A': 'x\n' } }, 'the value of the header X-A holds a line break'],
      [{ statusCode: 200, multiValueHeaders: { 'X-B': ['ok', 'a\u0007'] } }, 'holds the character U+0007'],
      [{ statusCode: 200, headers: { 'x(y)': 'v' } }, 'is not an HTTP token'],
    ];
    for (const [result, reason] of cases) {
      for (const version of ['1.0', '2.0'] as const) {
        const read = readProxyResult(result, version);
        assert.equal(read.ok, false);
        assert.ok(!read.ok && read.reason.includes(reason), JSON.stringify(read));
      }
    }
    assert.equal(readProxyResult({ statusCode: 200, headers: { 'X-Fine': 'a\tb é' } }, '1.0').ok, true);
  });
});
