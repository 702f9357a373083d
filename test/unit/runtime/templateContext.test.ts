import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { templateContext, vtlRenderer } from '../../../src/runtime/templates';
import type { Exchange } from '../../../src/runtime/types';

/** An exchange for GET /local/items/7?q=a&q=b whose request id counts how often it is read. */
function exchange(): { ex: Exchange; reads: () => number } {
  let reads = 0;
  const ex = {
    served: { stage: 'local', stageVariables: { v: 's' } },
    request: {
      method: 'get',
      path: '/local/items/7',
      query: 'q=a&q=b',
      headers: { host: ['127.0.0.1:3000'], 'x-many': ['1', '2'] },
      body: Buffer.from('{"n": 2}'),
      sourceIp: '10.1.2.3',
    },
    get requestId() {
      reads++;
      return 'req-9';
    },
    startedAt: Date.UTC(2024, 1, 3, 4, 5, 6),
    path: '/items/7',
    query: { q: ['a', 'b'] },
    match: { resourcePath: '/items/{id}', routeKey: 'GET /items/{id}', pathParameters: { id: '7' } },
  } as unknown as Exchange;
  return { ex, reads: () => reads };
}

describe('the runtime template context', () => {
  it('gives templates the method request: parameters, joined headers, last query value, body', () => {
    const { ex } = exchange();
    const template = `$input.params('id') $input.params('x-many') $input.params('q') $input.json('$.n') $stageVariables.v`;
    assert.equal(vtlRenderer.render(template, templateContext(ex)).output, '7 1,2 b 2 s');
  });

  it("gives $context the request's values, and the extra context over them", () => {
    const { ex } = exchange();
    const template =
      '$context.requestId $context.requestTime $context.httpMethod $context.resourcePath ' +
      '$context.identity.sourceIp $context.stage $context.error.message';
    const context = templateContext(ex, { error: { message: 'Missing Authentication Token' } });
    assert.equal(
      vtlRenderer.render(template, context).output,
      'req-9 03/Feb/2024:04:05:06 +0000 GET /items/{id} 10.1.2.3 local Missing Authentication Token',
    );
  });

  it('does not compute the $context values for a template that does not read $context', () => {
    const { ex, reads } = exchange();
    const response = { statusCode: 200, body: '{"ok": true}' };
    const rendered = vtlRenderer.render(`$input.params('id') $input.json('$.ok')`, templateContext(ex, {}, response));
    assert.equal(rendered.output, '7 true');
    assert.equal(reads(), 0);
    vtlRenderer.render('$context.requestId', templateContext(ex));
    assert.equal(reads(), 1);
  });
});
