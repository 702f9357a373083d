import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileTemplate, renderTemplate, renderTemplateText } from '../../../src/vtl';

describe('VTL trace and caching', () => {
  it('records #set values, branches taken, loop counts and macro calls when asked', () => {
    const template =
      "#set($n = $input.path('$.n'))\n#if($n > 5)big#elseif($n > 1)mid#{else}small#end\n#foreach($i in [1..3])#end#macro(m)#end#m()";
    const result = renderTemplateText(template, { request: { body: '{"n": 3}' } }, { trace: true });
    assert.deepEqual(result.errors, []);
    assert.deepEqual(
      result.trace?.map((e) => ({ ...e, range: e.range.start.line })),
      [
        { kind: 'set', range: 0, target: '$n', value: '3' },
        { kind: 'if', range: 1, branch: 1 },
        { kind: 'foreach', range: 2, iterations: 3, stoppedAtLimit: false },
        { kind: 'macro', range: 2, name: 'm' },
      ],
    );
  });

  it('marks a loop stopped at the 1000-iteration limit', () => {
    const result = renderTemplateText('#foreach($i in [1..1001])#end', { request: {} }, { trace: true });
    assert.deepEqual(result.trace?.[0], {
      kind: 'foreach',
      range: result.trace?.[0]?.range,
      iterations: 1000,
      stoppedAtLimit: true,
    });
  });

  it('records nothing unless asked', () => {
    assert.equal(renderTemplateText('#set($a = 1)', { request: {} }).trace, undefined);
  });

  it('compiles a template text once and reuses it', () => {
    const a = compileTemplate('[$x]#set($x = 1)');
    const b = compileTemplate('[$x]#set($x = 1)');
    assert.ok(a.ok && b.ok);
    assert.equal(a.template, b.template);
    // Renders do not leak state into each other.
    assert.equal(renderTemplate(a.template, { request: {} }).output, '[]');
    assert.equal(renderTemplate(a.template, { request: {} }).output, '[]');
  });
});
