import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { arnFunctionName } from '../../../../src/runtime/integrations/lambda';

describe('the function name of a Lambda ARN or integration URI', () => {
  it('is what /:function:([^:/]+)/ finds, for ARNs, URIs and awkward strings', () => {
    const cases = [
      'arn:aws:lambda:us-east-1:123456789012:function:Bench',
      'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:Bench/invocations',
      'arn:aws:lambda:us-east-1:123456789012:function:Bench:live',
      'arn:aws:lambda:us-east-1:123456789012:function:',
      'arn:aws:lambda:us-east-1:123456789012:function:/x:function:Second',
      'arn:aws:lambda:us-east-1:123456789012:function::function:Third',
      ':function:function:x',
      ':function:',
      'function:Bench',
      'Bench',
      '',
    ];
    for (const fn of cases) assert.equal(arnFunctionName(fn), /:function:([^:/]+)/.exec(fn)?.[1], fn);
  });
});
