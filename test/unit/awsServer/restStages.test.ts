// The test double's stage operations through the real clients: UpdateStage patch operations and AWS's refusals,
// the account's CloudWatch Logs role, DeleteDeployment, canary deployments; v2 logging refusals and
// DeleteAccessLogSettings.
import {
  CreateDeploymentCommand,
  DeleteDeploymentCommand,
  GetAccountCommand,
  GetStageCommand,
  UpdateAccountCommand,
  UpdateStageCommand,
  type PatchOperation,
} from '@aws-sdk/client-api-gateway';
import { UpdateStageCommand as UpdateV2StageCommand } from '@aws-sdk/client-apigatewayv2';
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { useServer } from './setup';

const role = 'arn:aws:iam::123456789012:role/apigw-logs';
const definition = {
  openapi: '3.0.1',
  info: { title: 'Pets', version: '1' },
  paths: { '/pets': { get: { 'x-amazon-apigateway-integration': { type: 'mock' } } } },
};

async function failure(promise: Promise<unknown>): Promise<{ name: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { name: string; message: string };
  }
  return assert.fail('expected a failure');
}

describe('AWS test double: REST stage operations (UpdateStage, account, DeleteDeployment, canary)', () => {
  const h = useServer();
  let apiId: string;
  let deploymentId: string;
  const patch = (patchOperations: PatchOperation[]) =>
    h.v1.send(new UpdateStageCommand({ restApiId: apiId, stageName: 'prod', patchOperations }));

  beforeEach(async () => {
    h.server.reset();
    apiId = String(h.server.state.createRestApi({ name: 'Pets', definition }).wire.id);
    deploymentId = (await h.v1.send(new CreateDeploymentCommand({ restApiId: apiId, stageName: 'prod' }))).id ?? '';
  });

  it('applies method settings, variables and access log settings, with the defaults AWS fills in', async () => {
    h.server.state.account.cloudwatchRoleArn = role;
    const stage = await patch([
      { op: 'replace', path: '/*/*/logging/loglevel', value: 'info' },
      { op: 'replace', path: '/*/*/metrics/enabled', value: 'true' },
      { op: 'replace', path: '/~1pets/GET/logging/dataTrace', value: 'true' },
      { op: 'replace', path: '/variables/alias', value: 'live' },
      {
        op: 'replace',
        path: '/accessLogSettings/destinationArn',
        value: 'arn:aws:logs:eu-west-1:123456789012:log-group:a',
      },
      { op: 'replace', path: '/accessLogSettings/format', value: '$context.requestId' },
    ]);
    assert.equal(stage.methodSettings?.['*/*']?.loggingLevel, 'INFO');
    assert.equal(stage.methodSettings?.['*/*']?.metricsEnabled, true);
    assert.equal(stage.methodSettings?.['*/*']?.throttlingBurstLimit, 5000);
    assert.equal(stage.methodSettings?.['/pets/GET']?.dataTraceEnabled, true);
    assert.deepEqual(stage.variables, { alias: 'live' });
    assert.equal(stage.accessLogSettings?.format, '$context.requestId');
    const removed = await patch([
      { op: 'remove', path: '/accessLogSettings' },
      { op: 'remove', path: '/variables/alias' },
    ]);
    assert.equal(removed.accessLogSettings, undefined);
    assert.deepEqual(removed.variables ?? {}, {});
  });

  it('refuses what AWS refuses, and a refused patch changes nothing', async () => {
    const cases: [PatchOperation[], RegExp][] = [
      [[{ op: 'replace', path: '/nope', value: 'x' }], /Invalid patch path '\/nope' specified for op 'replace'/],
      [[{ op: 'replace', path: '/*/*/logging/loglevel', value: 'DEBUG' }], /Invalid logging level specified: DEBUG/],
      [[{ op: 'replace', path: '/*/*/metrics/enabled', value: 'yes' }], /Invalid boolean value 'yes'/],
      [[{ op: 'replace', path: '/deploymentId', value: 'gone' }], /Invalid deployment identifier specified/],
      [
        [{ op: 'replace', path: '/*/*/logging/loglevel', value: 'ERROR' }],
        /CloudWatch Logs role ARN must be set in account settings/,
      ],
      [[{ op: 'replace', path: '/canarySettings/percentTraffic', value: '101' }], /between 0.0 and 100.0/],
    ];
    for (const [ops, message] of cases) {
      const error = await failure(patch(ops));
      assert.match(error.message, message);
    }
    h.server.state.account.cloudwatchRoleArn = role;
    const format = await failure(
      patch([
        { op: 'replace', path: '/*/*/metrics/enabled', value: 'true' },
        {
          op: 'replace',
          path: '/accessLogSettings/destinationArn',
          value: 'arn:aws:logs:eu-west-1:123456789012:log-group:a',
        },
        { op: 'replace', path: '/accessLogSettings/format', value: '$context.status' },
      ]),
    );
    assert.equal(format.name, 'BadRequestException');
    assert.match(format.message, /must contain at least one of \$context.requestId or \$context.extendedRequestId/);
    const stage = await h.v1.send(new GetStageCommand({ restApiId: apiId, stageName: 'prod' }));
    assert.deepEqual(stage.methodSettings, {}, 'nothing of the refused patch was kept');
    const arn = await failure(
      patch([
        { op: 'replace', path: '/accessLogSettings/destinationArn', value: 'arn:aws:s3:::bucket' },
        { op: 'replace', path: '/accessLogSettings/format', value: '$context.requestId' },
      ]),
    );
    assert.match(arn.message, /Invalid ARN specified/);
  });

  it('GetAccount / UpdateAccount: the CloudWatch Logs role', async () => {
    assert.equal((await h.v1.send(new GetAccountCommand({}))).cloudwatchRoleArn, undefined);
    const updated = await h.v1.send(
      new UpdateAccountCommand({ patchOperations: [{ op: 'replace', path: '/cloudwatchRoleArn', value: role }] }),
    );
    assert.equal(updated.cloudwatchRoleArn, role);
    assert.equal((await h.v1.send(new GetAccountCommand({}))).cloudwatchRoleArn, role);
    const bad = await failure(
      h.v1.send(
        new UpdateAccountCommand({ patchOperations: [{ op: 'replace', path: '/cloudwatchRoleArn', value: 'role' }] }),
      ),
    );
    assert.match(bad.message, /not well formed/);
  });

  it('DeleteDeployment refuses the deployment a stage serves, deletes one no stage uses', async () => {
    const active = await failure(h.v1.send(new DeleteDeploymentCommand({ restApiId: apiId, deploymentId })));
    assert.match(active.message, /Active stages pointing to this deployment must be moved or deleted/);
    const second = (await h.v1.send(new CreateDeploymentCommand({ restApiId: apiId, stageName: 'prod' }))).id ?? '';
    assert.notEqual(second, deploymentId);
    await h.v1.send(new DeleteDeploymentCommand({ restApiId: apiId, deploymentId }));
    const gone = await failure(h.v1.send(new DeleteDeploymentCommand({ restApiId: apiId, deploymentId })));
    assert.equal(gone.name, 'NotFoundException');
  });

  it('CreateDeployment with canarySettings puts the canary on an existing stage only', async () => {
    const canary = await h.v1.send(
      new CreateDeploymentCommand({
        restApiId: apiId,
        stageName: 'prod',
        canarySettings: { percentTraffic: 5, stageVariableOverrides: { alias: 'next' } },
      }),
    );
    const stage = await h.v1.send(new GetStageCommand({ restApiId: apiId, stageName: 'prod' }));
    assert.equal(stage.deploymentId, deploymentId);
    assert.deepEqual(stage.canarySettings, {
      deploymentId: canary.id,
      percentTraffic: 5,
      stageVariableOverrides: { alias: 'next' },
      useStageCache: false,
    });
    const missing = await failure(
      h.v1.send(
        new CreateDeploymentCommand({ restApiId: apiId, stageName: 'beta', canarySettings: { percentTraffic: 5 } }),
      ),
    );
    assert.equal(missing.name, 'NotFoundException');
  });
});

