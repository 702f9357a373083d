import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderTemplateText, type TemplateContext } from '../../../src/vtl';
import { plain } from '../helpers/plain';

/** A context whose `$context` data and headers count how often the engine reads them. */
function countingContext(): { context: TemplateContext; reads: { context: number; headers: number } } {
  const reads = { context: 0, headers: 0 };
  const context: TemplateContext = {
    request: {
      body: '{"a": 1}',
      pathParameters: { id: '7' },
      get headers() {
        reads.headers++;
        return { 'User-Agent': 'curl/8' };
      },
      get context() {
        reads.context++;
        return { requestId: 'req-1', identity: { sourceIp: '10.0.0.1' } };
      },
    },
  };
  return { context, reads };
}

describe('template globals are made on first use, for one render only', () => {
  it('does not read the request context or headers for a template that never uses them', () => {
    const { context, reads } = countingContext();
    const result = renderTemplateText(`{"id": "$input.params('id')", "a": $input.json('$.a')}`, context);
    assert.equal(result.output, '{"id": "7", "a": 1}');
    assert.deepEqual(reads, { context: 0, headers: 0 });
    assert.deepEqual(plain(result.overrides), {
      request: { header: {}, path: {}, querystring: {} },
      response: { status: undefined, header: {} },
    });
  });

  it('builds $context once per render, merging the request context over the samples', () => {
    const { context, reads } = countingContext();
    const template = '$context.requestId $context.identity.sourceIp $context.identity.userAgent $context.stage';
    assert.equal(renderTemplateText(template, context).output, 'req-1 10.0.0.1 curl/8 test');
    assert.deepEqual(reads, { context: 1, headers: 1 });
  });

  it('keeps what a template changes in $context to that render', () => {
    const { context } = countingContext();
    const changing =
      "#set($context.identity.sourceIp = 'x')#set($context.requestOverride.header.h = 'v')" +
      "$context.requestOverride.header.put('g', 'w')$context.identity.sourceIp";
    const first = renderTemplateText(changing, context);
    assert.equal(first.output, 'x');
    assert.deepEqual(plain(first.overrides.request.header), { h: 'v', g: 'w' });
    const second = renderTemplateText('$context.identity.sourceIp $context.requestOverride.header', context);
    assert.equal(second.output, '10.0.0.1 {}');
    assert.deepEqual(plain(second.overrides.request.header), {});
  });

  it('gives back the same $context after a loop variable or #set hides it', () => {
    const { context } = countingContext();
    const looped = renderTemplateText(
      "#set($context.responseOverride.status = 201)#foreach($context in ['a'])$context#end $context.requestId",
      context,
    );
    assert.equal(looped.output, 'a req-1');
    assert.equal(looped.overrides.response.status, 201);
    const replaced = renderTemplateText("#set($context = 'mine')$context", context);
    assert.equal(replaced.output, 'mine');
    assert.equal(replaced.overrides.response.status, undefined);
  });

  it('reaches no field of $input or of the request behind it', () => {
    const { context } = countingContext();
    const output = renderTemplateText('[$input.request][$input.header][$input.pathMap][$input.body]', context).output;
    assert.equal(output, '[][][][{"a": 1}]');
  });
});
