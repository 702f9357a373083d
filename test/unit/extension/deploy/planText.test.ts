import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DeployPlan } from '../../../../src/aws/types';
import {
  confirmationOf,
  noChangeMessage,
  planTitle,
  retryMessage,
  stepMessage,
} from '../../../../src/extension/deploy/planText';

const update: DeployPlan = {
  kind: 'update',
  target: { kind: 'REST', apiId: 'a1b2c3', stage: 'prod', mode: 'overwrite', failOnWarnings: true },
  apiName: 'Pets',
  changes: [
    { action: 'add', category: 'route', key: 'GET /pets/{id}' },
    { action: 'add', category: 'route', key: 'DELETE /pets/{id}' },
    { action: 'change', category: 'integration', key: 'POST /pets', detail: 'uri' },
    { action: 'remove', category: 'model', key: 'Old' },
  ],
  steps: [
    { operation: 'PutRestApi', title: 'Update REST API a1b2c3 from the definition (overwrite)', input: {} },
    { operation: 'CreateDeployment', title: 'Deploy to stage prod', input: {} },
  ],
  notes: [],
};

const create: DeployPlan = {
  ...update,
  kind: 'create',
  target: { kind: 'HTTP', stage: '$default', failOnWarnings: true },
  changes: [{ action: 'add', category: 'route', key: 'GET /notes' }],
  steps: [{ operation: 'ImportApi', title: 'Create HTTP API "Pets" from the definition', input: {} }],
};

describe('the words around a deploy plan', () => {
  it('asks to deploy N changes to the API and stage, with counts by action and the steps', () => {
    const c = confirmationOf(update, 'eu-west-1');
    assert.equal(c.message, 'Deploy 4 changes to API "Pets" (a1b2c3) stage prod in eu-west-1?');
    assert.equal(c.button, 'Deploy');
    assert.equal(
      c.detail,
      '2 to add, 1 to change, 1 to remove.\nMode: overwrite.\n\n1. Update REST API a1b2c3 from the definition (overwrite)\n2. Deploy to stage prod\n\nThe whole plan is shown in the editor.',
    );
  });

  it('asks to create a new API', () => {
    const c = confirmationOf(create, 'us-east-1');
    assert.equal(c.message, 'Create new HTTP API "Pets" and deploy it to stage $default in us-east-1?');
    assert.match(c.detail, /^1 to add\.\n\n1\. Create HTTP API/);
  });

  it('says a change of only the stage changes no part of the API', () => {
    const c = confirmationOf(
      { ...update, changes: [{ action: 'change', category: 'stage', key: 'prod' }] },
      'eu-west-1',
    );
    assert.equal(c.message, 'Deploy 1 change to API "Pets" (a1b2c3) stage prod in eu-west-1?');
    assert.match(c.detail, /^1 to change\./);
    assert.match(confirmationOf({ ...update, changes: [] }, 'eu-west-1').detail, /^No part of the API changes\./);
  });

  it('names each step and each retry in the progress', () => {
    assert.equal(stepMessage(0, 2, 'Update REST API'), '1/2: Update REST API');
    assert.equal(
      retryMessage('CreateDeployment', 2, 2000, 'TooManyRequestsException'),
      'CreateDeployment throttled, retrying in 2 s (retry 1)',
    );
    assert.equal(
      retryMessage('PutRestApi', 3, 400, 'InternalServerError'),
      'PutRestApi failed (InternalServerError), retrying in 0.4 s (retry 2)',
    );
    assert.equal(retryMessage('GetExport', 2, 1000), 'GetExport throttled, retrying in 1 s (retry 1)');
  });

  it('says when nothing changes, and titles the plan document', () => {
    assert.equal(
      noChangeMessage({ ...update, kind: 'noChange', changes: [], steps: [] }),
      'No change: stage prod of API "Pets" (a1b2c3) already matches the definition. Nothing was deployed.',
    );
    assert.equal(planTitle(update), 'Deploy plan — Pets → a1b2c3 · prod');
    assert.equal(planTitle(create), 'Deploy plan — Pets → new API · $default');
  });
});
