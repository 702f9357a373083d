import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadServedApi } from '../../../src/runtime/loadApi';
import type { LambdaInvoker } from '../../../src/runtime/lambda/invoker';
import { Pipeline } from '../../../src/runtime/pipeline';
import type { Stage } from '../../../src/runtime/stages/stage';
import { newRequestId } from '../../../src/runtime/requestId';
import { nodeFileSystem } from '../../../src/shared/nodeFileSystem';

const definition = `openapi: 3.0.1
info: {title: Stages, version: '1'}
paths:
  /ping:
    get:
      x-amazon-apigateway-integration:
        type: mock
        requestTemplates: {application/json: '{"statusCode": 200}'}
        responses: {default: {statusCode: '200'}}
`;

const noLambda = {} as LambdaInvoker;

describe('request ids', () => {
  it('are version-4 UUIDs, unique across more than one batch of 65,536', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 70_000; i++) {
      const id = newRequestId();
      assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      seen.add(id);
    }
    assert.equal(seen.size, 70_000);
  });
});

describe('pipeline stages', () => {
  it('leaves out, once per served API, the stages whose appliesTo says they cannot act', async () => {
    const loaded = await loadServedApi({ file: '/virtual/stages.yaml', fs: nodeFileSystem, text: definition });
    assert.ok(loaded.ok, loaded.ok ? '' : loaded.message);
    const ran: string[] = [];
    let asked = 0;
    const stage = (name: string, applies?: boolean): Stage => ({
      name,
      run: (ex) => {
        ran.push(name);
        if (name === 'answer') ex.response = { status: 204, headers: {}, body: Buffer.alloc(0) };
        return undefined;
      },
      ...(applies === undefined
        ? {}
        : {
            appliesTo: () => {
              asked++;
              return applies;
            },
          }),
    });
    const pipeline = new Pipeline(noLambda, {
      stages: [stage('always'), stage('never', false), stage('yes', true), stage('answer')],
      finally: [stage('finally-never', false), stage('finally')],
    });
    const request = {
      method: 'GET',
      path: '/local/ping',
      query: '',
      headers: {},
      body: Buffer.alloc(0),
      sourceIp: '127.0.0.1',
    };
    const first = await pipeline.handle(loaded.served, request);
    await pipeline.handle(loaded.served, request);
    assert.equal(first.response.status, 204);
    assert.deepEqual(ran, ['always', 'yes', 'answer', 'finally', 'always', 'yes', 'answer', 'finally']);
    assert.equal(asked, 3, 'appliesTo is asked once per stage and served API, not per request');
  });
});
