import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DeployOutcome, DeployPlan } from '../../../../src/aws/types';
import {
  deletedTargetQuestion,
  failureMessage,
  outcomeDetails,
  retargetQuestion,
  successMessage,
} from '../../../../src/extension/deploy/outcomeText';

const plan: DeployPlan = {
  kind: 'update',
  target: { kind: 'REST', apiId: 'a1b2c3', stage: 'prod', mode: 'overwrite', failOnWarnings: true },
  apiName: 'Pets',
  changes: [{ action: 'add', category: 'route', key: 'GET /pets' }],
  steps: [],
  notes: [],
};
const at = { start: { line: 9, character: 4 }, end: { line: 9, character: 7 } };
const warning = {
  severity: 'warning' as const,
  awsMessage: "Parse issue: attribute paths.'/pets'(get).x-amazon-apigateway-integration.type is missing",
  diagnostic: {
    range: at,
    severity: 'warning' as const,
    code: 'apigw.deploy.importWarning',
    message: 'w',
    file: '/w/openapi.yaml',
  },
};

describe('what a deploy outcome says', () => {
  it('gives the invoke URL on success, and the warnings shown on the definition', () => {
    const ok: Extract<DeployOutcome, { ok: true }> = {
      ok: true,
      apiId: 'a1b2c3',
      stage: 'prod',
      invokeUrl: 'https://a1b2c3.execute-api.eu-west-1.amazonaws.com/prod',
      findings: [],
      done: ['Deploy to stage prod'],
    };
    assert.equal(
      successMessage(plan, ok),
      'Deployed "Pets" to stage prod: https://a1b2c3.execute-api.eu-west-1.amazonaws.com/prod.',
    );
    assert.equal(
      successMessage(
        { ...plan, target: { ...plan.target, apiId: undefined } },
        {
          ...ok,
          apiId: 'n3w',
          findings: [warning],
        },
      ),
      'Deployed "Pets" (new API n3w) to stage prod: https://a1b2c3.execute-api.eu-west-1.amazonaws.com/prod. API Gateway reported 1 warning, shown on the definition.',
    );
  });

  const partial: Extract<DeployOutcome, { ok: false }> = {
    ok: false,
    apiId: 'a1b2c3',
    problem: {
      kind: 'service',
      message: 'API Gateway failed (InternalServerError).',
      operation: 'CreateDeployment',
      httpStatus: 500,
      requestId: 'r-1',
    },
    findings: [],
    done: ['Update REST API a1b2c3 from the definition (overwrite)'],
    notDone: ['Deploy to stage prod'],
    report:
      'API updated, not deployed to stage prod: API Gateway failed (InternalServerError); run Deploy again to deploy it.',
  };

  it('tells a failure with the core report of what changed and what did not', () => {
    assert.equal(
      failureMessage(plan, partial),
      'Deploy of "Pets" to stage prod failed. API updated, not deployed to stage prod: API Gateway failed (InternalServerError); run Deploy again to deploy it.',
    );
    const refused = {
      ...partial,
      done: [],
      findings: [{ ...warning, severity: 'error' as const }],
      report: 'Nothing changed in AWS: ImportRestApi failed.',
    };
    assert.match(
      failureMessage(plan, refused),
      /Nothing changed in AWS: ImportRestApi failed. The import errors are shown on the definition\.$/,
    );
    const cancelled = {
      ...partial,
      done: [],
      problem: { kind: 'cancelled' as const, message: 'The deploy was cancelled.' },
    };
    assert.equal(failureMessage(plan, cancelled), 'Deploy of "Pets" cancelled: nothing changed in AWS.');
  });

  it('writes the details to the log: the problem, the steps done and not done, the findings', () => {
    assert.deepEqual(outcomeDetails(plan, { ...partial, findings: [warning] }), [
      'Deploy of "Pets" (REST) to a1b2c3 stage prod:',
      '  failed: API Gateway failed (InternalServerError).',
      '  operation: CreateDeployment (HTTP 500)',
      '  request id: r-1',
      '  API updated, not deployed to stage prod: API Gateway failed (InternalServerError); run Deploy again to deploy it.',
      '  done: Update REST API a1b2c3 from the definition (overwrite)',
      '  not done: Deploy to stage prod',
      `  warning at /w/openapi.yaml:10: ${warning.awsMessage}`,
    ]);
  });

  it('asks to choose the target again when the API was deleted or changed meanwhile', () => {
    assert.match(
      retargetQuestion(plan, { kind: 'notFound', message: 'gone' }, 'eu-west-1') ?? '',
      /^API a1b2c3 no longer exists in eu-west-1/,
    );
    assert.match(
      retargetQuestion(plan, { kind: 'conflict', message: 'Conflict.' }, 'eu-west-1') ?? '',
      /changed by someone else during the deploy \(Conflict\)/,
    );
    assert.equal(retargetQuestion(plan, { kind: 'badRequest', message: 'no' }, 'eu-west-1'), undefined);
    const creating = { ...plan, target: { kind: 'REST' as const, stage: 'prod', failOnWarnings: true } };
    assert.equal(retargetQuestion(creating, { kind: 'notFound', message: 'gone' }, 'eu-west-1'), undefined);
  });

  it('asks the same when the target was found deleted before the plan as after a failed apply', () => {
    const question = deletedTargetQuestion('a1b2c3', 'Pets', 'eu-west-1');
    assert.equal(
      question,
      'API a1b2c3 no longer exists in eu-west-1: it may have been deleted. Choose where to deploy "Pets" again?',
    );
    assert.equal(
      retargetQuestion({ ...plan, apiName: 'Pets' }, { kind: 'notFound', message: 'gone' }, 'eu-west-1'),
      question,
    );
  });
});
