import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeChange, driftMessage } from '../../../../src/extension/deploy/driftText';

describe('what Compare with Deployed says', () => {
  it('says there is no drift', () => {
    assert.equal(
      driftMessage('Pets', 'a1b2 · prod', { same: true, changes: [], notes: [] }),
      'No drift: "Pets" matches what is deployed at a1b2 · prod.',
    );
  });

  it('names the changes a deploy would make', () => {
    const changes = [
      { action: 'add' as const, category: 'route' as const, key: 'GET /pets/{id}' },
      { action: 'change' as const, category: 'integration' as const, key: 'POST /pets', detail: 'uri' },
      { action: 'remove' as const, category: 'gatewayResponse' as const, key: 'DEFAULT_4XX' },
    ];
    assert.equal(
      driftMessage('Pets', 'a1b2 · prod', { same: false, changes, notes: ['Mind the gap.'] }),
      '"Pets" differs from a1b2 · prod: 3 changes a deploy would make — + route GET /pets/{id}, ~ integration POST /pets (uri), - gateway response DEFAULT_4XX. Note: Mind the gap.',
    );
    const many = Array.from({ length: 8 }, (_, i) => ({
      action: 'add' as const,
      category: 'model' as const,
      key: `M${i}`,
    }));
    assert.match(driftMessage('Pets', 'x', { same: false, changes: many, notes: [] }), /\+ model M5, and 2 more\.$/);
    assert.equal(
      describeChange({ action: 'change', category: 'api', key: 'description' }),
      '~ API setting description',
    );
  });

  it('tells text differences a deploy does not compare', () => {
    assert.match(
      driftMessage('Pets', 'x', { same: false, changes: [], notes: [] }),
      /differs from x in ways a deploy does not compare/,
    );
  });
});
