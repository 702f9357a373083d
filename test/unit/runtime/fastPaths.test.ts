import assert from 'node:assert/strict';
import http from 'node:http';
import { describe, it } from 'node:test';
import type { GatewayApi, Route } from '../../../src/model';
import type { LambdaInvoker } from '../../../src/runtime/lambda/invoker';
import { loadServedApi } from '../../../src/runtime/loadApi';
import { Pipeline } from '../../../src/runtime/pipeline';
import type { Stage } from '../../../src/runtime/stages/stage';
import { RequestIds } from '../../../src/runtime/requestId';
import { Router } from '../../../src/runtime/router';
import { HttpServer, type RequestHandler } from '../../../src/runtime/server/httpServer';
import { lowerCase, mediaType, upperCase } from '../../../src/runtime/text';
import { nodeFileSystem } from '../../../src/shared/nodeFileSystem';
import { plain } from '../helpers/plain';

function api(routes: Array<[string, string]>): GatewayApi {
  return {
    type: 'REST',
    routes: routes.map(([method, path]) => ({ method, path }) as Route),
  } as GatewayApi;
}

function matchKey(router: Router, method: string, path: string): string {
  const outcome = router.match(method, path);
  return outcome.kind === 'matched'
    ? outcome.match.routeKey
    : outcome.kind === 'noMethod'
      ? `noMethod ${outcome.path}`
      : 'noRoute';
}

describe('the router', () => {
  const router = new Router(
    api([
      ['ANY', '/pets/dog'],
      ['GET', '/pets/{id}'],
      ['GET', '/pets/cat'],
      ['GET', '/'],
      ['POST', '/files/{path+}'],
    ]),
  );

  it('prefers an exact method on a parameter to ANY on a literal path, as before the literal index', () => {
    assert.equal(matchKey(router, 'GET', '/pets/dog'), 'GET /pets/{id}');
    assert.equal(matchKey(router, 'POST', '/pets/dog'), 'ANY /pets/dog');
    assert.equal(matchKey(router, 'get', '/pets/cat'), 'GET /pets/cat');
    assert.equal(matchKey(router, 'GET', '/pets/7'), 'GET /pets/{id}');
  });

  it('matches literal paths whatever their empty segments and trailing slashes', () => {
    assert.equal(matchKey(router, 'GET', '/pets/cat/'), 'GET /pets/cat');
    assert.equal(matchKey(router, 'GET', '//pets//cat'), 'GET /pets/cat');
    assert.equal(matchKey(router, 'GET', 'pets/cat'), 'GET /pets/cat');
    assert.equal(matchKey(router, 'GET', '/'), 'GET /');
    assert.equal(matchKey(router, 'GET', '//'), 'GET /');
  });

  it('hands out path parameters, and says when a path has no such method or no route', () => {
    const outcome = router.match('POST', '/files/a/b');
    assert.equal(outcome.kind, 'matched');
    assert.deepEqual(plain(outcome.kind === 'matched' ? outcome.match.pathParameters : undefined), { path: 'a/b' });
    assert.equal(matchKey(router, 'DELETE', '/pets/cat'), 'noMethod /pets/cat');
    assert.equal(matchKey(router, 'GET', '/owners'), 'noRoute');
  });
});

describe('request ids', () => {
  it('count on modulo 2^32 in the last 8 hex digits, across the 16-bit boundary', () => {
    const ids = new RequestIds(() => 'aaaaaaaa-bbbb-4ccc-8ddd-eeeefffffffe');
    assert.deepEqual(
      [ids.next(), ids.next(), ids.next(), ids.next()],
      [
        'aaaaaaaa-bbbb-4ccc-8ddd-eeeefffffffe',
        'aaaaaaaa-bbbb-4ccc-8ddd-eeeeffffffff',
        'aaaaaaaa-bbbb-4ccc-8ddd-eeee00000000',
        'aaaaaaaa-bbbb-4ccc-8ddd-eeee00000001',
      ],
    );
    const low = new RequestIds(() => 'aaaaaaaa-bbbb-4ccc-8ddd-eeee0000fffe');
    assert.deepEqual(
      [low.next(), low.next(), low.next()],
      [
        'aaaaaaaa-bbbb-4ccc-8ddd-eeee0000fffe',
        'aaaaaaaa-bbbb-4ccc-8ddd-eeee0000ffff',
        'aaaaaaaa-bbbb-4ccc-8ddd-eeee00010000',
      ],
    );
  });

  it('draw a fresh UUID every 65,536 ids', () => {
    const uuids = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222'];
    let drawn = 0;
    const ids = new RequestIds(() => uuids[drawn++]!);
    for (let i = 0; i < RequestIds.batch; i++) ids.next();
    assert.equal(drawn, 1);
    assert.equal(ids.next(), '22222222-2222-4222-8222-222222222222');
    assert.equal(drawn, 2);
  });
});

describe('text helpers', () => {
  it('change case only when needed, as toUpperCase / toLowerCase would', () => {
    for (const text of ['GET', 'get', 'Content-Type', 'x-api-key', '', 'straße', 'ÉTÉ']) {
      assert.equal(upperCase(text), text.toUpperCase());
      assert.equal(lowerCase(text), text.toLowerCase());
    }
    assert.equal(mediaType(' application/json ; charset=utf-8'), 'application/json');
    assert.equal(mediaType('text/plain'), 'text/plain');
  });
});

