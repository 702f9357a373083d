import assert from 'node:assert/strict';
import { test } from 'node:test';
import { definitionSkeleton } from '../../../src/extension/commands/skeletons';
import { looksLikeApiDefinition, readDefinition } from '../../../src/model';
import type { FileSystem } from '../../../src/shared/fileSystem';

const noFiles: FileSystem = {
  readFile: (path) => Promise.reject(new Error(`no file ${path} in this test`)),
  size: () => Promise.resolve(undefined),
};

for (const kind of ['REST', 'HTTP'] as const) {
  test(`the ${kind} skeleton is a valid ${kind} API definition with one route`, async () => {
    const text = definitionSkeleton(kind);
    assert.equal(looksLikeApiDefinition(text), true);
    const result = await readDefinition('/untitled/openapi.yaml', { fs: noFiles, text });
    assert.ok(result.ok, result.ok ? '' : result.failure.error.message);
    assert.deepEqual(
      result.definition.problems.filter((p) => p.severity !== 'hint'),
      [],
    );
    const [api] = result.definition.apis;
    assert.equal(api?.type, kind, api?.typeReason);
    assert.deepEqual(
      api?.routes.map((r) => `${r.method} ${r.path}`),
      ['GET /hello'],
    );
    assert.ok(api?.routes[0]?.integration, 'the route has an integration');
  });
}
