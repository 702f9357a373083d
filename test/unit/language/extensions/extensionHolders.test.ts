// The extension-values rule visits only the objects the strict JSON parser recorded as holding an
// x-amazon-apigateway-* key; on any other tree it walks every node. Both must give the same diagnostics.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { runRules } from '../../../../src/language/ruleRunner';
import { extensionValuesRule } from '../../../../src/language/rules/extensions/extensionValuesRule';
import { readParsedDefinition } from '../../../../src/model';
import type { SourceDocument } from '../../../../src/model/sourceNode';
import { parseSource } from '../../../../src/model/parse';
import { extensionHoldersOf } from '../../../../src/model/parse/extensionHolders';
import { parseJsonEvents } from '../../../../src/model/parse/jsonSource';
import { LineTable } from '../../../../src/model/parse/positions';
import { nodeFileSystem } from '../../../../src/shared/nodeFileSystem';
import { nullLogger } from '../../../../src/shared/logger';
import { repoRoot } from '../../helpers/paths';
import YAML from 'yaml';

/** Every fixture and example with an extension, as JSON text (YAML ones converted), named `.json` beside it. */
function jsonWithExtensions(): Array<{ file: string; text: string }> {
  const found: Array<{ file: string; text: string }> = [];
  for (const dir of ['test/fixtures', 'examples'])
    for (const f of fs.readdirSync(path.join(repoRoot, dir), { recursive: true, encoding: 'utf8' }).sort()) {
      if (!/\.(json|ya?ml)$/.test(f)) continue;
      const file = path.join(repoRoot, dir, f);
      const source = fs.readFileSync(file, 'utf8');
      if (!source.includes('x-amazon-apigateway-')) continue;
      if (f.endsWith('.json')) {
        found.push({ file, text: source });
        continue;
      }
      let value: unknown;
      try {
        value = YAML.parse(source, { logLevel: 'silent', customTags: cfnTags });
      } catch {
        continue;
      }
      found.push({ file: file.replace(/\.ya?ml$/, '.json'), text: JSON.stringify(value, undefined, 2) });
    }
  return found;
}

/** CloudFormation's short-form tags, read as plain values (enough to make JSON text of a template). */
const cfnTags = ['!Ref', '!Sub', '!GetAtt', '!Join', '!If', '!Select', '!Split', '!ImportValue', '!FindInMap'].flatMap(
  (tag) => [
    { tag, resolve: (value: string) => ({ [tag]: value }) },
    { tag, collection: 'seq' as const, resolve: (value: unknown) => ({ [tag]: value }) },
  ],
);

async function extensionFindings(document: SourceDocument) {
  const { result, sources } = await readParsedDefinition(document, { fs: nodeFileSystem });
  if (!result.ok || sources === undefined) return undefined;
  return runRules([extensionValuesRule], { document, sources, definition: result.definition }, nullLogger);
}

describe('extension values from recorded holders', () => {
  it('gives the diagnostics of a walk of every node, on every JSON fixture and example with extensions', async () => {
    let compared = 0;
    let withFindings = 0;
    for (const { file, text } of jsonWithExtensions()) {
      const recorded = parseSource(file, text);
      if (recorded.root === undefined || extensionHoldersOf(recorded.root) === undefined) continue;
      // The same text read by the jsonc-parser path: the same tree, without recorded holders.
      const walked: SourceDocument = { ...recorded, root: parseJsonEvents(file, text, new LineTable(text)).root };
      assert.ok(walked.root !== undefined && extensionHoldersOf(walked.root) === undefined, file);
      const byHolders = await extensionFindings(recorded);
      if (byHolders === undefined) continue;
      assert.deepEqual(byHolders, await extensionFindings(walked), file);
      compared++;
      if (byHolders.length > 0) withFindings++;
    }
    assert.ok(compared > 20 && withFindings > 10, `${compared} files compared, ${withFindings} with findings`);
  });
});
