import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderTemplateText } from '../../../src/vtl';
import { unsafeRegexReason } from '../../../src/vtl/regexSafety';

/** Renders with `$s` set to `subject`; the one error's code, 1-based line:column and message. */
function regexError(call: string, subject: string): { code: string; at: string; message: string } {
  const template = `#set($s = $input.path('$.s'))\n${call}`;
  const { errors, output } = renderTemplateText(template, { request: { body: JSON.stringify({ s: subject }) } });
  assert.equal(errors.length, 1, `expected one error, got ${JSON.stringify(errors)} and output ${output}`);
  const e = errors[0]!;
  return { code: e.code, at: `${e.range.start.line + 1}:${e.range.start.character + 1}`, message: e.message };
}

const nested = 'it repeats a part that is itself repeated (nested quantifiers, like (a+)+)';
const overlap = 'it repeats alternatives that can match the same text (like (a|aa)+)';
const forever = (pattern: string, why: string): string =>
  `regular expression '${pattern}' could take forever on some text: ${why}; rewrite it so that each character can be matched only one way`;

describe('VTL sandbox: catastrophic regular expressions are template errors, never a hang', () => {
  const attack = `${'a'.repeat(5000)}!`;
  const cases: [string, string, string, string][] = [
    ['(a+)+$ in replaceAll', "$s.replaceAll('(a+)+$', 'x')", '(a+)+$', nested],
    ['(a|aa)+$ in matches', "$s.matches('(a|aa)+$')", '(a|aa)+$', overlap],
    ['(.*a){12} in split', "$s.split('(.*a){12}')", '(.*a){12}', nested],
    ['(a*)*b in replaceFirst', "$s.replaceFirst('(a*)*b', '')", '(a*)*b', nested],
    ['(\\w|\\d)+$ in matches', "$s.matches('(\\w|\\d)+$')", '(\\w|\\d)+$', overlap],
  ];
  for (const [name, call, pattern, why] of cases) {
    it(`refuses ${name} at the call`, () => {
      assert.deepEqual(regexError(call, attack), {
        code: 'apigw.vtl.limit.regex',
        at: '2:3',
        message: forever(pattern, why),
      });
    });
  }

  it('refuses regular expressions with a repeat over text longer than 20000 characters, at the call', () => {
    assert.deepEqual(regexError("$s.replaceAll('\\s+$', '')", `${' '.repeat(30000)}x`), {
      code: 'apigw.vtl.limit.regex',
      at: '2:3',
      message:
        'replaceAll: the text is 30001 characters long; regular expressions with a repeat (*, +, ?, {n,m}) run on at most 20000 here: use a shorter text, a pattern without a repeat, or replace() for a plain string',
    });
  });

  it('runs patterns without a repeat on text of any length (they match in linear time)', () => {
    const long = `${'a"'.repeat(60000)}`;
    const template = `#set($s = $input.path('$.s'))$s.replaceAll('"', "'").length() $s.replaceAll('[\\"+*]', '').length() $s.split('\\+').size()`;
    const result = renderTemplateText(template, { request: { body: JSON.stringify({ s: long }) } });
    assert.deepEqual(result.errors, []);
    assert.equal(result.output, '120000 60000 1');
  });

  it('still runs ordinary patterns', () => {
    const template = "#set($s = 'a-b--c')$s.replaceAll('-+', '_') $s.matches('[a-c-]+') $s.split('-').size()";
    const result = renderTemplateText(template, { request: { body: '' } });
    assert.deepEqual(result.errors, []);
    assert.equal(result.output, 'a_b_c true 4');
  });
});

describe('unsafeRegexReason', () => {
  const safe = [
    '-+',
    '^[a-z]+\\.[a-z]+$',
    '(GET|POST)+',
    '(\\d{3}-)+',
    '(?i)abc',
    '(?:ab|cd)*',
    '[(]+',
    'a{2,5}',
    '(?<y>\\d+)-x',
  ];
  for (const pattern of safe) {
    it(`accepts ${pattern}`, () => assert.equal(unsafeRegexReason(pattern), undefined));
  }
  const unsafe: [string, string][] = [
    ['(a+)+', nested],
    ['((ab)*c)+', nested],
    ['(?:x+y?)*', nested],
    // Conservative: harmless here (the dot fixes each repetition), but refused like safe-regex does.
    ['^[a-z]+(\\.[a-z]+)*$', nested],
    ['(a|ab)*', overlap],
    ['(.|\\n)*', overlap],
    ['(|a)+', overlap],
  ];
  for (const [pattern, why] of unsafe) {
    it(`refuses ${pattern}`, () => assert.equal(unsafeRegexReason(pattern), why));
  }
});
