// The AWS view's stage operations, pure parts and refusals: a stage's children (canary, WAF web ACL, deployments),
// how they look, what the confirmations say, and that every change refuses in Restricted Mode before touching
// anything.
import { setWorkspaceTrusted } from '../../helpers/fakeVscode';
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import type { StageDeployment } from '../../../../src/aws/deployments/types';
import type { DeployedApiSummary, DeployedStage } from '../../../../src/aws/types';
import { awsTrustRefusal } from '../../../../src/extension/aws/awsActions';
import { nodeKey, presentChildren } from '../../../../src/extension/aws/awsNodes';
import { presentAwsNode } from '../../../../src/extension/aws/awsPresentation';
import { UserError } from '../../../../src/extension/commands/commandRegistry';
import {
  CancelCanaryCommand,
  DeployCanaryCommand,
  PromoteCanaryCommand,
  RollbackStageCommand,
} from '../../../../src/extension/stageOperations/deploymentCommands';
import { LoggingSettingsCommand } from '../../../../src/extension/stageOperations/loggingSettingsCommand';
import { stageChildNodes } from '../../../../src/extension/stageOperations/stageNodes';
import {
  cancelConfirmation,
  deployCanaryConfirmation,
  loggingConfirmation,
  percentProblem,
  promoteConfirmation,
  rollbackConfirmation,
} from '../../../../src/extension/stageOperations/stageOperationText';

const api: DeployedApiSummary = { id: 'a1b2c3', name: 'Pets', kind: 'REST' };
const stage: DeployedStage = {
  apiId: 'a1b2c3',
  name: 'prod',
  invokeUrl: 'https://a1b2c3.execute-api.eu-west-1.amazonaws.com/prod',
  variables: { alias: 'live' },
  deploymentId: 'dep2',
  canary: { deploymentId: 'dep3', percentTraffic: 10, stageVariableOverrides: { alias: 'next' }, useStageCache: false },
  webAclArn: 'arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/pets-acl/1234',
};
const deployments: StageDeployment[] = [
  { id: 'dep3', createdDate: new Date('2024-05-03T10:00:00Z'), description: 'canary', live: false, canary: true },
  { id: 'dep2', createdDate: new Date('2024-05-02T10:00:00Z'), description: 'second', live: true, canary: false },
  { id: 'dep1', createdDate: new Date('2024-05-01T10:00:00Z'), live: false, canary: false },
];

