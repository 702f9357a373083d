import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { errorRefusal, preparationRefusal, warningQuestion } from '../../../../src/extension/deploy/validationText';

const problem = (severity: 'error' | 'warning', line: number, message: string) => ({
  severity,
  line,
  message,
  file: 'pets/openapi.yaml',
});

describe('the definition check before deploy', () => {
  it('refuses errors, naming the first with its place and counting the others', () => {
    assert.equal(errorRefusal('Pets', []), undefined);
    assert.equal(
      errorRefusal('Pets', [problem('error', 11, 'Unknown integration type "lambda"'), problem('error', 30, 'x')]),
      '"Pets" cannot be deployed: its definition has 2 errors — pets/openapi.yaml:12: Unknown integration type "lambda" and 1 more. Fix them (see the Problems panel) and deploy again.',
    );
  });

  it('asks about warnings, listing at most five', () => {
    assert.equal(warningQuestion('Pets', []), undefined);
    const one = warningQuestion('Pets', [problem('warning', 0, 'API Gateway ignores this')]);
    assert.equal(one?.message, 'The definition of "Pets" has 1 warning. Deploy anyway?');
    assert.match(one?.detail ?? '', /pets\/openapi\.yaml:1: API Gateway ignores this$/);
    const many = warningQuestion(
      'Pets',
      Array.from({ length: 7 }, (_, i) => problem('warning', i, `w${i}`)),
    );
    assert.equal(many?.detail.split('\n').filter((l) => l.startsWith('pets/')).length, 5);
    assert.match(many?.detail ?? '', /… and 2 more \(see the Problems panel\)\.$/);
  });

  it('refuses a definition that cannot be sent as it is, naming the first problem and counting the others', () => {
    const getAtt = (fn: string, line: number): string =>
      `The IntegrationUri of '${fn}Integration' uses Fn::GetAtt (${fn}Function.Arn, inside Fn::Sub) on line ${line}, which only CloudFormation can compute at deploy time: deploy the template with CloudFormation / SAM, or write the value here.`;
    assert.equal(
      preparationRefusal('Chat', [getAtt('OnConnect', 33), getAtt('OnDisconnect', 49), getAtt('SendMessage', 66)]),
      `"Chat" cannot be sent to AWS as it is: ${getAtt('OnConnect', 33).slice(0, -1)} (and 2 more, in the Problems panel). Nothing was sent.`,
    );
    assert.equal(
      preparationRefusal('Pets', ['The API has no OpenAPI body.']),
      '"Pets" cannot be sent to AWS as it is: The API has no OpenAPI body. Nothing was sent.',
    );
  });
});
