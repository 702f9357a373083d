// Which values the model build reads (readTracking.ts): after an edit of a value it never read, the language server
// keeps the previous model instead of building it again, so descriptions (typed at length) must be read only when
// asked for.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSource, readParsedDefinition } from '../../../src/model';
import { getProperty } from '../../../src/model/parse/nodes';
import { MODEL_READER, readingAsAsync } from '../../../src/model/parse/readTracking';
import { readersOf } from '../../../src/model/parse/scalarNode';
import type { ScalarNode, SourceNode } from '../../../src/model/sourceNode';
import { nodeFileSystem } from '../../../src/shared/nodeFileSystem';

const text = `openapi: 3.0.1
info:
  title: Pets
  version: '1'
  description: All about pets
servers:
  - url: https://pets.example.com/v1
paths:
  /pets:
    get:
      summary: List pets
      description: Every pet
      responses:
        '200':
          description: The pets
`;

const scalar = (node: SourceNode | undefined, ...path: string[]): ScalarNode => {
  const found = path.reduce<SourceNode | undefined>((n, key) => getProperty(n, key), node);
  assert.equal(found?.kind, 'scalar');
  return found;
};

test('the model build reads the API title but not the descriptions or servers, which it reads when asked for', async () => {
  const doc = parseSource('/t/pets.yaml', text);
  const parsed = await readingAsAsync(MODEL_READER, () => readParsedDefinition(doc, { fs: nodeFileSystem }));
  const read = (...path: string[]): boolean => (readersOf(scalar(doc.root, ...path)) & MODEL_READER) !== 0;
  assert.equal(read('info', 'title'), true);
  assert.equal(read('info', 'description'), false);
  assert.equal(read('paths', '/pets', 'get', 'description'), false);
  assert.equal(read('paths', '/pets', 'get', 'summary'), false);
  const url = getProperty((getProperty(doc.root, 'servers') as { items: SourceNode[] }).items[0], 'url');
  assert.equal(readersOf(url as ScalarNode) & MODEL_READER, 0, 'the server URL is read when asked for');
  const api = parsed.result.ok ? parsed.result.definition.apis[0] : undefined;
  assert.equal(api?.description, 'All about pets');
  assert.equal(api?.routes[0]?.description, 'Every pet');
  assert.deepEqual(api?.servers, ['https://pets.example.com/v1']);
});
