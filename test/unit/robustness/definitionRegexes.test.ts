// Regular expressions written in a definition run against text a request or a backend controls (a Lambda error
// message, an authorization token). They get the guard templates' regexes get: a pattern that can backtrack
// without end, or a long text for a pattern with overlapping repeats, is not run, and the trace says why.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { IntegrationResponse } from '../../../src/model';
import { selectResponse } from '../../../src/runtime/stages/integrationResponse';
import { matchWhole } from '../../../src/runtime/wholeMatch';

const response = (pattern: string, statusCode: string): IntegrationResponse =>
  ({ pattern, statusCode, responseParameters: {}, responseTemplates: [] }) as unknown as IntegrationResponse;

describe('regular expressions from the definition', () => {
  it('match the whole text, as API Gateway matches selection patterns', () => {
    assert.deepEqual(matchWhole('.*Not Found.*', 'Item Not Found here'), { matched: true });
    assert.deepEqual(matchWhole('Not Found', 'Item Not Found'), { matched: false });
    assert.deepEqual(matchWhole('4\\d{2}', '404'), { matched: true });
  });

  it('do not run a pattern that can backtrack without end, and say why', () => {
    const result = matchWhole('(a+)+b', `${'a'.repeat(40)}c`);
    assert.equal(result.matched, false);
    assert.equal(
      result.refused,
      'the pattern "(a+)+b" was not run because it repeats a part that is itself repeated (nested quantifiers, like (a+)+); rewrite it without that',
    );
  });

  it('do not run overlapping repeats on a text too long for them, and say how long it may be', () => {
    const result = matchWhole('a*a*a*b', 'a'.repeat(5000));
    assert.equal(result.matched, false);
    assert.match(result.refused ?? '', /^the pattern "a\*a\*a\*b" was not run on 5000 characters: .* more than \d+$/);
    assert.deepEqual(matchWhole('a*a*a*b', 'aaab'), { matched: true });
  });

  it('say that an invalid pattern is invalid instead of throwing', () => {
    assert.deepEqual(matchWhole('([a-', 'x'), {
      matched: false,
      refused: 'the pattern "([a-" is not a valid regular expression',
    });
  });

  it('an integration response whose pattern was not run is not selected; the default is, and the reason is told', () => {
    const reasons: string[] = [];
    const responses = [response('(.*Error)+!', '500'), response('default', '200')];
    const selected = selectResponse(responses, `${'Error'.repeat(30)}?`, true, (r) => reasons.push(r));
    assert.equal(selected?.statusCode, '200');
    assert.equal(reasons.length, 1);
    assert.match(reasons[0]!, /^the pattern "\(\.\*Error\)\+!" was not run because/);
  });
});
