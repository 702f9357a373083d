import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { load, service } from './helpers';

describe('hover', () => {
  it('documents an extension field from its schema, with the API types that support it', async () => {
    const { document, position } = load('hover-integration.yaml');
    const hover = await service().hover(document, position);
    assert.deepEqual(hover?.range, { start: { line: 9, character: 8 }, end: { line: 9, character: 27 } });
    const value = (hover?.contents as { value: string }).value;
    assert.match(
      value,
      /^\*\*passthroughBehavior\*\* \(x-amazon-apigateway-integration\)\n\nWhat happens to a request body/,
    );
    assert.match(value, /Supported by: REST APIs\.$/);
  });

  it('summarises the target of a $ref in another file', async () => {
    const { document, position } = load('definition-main.yaml');
    const hover = await service().hover(document, position);
    assert.equal(
      (hover?.contents as { value: string }).value,
      '**Pet** — definition-common.yaml:2\n\nA pet in the store.\n\ntype: `object`',
    );
  });

  it('gives null outside any key', async () => {
    const { document } = load('hover-integration.yaml');
    assert.equal(await service().hover(document, { line: 40, character: 0 }), null);
  });
});
