// One data-driven test for every fixture under test/fixtures/language/ (recursively): a definition
// `<case>.yaml|yml|json` next to `<case>.expected.json`, which lists the exact diagnostics expected:
//   [{ "code": "apigw.x", "severity": "error", "range": "L:C-L:C", "message"?: "substring", "file"?: "other.yaml" }]
// (0-based positions, as in LSP). Or `{ "target": "REST" | "HTTP", "diagnostics": [...] }` to check as one type.
// Missing AND extra diagnostics fail; a valid definition expects []. Files without a sidecar (helpers that a
// case `$ref`s) are not cases.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { createLanguageService } from '../../../src/language';
import type { Diagnostic } from '../../../src/shared/diagnostic';
import { nodeFileSystem } from '../../../src/shared/nodeFileSystem';
import { fixture } from '../helpers/paths';

interface Expected {
  code: string;
  severity: string;
  range: string;
  message?: string;
  file?: string;
}

const root = fixture('language');
const service = createLanguageService({ fs: nodeFileSystem });

function cases(): string[] {
  return (fs.readdirSync(root, { recursive: true }) as string[])
    .filter((f) => /\.(ya?ml|json)$/i.test(f) && !f.endsWith('.expected.json'))
    .filter((f) => fs.existsSync(path.join(root, sidecarOf(f))))
    .sort();
}

function sidecarOf(file: string): string {
  return file.replace(/\.(ya?ml|json)$/i, '.expected.json');
}

function rangeText(d: Diagnostic): string {
  const { start, end } = d.range;
  return `${start.line}:${start.character}-${end.line}:${end.character}`;
}

function keyOf(d: { code: string; severity: string; range: string; file?: string }): string {
  return `${d.file ? `${d.file} ` : ''}${d.range} ${d.severity} ${d.code}`;
}

describe('language fixtures', () => {
  const all = cases();
  it('finds the fixtures', () => assert.ok(all.length > 0, `no fixtures under ${root}`));
  for (const relative of all) {
    it(relative, async () => {
      const file = path.join(root, relative);
      const sidecar = JSON.parse(fs.readFileSync(path.join(root, sidecarOf(relative)), 'utf8')) as
        Expected[] | { target?: 'REST' | 'HTTP'; diagnostics: Expected[] };
      const expected = Array.isArray(sidecar) ? sidecar : sidecar.diagnostics;
      const target = Array.isArray(sidecar) ? undefined : sidecar.target;
      const text = fs.readFileSync(file, 'utf8');
      const diagnostics = await service.validate({ file, text }, target ? { target } : {});
      const actual = diagnostics.map((d) => ({
        code: d.code,
        severity: d.severity,
        range: rangeText(d),
        message: d.message,
        ...(d.file !== undefined && d.file !== file ? { file: path.relative(path.dirname(file), d.file) } : {}),
      }));
      const shown = actual.map((d) => `${keyOf(d)}: ${d.message}`).join('\n');
      assert.deepEqual(actual.map(keyOf).sort(), expected.map(keyOf).sort(), `diagnostics of ${relative}:\n${shown}`);
      for (const e of expected) {
        if (e.message === undefined) continue;
        const match = actual.find((a) => keyOf(a) === keyOf(e));
        assert.ok(match?.message.includes(e.message), `${keyOf(e)}: '${match?.message}' lacks '${e.message}'`);
      }
    });
  }
});
