import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { load, service } from './helpers';

describe('completion', () => {
  it('offers the extensions of an operation and a whole integration snippet per REST type', async () => {
    const { document, position } = load('completion-extension-key.yaml');
    const list = await service().complete(document, position);
    const labels = list.items.map((i) => i.label);
    assert.ok(labels.includes('x-amazon-apigateway-integration'));
    assert.ok(labels.includes('x-amazon-apigateway-auth'));
    assert.ok(!labels.includes('x-amazon-apigateway-cors'), 'cors is a root extension');
    const snippets = labels.filter((l) => l.startsWith('x-amazon-apigateway-integration ('));
    assert.deepEqual(snippets, [
      'x-amazon-apigateway-integration (aws_proxy)',
      'x-amazon-apigateway-integration (aws)',
      'x-amazon-apigateway-integration (http)',
      'x-amazon-apigateway-integration (http_proxy)',
      'x-amazon-apigateway-integration (mock)',
    ]);
    const mock = list.items.find((i) => i.label === 'x-amazon-apigateway-integration (mock)');
    assert.deepEqual(mock?.textEdit, {
      range: { start: { line: 10, character: 6 }, end: { line: 10, character: 26 } },
      newText: [
        'x-amazon-apigateway-integration:',
        '        type: mock',
        '        requestTemplates:',
        '          application/json: \'{"statusCode": 200\\}\'',
        '        passthroughBehavior: when_no_match',
        '        responses:',
        '          default:',
        "            statusCode: '200'",
      ].join('\n'),
    });
  });

  it('offers only the proxy snippets, with payloadFormatVersion, for an HTTP API', async () => {
    const { document, position } = load('completion-extension-key.yaml');
    const list = await service().complete(document, position, { target: 'HTTP' });
    const proxy = list.items.find((i) => i.label === 'x-amazon-apigateway-integration (http_proxy)');
    assert.ok(proxy?.textEdit && 'range' in proxy.textEdit);
    assert.match(proxy.textEdit.newText, /payloadFormatVersion: '1\.0'/);
    assert.doesNotMatch(proxy.textEdit.newText, /passthroughBehavior/);
    assert.equal(list.items.filter((i) => i.label.startsWith('x-amazon-apigateway-integration (')).length, 2);
  });

  it('offers the integration types after `type: ` with nothing typed', async () => {
    const { document, position } = load('completion-type-value.yaml');
    const list = await service().complete(document, position);
    assert.deepEqual(
      list.items.map((i) => i.textEdit),
      ['aws', 'aws_proxy', 'http', 'http_proxy', 'mock'].map((newText) => ({
        range: { start: { line: 8, character: 14 }, end: { line: 8, character: 14 } },
        newText,
      })),
    );
  });

  it('offers $ref targets, the fitting section first, quoted for YAML', async () => {
    const { document, position } = load('completion-ref.yaml');
    const list = await service().complete(document, position);
    const texts = list.items.map((i) => (i.textEdit && 'range' in i.textEdit ? i.textEdit.newText : ''));
    assert.deepEqual(texts, [
      "'#/components/parameters/Limit'",
      "'#/components/schemas/Pet'",
      "'#/components/schemas/'",
      "'#/components/parameters/'",
    ]);
  });

  it('offers security scheme names in a security requirement', async () => {
    const { document, position } = load('completion-security.yaml');
    const list = await service().complete(document, position);
    assert.deepEqual(
      list.items.map((i) => [i.label, i.textEdit && 'range' in i.textEdit ? i.textEdit.newText : '']),
      [['api_key', 'api_key: [$0]']],
    );
  });

  it('completes a quoted JSON key inside an integration, leaving out fields already there', async () => {
    const { document, position } = load('completion-json-key.json');
    const list = await service().complete(document, position);
    const labels = list.items.map((i) => i.label);
    assert.ok(!labels.includes('type'));
    assert.ok(!labels.includes('payloadFormatVersion'), 'payloadFormatVersion is for HTTP APIs only');
    const uri = list.items.find((i) => i.label === 'uri');
    assert.deepEqual(uri?.textEdit, {
      range: { start: { line: 8, character: 10 }, end: { line: 8, character: 12 } },
      newText: '"uri": "$1"',
    });
  });

  it('never throws on text that is not an API, nor past the end', async () => {
    const ls = service();
    for (const text of ['', ':', '{', '- a\n- b', '"x', 'openapi: 3.0.1\n  bad: [', '{"openapi": ']) {
      const document = { file: '/tmp/x.yaml', text };
      await ls.complete(document, { line: 0, character: 0 });
      await ls.complete(document, { line: 5, character: 99 });
    }
  });
});
