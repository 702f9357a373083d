import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  RequestLog,
  requestDescription,
  requestLabel,
  requestWarnings,
} from '../../../../src/extension/mock/requestLog';
import { traceMarkdown } from '../../../../src/extension/mock/traceDocument';
import type { RequestEvent } from '../../../../src/runtime';

const event = (path: string, status = 200, route?: string): RequestEvent => ({
  requestId: `id-${path}`,
  method: 'GET',
  path,
  status,
  latencyMs: 3,
  ...(route !== undefined ? { route } : {}),
  trace: [],
  logs: [],
});

describe('the Mock Requests log', () => {
  it('keeps the newest requests first, up to its capacity, and tells listeners', () => {
    const log = new RequestLog(2);
    let changes = 0;
    log.onChange(() => changes++);
    log.add('Pets', event('/a'));
    log.add('Pets', event('/b'));
    const third = log.add('Pets', event('/c'));
    assert.deepEqual(
      log.list().map((e) => e.event.path),
      ['/c', '/b'],
    );
    assert.equal(third.id, 3);
    assert.equal(log.get(1), undefined);
    assert.equal(log.get(3), third);
    log.clear();
    assert.deepEqual(log.list(), []);
    assert.equal(changes, 4);
  });

  it('labels each request with method, path, status, latency and route', () => {
    const log = new RequestLog();
    const hit = log.add('Pets', event('/local/pets', 200, 'GET /pets'));
    const miss = log.add('Pets', event('/local/nope', 403));
    assert.equal(requestLabel(hit), 'GET /local/pets');
    assert.equal(requestDescription(hit), '200 · 3 ms · GET /pets');
    assert.equal(requestDescription(miss), '403 · 3 ms · no route');
  });

  it("counts the trace's warnings (a response that does not match the definition) in the description", () => {
    const log = new RequestLog();
    const warned = log.add('Pets', {
      ...event('/local/pets', 200, 'GET /pets'),
      trace: [
        { stage: 'route', detail: 'matched GET /pets', ms: 0 },
        {
          stage: 'contract',
          detail: 'The response does not match the definition: /0/id must be string',
          ms: 0,
          warning: true,
        },
        {
          stage: 'contract',
          detail: 'The response does not match the definition: /1/id must be string',
          ms: 0,
          warning: true,
        },
      ],
    });
    assert.equal(requestDescription(warned), '200 · 3 ms · GET /pets · ⚠ 2 warnings');
    assert.deepEqual(requestWarnings(warned), [
      'The response does not match the definition: /0/id must be string',
      'The response does not match the definition: /1/id must be string',
    ]);
  });
});

describe('a request trace document', () => {
  it('lists every stage with its detail, time and data, then the handler output', () => {
    const text = traceMarkdown('Pets', new Date('2024-05-01T10:00:00Z'), {
      ...event('/local/pets', 200, 'GET /pets'),
      trace: [
        { stage: 'route', detail: 'matched GET /pets', ms: 0.25, data: { routeKey: 'GET /pets' } },
        { stage: 'integration', detail: 'Lambda ListPets answered', ms: 12.4, data: '```' },
      ],
      logs: ['listing pets'],
    });
    assert.equal(
      text,
      [
        '# GET /local/pets → 200',
        '',
        '- API: Pets',
        '- Route: GET /pets',
        '- Request id: id-/local/pets',
        '- At: 2024-05-01T10:00:00.000Z',
        '- Latency: 3 ms',
        '',
        '## Stages',
        '',
        '### 1. route (0.25 ms)',
        '',
        'matched GET /pets',
        '',
        '```json\n{\n  "routeKey": "GET /pets"\n}\n```',
        '',
        '### 2. integration (12 ms)',
        '',
        'Lambda ListPets answered',
        '',
        '````json\n"```"\n````',
        '',
        '## Handler output',
        '',
        '```text\nlisting pets\n```',
        '',
      ].join('\n'),
    );
  });

  it('lists the warnings first and marks their steps', () => {
    const text = traceMarkdown('Pets', new Date(0), {
      ...event('/local/pets', 200, 'GET /pets'),
      trace: [
        { stage: 'route', detail: 'matched GET /pets', ms: 0 },
        {
          stage: 'contract',
          detail: 'The response does not match the definition: /price must be number — openapi.yaml:88',
          ms: 0,
          warning: true,
        },
      ],
    });
    assert.match(
      text,
      /\n## Warnings\n\n- ⚠ The response does not match the definition: \/price must be number — openapi\.yaml:88\n\n## Stages\n/,
    );
    assert.match(text, /\n### 2\. contract \(0\.00 ms\) ⚠ warning\n\nThe response does not match/);
  });

  it('says when no stage ran and no route matched', () => {
    const text = traceMarkdown('Pets', new Date(0), event('/x', 500));
    assert.match(text, /- Route: \(none matched\)/);
    assert.match(text, /\(no stage ran\)/);
  });
});
