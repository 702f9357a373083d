import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { load, service } from './helpers';

describe('symbols', () => {
  it('outlines info, paths with method + path operations, and components', async () => {
    const { document } = load('completion-ref.yaml');
    const outline = await service().symbols(document);
    const names = (list: typeof outline | undefined): unknown =>
      (list ?? []).map((s) => (s.children ? [s.name, names(s.children)] : s.name));
    assert.deepEqual(names(outline), [
      'openapi',
      'info',
      ['paths', [['/pets', ['GET /pets']]]],
      [
        'components',
        [
          ['parameters', ['Limit']],
          ['schemas', ['Pet']],
        ],
      ],
    ]);
    const get = outline[2]?.children?.[0]?.children?.[0];
    assert.deepEqual(get?.selectionRange, { start: { line: 6, character: 4 }, end: { line: 6, character: 7 } });
  });
});
