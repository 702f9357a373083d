import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { load, service } from './helpers';

const at = (line: number, from: number, to: number) => ({
  start: { line, character: from },
  end: { line, character: to },
});

describe('hover inside mapping templates', () => {
  it('documents $input.path on the member name in a single-quoted YAML template', async () => {
    const { document, position } = load('template-hover.yaml');
    assert.deepEqual(await service().hover(document, position), {
      contents: {
        kind: 'markdown',
        value:
          '**$input.path(jsonPath)**\n\nThe part of the payload the JSONPath selects, as a value: a map or list you can loop over, a string, a number; null (printing nothing, `== ""` too) when nothing is selected. A map prints like `{a=b}`, a list as JSON (`[{"a":"b"}]`); use `$input.json` for JSON text.',
      },
      range: at(12, 46, 50),
    });
  });

  it('documents $context itself and $context.identity.sourceIp', async () => {
    const { document } = load('template-hover.yaml');
    const root = await service().hover(document, { line: 12, character: 77 });
    assert.deepEqual(root?.range, at(12, 72, 80));
    const ip = await service().hover(document, { line: 12, character: 92 });
    assert.deepEqual(ip, {
      contents: {
        kind: 'markdown',
        value: '**$context.identity.sourceIp**\n\nThe IP address of the client that made the request.',
      },
      range: at(12, 90, 98),
    });
  });

  it('documents $util members in a standalone .vtl file, and nothing off a reference', async () => {
    const { document } = load('template-file.vtl');
    const hover = await service().hover(document, { line: 3, character: 18 });
    assert.deepEqual(hover?.range, at(3, 17, 33));
    assert.match(String((hover?.contents as { value: string }).value), /^\*\*\$util\.escapeJavaScript\(text\)\*\*/);
    assert.equal(await service().hover(document, { line: 1, character: 0 }), null);
  });

  it('shows the value of a stage variable', async () => {
    const text = '$stageVariables.table';
    const hover = await service().hover({ file: '/t.vtl', text }, { line: 0, character: 18 });
    assert.deepEqual(hover, {
      contents: {
        kind: 'markdown',
        value: '**$stageVariables.table**\n\nA stage variable; no value for it is known here.',
      },
      range: at(0, 16, 21),
    });
  });
});

describe('standalone .vtl files', () => {
  it('are validated as templates, with the checker diagnostics at their places', async () => {
    const text = "#set($x = $util.nope('a'))\n$input.path('$..[')";
    const found = await service().validate({ file: '/work/t.vm', text });
    assert.deepEqual(
      found.map((d) => [d.code, d.severity, `${d.range.start.line}:${d.range.start.character}`]),
      [
        ['apigw.vtl.unknownUtilMember', 'warning', '0:16'],
        ['apigw.vtl.invalidJsonPath', 'error', '1:13'],
      ],
    );
  });

  it('are recognized by their language even without the extension', async () => {
    const found = await service().validate({ file: 'untitled:Untitled-1', text: '#if(', languageId: 'vtl' });
    assert.deepEqual(
      found.map((d) => d.code),
      ['apigw.vtl.syntax'],
    );
  });
});
