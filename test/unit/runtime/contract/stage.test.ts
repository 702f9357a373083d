// The mock's contract stage: every response an integration produced is checked; a mismatch is a warning step in
// the request's trace (traced or not), `strict` answers 502 instead, `off` checks nothing.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MockRuntime, type MockRequest, type RequestEvent } from '../../../../src/runtime';
import { parseConfig } from '../../../../src/runtime/config';
import type { CheckResponsesMode } from '../../../../src/runtime/contract/mode';
import { memoryFs } from './helpers';

const file = '/virtual/contract/api.yaml';
const definition = `openapi: 3.0.1
info: {title: Contract, version: '1'}
paths:
  /price:
    get:
      responses:
        '200':
          description: a price
          content:
            application/json:
              schema:
                type: object
                properties:
                  price: {type: number}
      x-amazon-apigateway-integration:
        type: mock
        requestTemplates: {application/json: '{"statusCode": 200}'}
        responses:
          default:
            statusCode: '200'
            responseTemplates: {application/json: '{"price": $input.params(''p'')}'}
`;

const request = (query: string): MockRequest => ({
  method: 'GET',
  path: '/local/price',
  query,
  headers: {},
  body: Buffer.alloc(0),
  sourceIp: '127.0.0.1',
});

async function withRuntime(
  options: { config?: string; checkResponses?: CheckResponsesMode },
  test: (runtime: MockRuntime) => Promise<void>,
): Promise<void> {
  const files: Record<string, string> = { [file]: definition };
  if (options.config !== undefined) files['/virtual/contract/apigw.config.json'] = options.config;
  const runtime = new MockRuntime({
    file,
    fs: memoryFs(files),
    watch: false,
    ...(options.checkResponses !== undefined ? { checkResponses: options.checkResponses } : {}),
  });
  const loaded = await runtime.reload();
  assert.ok(loaded.ok, loaded.ok ? '' : loaded.message);
  try {
    await test(runtime);
  } finally {
    await runtime.stop();
  }
}

const warnings = (event: RequestEvent): string[] => event.trace.filter((s) => s.warning === true).map((s) => s.detail);

describe('the contract stage', () => {
  it('warns by default: the answer is sent as it is, each mismatch a warning step with its place as data', async () => {
    await withRuntime({}, async (runtime) => {
      const { response, event } = await runtime.handle(request('p=%22cheap%22'));
      assert.equal(response.status, 200);
      assert.equal(response.body.toString(), '{"price": "cheap"}');
      assert.deepEqual(warnings(event), [
        'The response does not match the definition: /price must be number — api.yaml:14',
      ]);
      const step = event.trace.find((s) => s.warning === true)!;
      assert.equal(step.stage, 'contract');
      assert.deepEqual(step.data, {
        kind: 'body',
        pointer: '/price',
        message: 'must be number',
        file,
        line: 14,
      });
      const good = await runtime.handle(request('p=1'));
      assert.deepEqual(warnings(good.event), []);
      assert.ok(
        good.event.trace.some(
          (s) => s.detail === "the response matches the definition's 200 application/json response (api.yaml:7)",
        ),
      );
    });
  });

  it('warns also when nobody asked for the whole trace (the request log of apigw mock)', async () => {
    await withRuntime({}, async (runtime) => {
      const events: RequestEvent[] = [];
      runtime.onRequest((event) => events.push(event), { trace: false });
      const base = await runtime.start(0, '127.0.0.1');
      assert.equal(await (await fetch(`${base}/price?p=%22high%22`)).text(), '{"price": "high"}');
      assert.equal(await (await fetch(`${base}/price?p=2.5`)).text(), '{"price": 2.5}');
      assert.deepEqual(
        events.map((e) => e.trace.map((s) => s.detail)),
        [['The response does not match the definition: /price must be number — api.yaml:14'], []],
      );
    });
  });

  it('strict (the config, or the option over it) answers 502 with the mismatches; off checks nothing', async () => {
    await withRuntime({ config: '{"checkResponses": "strict"}' }, async (runtime) => {
      const { response, event } = await runtime.handle(request('p=%22cheap%22'));
      assert.equal(response.status, 502);
      assert.deepEqual(JSON.parse(response.body.toString()), {
        message: 'The response does not match the API definition',
        status: 200,
        mismatches: ['/price must be number — api.yaml:14'],
      });
      assert.equal(event.status, 502);
    });
    await withRuntime({ config: '{"checkResponses": "off"}', checkResponses: 'strict' }, async (runtime) => {
      assert.equal((await runtime.handle(request('p=%22cheap%22'))).response.status, 502);
    });
    await withRuntime({ config: '{"checkResponses": "strict"}', checkResponses: 'off' }, async (runtime) => {
      const { response, event } = await runtime.handle(request('p=%22cheap%22'));
      assert.equal(response.status, 200);
      assert.deepEqual(
        event.trace.filter((s) => s.stage === 'contract'),
        [],
      );
    });
  });

  it('the config names the field and the values it takes', () => {
    const result = parseConfig({ checkResponses: 'loud' }, '/w/apigw.config.json', '/w');
    assert.deepEqual(result, {
      ok: false,
      message:
        '/w/apigw.config.json: "checkResponses" must be "warn" (the default), "strict" (a response that does not match the definition answers 502) or "off", not "loud".',
    });
    const ok = parseConfig({ checkResponses: 'strict' }, '/w/apigw.config.json', '/w');
    assert.ok(ok.ok && ok.config.checkResponses === 'strict');
  });
});
