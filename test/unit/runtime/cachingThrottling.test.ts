import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MockRuntime, type MockRequest } from '../../../src/runtime';
import { parseConfig } from '../../../src/runtime/config';
import { takeToken } from '../../../src/runtime/stages/throttling';
import type { FileSystem } from '../../../src/shared/fileSystem';
import { nodeFileSystem } from '../../../src/shared/nodeFileSystem';
import { fixture } from '../helpers/paths';

const definition = fixture('runtime/caching/cached-rest.yaml');
const configFile = fixture('runtime/caching/virtual.apigw.config.json');

async function runtimeWith(config: unknown): Promise<MockRuntime> {
  const text = JSON.stringify(config);
  const fs: FileSystem = {
    readFile: async (p) => (p === configFile ? Buffer.from(text) : nodeFileSystem.readFile(p)),
    size: async (p) => (p === configFile ? text.length : nodeFileSystem.size(p)),
  };
  const runtime = new MockRuntime({ file: definition, configFile, fs, watch: false });
  const loaded = await runtime.reload();
  assert.ok(loaded.ok, JSON.stringify(loaded));
  return runtime;
}

function request(method: string, path: string, headers: Record<string, string> = {}): MockRequest {
  const q = path.indexOf('?');
  return {
    method,
    path: `/local${q < 0 ? path : path.slice(0, q)}`,
    query: q < 0 ? '' : path.slice(q + 1),
    headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), [v]])),
    body: Buffer.alloc(0),
    sourceIp: '127.0.0.1',
  };
}

async function body(
  runtime: MockRuntime,
  method: string,
  path: string,
  headers?: Record<string, string>,
): Promise<{ status: number; json: Record<string, string> }> {
  const { response } = await runtime.handle(request(method, path, headers));
  return { status: response.status, json: JSON.parse(response.body.toString()) as Record<string, string> };
}

describe('REST stage cache', () => {
  const cached = {
    cacheClusterEnabled: true,
    methodSettings: [{ resourcePath: '/*', httpMethod: '*', cacheTtlInSeconds: 60 }],
  };

  it('is off unless the stage cache is enabled', async () => {
    const runtime = await runtimeWith({});
    const a = await body(runtime, 'GET', '/items/1');
    const b = await body(runtime, 'GET', '/items/1');
    assert.notEqual(a.json['requestId'], b.json['requestId']);
  });

  it('caches GET by path and cache key parameters, not POST (stage cache enables GET only)', async () => {
    const runtime = await runtimeWith(cached);
    const first = await body(runtime, 'GET', '/items/1?lang=en');
    assert.deepEqual(await body(runtime, 'GET', '/items/1?lang=en'), first);
    assert.notEqual((await body(runtime, 'GET', '/items/1?lang=fr')).json['requestId'], first.json['requestId']);
    assert.notEqual((await body(runtime, 'GET', '/items/2?lang=en')).json['requestId'], first.json['requestId']);
    const post = await body(runtime, 'POST', '/items/1');
    assert.notEqual((await body(runtime, 'POST', '/items/1')).json['requestId'], post.json['requestId']);
  });

  it('a method setting with cachingEnabled caches POST too; cachingEnabled false turns GET off', async () => {
    const runtime = await runtimeWith({
      cacheClusterEnabled: true,
      methodSettings: [
        { resourcePath: '/items/{id}', httpMethod: 'POST', cachingEnabled: true },
        { resourcePath: '/~1items~1{id}', httpMethod: 'GET', cachingEnabled: false },
      ],
    });
    const post = await body(runtime, 'POST', '/items/1');
    assert.equal((await body(runtime, 'POST', '/items/1')).json['requestId'], post.json['requestId']);
    const get = await body(runtime, 'GET', '/items/1');
    assert.notEqual((await body(runtime, 'GET', '/items/1')).json['requestId'], get.json['requestId']);
  });

  it('Cache-Control: max-age=0 is ignored unless authorized, refetches when authorization is not required, 403 with FAIL_WITH_403', async () => {
    const noCache = { 'Cache-Control': 'max-age=0' };
    const strict = await runtimeWith(cached);
    const a = await body(strict, 'GET', '/items/1');
    assert.equal((await body(strict, 'GET', '/items/1', noCache)).json['requestId'], a.json['requestId']);
    const signed = {
      ...noCache,
      Authorization: 'AWS4-HMAC-SHA256 Credential=AKID/20240101/us-east-1/execute-api/aws4_request',
    };
    assert.notEqual((await body(strict, 'GET', '/items/1', signed)).json['requestId'], a.json['requestId']);

    const open = await runtimeWith({
      cacheClusterEnabled: true,
      methodSettings: [{ requireAuthorizationForCacheControl: false }],
    });
    const b = await body(open, 'GET', '/items/1');
    const refreshed = await body(open, 'GET', '/items/1', noCache);
    assert.notEqual(refreshed.json['requestId'], b.json['requestId']);
    assert.equal((await body(open, 'GET', '/items/1')).json['requestId'], refreshed.json['requestId']);

    const fail = await runtimeWith({
      cacheClusterEnabled: true,
      methodSettings: [{ unauthorizedCacheControlHeaderStrategy: 'FAIL_WITH_403' }],
    });
    const { response, event } = await fail.handle(request('GET', '/items/1', noCache));
    assert.equal(response.status, 403);
    assert.deepEqual(JSON.parse(response.body.toString()), { message: 'Forbidden' });
    assert.ok(event.trace.some((s) => s.detail === 'Cache-Control: max-age=0 refused (not authorized)'));
  });
});

describe('throttling', () => {
  it('token bucket: burst tokens at once, then rate a second', () => {
    const bucket = { tokens: 2, at: 0 };
    assert.equal(takeToken(bucket, 1, 2, 0), true);
    assert.equal(takeToken(bucket, 1, 2, 0), true);
    assert.equal(takeToken(bucket, 1, 2, 0), false);
    assert.equal(takeToken(bucket, 1, 2, 500), false);
    assert.equal(takeToken(bucket, 1, 2, 1000), true);
  });

  it('answers 429 Too Many Requests once the burst is spent', async () => {
    const runtime = await runtimeWith({ methodSettings: [{ throttlingRateLimit: 0.001, throttlingBurstLimit: 2 }] });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await runtime.handle(request('GET', '/items/1'))).response.status);
    assert.deepEqual(statuses, [200, 200, 429]);
    const { response } = await runtime.handle(request('POST', '/items/1'));
    assert.deepEqual(JSON.parse(response.body.toString()), { message: 'Too Many Requests' });
  });

  it('config errors name the key and what it should be', () => {
    const bad = parseConfig({ methodSettings: [{ throttlingRateLimit: -1 }] }, 'apigw.config.json', '/');
    assert.equal(
      bad.ok ? '' : bad.message,
      'apigw.config.json: "methodSettings"[0] must be an object like {"resourcePath": "/*", "httpMethod": "*", "throttlingRateLimit": 10, "throttlingBurstLimit": 5, "cachingEnabled": true, "cacheTtlInSeconds": 300} (numbers >= 0, booleans true / false).',
    );
    const notList = parseConfig({ methodSettings: {} }, 'apigw.config.json', '/');
    assert.match(
      notList.ok ? '' : notList.message,
      /^apigw\.config\.json: "methodSettings" must be a list of objects like \{"resourcePath": "\/\*"/,
    );
    const cache = parseConfig({ cacheClusterEnabled: 'yes' }, 'apigw.config.json', '/');
    assert.equal(cache.ok ? '' : cache.message, 'apigw.config.json: "cacheClusterEnabled" must be true or false.');
  });
});
