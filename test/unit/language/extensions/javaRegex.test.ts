import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkJavaRegex } from '../../../../src/language/rules/extensions/javaRegex';

describe('checkJavaRegex', () => {
  it('accepts the selection patterns API Gateway users write', () => {
    for (const pattern of [
      'default',
      '2\\d{2}',
      '.*Error.*',
      '.*\\[400\\].*',
      '-?',
      '.*"errorType":"BadRequest".*',
      '^(?!4|5).*$',
      'x{2,}',
    ]) {
      assert.equal(checkJavaRegex(pattern), undefined, pattern);
    }
  });

  it('accepts Java-only syntax that JavaScript does not know', () => {
    for (const pattern of [
      '(?i).*not found.*',
      '[a-z&&[^e]]',
      'a++b',
      '(?>ab)c',
      '\\QA.B(\\E',
      '\\p{Alpha}+',
      '\\Aabc\\z',
      '(?<code>4\\d\\d)\\k<code>',
      'a{2}+',
    ]) {
      assert.equal(checkJavaRegex(pattern), undefined, pattern);
    }
  });

  it('rejects a brace that does not start a quantifier, which JavaScript would take literally', () => {
    assert.equal(
      checkJavaRegex('a{'),
      "illegal repetition at index 1: a '{' must start a quantifier such as {2} or {1,3}; write \\{ for a literal brace",
    );
    assert.equal(checkJavaRegex('{2}'), "dangling quantifier '{2}' at index 0: it follows nothing that can repeat");
  });

  it('rejects dangling quantifiers, unknown escapes and unbalanced brackets', () => {
    assert.equal(
      checkJavaRegex('*abc'),
      "dangling meta character '*' at index 0: escape it as \\* to match it literally",
    );
    assert.equal(
      checkJavaRegex('a|+'),
      "dangling meta character '+' at index 2: escape it as \\+ to match it literally",
    );
    assert.equal(
      checkJavaRegex('\\y'),
      "'\\y' at index 0 is not a Java escape sequence: remove the backslash or write \\\\y",
    );
    assert.equal(checkJavaRegex('[abc'), "unclosed character class: a '[' has no matching ']'");
    assert.equal(checkJavaRegex('a\\'), 'the pattern ends with a single backslash: write \\\\ for a literal backslash');
    assert.equal(checkJavaRegex('(unclosed'), 'Unterminated group');
    assert.equal(checkJavaRegex('abc)'), "Unmatched ')'");
  });
});
