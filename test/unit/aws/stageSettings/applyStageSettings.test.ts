// Logging settings end to end against the AWS test double with the real SDK clients: read the stage, plan, apply,
// and read the stage again; and what AWS refuses when the plan's checks are bypassed.
import { CreateDeploymentCommand, GetStageCommand } from '@aws-sdk/client-api-gateway';
import { GetStageCommand as GetV2StageCommand } from '@aws-sdk/client-apigatewayv2';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accessLogFormat } from '../../../../src/aws/stageSettings/accessLogFormats';
import { applyStageSettings } from '../../../../src/aws/stageSettings/apply';
import { planStageLogging } from '../../../../src/aws/stageSettings/planner';
import { existingLogGroups, readStageLogging } from '../../../../src/aws/stageSettings/readSettings';
import type { LoggingChange, StageRef, StageSettingsPlan } from '../../../../src/aws/stageSettings/types';
import { rejection } from '../rejection';
import { mockRestDefinition, useStageDouble } from '../stageFixtures';

const role = 'arn:aws:iam::123456789012:role/apigw-logs';
const env = useStageDouble();

async function seedRest(): Promise<StageRef> {
  const api = env.server.state.createRestApi({ name: 'Pets', definition: mockRestDefinition });
  const apiId = String(api.wire.id);
  await env.clients.rest.send(new CreateDeploymentCommand({ restApiId: apiId, stageName: 'prod' }));
  return { kind: 'REST', apiId, apiName: 'Pets', stage: 'prod' };
}

function seedV2(kind: 'HTTP' | 'WEBSOCKET'): StageRef {
  const api = env.server.state.createApi({ name: `${kind} api`, protocolType: kind });
  api.stages.set('prod', {
    stageName: 'prod',
    defaultRouteSettings:
      kind === 'HTTP'
        ? { detailedMetricsEnabled: false, throttlingBurstLimit: 20 }
        : { detailedMetricsEnabled: false, loggingLevel: 'OFF', dataTraceEnabled: false },
  });
  return { kind, apiId: String(api.wire.apiId), apiName: `${kind} api`, stage: 'prod' };
}

async function plan(ref: StageRef, change: LoggingChange): Promise<StageSettingsPlan> {
  const current = await readStageLogging(env.clients, ref);
  const result = planStageLogging(current, change, await existingLogGroups(env.clients, current, change));
  if (!result.ok) assert.fail(result.refusals.join(' | '));
  return result.plan;
}

test('REST: reads the stage, plans, creates the log group, and turns execution and access logging on', async () => {
  env.server.state.account.cloudwatchRoleArn = role;
  const ref = await seedRest();
  const before = await readStageLogging(env.clients, ref);
  assert.equal(before.executionLogging, undefined);
  assert.equal(before.detailedMetrics, false);
  assert.equal(before.cloudWatchRoleArn, role);
  assert.equal(before.accountId, '123456789012');
  const format = accessLogFormat('REST', 'JSON');
  const p = await plan(ref, {
    executionLogging: 'ERROR',
    detailedMetrics: true,
    accessLog: { destination: 'pets-access', format },
  });
  const steps: string[] = [];
  const outcome = await applyStageSettings(env.clients, p, (i, n, title) => steps.push(`${i + 1}/${n} ${title}`));
  assert.deepEqual(outcome, {
    ok: true,
    done: ['Create log group pets-access', 'Update the logging settings of stage prod'],
  });
  assert.deepEqual(steps, ['1/2 Create log group pets-access', '2/2 Update the logging settings of stage prod']);
  assert.ok(env.server.state.logGroups.has('pets-access'));
  const stage = await env.clients.rest.send(new GetStageCommand({ restApiId: ref.apiId, stageName: 'prod' }));
  assert.equal(stage.methodSettings?.['*/*']?.loggingLevel, 'ERROR');
  assert.equal(stage.methodSettings?.['*/*']?.metricsEnabled, true);
  assert.deepEqual(stage.accessLogSettings, {
    destinationArn: 'arn:aws:logs:eu-west-1:123456789012:log-group:pets-access',
    format,
  });
  const after = await readStageLogging(env.clients, ref);
  assert.equal(after.executionLogging, 'ERROR');
  assert.equal(after.accessLog?.format, format);
  // Off again: the access log settings are removed.
  const off = await plan(ref, { accessLog: false, executionLogging: 'OFF' });
  assert.equal((await applyStageSettings(env.clients, off)).ok, true);
  const cleared = await env.clients.rest.send(new GetStageCommand({ restApiId: ref.apiId, stageName: 'prod' }));
  assert.equal(cleared.accessLogSettings, undefined);
  assert.equal(cleared.methodSettings?.['*/*']?.loggingLevel, 'OFF');
});

