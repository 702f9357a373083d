import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readDefinition } from '../../../src/model';
import type { DefinitionFile } from '../../../src/model';
import { nodeFileSystem } from '../../../src/shared/nodeFileSystem';
import { fixture } from '../helpers/paths';

async function read(...parts: string[]): Promise<DefinitionFile> {
  const result = await readDefinition(fixture('model', ...parts), { fs: nodeFileSystem });
  if (!result.ok) throw new Error(result.failure.error.message);
  return result.definition;
}

test('local refs in a DefinitionBody resolve against the body; broken and circular ones are reported once', async () => {
  const definition = await read('sam', 'bodyRefs.yaml');
  const [get, post] = definition.apis[0]?.routes ?? [];
  assert.deepEqual(
    get?.parameters.map((p) => [p.name, p.in, p.loc.pointer]),
    [['limit', 'query', '/Resources/RefsApi/Properties/DefinitionBody/parameters/Limit']],
  );
  assert.deepEqual(
    get?.responses.map((r) => r.statusCode),
    ['200', '500'],
  );
  assert.deepEqual(post?.parameters, []);
  assert.deepEqual(
    definition.problems.map((p) => [p.code, p.range.start.line, p.range.start.character, p.message]),
    [
      [
        'apigw.ref.unresolved',
        27,
        24,
        "Cannot resolve $ref '#/parameters/Missing': 'Missing' does not exist under '#/parameters'.",
      ],
      ['apigw.ref.circular', 40, 18, 'Circular $ref: #/definitions/Loop → #/definitions/Loop'],
    ],
  );
});

test("refs to REST APIs' built-in Empty and Error models are not broken, other missing models are", async () => {
  const definition = await read('openapi', 'builtInModels.json');
  assert.equal(definition.apis[0]?.routes.length, 1);
  assert.deepEqual(
    definition.problems.map((p) => [p.code, p.range.start.line, p.message]),
    [
      [
        'apigw.ref.unresolved',
        9,
        "Cannot resolve $ref '#/definitions/NotFound': 'definitions' does not exist under '#'.",
      ],
    ],
  );
});
