// The AWS view's model lists a stage's children when it is expanded (GetDeployments through the facade), and a
// failure becomes a Retry node with one log line naming the stage.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StageDeployment } from '../../../../src/aws/deployments/types';
import type { AwsNode } from '../../../../src/extension/aws/awsNodes';
import { presentAwsNode } from '../../../../src/extension/aws/awsPresentation';
import { AwsTreeModel } from '../../../../src/extension/aws/awsTreeModel';
import { awsError, fakeConnection, fakeFacade } from '../aws/fakeAws';

const api = { id: 'a1b2c3', name: 'Pets', kind: 'REST' as const };
const stageNode: AwsNode = {
  kind: 'aws.stage',
  api,
  stage: { apiId: 'a1b2c3', name: 'prod', invokeUrl: 'https://x/prod', variables: {}, deploymentId: 'd2' },
};

function modelWith(list: () => Promise<StageDeployment[]>) {
  const { facade } = fakeFacade();
  const asked: string[] = [];
  const withHistory = Object.assign(facade, {
    listStageDeployments: (_clients: unknown, a: { id: string }, stage: string) => {
      asked.push(`${a.id}/${stage}`);
      return list();
    },
  });
  const { connection, logger } = fakeConnection(withHistory);
  return { model: new AwsTreeModel(connection, logger), logger, asked };
}

describe('the AWS view model: a stage expands to its history', () => {
  it('lists the deployments when the stage is expanded, not before', async () => {
    const { model, asked } = modelWith(() =>
      Promise.resolve([
        { id: 'd2', live: true, canary: false },
        { id: 'd1', live: false, canary: false, description: 'first' },
      ]),
    );
    assert.deepEqual(asked, []);
    const children = await model.childrenWhenLoaded(stageNode);
    assert.deepEqual(asked, ['a1b2c3/prod']);
    assert.deepEqual(
      children.map((n) => [presentAwsNode(n).label, presentAwsNode(n).contextValue]),
      [
        ['d2', 'apigw.aws.deployment.live'],
        ['d1', 'apigw.aws.deployment'],
      ],
    );
  });

  it('a failure is a Retry node and one log line naming the stage; Retry lists it again', async () => {
    let fail = true;
    const { model, logger, asked } = modelWith(() =>
      fail ? Promise.reject(awsError('AccessDeniedException', 'not allowed')) : Promise.resolve([]),
    );
    const [error] = await model.childrenWhenLoaded(stageNode);
    assert.equal(error?.kind, 'aws.error');
    assert.ok(
      logger.lines.some((l) =>
        /could not list the deployments of stage prod of Pets \(a1b2c3\) .*GetDeployments/.test(l),
      ),
      logger.lines.join('\n'),
    );
    fail = false;
    model.refresh(error);
    assert.deepEqual(
      (await model.childrenWhenLoaded(stageNode)).map((n) => presentAwsNode(n).label),
      ['No deployments'],
    );
    assert.equal(asked.length, 2);
  });
});