test('REST: the plan refuses logging without the CloudWatch Logs role, and AWS (the double) would too', async () => {
  const ref = await seedRest();
  const current = await readStageLogging(env.clients, ref);
  assert.equal(current.cloudWatchRoleArn, '');
  const result = planStageLogging(current, { executionLogging: 'INFO' }, new Set());
  assert.equal(result.ok, false);
  // A plan made while the role existed, applied after it was removed: the outcome says what AWS answered.
  const withRole = planStageLogging({ ...current, cloudWatchRoleArn: role }, { executionLogging: 'INFO' }, new Set());
  assert.ok(withRole.ok);
  const outcome = await applyStageSettings(env.clients, withRole.plan);
  assert.equal(outcome.ok, false);
  assert.match(
    outcome.ok ? '' : outcome.message,
    /Update the logging settings of stage prod failed: .*CloudWatch Logs role ARN must be set in account settings.*Nothing was changed/,
  );
});

test("reads the CloudFormation stack of a stage from its tags (or its API's)", async () => {
  env.server.state.account.cloudwatchRoleArn = role;
  const ref = await seedRest();
  env.server.state.restApis.get(ref.apiId)!.stages.get('prod')!.tags = {
    'aws:cloudformation:stack-name': 'pets-stack',
  };
  const p = await plan(ref, { detailedMetrics: true });
  assert.match(p.warnings.join('\n'), /CloudFormation stack "pets-stack"/);
  const ws = seedV2('WEBSOCKET');
  env.server.state.apis.get(ws.apiId)!.wire.tags = { 'aws:cloudformation:stack-name': 'ws-stack' };
  assert.equal((await readStageLogging(env.clients, ws)).stack, 'ws-stack');
});

test('WebSocket: logging level, metrics and access log through UpdateStage; off through DeleteAccessLogSettings', async () => {
  env.server.state.account.cloudwatchRoleArn = role;
  const ref = seedV2('WEBSOCKET');
  env.server.state.addLogGroup('ws-access');
  const format = accessLogFormat('WEBSOCKET', 'CLF');
  const p = await plan(ref, {
    executionLogging: 'INFO',
    detailedMetrics: true,
    accessLog: { destination: 'ws-access', format },
  });
  assert.deepEqual(
    p.steps.map((s) => s.operation),
    ['UpdateStage'],
  );
  assert.equal((await applyStageSettings(env.clients, p)).ok, true);
  const stage = await env.clients.v2.send(new GetV2StageCommand({ ApiId: ref.apiId, StageName: 'prod' }));
  assert.equal(stage.DefaultRouteSettings?.LoggingLevel, 'INFO');
  assert.equal(stage.DefaultRouteSettings?.DetailedMetricsEnabled, true);
  assert.equal(stage.AccessLogSettings?.Format, format);
  const off = await plan(ref, { accessLog: false });
  assert.deepEqual(
    off.steps.map((s) => s.operation),
    ['DeleteAccessLogSettings'],
  );
  assert.equal((await applyStageSettings(env.clients, off)).ok, true);
  const cleared = await env.clients.v2.send(new GetV2StageCommand({ ApiId: ref.apiId, StageName: 'prod' }));
  assert.equal(cleared.AccessLogSettings, undefined);
});

test('HTTP: access logging and detailed metrics without any CloudWatch role (GetAccount is not asked)', async () => {
  const ref = seedV2('HTTP');
  const current = await readStageLogging(env.clients, ref);
  assert.equal(current.cloudWatchRoleArn, undefined);
  assert.equal(current.executionLogging, undefined);
  assert.ok(!env.server.requests.some((r) => r.operation === 'GetAccount'));
  const p = await plan(ref, {
    detailedMetrics: true,
    accessLog: { destination: 'http-access', format: accessLogFormat('HTTP', 'JSON') },
  });
  assert.equal((await applyStageSettings(env.clients, p)).ok, true);
  const stage = await env.clients.v2.send(new GetV2StageCommand({ ApiId: ref.apiId, StageName: 'prod' }));
  assert.equal(stage.DefaultRouteSettings?.DetailedMetricsEnabled, true);
  assert.equal(stage.DefaultRouteSettings?.ThrottlingBurstLimit, 20, 'throttling kept');
  assert.match(stage.AccessLogSettings?.DestinationArn ?? '', /log-group:http-access$/);
});

test('a stage that does not exist, and bad input, fail with clear messages', async () => {
  const ref = await seedRest();
  const missing = await rejection(readStageLogging(env.clients, { ...ref, stage: 'nope' }));
  assert.equal(missing.problem.kind, 'notFound');
  const blank = await rejection(readStageLogging(env.clients, { ...ref, stage: ' ' }));
  assert.equal(blank.problem.message, 'A stage name is required.');
});
