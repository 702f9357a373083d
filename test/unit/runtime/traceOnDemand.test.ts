import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MockRuntime, type RequestEvent } from '../../../src/runtime';
import type { FileSystem } from '../../../src/shared/fileSystem';

const file = '/virtual/trace/api.yaml';
const definition = `openapi: 3.0.1
info: {title: Traced, version: '1'}
paths:
  /static:
    get:
      x-amazon-apigateway-integration:
        type: mock
        requestTemplates: {application/json: '{"statusCode": 200}'}
        responses: {default: {statusCode: '200', responseTemplates: {application/json: '{"message": "hello"}'}}}
`;

/** The definition, and no apigw.config.json beside it. */
const fs: FileSystem = {
  readFile: (p) =>
    p === file ? Promise.resolve(Buffer.from(definition)) : Promise.reject(new Error(`cannot read ${p}`)),
  size: (p) => Promise.resolve(p === file ? Buffer.byteLength(definition) : undefined),
};

const everyStep = [
  'matched GET /static',
  'rendered the application/json request template',
  'MOCK answered 200',
  'rendered the application/json response template',
  "selected 'default' → 200 (matched '200')",
];
const unknownRoute = [
  'no route matches /nowhere',
  'MISSING_AUTHENTICATION_TOKEN 403: GET /nowhere: no route matches /nowhere in Traced.',
];

const details = (event: RequestEvent | undefined): string[] => (event?.trace ?? []).map((step) => step.detail);

async function withRuntime(test: (runtime: MockRuntime, base: string) => Promise<void>): Promise<void> {
  const runtime = new MockRuntime({ file, fs, watch: false });
  try {
    await test(runtime, await runtime.start(0, '127.0.0.1'));
  } finally {
    await runtime.stop();
  }
}

describe('request traces on demand', () => {
  it('over HTTP, traces only what went wrong while no listener wants the trace', async () => {
    await withRuntime(async (runtime, base) => {
      const events: RequestEvent[] = [];
      runtime.onRequest((event) => events.push(event), { trace: false });
      const ok = await fetch(`${base}/static`);
      assert.equal(ok.status, 200);
      assert.equal(await ok.text(), '{"message": "hello"}');
      const missing = await fetch(`${base}/nowhere`);
      assert.equal(missing.status, 403);
      assert.equal(await missing.text(), '{"message":"Missing Authentication Token"}');
      assert.deepEqual(details(events[0]), []);
      assert.equal(events[0]?.route, 'GET /static');
      assert.equal(events[0]?.status, 200);
      assert.deepEqual(details(events[1]), unknownRoute);
      assert.deepEqual(
        events[1]?.trace.map((step) => step.stage),
        ['route', 'gatewayResponse'],
      );
    });
  });

  it('traces every step while one listener wants it, for every listener, and stops when it goes', async () => {
    await withRuntime(async (runtime, base) => {
      const quiet: RequestEvent[] = [];
      const traced: RequestEvent[] = [];
      runtime.onRequest((event) => quiet.push(event), { trace: false });
      const tracing = runtime.onRequest((event) => traced.push(event));
      assert.equal(await (await fetch(`${base}/static`)).text(), '{"message": "hello"}');
      assert.deepEqual(details(traced[0]), everyStep);
      assert.deepEqual(details(quiet[0]), everyStep);
      assert.ok(traced[0]!.trace.every((step) => step.ms >= 0));
      tracing.dispose();
      assert.equal(await (await fetch(`${base}/static`)).text(), '{"message": "hello"}');
      assert.equal(traced.length, 1);
      assert.deepEqual(details(quiet[1]), []);
    });
  });

  it('always traces every step of a request answered by handle()', async () => {
    await withRuntime(async (runtime) => {
      const events: RequestEvent[] = [];
      runtime.onRequest((event) => events.push(event), { trace: false });
      const request = { method: 'GET', query: '', headers: {}, body: Buffer.alloc(0), sourceIp: '127.0.0.1' };
      const ok = await runtime.handle({ ...request, path: '/local/static' });
      assert.deepEqual(details(ok.event), everyStep);
      assert.equal(ok.response.body.toString(), '{"message": "hello"}');
      const missing = await runtime.handle({ ...request, path: '/local/nowhere' });
      assert.deepEqual(details(missing.event), unknownRoute);
      assert.deepEqual(events.map(details), [everyStep, unknownRoute]);
    });
  });
});
