import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fixture } from '../helpers/paths';
import { documentDiagnosticsRequest } from '../../../src/server/protocol';
import { type Harness, startHarness, where } from './lspHarness';

const read = (name: string): string => fs.readFileSync(fixture('server', name), 'utf8');
const undeclared = 'apigw.path.undeclaredParameter';

describe('the language server', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.dispose());

  it('publishes the diagnostics of an opened API definition, with codes, ranges and its source', async () => {
    const uri = await h.open(fixture('server', 'undeclaredPathParameter.yaml'), read('undeclaredPathParameter.yaml'));
    const found = await h.diagnostics(uri);
    assert.deepEqual(
      found?.map((d) => [d.code, where(d), d.severity, d.source]),
      [[undeclared, '5:8-5:15', 2, 'API Gateway']],
    );
    assert.match(
      JSON.stringify(found?.[0]?.message),
      /The path parameter 'toyId' of '\/toys\/\{toyId\}' is not declared/,
    );
    await h.close(uri);
  });

  it('publishes an empty list for a YAML file that is not an API definition', async () => {
    const uri = await h.open(fixture('server', 'notAnApi.yaml'), read('notAnApi.yaml'));
    assert.deepEqual(await h.diagnostics(uri), []);
    await h.close(uri);
  });

  it('checks the new text after an incremental edit, and clears the diagnostics on close', async () => {
    const file = fixture('server', 'undeclaredPathParameter.yaml');
    const text = read('undeclaredPathParameter.yaml');
    const uri = await h.open(file, text);
    assert.equal((await h.diagnostics(uri))?.length, 1);
    await h.client.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [
        // Rename the path's {toyId} to a literal segment: no parameter left to declare.
        { range: { start: { line: 5, character: 8 }, end: { line: 5, character: 15 } }, text: 'all' },
      ],
    });
    assert.deepEqual(await h.diagnostics(uri), []);
    await h.change(uri, 3, text);
    assert.deepEqual((await h.diagnostics(uri))?.map(where), ['5:8-5:15']);
    await h.close(uri);
    assert.deepEqual(await h.diagnostics(uri), []);
  });

  it('checks a document again when a file it $refs is edited in another editor', async () => {
    const main = await h.open(fixture('server', 'refersToShared.yaml'), read('refersToShared.yaml'));
    assert.deepEqual(await h.diagnostics(main), []);
    const shared = await h.open(fixture('server', 'sharedParameters.yaml'), read('sharedParameters.yaml'));
    // The shared parameter is renamed (unsaved): the path's {toyId} is no longer declared.
    await h.change(shared, 2, read('sharedParameters.yaml').replace('name: toyId', 'name: petId'));
    assert.deepEqual(
      (await h.diagnostics(main))?.map((d) => d.code),
      ['apigw.path.undeclaredParameter', 'apigw.path.unknownParameter'],
    );
    // And back.
    await h.change(shared, 3, read('sharedParameters.yaml'));
    assert.deepEqual(await h.diagnostics(main), []);
    await h.close(shared);
    await h.close(main);
  });

  it('publishes what the newest version says when edits come faster than checks', async () => {
    const text = read('undeclaredPathParameter.yaml');
    const uri = await h.open(path.join(path.dirname(fixture('server', 'x')), 'fast.yaml'), text);
    // Odd versions have the undeclared {toyId}, even ones do not; the last one (6) is fine.
    for (let version = 2; version <= 6; version++) {
      await h.change(uri, version, version % 2 === 0 ? text.replace('{toyId}', 'all') : text);
    }
    assert.deepEqual(await h.diagnostics(uri), []);
    await h.close(uri);
  });

  it('follows apigw.validation.enable and apigw.validation.target from workspace/configuration', async () => {
    const uri = await h.open(fixture('server', 'restOnlyExtension.yaml'), read('restOnlyExtension.yaml'));
    const codes = async (): Promise<string[] | undefined> => (await h.diagnostics(uri))?.map((d) => String(d.code));
    assert.deepEqual(await codes(), []); // decided: a REST API, which may have request validators
    const configure = async (value: unknown): Promise<void> => {
      h.settings['apigw.validation'] = value;
      await h.client.sendNotification('workspace/didChangeConfiguration', { settings: null });
    };
    await configure({ enable: true, target: 'HTTP' });
    assert.deepEqual(await codes(), ['apigw.extension.wrongApiType']);
    await configure({ enable: false, target: 'HTTP' });
    assert.deepEqual(await codes(), []);
    await configure({ enable: 'yes', target: 'SOAP' }); // nonsense: the defaults (enabled, auto)
    assert.deepEqual(await codes(), []);
    await configure({ target: 'HTTP' });
    assert.deepEqual(await codes(), ['apigw.extension.wrongApiType']);
    delete h.settings['apigw.validation'];
    await h.close(uri);
  });

  it('answers apigw/documentDiagnostics with what checking a document found, once the check after an edit ran', async () => {
    const file = fixture('server', 'undeclaredPathParameter.yaml');
    const text = read('undeclaredPathParameter.yaml');
    const uri = await h.open(file, text);
    type Answer = Array<{ uri: string; diagnostics: Array<{ code?: unknown }> }> | null;
    const ask = (u: string): Promise<Answer> => h.client.sendRequest(documentDiagnosticsRequest, { uri: u });
    assert.deepEqual(
      (await ask(uri))?.map((r) => [r.uri, r.diagnostics.map((d) => d.code)]),
      [[uri, [undeclared]]],
    );
    // Sent right after the edit: the answer is that of the new text, not the one published before.
    await h.change(uri, 2, text.replace('{toyId}', 'all'));
    assert.deepEqual(
      (await ask(uri))?.map((r) => r.diagnostics.length),
      [0],
    );
    await h.close(uri);
    assert.equal(await ask(uri), null, 'a document the server does not hold');
  });
});
