import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver';
import { DiagnosticsStore } from '../../../src/server/diagnosticsStore';
import { createDocumentFileSystem } from '../../../src/server/documentFileSystem';
import { guard } from '../../../src/server/guard';
import { readValidationSettings } from '../../../src/server/settings';
import type { FileSystem } from '../../../src/shared/fileSystem';

const diag = (message: string): Diagnostic => ({
  range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
  message,
});

describe('DiagnosticsStore', () => {
  it('publishes for a file its own problems and those other documents found in it, until they close', () => {
    const store = new DiagnosticsStore();
    assert.deepEqual(
      store.set(
        'a',
        new Map([
          ['a', [diag('a1')]],
          ['c', [diag('c from a')]],
        ]),
      ),
      ['a', 'c'],
    );
    assert.deepEqual(store.set('c', new Map([['c', [diag('c1')]]])), ['c']);
    assert.deepEqual(
      store.collect('c').map((d) => d.message),
      ['c1', 'c from a'],
    );
    // a no longer finds anything in c: c must be published again.
    assert.deepEqual(store.set('a', new Map([['a', []]])), ['a', 'c']);
    assert.deepEqual(
      store.collect('c').map((d) => d.message),
      ['c1'],
    );
    assert.deepEqual(store.delete('c'), ['c']);
    assert.deepEqual(store.collect('c'), []);
  });
});

describe('createDocumentFileSystem', () => {
  it('serves open documents from their text and anything else from the fallback', async () => {
    const disk: FileSystem = {
      readFile: (p) =>
        p === '/disk.yaml'
          ? Promise.resolve(new TextEncoder().encode('disk'))
          : Promise.reject(new Error(`Cannot read ${p}`)),
      size: (p) => Promise.resolve(p === '/disk.yaml' ? 4 : undefined),
    };
    const fs = createDocumentFileSystem((p) => (p === '/open.yaml' ? 'unsaved é' : undefined), disk);
    assert.equal(new TextDecoder().decode(await fs.readFile('/open.yaml')), 'unsaved é');
    assert.equal(await fs.size('/open.yaml'), 10);
    assert.equal(new TextDecoder().decode(await fs.readFile('/disk.yaml')), 'disk');
    assert.equal(await fs.size('/none.yaml'), undefined);
    await assert.rejects(fs.readFile('/none.yaml'), { message: 'Cannot read /none.yaml' });
  });
});

describe('guard', () => {
  it('answers null and logs once when a handler throws or rejects', async () => {
    const logged: string[] = [];
    const logger = {
      trace() {},
      debug() {},
      info() {},
      warn() {},
      error: (m: string | Error) => void logged.push(String(m)),
    };
    assert.equal(await guard(logger, 'hover', () => 42)(), 42);
    assert.equal(
      await guard(logger, 'hover', (): number => {
        throw new Error('bug');
      })(),
      null,
    );
    assert.equal(await guard(logger, 'completion', async () => Promise.reject(new Error('bug')))(), null);
    assert.deepEqual(logged, ['hover failed', 'completion failed']);
  });
});

describe('readValidationSettings', () => {
  it('takes valid values and falls back to the defaults for anything else', () => {
    assert.deepEqual(readValidationSettings({ enable: false, target: 'HTTP' }), { enable: false, target: 'HTTP' });
    assert.deepEqual(readValidationSettings({ enable: 1, target: 'rest' }), { enable: true, target: 'auto' });
    assert.deepEqual(readValidationSettings(undefined), { enable: true, target: 'auto' });
  });
});
