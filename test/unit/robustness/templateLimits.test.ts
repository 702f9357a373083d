// Robustness findings F06, F07 and F08 (../shared/robustness-findings): the template limits hold before the
// engine or the clock runs out — sizes are checked before a string or list is built, regular expressions whose
// backtracking grows polynomially get a subject they can finish on, and the clock is read by cost, not only
// every 4,096 steps.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderTemplateText, type RenderOptions } from '../../../src/vtl';
import { regexSubjectLimit } from '../../../src/vtl/javaRegex';
import { overlappingRepeats } from '../../../src/vtl/regexSafety';

/** Renders with `$s` from the body; the output and the errors as `code line:column`. */
function render(template: string, s = '', options: RenderOptions = {}): { output: string; errors: string[] } {
  const result = renderTemplateText(template, { request: { body: JSON.stringify({ s }) } }, options);
  return {
    output: result.output,
    errors: result.errors.map((e) => `${e.code} ${e.range.start.line + 1}:${e.range.start.character + 1}`),
  };
}

/** `#set($s = "a")` doubled 20 times: a string of 1 Mi characters. */
const mebi = '#set($s = "a")#foreach($i in [1..20])#set($s = $s.concat($s))#end';

describe('sizes are checked before text is built (F06)', () => {
  it('replace that multiplies the text is an output error at the call', () => {
    const text = `${mebi}$s.replace("", $s)`;
    assert.deepEqual(render(text).errors, [`apigw.vtl.limit.output 1:${text.indexOf('.replace') + 1}`]);
    const regex = `${mebi}$s.replaceAll("", $s)`;
    assert.deepEqual(render(regex).errors, [`apigw.vtl.limit.output 1:${regex.indexOf('.replaceAll') + 1}`]);
    const groups = `${mebi}#set($t = $s.substring(0, 4000))$t.replaceAll("(a)", "${'$1'.repeat(3000)}")`;
    assert.deepEqual(render(groups).errors, [`apigw.vtl.limit.output 1:${groups.indexOf('.replaceAll') + 1}`]);
  });

  it('printing, joining or converting a list of 600 strings of 1 Mi characters is an output error', () => {
    const list = `${mebi}#set($l = [])#foreach($i in [1..600])#set($ok = $l.add($s))#end`;
    for (const use of ['$l', '$l.toString()', '#set($x = "" + $l)', '#set($x = "$l")', '$l.get(0).concat($l)']) {
      const text = `${list}${use}`;
      const { errors } = render(text);
      assert.equal(errors.length, 1, use);
      assert.match(errors[0]!, /^apigw\.vtl\.limit\.output 1:\d+$/, use);
    }
    const map = `${mebi}#set($m = {})#foreach($i in [1..600])#set($ok = $m.put($i, $s))#end$m`;
    assert.deepEqual(render(map).errors, [`apigw.vtl.limit.output 1:${map.lastIndexOf('$m') + 1}`]);
  });

  it('a list or map that doubles itself stops at the collection limit', () => {
    const text = '#set($l = [1])#foreach($i in [1..40])#set($ok = $l.addAll($l))#end$l.size()';
    assert.deepEqual(render(text).errors, [`apigw.vtl.limit.collection 1:${text.indexOf('.addAll') + 1}`]);
    const map = '#set($m = {"a": 1})#foreach($i in [1..40])#set($n = {})#set($ok = $n.putAll($m))#end$n.size()';
    assert.deepEqual(render(map), { output: '1', errors: [] });
  });

  it('a list that holds itself prints as an error, not a stack overflow', () => {
    const { errors } = render('#set($l = [])#set($ok = $l.add($l))$l');
    assert.equal(errors.length, 1);
    assert.match(errors[0]!, /^apigw\.vtl\.limit\.(output|recursion) /);
  });

  it('what fits is built as before', () => {
    const text =
      '#set($s = "ab")$s.replace("", "-") $s.replaceAll("(a)", "$1$1") #set($l = [1, 2])$l.toString() #set($x = "" + [1, 2])$x';
    assert.deepEqual(render(text), { output: '-a-b- aab[1, 2][1, 2]', errors: [] });
  });
});

