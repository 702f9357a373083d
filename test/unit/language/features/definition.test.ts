import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { fixture } from '../../helpers/paths';
import { load, service } from './helpers';

describe('definition', () => {
  it('goes from a $ref to its target in another file', async () => {
    const { document, position } = load('definition-main.yaml');
    assert.deepEqual(await service().definition(document, position), [
      {
        uri: pathToFileURL(fixture('language-features', 'definition-common.yaml')).href,
        range: { start: { line: 1, character: 2 }, end: { line: 2, character: 34 } },
      },
    ]);
  });

  it('gives nothing away from a $ref', async () => {
    const { document } = load('definition-main.yaml');
    assert.deepEqual(await service().definition(document, { line: 0, character: 1 }), []);
  });
});