describe('the pipeline', () => {
  const definition = `openapi: 3.0.1
info: {title: Stages, version: '1'}
paths:
  /ping:
    get:
      x-amazon-apigateway-integration: {type: mock, responses: {default: {statusCode: '200'}}}
`;
  const request = {
    method: 'GET',
    path: '/local/ping',
    query: '',
    headers: {},
    body: Buffer.alloc(0),
    sourceIp: '1.2.3.4',
  };

  it('answers synchronously when every stage does, and goes on after a stage that waits', async () => {
    const loaded = await loadServedApi({ file: '/virtual/stages.yaml', fs: nodeFileSystem, text: definition });
    assert.ok(loaded.ok, loaded.ok ? '' : loaded.message);
    const ran: string[] = [];
    const sync = (name: string): Stage => ({ name, run: () => void ran.push(name) });
    const waits = (name: string): Stage => ({
      name,
      run: async () => {
        await new Promise((resolve) => setImmediate(resolve));
        ran.push(name);
        return undefined;
      },
    });
    const answer: Stage = {
      name: 'answer',
      run: (ex) => {
        ran.push('answer');
        ex.response = { status: 201, headers: {}, body: Buffer.from('done') };
        return undefined;
      },
    };
    const quick = new Pipeline({} as LambdaInvoker, {
      stages: [sync('a'), answer, sync('never')],
      finally: [sync('f')],
    });
    const now = quick.run(loaded.served, request);
    assert.ok(!(now instanceof Promise));
    assert.equal(now.response.status, 201);
    assert.deepEqual(ran.splice(0), ['a', 'answer', 'f']);
    const slow = new Pipeline({} as LambdaInvoker, {
      stages: [sync('a'), waits('b'), sync('c'), answer, sync('never')],
      finally: [waits('f1'), sync('f2')],
    });
    const later = slow.run(loaded.served, request);
    assert.ok(later instanceof Promise);
    assert.equal((await later).response.body.toString(), 'done');
    assert.deepEqual(ran, ['a', 'b', 'c', 'answer', 'f1', 'f2']);
  });

  it('turns a stage that throws, at once or after waiting, into a 500 that names the stage', async () => {
    const loaded = await loadServedApi({ file: '/virtual/stages.yaml', fs: nodeFileSystem, text: definition });
    assert.ok(loaded.ok, loaded.ok ? '' : loaded.message);
    const errors: string[] = [];
    const logger = {
      trace() {},
      debug() {},
      info() {},
      warn() {},
      error: (m: string | Error) => void errors.push(String(m)),
    };
    for (const run of [
      (): never => {
        throw new Error('at once');
      },
      async (): Promise<never> => {
        await Promise.resolve();
        throw new Error('later');
      },
    ]) {
      const pipeline = new Pipeline({} as LambdaInvoker, { stages: [{ name: 'broken', run }], finally: [], logger });
      const { response, event } = await pipeline.handle(loaded.served, request);
      assert.equal(response.status, 500);
      assert.equal(response.body.toString(), '{"message": "Internal server error"}');
      const why = errors.length === 1 ? 'at once' : 'later';
      assert.equal(
        event.trace.at(-1)?.detail,
        `DEFAULT_5XX 500: Internal error in the mock runtime's broken stage (${why}); please report it.`,
      );
    }
    assert.deepEqual(errors, ['Error: at once', 'Error: later']);
  });
});

/** Status, raw headers and body of a GET to the server. */
async function get(handler: RequestHandler): Promise<{ status: number; headers: string[]; body: string }> {
  const server = new HttpServer(handler);
  const { port } = await server.listen(0, '127.0.0.1');
  try {
    return await new Promise((resolve, reject) => {
      http
        .get(`http://127.0.0.1:${port}/local/x`, (res) => {
          let body = '';
          res.setEncoding('latin1');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.rawHeaders, body }));
        })
        .on('error', reject);
    });
  } finally {
    await server.close();
  }
}

describe('the HTTP server', () => {
  it('sends a name repeated in another case once, with its last value, and its own Content-Length', async () => {
    const got = await get(() => ({
      status: 202,
      headers: { 'X-Thing': 'a', 'Content-Length': '99', 'x-thing': 'b', 'Content-Type': 'text/plain' },
      body: Buffer.from('four'),
    }));
    assert.equal(got.status, 202);
    assert.equal(got.body, 'four');
    const names = got.headers.filter((_, i) => i % 2 === 0);
    assert.deepEqual(
      names.filter((n) => !['Date', 'Connection', 'Keep-Alive'].includes(n)),
      ['x-thing', 'Content-Type', 'Content-Length'],
    );
    assert.equal(got.headers[got.headers.indexOf('x-thing') + 1], 'b');
    assert.equal(got.headers[got.headers.indexOf('Content-Length') + 1], '4');
  });

  it('answers 500 with the message of a handler that throws or rejects', async () => {
    const thrown = await get(() => {
      throw new Error('boom');
    });
    assert.equal(thrown.status, 500);
    assert.equal(thrown.body, '{"message":"Mock runtime error: boom"}');
    const rejected = await get(() => Promise.reject(new Error('later boom')));
    assert.equal(rejected.status, 500);
    assert.equal(rejected.body, '{"message":"Mock runtime error: later boom"}');
  });
});
