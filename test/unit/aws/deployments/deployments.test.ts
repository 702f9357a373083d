// A stage's deployment history, rollback and canary against the AWS test double with the real SDK clients.
import { CreateDeploymentCommand, DeleteDeploymentCommand, GetStageCommand } from '@aws-sdk/client-api-gateway';
import { CreateDeploymentCommand as CreateV2DeploymentCommand } from '@aws-sdk/client-apigatewayv2';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getStage } from '../../../../src/aws/apiDetails';
import { canaryRequestProblem, promoteOperations } from '../../../../src/aws/deployments/canaryOperations';
import { listStageDeployments } from '../../../../src/aws/deployments/history';
import { cancelCanary, deployCanary, promoteCanary, rollbackStage } from '../../../../src/aws/deployments/stageChanges';
import { rejection } from '../rejection';
import { mockRestDefinition, useStageDouble } from '../stageFixtures';

const env = useStageDouble();

/** A REST API deployed twice to prod (v1, then v2: live); answers the API and the two deployment ids. */
async function seedRest(): Promise<{ api: { kind: 'REST'; id: string; name: string }; first: string; second: string }> {
  const record = env.server.state.createRestApi({ name: 'Pets', definition: mockRestDefinition });
  const id = String(record.wire.id);
  const deploy = async (description: string): Promise<string> =>
    (await env.clients.rest.send(new CreateDeploymentCommand({ restApiId: id, stageName: 'prod', description }))).id ??
    '';
  const first = await deploy('first');
  // Later: the double's dates have a resolution of one second.
  record.deployments.get(first)!.wire.createdDate = Math.floor(Date.now() / 1000) - 60;
  const second = await deploy('second');
  return { api: { kind: 'REST', id, name: 'Pets' }, first, second };
}

test('lists the deployments newest first, the live one marked', async () => {
  const { api, first, second } = await seedRest();
  const list = await listStageDeployments(env.clients, api, 'prod');
  assert.deepEqual(
    list.map((d) => [d.id, d.description, d.live, d.canary]),
    [
      [second, 'second', true, false],
      [first, 'first', false, false],
    ],
  );
  assert.ok(list[0]?.createdDate instanceof Date);
});

test('rolls a REST stage back to an earlier deployment, and forward again', async () => {
  const { api, first, second } = await seedRest();
  const stage = await rollbackStage(env.clients, api, 'prod', first);
  assert.equal(stage.deploymentId, first);
  assert.equal(stage.lastDeployment?.description, 'first');
  const sent = env.server.requests.find((r) => r.operation === 'UpdateStage');
  assert.deepEqual(JSON.parse(sent?.body ?? '{}'), {
    patchOperations: [{ op: 'replace', path: '/deploymentId', value: first }],
  });
  assert.equal((await rollbackStage(env.clients, api, 'prod', second)).deploymentId, second);
});

test('a rollback to a deleted deployment says it was deleted, and changes nothing', async () => {
  const { api, first, second } = await seedRest();
  await env.clients.rest.send(new DeleteDeploymentCommand({ restApiId: api.id, deploymentId: first }));
  const error = await rejection(rollbackStage(env.clients, api, 'prod', first));
  assert.equal(error.problem.kind, 'notFound');
  assert.equal(
    error.problem.message,
    `Deployment ${first} of API Pets (${api.id}) no longer exists: it was deleted. Refresh the AWS view to list the deployments that remain, and roll back to one of them.`,
  );
  const stage = await env.clients.rest.send(new GetStageCommand({ restApiId: api.id, stageName: 'prod' }));
  assert.equal(stage.deploymentId, second);
  assert.ok(!env.server.requests.some((r) => r.operation === 'UpdateStage'));
});

test('a rollback to the live deployment, or with no stage / deployment, is refused before any change', async () => {
  const { api, second } = await seedRest();
  assert.match((await rejection(rollbackStage(env.clients, api, 'prod', second))).problem.message, /already serves/);
  assert.equal(
    (await rejection(rollbackStage(env.clients, api, 'prod', ''))).problem.message,
    'A deployment id is required.',
  );
  assert.equal((await rejection(rollbackStage(env.clients, api, 'nope', second))).problem.kind, 'notFound');
});

test('HTTP: rolls back with DeploymentId; an auto-deploying stage is refused', async () => {
  const record = env.server.state.createApi({ name: 'Notes', protocolType: 'HTTP' });
  const id = String(record.wire.apiId);
  record.routes.set('r1', { routeId: 'r1', routeKey: 'GET /notes' });
  record.stages.set('prod', { stageName: 'prod', autoDeploy: false });
  const d1 = (
    await env.clients.v2.send(new CreateV2DeploymentCommand({ ApiId: id, StageName: 'prod', Description: 'one' }))
  ).DeploymentId!;
  const d2 = (
    await env.clients.v2.send(new CreateV2DeploymentCommand({ ApiId: id, StageName: 'prod', Description: 'two' }))
  ).DeploymentId!;
  const api = { kind: 'HTTP' as const, id, name: 'Notes' };
  const list = await listStageDeployments(env.clients, api, 'prod');
  assert.deepEqual(list.find((d) => d.live)?.id, d2);
  assert.equal((await rollbackStage(env.clients, api, 'prod', d1)).deploymentId, d1);
  record.stages.get('prod')!.autoDeploy = true;
  assert.match(
    (await rejection(rollbackStage(env.clients, api, 'prod', d2))).problem.message,
    /deploys automatically .* Turn auto-deploy off/,
  );
});

