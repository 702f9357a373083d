import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sampleText, sampleValue } from '../../../../src/runtime/contract/sampleValue';

describe('sample values from schemas', () => {
  it('prefers example, then default, then enum, then const', () => {
    assert.equal(sampleValue({ type: 'string', example: 'ex', default: 'def', enum: ['a'] }), 'ex');
    assert.equal(sampleValue({ type: 'string', default: 'def', enum: ['a'] }), 'def');
    assert.equal(sampleValue({ type: 'string', enum: ['a', 'b'] }), 'a');
    assert.equal(sampleValue({ const: 3 }), 3);
    assert.equal(sampleValue({ examples: ['first'] }), 'first');
  });

  it('builds objects and arrays by type, honouring minimum and minLength', () => {
    assert.deepEqual(
      sampleValue({
        properties: {
          n: { type: 'number' },
          i: { type: 'integer', minimum: 2.5 },
          s: { type: 'string', minLength: 8 },
          b: { type: 'boolean' },
          d: { type: ['string', 'null'], format: 'date' },
          list: { items: { type: 'integer' } },
        },
      }),
      { n: 1.5, i: 3, s: 'stringxx', b: true, d: '2024-01-01', list: [1] },
    );
  });

  it('merges allOf parts and takes the first oneOf / anyOf choice', () => {
    assert.deepEqual(
      sampleValue({ allOf: [{ properties: { a: { type: 'integer' } } }, { properties: { b: { type: 'boolean' } } }] }),
      { a: 1, b: true },
    );
    assert.equal(sampleValue({ oneOf: [{ type: 'boolean' }, { type: 'string' }] }), true);
    assert.equal(sampleValue({ anyOf: [{ type: 'string', format: 'email' }] }), 'user@example.com');
  });

  it('stops at a bounded depth on recursive schemas and gives null for unknown ones', () => {
    const node: Record<string, unknown> = { type: 'object', properties: {} };
    (node.properties as Record<string, unknown>).child = node;
    let depth = 0;
    for (let v = sampleValue(node) as Record<string, unknown> | null; v !== null; v = v.child as typeof v) depth++;
    assert.equal(depth, 9);
    assert.equal(sampleValue(undefined), null);
    assert.equal(sampleValue({}), null);
  });

  it('gives strings as they are and other values as JSON text', () => {
    assert.equal(sampleText({ type: 'string', example: 'Rex' }), 'Rex');
    assert.equal(sampleText({ type: 'integer', example: 5 }), '5');
    assert.equal(sampleText({}), '');
  });
});
