import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LanguageService, TextDocument } from '../../../../src/language';
import { load, service } from './helpers';

async function fixes(ls: LanguageService, document: TextDocument, code: string): Promise<Array<[string, string]>> {
  const diagnostics = (await ls.validate(document)).filter((d) => d.code === code);
  assert.equal(diagnostics.length, 1, `one ${code} expected`);
  const range = diagnostics[0]!.range;
  const actions = await ls.codeActions(document, range, diagnostics);
  return actions.map((a) => {
    const edits = Object.values(a.edit?.changes ?? {})[0] ?? [];
    let text = document.text;
    const lines = text.split('\n');
    const edit = edits[0]!;
    const offset = (p: { line: number; character: number }): number =>
      lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
    text = text.slice(0, offset(edit.range.start)) + edit.newText + text.slice(offset(edit.range.end));
    return [a.title, text];
  });
}

describe('code actions', () => {
  it('declares a missing path parameter in YAML', async () => {
    const { document } = load('code-actions-path-parameter.yaml');
    const [[title, text]] = (await fixes(service(), document, 'apigw.path.undeclaredParameter')) as [[string, string]];
    assert.equal(title, "Declare the path parameter 'id'");
    assert.equal(
      text,
      document.text.replace(
        'description: ok\n',
        'description: ok\n    parameters:\n      - name: id\n        in: path\n        required: true\n        schema:\n          type: string\n',
      ),
    );
    assert.deepEqual(await service().validate({ ...document, text, version: 2 }), []);
  });

  it('declares a missing path parameter in Swagger JSON', async () => {
    const { document } = load('code-actions-path-parameter.json');
    const [[, text]] = (await fixes(service(), document, 'apigw.path.undeclaredParameter')) as [[string, string]];
    assert.ok(JSON.parse(text));
    assert.match(
      text,
      /"parameters": \[\n {8}\{\n {10}"name": "id",\n {10}"in": "path",\n {10}"required": true,\n {10}"type": "string"\n {8}\}\n {6}\]/,
    );
  });

  it('offers one replacement per allowed value of an invalid enum', async () => {
    const { document } = load('code-actions-enum.yaml');
    const found = await fixes(service(), document, 'apigw.extension.invalidValue');
    assert.deepEqual(
      found.map(([title]) => title),
      ["Change to 'when_no_match'", "Change to 'when_no_templates'", "Change to 'never'"],
    );
    assert.equal(found[0]![1], document.text.replace('sometimes', 'when_no_match'));
  });
});
