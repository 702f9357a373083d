import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderTemplateText, type RenderOptions } from '../../../src/vtl';

const render = (template: string, body = '{"a": {"b": 1}}', options: RenderOptions = {}) =>
  renderTemplateText(template, { request: { body } }, options);

/** The error's code and 1-based line:column, for compact assertions. */
function errorAt(template: string, options: RenderOptions = {}): { code: string; at: string; message: string } {
  const { errors } = render(template, '{}', options);
  assert.equal(errors.length, 1, `expected one error, got ${JSON.stringify(errors)}`);
  const e = errors[0]!;
  return { code: e.code, at: `${e.range.start.line + 1}:${e.range.start.character + 1}`, message: e.message };
}

describe('VTL sandbox: a template reaches only the values it is given', () => {
  const inert: [string, string, string][] = [
    ['constructor chain', "#set($x = 'a')$x.constructor.constructor('return process')()", '()'],
    ['__proto__ of a string', "#set($x = 'a')[$x.__proto__]", '[]'],
    ['__proto__ of a map', "#set($m = {})[$m.__proto__][$m.get('__proto__')][$m.constructor]", '[][][]'],
    ['__proto__ from the body', "[$input.path('$').__proto__][$input.path('$').constructor.name]", '[][]'],
    ['getClass().forName', "#set($x = 'a')[$x.getClass().forName('java.lang.Runtime')]", '[]'],
    ['$util.class', '[$util.class][$util.getClass()][$util.constructor]', '[]'.repeat(3)],
    ['$input internals', '[$input.body.length()][$input.parsed][$input.select("$")][$input.toString()]', '[15][][][]'],
    ['globals', '[$process][$require][$global][$globalThis][$this]', '[]'.repeat(5)],
    ['JS methods on strings', "#set($x = 'a')[$x.valueOf()][$x.at(0)][$x.padStart(5)][$x.normalize()]", '[]'.repeat(4)],
    [
      'JS methods on lists and maps',
      '#set($l = [1])#set($m = {})[$l.map()][$l.push(2)][$m.has("a")][$m.set("a", 1)][$l][$m]',
      '[][][][][[1]][{}]',
    ],
  ];
  for (const [name, template, expected] of inert) {
    it(`${name} is inert`, () => {
      const result = render(template);
      assert.deepEqual(result.errors, []);
      assert.equal(result.output, expected);
    });
  }

  it('does not let a template change Object.prototype', () => {
    render("#set($m = {})#set($m.__proto__ = {'polluted': true})#set($o = $input.path('$'))$o.polluted");
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
  });

  it('ends a huge #foreach range with a clear error at the range', () => {
    assert.deepEqual(errorAt('x\n#foreach($i in [1..100000000])#end'), {
      code: 'apigw.vtl.limit.collection',
      at: '2:16',
      message: 'The range [1..100000000] has 100000000 elements, more than the limit of 100000: use a smaller range',
    });
  });

  it('ends unbounded macro recursion at the depth limit, at the recursive call', () => {
    assert.deepEqual(errorAt('#macro(r $n)#r($n)#end\n#r(1)'), {
      code: 'apigw.vtl.limit.recursion',
      at: '1:13',
      message: '#r nests macro calls more than 20 deep: stop the recursion',
    });
  });

  it('ends huge string building at the size limit', () => {
    const e = errorAt('#set($s = "xxxxxxxxxx")#foreach($i in [1..100])#set($s = "$s$s")#end', {
      limits: { outputSize: 10_000 },
    });
    assert.deepEqual(e, {
      code: 'apigw.vtl.limit.output',
      at: '1:58',
      message: 'A string grew past 10000 characters: the template builds text without bound',
    });
  });

  it('ends huge output at the output limit', () => {
    const e = errorAt('#foreach($i in [1..1000])0123456789#end', { limits: { outputSize: 500 } });
    assert.equal(e.code, 'apigw.vtl.limit.output');
    assert.equal(e.at, '1:26');
  });

  it('ends long evaluation at the step limit', () => {
    const e = errorAt('#foreach($a in [1..1000])#foreach($b in [1..1000])#end#end', { limits: { steps: 10_000 } });
    assert.deepEqual(e, {
      code: 'apigw.vtl.limit.steps',
      at: '1:26',
      message: 'Template stopped after 10000 evaluation steps: simplify it or raise the step limit',
    });
  });

  it('ends evaluation past the time budget', () => {
    // A budget already spent: deterministic, no clock race.
    const e = errorAt('#foreach($a in [1..1000])#foreach($b in [1..1000])#end#end', { limits: { timeMs: -1 } });
    assert.deepEqual(e, {
      code: 'apigw.vtl.limit.time',
      at: '1:26',
      message: 'Template took longer than -1 ms: simplify it or raise the time limit',
    });
  });

  it('keeps the default limits: 1000 loop iterations, and the output rendered before an error', () => {
    const result = render('#foreach($i in [1..2000])x#end');
    assert.equal(result.output.length, 1000);
    const failed = render('before\n#set($x = [1..200000])after');
    assert.equal(failed.output, 'before\n');
  });
});
