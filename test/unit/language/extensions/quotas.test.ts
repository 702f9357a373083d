import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { validateDocument } from '../../../../src/language/validation';
import { definitionSizeRule, quotaRule, sizeAfterEdit } from '../../../../src/language/rules/extensions/quotaRule';
import { parseSource } from '../../../../src/model';
import { reparseValueEdit } from '../../../../src/model/parse/incremental';
import { nodeFileSystem } from '../../../../src/shared/nodeFileSystem';
import { nullLogger } from '../../../../src/shared/logger';

// Quota cases are generated here: a fixture file with 301 routes or a 300 KB template would be mostly noise.

async function check(text: string): Promise<Array<{ code: string; severity: string; message: string }>> {
  const report = await validateDocument(
    { fs: nodeFileSystem, logger: nullLogger, rules: [quotaRule, definitionSizeRule] },
    { file: '/virtual/api.json', text },
    {},
  );
  return report.diagnostics.map(({ code, severity, message }) => ({ code, severity, message }));
}

function definition(options: {
  openapi?: string;
  paths: Record<string, unknown>;
  extra?: Record<string, unknown>;
}): string {
  return JSON.stringify({
    openapi: options.openapi ?? '3.0.1',
    info: { title: 'Quota', version: '1' },
    ...options.extra,
    paths: options.paths,
  });
}

const route = (integration: Record<string, unknown>) => ({
  get: { responses: { default: { description: 'ok' } }, 'x-amazon-apigateway-integration': integration },
});
const httpRoute = route({
  type: 'http_proxy',
  httpMethod: 'GET',
  uri: 'https://example.com',
  payloadFormatVersion: '1.0',
});
const httpApi = { 'x-amazon-apigateway-cors': { allowOrigins: ['*'] } };

describe('quotaRule', () => {
  it('warns when an HTTP API has more routes than the default quota of 300, and not at 300', async () => {
    const paths = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`/r${i}`, httpRoute]));
    assert.deepEqual(await check(definition({ paths: paths(300), extra: httpApi })), []);
    assert.deepEqual(await check(definition({ paths: paths(301), extra: httpApi })), [
      {
        code: 'apigw.quota.routes',
        severity: 'warning',
        message:
          'This HTTP API has 301 routes; the default quota is 300 per API. Request a quota increase or split the API.',
      },
    ]);
  });

  it('counts the parent paths of a REST API as resources', async () => {
    const mock = route({ type: 'mock', requestTemplates: { 'application/json': '{"statusCode": 200}' } });
    const paths = Object.fromEntries(Array.from({ length: 151 }, (_, i) => [`/a${i}/b`, mock]));
    assert.deepEqual(
      (await check(definition({ paths }))).map((d) => d.message),
      [
        'This REST API has 302 resources (paths and their parent paths); the default quota is 300 per API. Request a quota increase or split the API.',
      ],
    );
  });

  it('rejects a mapping template over 300 KB', async () => {
    const big = route({ type: 'mock', requestTemplates: { 'application/json': 'x'.repeat(300 * 1024 + 1) } });
    const small = route({ type: 'mock', requestTemplates: { 'application/json': 'x'.repeat(300 * 1024) } });
    assert.deepEqual(await check(definition({ paths: { '/small': small } })), []);
    assert.deepEqual(await check(definition({ paths: { '/big': big } })), [
      {
        code: 'apigw.quota.templateSize',
        severity: 'error',
        message:
          "The mapping template for 'application/json' is 301 KB; API Gateway accepts templates of at most 300 KB. Move logic into the backend or shorten the template.",
      },
    ]);
  });

  it('does not take a schema or an example that holds a requestTemplates key for a mapping template', async () => {
    const text = 'x'.repeat(300 * 1024 + 1);
    const data = { requestTemplates: { 'application/json': text } };
    const extra = { components: { schemas: { Big: { example: data, properties: { requestTemplates: data } } } } };
    assert.deepEqual(await check(definition({ paths: {}, extra })), []);
  });

  it('rejects a definition over 6 MB', async () => {
    const mock = route({ type: 'mock', requestTemplates: { 'application/json': 'y'.repeat(250 * 1024) } });
    const paths = Object.fromEntries(Array.from({ length: 26 }, (_, i) => [`/p${i}`, mock]));
    const diagnostics = await check(definition({ paths }));
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['apigw.quota.definitionSize'],
    );
    assert.match(
      diagnostics[0]?.message ?? '',
      /^This definition is 6\.\d MB; API Gateway imports definitions of at most 6 MB\./,
    );
  });

  it('warns about more than 10 authorizers', async () => {
    const authorizer = {
      type: 'apiKey',
      name: 'Authorization',
      in: 'header',
      'x-amazon-apigateway-authorizer': { type: 'token', authorizerUri: 'arn:x' },
    };
    const schemes = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`auth${i}`, authorizer]));
    const text = definition({ paths: {}, extra: { components: { securitySchemes: schemes } } });
    assert.deepEqual(
      (await check(text)).map((d) => d.message),
      [
        'This API defines 11 authorizers; the default quota is 10 per API. Share authorizers between routes or request an increase.',
      ],
    );
  });
});

describe('definition size after a one-value edit', () => {
  const cases: Array<[string, string, string]> = [
    ['/virtual/a.json', '{"a": "héllo", "b": "x"}', '{"a": "hé€llo", "b": "x"}'],
    ['/virtual/a.json', '{"a": "h€llo", "b": "x"}', '{"a": "hllo", "b": "x"}'],
    ['/virtual/a.yaml', 'a: hello\nb: 😀x\n', 'a: €hello\nb: 😀x\n'],
    ['/virtual/a.yaml', 'a: hello\nb: 😀x\n', 'a: hello\nb: 😀xé\n'],
  ];
  for (const [file, before, after] of cases) {
    it(`${JSON.stringify(before)} → ${JSON.stringify(after)}`, () => {
      const reparsed = reparseValueEdit(parseSource(file, before), after);
      assert.ok(reparsed, 'the edit is a one-value edit');
      const previous = { text: before, bytes: Buffer.byteLength(before, 'utf8') };
      assert.equal(sizeAfterEdit({ text: after }, previous, reparsed.edit), Buffer.byteLength(after, 'utf8'));
    });
  }
  it('counts the whole text without a previous version', () => {
    assert.equal(sizeAfterEdit({ text: 'é' }, undefined, undefined), 2);
    // The strict JSON parser's count, for a document it read.
    const json = '{"é": "✓"}';
    assert.equal(sizeAfterEdit(parseSource('/virtual/a.json', json), undefined, undefined), Buffer.byteLength(json));
  });
});
