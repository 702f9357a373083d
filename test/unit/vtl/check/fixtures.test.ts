// One test per template under test/fixtures/vtl-check/: `<case>.vtl` and `<case>.json` =
//   { "options": TemplateCheckOptions (+ "model": "<schema file>" for bodySchema),
//     "expected": [{ "code", "severity", "range": "L:C-L:C" (0-based, in the template), "message": "substring" }] }
// Missing and extra diagnostics fail; every message is checked against its substring.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { Diagnostic } from '../../../../src/shared/diagnostic';
import { checkTemplate, type TemplateCheckOptions } from '../../../../src/vtl/check';
import { fixture } from '../../helpers/paths';

interface Case {
  options: TemplateCheckOptions & { model?: string };
  expected: Array<{ code: string; severity: string; range: string; message: string }>;
}

const root = fixture('vtl-check');
const rangeText = (d: Diagnostic): string =>
  `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;

describe('template checker fixtures', () => {
  const names = fs
    .readdirSync(root)
    .filter((f) => f.endsWith('.vtl'))
    .sort();
  it('finds the fixtures', () => assert.ok(names.length > 0));
  for (const name of names) {
    it(name, () => {
      const text = fs.readFileSync(path.join(root, name), 'utf8');
      const spec = JSON.parse(fs.readFileSync(path.join(root, name.replace(/\.vtl$/, '.json')), 'utf8')) as Case;
      const { model, ...options } = spec.options;
      if (model !== undefined)
        options.bodySchema = JSON.parse(fs.readFileSync(path.join(root, model), 'utf8')) as unknown;
      const actual = checkTemplate(text, options);
      const shown = actual.map((d) => `${rangeText(d)} ${d.severity} ${d.code}: ${d.message}`).join('\n');
      assert.deepEqual(
        actual.map((d) => `${rangeText(d)} ${d.severity} ${d.code}`),
        spec.expected.map((e) => `${e.range} ${e.severity} ${e.code}`),
        `diagnostics of ${name}:\n${shown}`,
      );
      spec.expected.forEach((e, i) =>
        assert.ok(actual[i]?.message.includes(e.message), `'${actual[i]?.message}' lacks '${e.message}'`),
      );
    });
  }
});
