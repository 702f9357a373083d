import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DeployedApiSummary, DeployedStage } from '../../../../src/aws/types';
import {
  awsTrustRefusal,
  deleteStageConfirmation,
  exportRefusal,
  exportStageNeed,
} from '../../../../src/extension/aws/awsActions';
import { profilePicks, regionPicks } from '../../../../src/extension/aws/placePicks';

const api = (kind: DeployedApiSummary['kind']): DeployedApiSummary => ({ id: 'abc123', name: 'Pets', kind });
const stage = (name: string): DeployedStage => ({
  apiId: 'abc123',
  name,
  invokeUrl: `https://abc123.execute-api.eu-west-1.amazonaws.com/${name}`,
  variables: {},
});

describe('the AWS view actions', () => {
  it('refuses changes to AWS in Restricted Mode, saying why and how to trust', () => {
    assert.equal(awsTrustRefusal(true, 'Delete Stage'), undefined);
    assert.equal(
      awsTrustRefusal(false, 'Delete Stage'),
      'Delete Stage is disabled in Restricted Mode: it changes your AWS account with your credentials, which this ' +
        'workspace is not trusted to do. Trust the workspace (Workspaces: Manage Workspace Trust) to use it.',
    );
  });

  it('names the stage, the API and the region in the delete confirmation', () => {
    const confirm = deleteStageConfirmation(api('REST'), stage('prod'), 'eu-west-1');
    assert.equal(confirm.message, 'Delete stage "prod" of API "Pets" (abc123) in eu-west-1?');
    assert.match(
      confirm.detail,
      /^Clients calling https:\/\/abc123\.execute-api\.eu-west-1\.amazonaws\.com\/prod will get errors\./,
    );
    assert.match(confirm.detail, /This cannot be undone\.$/);
    assert.equal(confirm.button, 'Delete Stage');
  });

  it('exports REST APIs from a stage and HTTP APIs as they are; WebSocket APIs have no export', () => {
    assert.equal(exportRefusal(api('REST')), undefined);
    assert.equal(exportRefusal(api('HTTP')), undefined);
    assert.equal(
      exportRefusal(api('WEBSOCKET')),
      'API Gateway cannot export WebSocket APIs such as Pets: only REST and HTTP APIs have an export.',
    );
    assert.deepEqual(exportStageNeed(api('HTTP'), [stage('prod')]), { stage: undefined });
    assert.deepEqual(exportStageNeed(api('REST'), [stage('prod')]), { stage: 'prod' });
    assert.deepEqual(exportStageNeed(api('REST'), [stage('prod'), stage('dev')]), { pick: ['dev', 'prod'] });
    assert.deepEqual(exportStageNeed(api('REST'), []), {
      refusal:
        'REST API Pets has no stage to export: API Gateway exports REST APIs from a stage. Deploy it to a stage first.',
    });
  });

  it('offers the default chain and every profile with its kind and region', () => {
    const picks = profilePicks(
      [
        { name: 'work', kind: 'sso', region: 'eu-west-1', sources: ['config'] },
        { name: 'ci', kind: 'static', sources: ['credentials', 'config'] },
      ],
      'work',
    );
    assert.deepEqual(
      picks.map((p) => [p.label, p.description, p.value]),
      [
        ['$(key) Default credential chain', 'environment variables, AWS_PROFILE or the default profile', ''],
        ['$(account) ci', 'access keys · no region', 'ci'],
        ['$(account) work (current)', 'IAM Identity Center (SSO) · eu-west-1', 'work'],
      ],
    );
    assert.equal(picks[1]?.detail, 'from credentials and config file');
  });

  it("offers the profile's region, API Gateway's regions, a typed-in one, and Other…", () => {
    const picks = regionPicks('');
    assert.equal(picks[0]?.label, '$(globe) Region of the profile (current)');
    assert.ok(picks.some((p) => p.value === 'eu-west-1' && p.description === 'Europe (Ireland)'));
    assert.deepEqual(picks.at(-1), {
      label: '$(edit) Other…',
      description: 'type a region name',
      value: '',
      other: true,
    });
    const typed = regionPicks('eu-isoe-west-1');
    assert.deepEqual(typed[1], { label: 'eu-isoe-west-1 (current)', description: 'typed in', value: 'eu-isoe-west-1' });
    assert.equal(regionPicks('us-east-1').filter((p) => p.label.endsWith('(current)')).length, 1);
  });
});
