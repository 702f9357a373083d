import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { load, service } from './helpers';

describe('folding', () => {
  it('folds multi-line mappings and block scalars from their key line', async () => {
    const { document } = load('code-actions-enum.yaml');
    assert.deepEqual(await service().foldingRanges(document), [
      { startLine: 0, endLine: 15 },
      { startLine: 1, endLine: 3 },
      { startLine: 4, endLine: 15 },
      { startLine: 5, endLine: 15 },
      { startLine: 6, endLine: 15 },
      { startLine: 7, endLine: 9 },
      { startLine: 8, endLine: 9 },
      { startLine: 10, endLine: 15 },
      { startLine: 13, endLine: 15 },
      { startLine: 14, endLine: 15 },
    ]);
  });

  it('keeps the closing bracket of JSON visible', async () => {
    const { document } = load('code-actions-path-parameter.json');
    assert.deepEqual(await service().foldingRanges(document), [
      { startLine: 0, endLine: 7 },
      { startLine: 3, endLine: 6 },
      { startLine: 4, endLine: 5 },
    ]);
  });
});