describe('AWS test double: v2 stage logging', () => {
  const h = useServer();

  it('refuses execution logs on HTTP, a format without $context.requestId, WebSocket logging without the role', async () => {
    h.server.reset();
    const http = h.server.state.createApi({ name: 'h', protocolType: 'HTTP' });
    http.stages.set('prod', { stageName: 'prod' });
    const ws = h.server.state.createApi({ name: 'w', protocolType: 'WEBSOCKET' });
    ws.stages.set('prod', { stageName: 'prod' });
    const update = (apiId: unknown, input: object) =>
      failure(h.v2.send(new UpdateV2StageCommand({ ApiId: String(apiId), StageName: 'prod', ...input })));
    assert.match(
      (await update(http.wire.apiId, { DefaultRouteSettings: { LoggingLevel: 'INFO' } })).message,
      /Execution logs are not supported on protocolType HTTP/,
    );
    assert.match(
      (
        await update(http.wire.apiId, {
          AccessLogSettings: { DestinationArn: 'arn:aws:logs:eu-west-1:1:log-group:a', Format: '$context.status' },
        })
      ).message,
      /must contain \$context.requestId/,
    );
    assert.match(
      (await update(ws.wire.apiId, { DefaultRouteSettings: { LoggingLevel: 'ERROR' } })).message,
      /CloudWatch Logs role ARN must be set/,
    );
  });
});
