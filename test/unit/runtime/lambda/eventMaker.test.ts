// Lambda proxy events are made from their parts (eventParts.ts) by one maker (eventMaker.ts), on the runtime's
// thread (traces, authorizers) and in the handler's worker (the event a handler gets): both give the same event,
// in the shape and order API Gateway documents, for any request.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { after, describe, it } from 'node:test';
import { eventMaker } from '../../../../src/runtime/lambda/eventMaker';
import { proxyEventParts } from '../../../../src/runtime/lambda/eventParts';
import { buildProxyEvent, displayHeaderName } from '../../../../src/runtime/lambda/events';
import type { LambdaInvoker } from '../../../../src/runtime/lambda/invoker';
import { WorkerPoolInvoker } from '../../../../src/runtime/lambda/workerPool';
import { loadServedApi } from '../../../../src/runtime/loadApi';
import { Pipeline } from '../../../../src/runtime/pipeline';
import { routeStage } from '../../../../src/runtime/stages/route';
import type { Stage } from '../../../../src/runtime/stages/stage';
import type { Exchange, MockRequest, ServedApi } from '../../../../src/runtime/types';
import { nodeFileSystem } from '../../../../src/shared/nodeFileSystem';
import { bundleOf } from '../../helpers/bundle';

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

const v2Of = (ex: Exchange): boolean =>
  ex.served.api.type === 'HTTP' && ex.match?.route.integration?.payloadFormatVersion === '2.0';