test('HTTP: a rollback to a deleted deployment says so', async () => {
  const record = env.server.state.createApi({ name: 'Notes', protocolType: 'HTTP' });
  record.stages.set('prod', { stageName: 'prod', autoDeploy: false, deploymentId: 'live01' });
  const error = await rejection(
    rollbackStage(env.clients, { kind: 'HTTP', id: String(record.wire.apiId) }, 'prod', 'gone01'),
  );
  assert.match(error.problem.message, /^Deployment gone01 of API .* no longer exists: it was deleted/);
});

test('canary: deploy as canary, see it on the stage, promote it (deployment and variables), and the canary is gone', async () => {
  const { api, second } = await seedRest();
  env.server.state.restApis.get(api.id)!.stages.get('prod')!.webAclArn =
    'arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/pets/1';
  const { deploymentId, stage } = await deployCanary(env.clients, api, 'prod', {
    percentTraffic: 10,
    description: 'canary',
    stageVariableOverrides: { alias: 'next' },
  });
  assert.equal(stage.deploymentId, second, 'the stage still serves its own deployment');
  assert.deepEqual(stage.canary, {
    deploymentId,
    percentTraffic: 10,
    stageVariableOverrides: { alias: 'next' },
    useStageCache: false,
  });
  assert.equal(stage.webAclArn, 'arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/pets/1');
  const list = await listStageDeployments(env.clients, api, 'prod');
  assert.deepEqual(list.find((d) => d.canary)?.id, deploymentId);
  const promoted = await promoteCanary(env.clients, api, 'prod');
  assert.equal(promoted.deploymentId, deploymentId);
  assert.equal(promoted.variables['alias'], 'next');
  // Promoting does not turn the canary off: it stays, at 0 %, on the deployment the stage now serves.
  assert.equal(promoted.canary?.percentTraffic, 0);
  assert.equal(promoted.canary?.deploymentId, deploymentId);
  const sent = env.server.requests.filter((r) => r.operation === 'UpdateStage').at(-1);
  assert.deepEqual((JSON.parse(sent?.body ?? '{}') as { patchOperations: unknown }).patchOperations, [
    { op: 'copy', from: '/canarySettings/deploymentId', path: '/deploymentId' },
    { op: 'copy', from: '/canarySettings/stageVariableOverrides', path: '/variables' },
    { op: 'replace', path: '/canarySettings/percentTraffic', value: '0.0' },
  ]);
});

test('canary: cancel removes it and the stage keeps its deployment', async () => {
  const { api, second } = await seedRest();
  await deployCanary(env.clients, api, 'prod', { percentTraffic: 25.5 });
  const cancelled = await cancelCanary(env.clients, api, 'prod');
  assert.equal(cancelled.canary, undefined);
  assert.equal(cancelled.deploymentId, second);
});

test('canary: refusals (no canary, bad share, HTTP API, stage that does not exist)', async () => {
  const { api } = await seedRest();
  assert.match((await rejection(promoteCanary(env.clients, api, 'prod'))).problem.message, /has no canary to promote/);
  assert.match((await rejection(cancelCanary(env.clients, api, 'prod'))).problem.message, /has no canary to cancel/);
  assert.match(
    (await rejection(deployCanary(env.clients, api, 'prod', { percentTraffic: 120 }))).problem.message,
    /from 0 to 100 \(percent\), not 120/,
  );
  assert.match(canaryRequestProblem({ percentTraffic: Number.NaN }) ?? '', /not NaN/);
  assert.match(
    canaryRequestProblem({ percentTraffic: 5, stageVariableOverrides: { 'a-b': 'x' } }) ?? '',
    /"a-b" is not a stage variable name/,
  );
  assert.match(
    (
      await rejection(
        deployCanary(env.clients, { kind: 'HTTP', id: 'x', name: 'Notes' }, 'prod', { percentTraffic: 5 }),
      )
    ).problem.message,
    /canary releases exist for REST APIs only, and Notes \(x\) is an HTTP API/,
  );
  assert.equal(
    (await rejection(deployCanary(env.clients, api, 'nope', { percentTraffic: 5 }))).problem.kind,
    'notFound',
  );
  assert.deepEqual(
    promoteOperations({ deploymentId: 'd', percentTraffic: 5, stageVariableOverrides: {}, useStageCache: false }),
    [
      { op: 'copy', from: '/canarySettings/deploymentId', path: '/deploymentId' },
      { op: 'replace', path: '/canarySettings/percentTraffic', value: '0.0' },
    ],
  );
  // getStage shows no canary when there is none.
  assert.equal((await getStage(env.clients, api, 'prod')).canary, undefined);
});