describe('a stage in the AWS view: its canary, WAF web ACL and deployments', () => {
  it('expands to the canary, the WAF web ACL and the deployments, newest first, keys stable', () => {
    assert.equal(presentAwsNode({ kind: 'aws.stage', api, stage }).collapsible, 'collapsed');
    assert.equal(presentChildren({ kind: 'aws.stage', api, stage }), undefined, 'listed when expanded');
    const nodes = stageChildNodes(api, stage, deployments);
    assert.deepEqual(
      nodes.map((n) => nodeKey(n)),
      ['canary', 'webAcl', 'deployment:dep3', 'deployment:dep2', 'deployment:dep1'],
    );
    const looks = nodes.map((n) => presentAwsNode(n));
    assert.deepEqual(
      looks.map((l) => [l.label, l.description, l.contextValue]),
      [
        ['Canary 10%', 'deployment dep3 · alias=next', 'apigw.aws.canary'],
        ['WAF web ACL', 'pets-acl', 'apigw.aws.webAcl'],
        ['dep3', '2024-05-03 10:00 UTC · canary · (canary)', 'apigw.aws.deployment'],
        ['dep2', '2024-05-02 10:00 UTC · second · (live)', 'apigw.aws.deployment.live'],
        ['dep1', '2024-05-01 10:00 UTC', 'apigw.aws.deployment'],
      ],
    );
    assert.match(looks[0]?.tooltip ?? '', /The other 90% go to deployment dep2/);
    assert.match(looks[4]?.tooltip ?? '', /Roll Back Stage prod to This Deployment/);
    const tooltip = presentAwsNode({ kind: 'aws.stage', api, stage }).tooltip ?? '';
    assert.match(tooltip, /Canary: 10% → deployment dep3 \(overrides alias=next\)/);
    assert.match(tooltip, /WAF web ACL: arn:aws:wafv2:.*pets-acl/);
    assert.deepEqual(
      stageChildNodes(api, { ...stage, canary: undefined, webAclArn: undefined }, []).map(
        (n) => presentAwsNode(n).label,
      ),
      ['No deployments'],
    );
  });

  it('confirmations name the stage, the API, the region and what follows', () => {
    const rollback = rollbackConfirmation(api, stage, deployments[2]!, 'eu-west-1');
    assert.equal(rollback.message, 'Roll back stage "prod" of API "Pets" (a1b2c3) in eu-west-1 to deployment dep1?');
    assert.match(rollback.detail, /will be served deployment dep1, created 2024-05-01 10:00 UTC instead of dep2/);
    assert.equal(rollback.button, 'Roll Back Stage');
    const canary = deployCanaryConfirmation(
      api,
      stage,
      { percentTraffic: 5, stageVariableOverrides: { a: 'b' } },
      'eu-west-1',
    );
    assert.match(canary.message, /as a canary of stage "prod" in eu-west-1, taking 5% of its traffic/);
    assert.match(canary.detail, /deployment dep2 keeps serving the other 95%/);
    assert.match(canary.detail, /It replaces the stage's canary \(10% → deployment dep3\)/);
    assert.match(canary.detail, /overrides: a=b/);
    const promote = promoteConfirmation(api, stage, stage.canary!, 'eu-west-1');
    assert.match(promote.detail, /served deployment dep3 \(now dep2 serves 90%\)/);
    assert.match(promote.detail, /take the canary's overrides: alias=next/);
    assert.equal(cancelConfirmation(api, stage, stage.canary!, 'eu-west-1').button, 'Remove Canary');
    const logging = loggingConfirmation({
      target: { kind: 'REST', apiId: 'a1b2c3', apiName: 'Pets', stage: 'prod', region: 'eu-west-1' },
      changes: [{ setting: 'execution logging', before: 'OFF', after: 'INFO' }],
      steps: [{ operation: 'UpdateStage', title: 'Update the logging settings of stage prod', input: {} }],
      warnings: ['stack warning'],
    });
    assert.equal(logging.message, 'Change the logging settings of stage "prod" of API "Pets" (a1b2c3) in eu-west-1?');
    assert.match(logging.detail, /execution logging: OFF → INFO\n\nstack warning\n\n1\. UpdateStage/);
  });

  it('the canary share must be a number from 0 to 100', () => {
    assert.equal(percentProblem('10'), undefined);
    assert.equal(percentProblem('2.5'), undefined);
    for (const bad of ['', 'ten', '-1', '101']) assert.match(percentProblem(bad) ?? '', /from 0 to 100/);
  });
});

/** Dependencies that fail the test when anything reads them: a refusal must come before any other work. */
function untouchable<T>(what: string): T {
  return new Proxy(
    {},
    {
      get: (_t, key) => {
        throw new Error(`${what}.${String(key)} was used in Restricted Mode`);
      },
    },
  ) as T;
}

describe('Restricted Mode: the stage operations refuse, saying why, before anything else', () => {
  afterEach(() => setWorkspaceTrusted(true));

  it('Logging Settings, Roll Back, Deploy as Canary, Promote and Cancel Canary', async () => {
    setWorkspaceTrusted(false);
    const deps = untouchable<never>('stage operation deps');
    const cases = [
      [new LoggingSettingsCommand(deps), 'Change Logging Settings'],
      [new RollbackStageCommand(deps), 'Roll Back Stage'],
      [new DeployCanaryCommand(deps), 'Deploy as Canary'],
      [new PromoteCanaryCommand(deps), 'Promote Canary'],
      [new CancelCanaryCommand(deps), 'Cancel Canary'],
    ] as const;
    for (const [command, action] of cases) {
      await assert.rejects(command.execute({ kind: 'aws.stage', api, stage }), (error: unknown) => {
        assert.ok(error instanceof UserError);
        assert.equal(error.message, awsTrustRefusal(false, action));
        assert.match(error.message, new RegExp(`^${action} is disabled in Restricted Mode`));
        return true;
      });
    }
  });

  it('in a trusted workspace, a command given no node says what it needs', async () => {
    const deps = untouchable<never>('stage operation deps');
    await assert.rejects(new RollbackStageCommand(deps).execute(undefined), /needs a deployment: expand a stage/);
    await assert.rejects(new LoggingSettingsCommand(deps).execute(undefined), /Logging Settings needs a stage/);
    await assert.rejects(
      new DeployCanaryCommand(deps).execute({ kind: 'aws.stage', api: { ...api, kind: 'HTTP' }, stage }),
      /Canary releases exist for REST APIs only: Pets is an HTTP API/,
    );
    await assert.rejects(
      new PromoteCanaryCommand(deps).execute({ kind: 'aws.stage', api, stage: { ...stage, canary: undefined } }),
      /Stage prod of Pets has no canary/,
    );
    await assert.rejects(
      new RollbackStageCommand(deps).execute({ kind: 'aws.deployment', api, stage, deployment: deployments[1]! }),
      /already serves deployment dep2/,
    );
  });
});