/** Every object in `value` (arrays aside) has Object.prototype, as JSON.parse makes them. */
function plainObjects(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (!Array.isArray(value) && Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.values(value).every(plainObjects);
}

/** The requests of the tests below: awkward names and values in every part, for each API. */
async function awkwardExchanges(): Promise<Exchange[]> {
  const exchanges: Exchange[] = [];
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
      exchanges.push(await exchange(api, request));
      exchanges.push(await exchange(api, { ...request, publicPath: `/v1${request.path}`, headers: headersOf([]) }));
      exchanges.push(
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
      // Stage variables are the API's: the event is made now, before they change back.
      api.stageVariables = { [value]: value, v: 'x' };
      const staged = await exchange(api, { ...request, query: '', headers: headersOf([['user-agent', [value]]]) });
      exchanges.push({ ...staged, served: { ...api, stageVariables: { ...api.stageVariables } } });
      api.stageVariables = {};
      // A name with capitals (a request made in code): the object keeps one key per display name.
      exchanges.push(
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
  return exchanges;
}

/**
 * The maker that `source` evaluates to, run alone in a fresh vm context (its built-ins are its own), makes the
 * runtime's events from the awkward requests' parts, sent through JSON as the worker gets them.
 */
async function agreesAlone(source: string): Promise<void> {
  const alone = vm.runInNewContext(source, Object.create(null) as object) as ReturnType<typeof eventMaker>;
  for (const ex of await awkwardExchanges()) {
    const parts = proxyEventParts(ex, v2Of(ex) ? '2.0' : '1.0');
    assert.equal(
      JSON.stringify(alone.fromParts(JSON.parse(JSON.stringify(parts)) as typeof parts)),
      JSON.stringify(eventMaker().fromParts(parts)),
    );
  }
}

describe('Lambda proxy events', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apigw-events-'));
  const module = path.join(dir, 'echo.mjs');
  // The handler answers with the event it got (as JSON text, key order and all) and whether its objects are plain.
  fs.writeFileSync(
    module,
    `export async function echo(event) {
  const plain = (v) => v === null || typeof v !== 'object' || ((Array.isArray(v) || Object.getPrototypeOf(v) === Object.prototype) && Object.values(v).every(plain));
  return { json: JSON.stringify(event), plain: plain(event) };
}
`,
  );
  const pool = new WorkerPoolInvoker();
  after(async () => {
    await pool.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reach the handler as the runtime makes them, payload 1.0 and 2.0, for requests with awkward parts', async () => {
    const exchanges = await awkwardExchanges();
    const outcomes = await Promise.all(
      exchanges.map((ex) =>
        pool.invoke({
          handler: { module, exportName: 'echo' },
          functionName: 'Events',
          eventParts: proxyEventParts(ex, v2Of(ex) ? '2.0' : '1.0'),
          timeoutMs: 10_000,
          requestId: ex.requestId,
        }),
      ),
    );
    exchanges.forEach((ex, i) => {
      const outcome = outcomes[i]!;
      assert.equal(outcome.kind, 'ok', JSON.stringify(outcome));
      const made = buildProxyEvent(ex, v2Of(ex) ? '2.0' : '1.0');
      assert.ok(plainObjects(made), 'the runtime makes plain objects');
      assert.deepEqual((outcome as { result: unknown }).result, { json: JSON.stringify(made), plain: true });
    });
  });

  it("keep every name as an own key, __proto__ included, and Object.prototype as every object's prototype", async () => {
    const [ex] = await awkwardExchanges();
    const event = buildProxyEvent(ex!, '1.0') as { headers: object; multiValueQueryStringParameters: object };
    assert.ok(Object.prototype.hasOwnProperty.call(event.headers, '__proto__'));
    assert.equal(Object.getPrototypeOf(event.headers), Object.prototype);
    assert.deepEqual(Object.getOwnPropertyDescriptor(event.multiValueQueryStringParameters, '__proto__'), {
      value: ['p'],
      writable: true,
      enumerable: true,
      configurable: true,
    });
  });

  it('come from a maker whose source names nothing outside itself (the workers run that text)', async () => {
    await agreesAlone(`(${eventMaker.toString()})()`);
  });

  it("come from the maker's source as the production build minifies it (what a packaged extension's workers run)", async () => {
    const { text } = await bundleOf('src/runtime/lambda/workerSource.ts');
    const module = { exports: {} as { workerSource?: string } };
    vm.runInNewContext(text, { module, exports: module.exports });
    const source = module.exports.workerSource ?? '';
    const firstLine = source.slice(0, source.indexOf('\n'));
    assert.match(firstLine, /^const eventMaker = /);
    await agreesAlone(`${firstLine}; eventMaker`);
  });

  it('are shaped as API Gateway documents payload formats 1.0 and 2.0, key for key and in its order', async () => {
    const request: MockRequest = {
      method: 'post',
      path: '/dev/items/7',
      query: 'q=1&q=2&r=x',
      headers: headersOf([
        ['host', ['api.example.com:3000']],
        ['user-agent', ['curl/8']],
        ['cookie', ['a=1; b=2', 'c=3']],
      ]),
      body: Buffer.alloc(0),
      sourceIp: '10.0.0.1',
    };
    const at = { startedAt: Date.UTC(2026, 11, 8, 9, 5, 7, 123), requestId: 'req-1' };
    // Every part a value of its own (an IAM caller, an API key, a stage variable, a stage other than the API id
    // 'local'), so no two can trade places.
    const restApi = await served(rest, '/virtual/rest.yaml');
    restApi.stageVariables = { sv: 'one' };
    restApi.stage = 'dev';
    const iam = {
      accessKeyId: 'AKIDEXAMPLE',
      secretAccessKey: 'secret',
      arn: 'arn:aws:iam::111122223333:user/dev',
      accountId: '111122223333',
      userId: 'AIDAEXAMPLE',
    };
    const v1 = buildProxyEvent(await exchange(restApi, request, { ...at, iam, apiKey: 'key-1' }), '1.0');
    assert.equal(
      JSON.stringify(v1),
      JSON.stringify({
        resource: '/items/{id}',
        path: '/items/7',
        httpMethod: 'POST',
        headers: { Host: 'api.example.com:3000', 'User-Agent': 'curl/8', Cookie: 'c=3' },
        multiValueHeaders: { Host: ['api.example.com:3000'], 'User-Agent': ['curl/8'], Cookie: ['a=1; b=2', 'c=3'] },
        queryStringParameters: { q: '2', r: 'x' },
        multiValueQueryStringParameters: { q: ['1', '2'], r: ['x'] },
        pathParameters: { id: '7' },
        stageVariables: { sv: 'one' },
        requestContext: {
          accountId: '123456789012',
          apiId: 'local',
          authorizer: null,
          domainName: 'api.example.com',
          domainPrefix: 'api',
          extendedRequestId: 'req-1',
          httpMethod: 'POST',
          identity: {
            accessKey: 'AKIDEXAMPLE',
            accountId: '111122223333',
            caller: 'AIDAEXAMPLE',
            cognitoAuthenticationProvider: null,
            cognitoAuthenticationType: null,
            cognitoIdentityId: null,
            cognitoIdentityPoolId: null,
            principalOrgId: null,
            sourceIp: '10.0.0.1',
            user: 'AIDAEXAMPLE',
            userAgent: 'curl/8',
            userArn: 'arn:aws:iam::111122223333:user/dev',
            apiKey: 'key-1',
          },
          path: '/dev/items/7',
          protocol: 'HTTP/1.1',
          requestId: 'req-1',
          requestTime: '08/Dec/2026:09:05:07 +0000',
          requestTimeEpoch: at.startedAt,
          resourceId: 'local',
          resourcePath: '/items/{id}',
          stage: 'dev',
        },
        body: null,
        isBase64Encoded: false,
      }),
    );
    const httpApi = await served(http, '/virtual/http.yaml');
    httpApi.stageVariables = { sv: 'two' };
    httpApi.stage = 'dev';
    const v2 = buildProxyEvent(
      await exchange(httpApi, { ...request, body: Buffer.from('{}') }, { ...at, authorizer: { principalId: 'me' } }),
      '2.0',
    );
    assert.equal(
      JSON.stringify(v2),
      JSON.stringify({
        version: '2.0',
        routeKey: 'POST /items/{id}',
        rawPath: '/dev/items/7',
        rawQueryString: 'q=1&q=2&r=x',
        cookies: ['a=1', 'b=2', 'c=3'],
        headers: { host: 'api.example.com:3000', 'user-agent': 'curl/8' },
        queryStringParameters: { q: '1,2', r: 'x' },
        requestContext: {
          accountId: '123456789012',
          apiId: 'local',
          domainName: 'api.example.com',
          domainPrefix: 'api',
          http: {
            method: 'POST',
            path: '/dev/items/7',
            protocol: 'HTTP/1.1',
            sourceIp: '10.0.0.1',
            userAgent: 'curl/8',
          },
          requestId: 'req-1',
          routeKey: 'POST /items/{id}',
          stage: 'dev',
          time: '08/Dec/2026:09:05:07 +0000',
          timeEpoch: at.startedAt,
          authorizer: { principalId: 'me' },
        },
        body: '{}',
        pathParameters: { id: '7' },
        isBase64Encoded: false,
        stageVariables: { sv: 'two' },
      }),
    );
  });

  it('upper-case a header name where a regular expression would', () => {
    const regexWay = (name: string): string =>
      name.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase());
    for (const name of ['content-type', 'x-a-b', '-a', 'a--b', 'a-', '', 'x-1a', 'é-b', 'already-Up', 'x_y-z'])
      assert.equal(displayHeaderName(name), regexWay(name), name);
  });
});
