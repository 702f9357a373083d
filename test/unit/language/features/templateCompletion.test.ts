import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CompletionItem } from 'vscode-languageserver-types';
import { load, service } from './helpers';

const at = (line: number, from: number, to = from) => ({
  start: { line, character: from },
  end: { line, character: to },
});
const edit = (item: CompletionItem | undefined) => item?.textEdit;

describe('completion inside mapping templates', () => {
  it('offers the $util functions with documentation in a YAML block template', async () => {
    const { document, position } = load('template-completion-util.yaml');
    const list = await service().complete(document, position);
    assert.deepEqual(position, { line: 14, character: 29 });
    assert.deepEqual(
      list.items.map((i) => i.label),
      ['escapeJavaScript', 'parseJson', 'urlEncode', 'urlDecode', 'base64Encode', 'base64Decode'],
    );
    const parse = list.items.find((i) => i.label === 'parseJson');
    assert.equal(parse?.detail, '$util.parseJson(jsonText)');
    assert.deepEqual(edit(parse), { range: at(14, 29), newText: 'parseJson($1)' });
    assert.deepEqual(parse?.documentation, {
      kind: 'markdown',
      value:
        'Parses JSON text into a value (map, list, string, number...) you can read properties of. Invalid JSON is a template error.',
    });
  });

  it("offers the request model's properties inside $input.path('$.owner.", async () => {
    const { document, position } = load('template-completion-jsonpath.yaml');
    const list = await service().complete(document, position);
    assert.deepEqual(
      list.items.map((i) => [i.label, i.detail, edit(i)]),
      [
        ['name', '$.owner.name: string', { range: at(18, 44, 45), newText: 'name' }],
        ['phone', '$.owner.phone: string', { range: at(18, 44, 45), newText: 'phone' }],
      ],
    );
  });

  it('offers $context.identity members in a JSON string, with ranges over the escaped text', async () => {
    const { document, position } = load('template-completion-context.json');
    const list = await service().complete(document, position);
    const labels = list.items.map((i) => i.label);
    assert.equal(labels.length, 16);
    assert.ok(labels.includes('clientCert') && labels.includes('userAgent'));
    const sourceIp = list.items.find((i) => i.label === 'sourceIp');
    assert.equal(sourceIp?.detail, '$context.identity.sourceIp');
    assert.deepEqual(edit(sourceIp), { range: at(8, 82, 84), newText: 'sourceIp' });
    assert.deepEqual(sourceIp?.documentation, {
      kind: 'markdown',
      value: 'The IP address of the client that made the request.',
    });
  });

  it('offers REST and WebSocket $context variables in a standalone .vtl file', async () => {
    const { document, position } = load('template-file.vtl');
    const list = await service().complete(document, position);
    const stage = list.items.find((i) => i.label === 'stage');
    assert.deepEqual(edit(stage), { range: at(2, 21, 23), newText: 'stage' });
    for (const name of ['resourcePath', 'connectionId', 'identity', 'requestOverride']) {
      assert.ok(
        list.items.some((i) => i.label === name),
        name,
      );
    }
  });

  it('offers the variables after a bare $ and nothing after an unknown variable', async () => {
    const { document } = load('template-file.vtl');
    const bare = { ...document, text: 'x $' };
    const list = await service().complete(bare, { line: 0, character: 3 });
    assert.deepEqual(
      list.items.map((i) => i.label),
      ['input', 'util', 'context', 'stageVariables'],
    );
    const unknown = { ...document, text: '$body.' };
    assert.deepEqual((await service().complete(unknown, { line: 0, character: 6 })).items, []);
  });
});
