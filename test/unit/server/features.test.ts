import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, CompletionList, DocumentSymbol, FoldingRange, Hover, Location } from 'vscode-languageserver';
import { createLanguageService } from '../../../src/language';
import { fixture } from '../helpers/paths';
import { type Harness, startHarness } from './lspHarness';

const read = (name: string): string => fs.readFileSync(fixture('server', name), 'utf8');
const integration = fixture('server', 'integrationToComplete.yaml');

describe('the language server features', () => {
  let h: Harness;
  let uri: string;
  before(async () => {
    h = await startHarness();
    uri = await h.open(integration, read('integrationToComplete.yaml'));
  });
  after(() => h.dispose());

  it('advertises completion, hover, definition, outline, folding and quick fixes', () => {
    const c = h.initialized.capabilities;
    assert.ok(c.completionProvider);
    assert.deepEqual(
      [c.hoverProvider, c.definitionProvider, c.documentSymbolProvider, c.foldingRangeProvider],
      [true, true, true, true],
    );
    assert.deepEqual(c.codeActionProvider, { codeActionKinds: ['quickfix'] });
  });

  it('completes the fields of an x-amazon-apigateway-integration', async () => {
    const list = await h.ask<CompletionList>('textDocument/completion', uri, { line: 12, character: 8 });
    const labels = list.items.map((i) => i.label);
    for (const field of ['uri', 'httpMethod', 'passthroughBehavior']) assert.ok(labels.includes(field), field);
    assert.ok(!labels.includes('type'), 'type is already there');
  });

  it('documents an extension field on hover, with its range', async () => {
    const hover = await h.ask<Hover>('textDocument/hover', uri, { line: 11, character: 10 });
    assert.match(JSON.stringify(hover.contents), /Kind of integration/);
    assert.deepEqual(hover.range, { start: { line: 11, character: 8 }, end: { line: 11, character: 12 } });
  });

  it('offers quick fixes for the diagnostics it published', async () => {
    const published = (await h.diagnostics(uri)) ?? [];
    const missingMethod = published.filter((d) => d.code === 'apigw.integration.missingHttpMethod');
    assert.equal(missingMethod.length, 1);
    const range = missingMethod[0]?.range;
    const actions = await h.ask<CodeAction[]>('textDocument/codeAction', uri, undefined, {
      range,
      context: { diagnostics: missingMethod },
    });
    assert.ok(actions.length > 0, 'no quick fix');
    assert.ok(actions.every((a) => a.kind === 'quickfix' && a.edit !== undefined));
  });

  it('answers outline and folding requests', async () => {
    const symbols = await h.ask<DocumentSymbol[]>('textDocument/documentSymbol', uri);
    assert.ok(JSON.stringify(symbols).includes('/toys'));
    const folds = await h.ask<FoldingRange[]>('textDocument/foldingRange', uri);
    assert.ok(
      folds.some((f) => f.startLine === 4),
      'paths: folds',
    );
    const nowhere = await h.ask<Location[]>('textDocument/definition', uri, { line: 0, character: 0 });
    assert.deepEqual(nowhere, []);
  });

  it('answers null for a YAML file that is not an API definition', async () => {
    const other = await h.open(fixture('server', 'notAnApi.yaml'), read('notAnApi.yaml'));
    for (const method of ['textDocument/completion', 'textDocument/hover', 'textDocument/definition']) {
      assert.equal(await h.ask(method, other, { line: 1, character: 2 }), null, method);
    }
    assert.equal(await h.ask('textDocument/documentSymbol', other), null);
    assert.equal(await h.ask('textDocument/foldingRange', other), null);
    await h.close(other);
  });
});

describe('a language service feature that throws', () => {
  it('answers null, is logged once, and the server keeps serving', async () => {
    const logged: string[] = [];
    const noop = (): void => undefined;
    const h = await startHarness({
      logger: { trace: noop, debug: noop, info: noop, warn: noop, error: (m) => void logged.push(String(m)) },
      service: (fs, logger) => ({
        ...createLanguageService({ fs, logger }),
        hover: () => Promise.reject(new Error('a bug')),
      }),
    });
    try {
      const uri = await h.open(integration, read('integrationToComplete.yaml'));
      assert.equal(await h.ask('textDocument/hover', uri, { line: 11, character: 10 }), null);
      assert.deepEqual(logged, ['Hover failed']);
      const list = await h.ask<CompletionList>('textDocument/completion', uri, { line: 12, character: 8 });
      assert.ok(list.items.length > 0);
    } finally {
      h.dispose();
    }
  });
});
