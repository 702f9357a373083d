// The proxy events written as JSON text (eventJson.ts) are byte for byte the builders' objects serialised
// (events.ts): the worker gets what JSON.stringify(buildProxyEventV1/V2(ex)) gave before, for any request.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildProxyEventV1, buildProxyEventV2, displayHeaderName } from '../../../../src/runtime/lambda/events';
import { proxyEventV1Json, proxyEventV2Json, quote } from '../../../../src/runtime/lambda/eventJson';
import type { LambdaInvoker } from '../../../../src/runtime/lambda/invoker';
import { loadServedApi } from '../../../../src/runtime/loadApi';
import { Pipeline } from '../../../../src/runtime/pipeline';
import { routeStage } from '../../../../src/runtime/stages/route';
import type { Stage } from '../../../../src/runtime/stages/stage';
import type { Exchange, MockRequest, ServedApi } from '../../../../src/runtime/types';
import { nodeFileSystem } from '../../../../src/shared/nodeFileSystem';

const rest = `openapi: 3.0.1
info: {title: Events, version: '1'}
x-amazon-apigateway-binary-media-types: [image/png]
paths:
  /items/{id}:
    post:
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      x-amazon-apigateway-integration: {type: aws_proxy, httpMethod: POST, uri: 'arn:aws:lambda:us-east-1:123456789012:function:F'}
`;
const http = `openapi: 3.0.1
info: {title: Events, version: '1'}
x-amazon-apigateway-importexport-version: '1.0'
paths:
  /items/{id}:
    post:
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      x-amazon-apigateway-integration: {type: aws_proxy, httpMethod: POST, payloadFormatVersion: '2.0', uri: 'arn:aws:lambda:us-east-1:123456789012:function:F'}
`;

async function served(text: string, file: string): Promise<ServedApi> {
  const loaded = await loadServedApi({ file, fs: nodeFileSystem, text });
  assert.ok(loaded.ok, loaded.ok ? '' : loaded.message);
  return loaded.served;
}

/** Runs the request to its route, then gives the exchange (with `extra` set on it) to `check`. */
async function exchange(api: ServedApi, request: MockRequest, extra: Partial<Exchange> = {}): Promise<Exchange> {
  let seen: Exchange | undefined;
  const capture: Stage = {
    name: 'capture',
    run: (ex) => {
      Object.assign(ex, extra);
      seen = ex;
      ex.response = { status: 204, headers: {}, body: Buffer.alloc(0) };
      return undefined;
    },
  };
  const pipeline = new Pipeline({} as LambdaInvoker, { stages: [routeStage, capture], finally: [] });
  await pipeline.handle(api, request);
  assert.ok(seen, 'the route matched');
  return seen;
}

function headersOf(entries: [string, string[]][]): Record<string, string[]> {
  const headers = Object.create(null) as Record<string, string[]>;
  for (const [name, values] of entries) headers[name] = values;
  return headers;
}

const awkward = [
  'plain',
  'quote " and backslash \\',
  'control \u0001 \n \t',
  'unicode ünïcödé ✓ \u2028 \u2029',
  'lone surrogate \ud800 and pair \ud83d\ude00',
  '',
  '__proto__',
  'constructor',
];

function same(ex: Exchange): void {
  const v2 = ex.served.api.type === 'HTTP' && ex.match?.route.integration?.payloadFormatVersion === '2.0';
  const expected = JSON.stringify(v2 ? buildProxyEventV2(ex) : buildProxyEventV1(ex));
  assert.equal(v2 ? proxyEventV2Json(ex) : proxyEventV1Json(ex), expected);
}

describe('proxy events as JSON text', () => {
  it("are the builders' events serialised, payload 1.0 and 2.0, for requests with awkward parts", async () => {
    for (const api of [await served(rest, '/virtual/rest.yaml'), await served(http, '/virtual/http.yaml')]) {
      for (const value of awkward) {
        // A lone surrogate cannot be percent-encoded (nor come in a query string): its replacement character can.
        const enc = encodeURIComponent(value.replace(/[\ud800-\udfff]/g, '\ufffd'));
        const request: MockRequest = {
          method: 'post',
          path: `/local/items/${value === '' ? 'x' : value.replace(/\//g, '')}`,
          query: `a=1&a=${enc}&${enc}=b&__proto__=p&0=zero`,
          headers: headersOf([
            ['host', ['localhost:3000']],
            ['x-multi', ['one', value]],
            ['x-a-b-c', [value]],
            ['0', ['integer-like name']],
            ['__proto__', ['p']],
            ['cookie', [`a=1; b=${value}`, 'c=3']],
            ['content-type', ['text/plain']],
          ]),
          body: Buffer.from(`body ${value}`),
          sourceIp: '10.0.0.1',
        };
        same(await exchange(api, request));
        same(await exchange(api, { ...request, publicPath: `/v1${request.path}`, headers: headersOf([]) }));
        same(
          await exchange(
            api,
            {
              ...request,
              body: Buffer.from([0x89, 0x50, 0x4e, 0x47]),
              headers: headersOf([['content-type', ['image/png']]]),
            },
            {
              authorizer: { principalId: value, claims: { sub: value, n: 1, list: [true, null] } },
              apiKey: value,
              iam: {
                accessKeyId: 'AKID',
                secretAccessKey: 's',
                arn: 'arn:aws:iam::1:user/u',
                accountId: '1',
                userId: 'u',
              },
            },
          ),
        );
        api.stageVariables = { [value]: value, v: 'x' };
        same(await exchange(api, { ...request, query: '', headers: headersOf([['user-agent', [value]]]) }));
        api.stageVariables = {};
        // A name with capitals (a request made in code): the object keeps one key per display name.
        same(
          await exchange(api, {
            ...request,
            headers: headersOf([
              ['X-Test', ['a']],
              ['x-test', ['b']],
            ]),
          }),
        );
      }
    }
  });

  it('upper-cases a header name where the builder did', () => {
    const regexWay = (name: string): string =>
      name.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase());
    for (const name of ['content-type', 'x-a-b', '-a', 'a--b', 'a-', '', 'x-1a', 'é-b', 'already-Up', 'x_y-z'])
      assert.equal(displayHeaderName(name), regexWay(name), name);
  });

  it('quotes a string as JSON.stringify does, at each edge of what it must escape', () => {
    for (const code of [
      0, 0x1f, 0x20, 0x21, 0x22, 0x5c, 0x7f, 0x2028, 0xd7ff, 0xd800, 0xdbff, 0xdc00, 0xdfff, 0xe000,
    ]) {
      const text = `a${String.fromCharCode(code)}b`;
      assert.equal(quote(text), JSON.stringify(text), code.toString(16));
    }
    assert.equal(quote(''), '""');
    assert.equal(quote('\ud83d\ude00'), JSON.stringify('\ud83d\ude00'));
  });
});
