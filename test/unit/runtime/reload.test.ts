import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { MockRuntime, type ReloadEvent } from '../../../src/runtime';

const definition = (word: string): string => `openapi: 3.0.1
info: {title: Reloading API, version: '1'}
paths:
  /word:
    get:
      x-amazon-apigateway-integration:
        type: mock
        requestTemplates: {application/json: '{"statusCode": 200}'}
        responses:
          default:
            statusCode: '200'
            responseTemplates: {application/json: '{"word": "${word}"}'}
`;

function nextReload(runtime: MockRuntime): Promise<ReloadEvent> {
  return new Promise((resolve) => {
    const subscription = runtime.onReload((event) => {
      subscription.dispose();
      resolve(event);
    });
  });
}

describe('MockRuntime reload', () => {
  it('follows edits to the definition and keeps the last good API when an edit breaks it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apigw-reload-'));
    const file = path.join(dir, 'openapi.yaml');
    fs.writeFileSync(file, definition('first'));
    const runtime = new MockRuntime({ file });
    try {
      const base = await runtime.start(0, '127.0.0.1');
      assert.deepEqual(await (await fetch(`${base}/word`)).json(), { word: 'first' });

      let reloaded = nextReload(runtime);
      fs.writeFileSync(file, definition('second'));
      let event = await reloaded;
      while (event.ok && ((await (await fetch(`${base}/word`)).json()) as { word: string }).word !== 'second')
        event = await nextReload(runtime);
      assert.equal(event.ok, true);

      reloaded = nextReload(runtime);
      fs.writeFileSync(file, 'openapi: [unclosed\n');
      event = await reloaded;
      while (event.ok) event = await nextReload(runtime);
      assert.match(event.message, /openapi\.yaml.*\(still serving the last good version\)$/);
      assert.deepEqual(await (await fetch(`${base}/word`)).json(), { word: 'second' });
    } finally {
      await runtime.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reload(text) serves unsaved editor text without touching the file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apigw-reload-'));
    const file = path.join(dir, 'openapi.yaml');
    fs.writeFileSync(file, definition('saved'));
    const runtime = new MockRuntime({ file, watch: false });
    try {
      const base = await runtime.start(0, '127.0.0.1');
      const event = await runtime.reload(definition('unsaved'));
      assert.deepEqual(event, { ok: true, api: 'Reloading API', warnings: [] });
      assert.deepEqual(await (await fetch(`${base}/word`)).json(), { word: 'unsaved' });
    } finally {
      await runtime.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