describe('regular expressions that backtrack polynomially get a subject they finish on (F07)', () => {
  it('counts repeats one after another that can match the same characters', () => {
    const cases: [string, number][] = [
      ['a*a*a*b', 3],
      ['.*.*.*x', 3],
      ['\\s*\\s*$', 2],
      ['.*x.*y', 2],
      ['\\s*,\\s*', 1],
      ['\\d+\\.\\d+', 1],
      ['\\w+@\\w+\\.com', 1],
      ['[a-z]*[0-9]*x', 1],
      ['"', 0],
    ];
    for (const [pattern, runs] of cases) assert.equal(overlappingRepeats(pattern), runs, pattern);
    assert.deepEqual(regexSubjectLimit('\\s+$', false), { limit: 20000, degree: 2 });
    assert.deepEqual(regexSubjectLimit('a*a*a*b', false), { limit: 100, degree: 4 });
    assert.deepEqual(regexSubjectLimit('a*a*a*b', true), { limit: 464, degree: 3 });
  });

  it('refuses the findings templates at the call instead of backtracking for minutes', () => {
    const replace = "#set($s = $input.path('$.s'))$s.replaceAll('a*a*a*b', 'x').length()";
    assert.deepEqual(render(replace, 'a'.repeat(500)).errors, [
      `apigw.vtl.limit.regex 1:${replace.indexOf('.replaceAll') + 1}`,
    ]);
    const matches = "#set($s = $input.path('$.s'))$s.matches('a*a*a*b')";
    assert.deepEqual(render(matches, 'a'.repeat(2000)).errors, [
      `apigw.vtl.limit.regex 1:${matches.indexOf('.matches') + 1}`,
    ]);
    for (const call of ["$s.split('.*.*.*x')", "$s.replaceAll('\\s*\\s*$', '')", "$s.replaceFirst('a*a*a*a*c', '')"]) {
      const { errors } = render(`#set($s = $input.path('$.s'))${call}`, ' a'.repeat(1000));
      assert.equal(errors.length, 1, call);
      assert.match(errors[0]!, /^apigw\.vtl\.limit\.regex /, call);
    }
  });

  it('says why and what to do', () => {
    const result = renderTemplateText("#set($s = $input.path('$.s'))$s.replaceAll('a*a*a*b', 'x')", {
      request: { body: JSON.stringify({ s: 'a'.repeat(500) }) },
    });
    assert.equal(
      result.errors[0]?.message,
      "replaceAll: the text is 500 characters long; 'a*a*a*b' has repeats one after another that can match the same characters (like a*a*b), which can take time growing as the length to the power 4, so it runs on at most 100 here: make the repeats match different characters (e.g. [^,]*,[^,]*), or use a shorter text",
    );
  });

  it('still runs such patterns on text within the limit, and ordinary patterns on long text', () => {
    assert.deepEqual(render("#set($s = $input.path('$.s'))$s.replaceAll('a*a*a*b', 'x')", 'aab'.repeat(30)), {
      output: 'x'.repeat(30),
      errors: [],
    });
    assert.deepEqual(render("#set($s = $input.path('$.s'))$s.split('\\s*,\\s*').size()", 'a , b,c'.repeat(2000)), {
      output: String(2000 * 2 + 1),
      errors: [],
    });
  });
});

describe('the clock is read by cost (F08)', () => {
  it('a loop of a thousand expensive calls stops at the time limit, at the call', () => {
    const text = '#set($l = [0..20000])#foreach($i in $l)#set($x = $l.toString())#end$x.length()';
    // A short limit, so that the test says which limit stopped the loop on a machine of any speed.
    const { errors } = render(text, '', { limits: { timeMs: 20 } });
    assert.deepEqual(errors, [`apigw.vtl.limit.time 1:${text.indexOf('.toString') + 1}`]);
  });

  it('cheap loops are not charged more', () => {
    const text = '#set($n = 0)#foreach($i in [1..1000])#set($n = $n + $i.toString().length())#end$n';
    assert.deepEqual(render(text), { output: '2893', errors: [] });
  });
});
