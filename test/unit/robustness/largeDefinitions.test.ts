// Robustness findings F12 and F13 (../shared/robustness-findings): validation did work per template, per list
// item or per schema error in proportion to the whole document (line starts of the document per template, ajv's
// pairwise `uniqueItems` over parameters, a scan of the parent map per error). The speed is measured by
// `npm run bench` (bench/scaling.mjs: 2n against n); these tests hold what the linear paths must still find.
import assert from 'node:assert/strict';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { createLanguageService } from '../../../src/language';
import type { Diagnostic } from '../../../src/shared/diagnostic';
import { nodeFileSystem } from '../../../src/shared/nodeFileSystem';

const service = createLanguageService({ fs: nodeFileSystem });
const validate = (text: string, name = 'api.json'): Promise<Diagnostic[]> =>
  service.validate({ file: path.join(os.tmpdir(), name), text });

describe('large definitions validate in linear time and still find everything', () => {
  it('F12: every one of 1,000 templates is checked and its problem placed on its own line', async () => {
    const n = 1000;
    const paths: Record<string, unknown> = {};
    for (let i = 0; i < n; i++) {
      paths[`/r${i}`] = {
        post: {
          responses: { 200: { description: 'ok' } },
          'x-amazon-apigateway-integration': {
            type: 'mock',
            requestTemplates: { 'application/json': `{"statusCode": 200, "id": "$util.nope${i}()"}` },
            responses: { default: { statusCode: '200' } },
          },
        },
      };
    }
    const text = JSON.stringify({ openapi: '3.0.1', info: { title: 't', version: '1' }, paths }, null, 2);
    const lines = text.split('\n');
    const found = (await validate(text)).filter((d) => d.code === 'apigw.vtl.unknownUtilMember');
    assert.equal(found.length, n);
    for (const d of found) {
      const line = lines[d.range.start.line] ?? '';
      const name = line.slice(d.range.start.character, d.range.end.character);
      assert.match(name, /^nope\d+$/);
    }
    // Two documents in turn: the line starts kept for one are never used for the other.
    const other = `\n\n\n${text}`;
    const again = (await validate(other, 'other.json')).filter((d) => d.code === 'apigw.vtl.unknownUtilMember');
    assert.deepEqual(
      again.map((d) => d.range.start.line),
      found.map((d) => d.range.start.line + 3),
    );
  });

  it('F12: a block-scalar template ends where its block ends, however long the rest of the file', async () => {
    const filler = Array.from({ length: 20000 }, (_, i) => `  x-filler-${i}: ${i}`).join('\n');
    const text = [
      'openapi: 3.0.1',
      'info: {title: t, version: "1"}',
      'paths:',
      '  /x:',
      '    post:',
      '      responses: {"200": {description: ok}}',
      '      x-amazon-apigateway-integration:',
      '        type: mock',
      '        requestTemplates:',
      '          application/json: |',
      '            {"statusCode": 200,',
      '             "a": "$util.nope()"}',
      'x-tail:',
      filler,
    ].join('\n');
    const found = (await validate(text, 'block.yaml')).filter((d) => d.code === 'apigw.vtl.unknownUtilMember');
    assert.deepEqual(
      found.map((d) => [d.range.start.line, d.range.start.character]),
      [[11, 25]],
    );
  });

  it('F13: identical parameters are still reported, once, naming both', async () => {
    const parameters = Array.from({ length: 5000 }, (_, i) => ({
      name: `p${i}`,
      in: 'query',
      schema: { type: 'string' },
    }));
    parameters.push({ in: 'query', schema: { type: 'string' }, name: 'p17' });
    const text = JSON.stringify({
      openapi: '3.0.1',
      info: { title: 't', version: '1' },
      paths: { '/p': { get: { parameters, responses: { 200: { description: 'ok' } } } } },
    });
    const found = (await validate(text)).filter((d) => /the same item twice/.test(d.message));
    assert.equal(found.length, 1, JSON.stringify(found));
    assert.match(found[0]!.message, /items 18 and 5001 are equal/);
    const distinct = JSON.stringify({
      openapi: '3.0.1',
      info: { title: 't', version: '1' },
      paths: { '/p': { get: { parameters: parameters.slice(0, -1), responses: { 200: { description: 'ok' } } } } },
    });
    assert.deepEqual(
      (await validate(distinct)).filter((d) => /the same item twice/.test(d.message)),
      [],
    );
  });

  it('F13: each of 5,000 invalid entries of one map is reported at its own key', async () => {
    const n = 5000;
    const text = JSON.stringify(
      {
        openapi: '3.0.1',
        info: { title: 't', version: '1' },
        paths: {
          '/p': {
            get: {
              responses: { 200: { description: 'ok' } },
              'x-amazon-apigateway-integration': {
                type: 'mock',
                responses: Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, { statusCode: { i } }])),
              },
            },
          },
        },
      },
      null,
      1,
    );
    const lines = text.split('\n');
    const found = (await validate(text)).filter((d) => d.code === 'apigw.extension.invalidValue');
    assert.equal(found.length, n);
    const keys = new Set(found.map((d) => /"(k\d+)"/.exec(lines[d.range.start.line - 1] ?? '')?.[1]));
    assert.equal(keys.size, n);
    assert.ok(!keys.has(undefined));
  });
});
