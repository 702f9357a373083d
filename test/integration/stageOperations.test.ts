import { APIGatewayClient, CreateDeploymentCommand } from '@aws-sdk/client-api-gateway';
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension/api';
import type { AwsNode } from '../../src/extension/aws/awsNodes';
import type { DeployQuestion } from '../../src/extension/deploy';
import type { LoggingRun, StageChangeRun } from '../../src/extension/stageOperations';
import { startAwsTestServer, type AwsTestServer } from '../aws/server';
import {
  awsTestEnvironment,
  resetAwsSettings,
  seedRestApi,
  setEnv,
  useAwsTestEndpoint,
} from './helpers/awsEnvironment';
import { extensionApi } from './helpers/extension';

const region = 'eu-west-1';
const credentials = { accessKeyId: 'AKIDSTAGEOPS', secretAccessKey: 'stage-ops-secret' };
const role = 'arn:aws:iam::123456789012:role/apigw-logs';
const clf =
  '$context.identity.sourceIp $context.identity.caller $context.identity.user [$context.requestTime] ' +
  '"$context.httpMethod $context.resourcePath $context.protocol" $context.status $context.responseLength ' +
  '$context.requestId $context.extendedRequestId';

const definition = {
  openapi: '3.0.1',
  info: { title: 'Stage Operations Pets', version: '1.0' },
  paths: {
    '/pets': {
      get: {
        responses: { '200': { description: 'ok' } },
        'x-amazon-apigateway-integration': {
          type: 'mock',
          requestTemplates: { 'application/json': '{"statusCode": 200}' },
          responses: { default: { statusCode: '200' } },
        },
      },
    },
  },
};

suite('Stage operations: rollback and logging settings through plan and confirmation', () => {
  let api: ExtensionApi;
  let server: AwsTestServer;
  let apiId: string;
  let first: string;
  let second: string;
  let savedEnv: Record<string, string | undefined>;
  /** The button the next confirmation gets (undefined: Cancel). */
  let answer: string | undefined;
  const asked: DeployQuestion[] = [];

  const label = (node: AwsNode): string => {
    const item = api.aws!.treeItem(node);
    return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
  };
  const childNamed = async (parent: AwsNode | undefined, name: string): Promise<AwsNode> => {
    const all = await api.aws!.children(parent);
    const found = all.find((n) => label(n) === name);
    if (!found) throw new Error(`No "${name}" among: ${all.map(label).join(', ')}`);
    return found;
  };
  /** The stage node as the view lists it now (listed again after a change). */
  const stageNode = async (): Promise<AwsNode> => {
    const [place] = await api.aws!.children();
    return childNamed(await childNamed(place, 'Stage Operations Pets'), 'prod');
  };
  const liveDeployment = (): unknown => server.state.restApis.get(apiId)?.stages.get('prod')?.deploymentId;

  suiteSetup(async () => {
    api = await extensionApi();
    assert.ok(api.aws, 'the extension exposes no AWS test API');
    server = await startAwsTestServer({ region, credentials: [credentials] });
    apiId = await seedRestApi(server, region, credentials, definition);
    first = String(server.state.restApis.get(apiId)?.stages.get('prod')?.deploymentId);
    const client = new APIGatewayClient({ region, endpoint: server.url, credentials });
    try {
      const made = await client.send(
        new CreateDeploymentCommand({ restApiId: apiId, stageName: 'prod', description: 'second' }),
      );
      second = made.id ?? '';
    } finally {
      client.destroy();
    }
    savedEnv = setEnv(awsTestEnvironment(credentials));
    await useAwsTestEndpoint(server.url, region);
    api.aws.refresh();
    api.deploy!.answerQuestions((question) => {
      asked.push(question);
      return answer;
    });
  });

  suiteTeardown(async () => {
    api.deploy?.answerQuestions(undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await resetAwsSettings();
    setEnv(savedEnv);
    await server.close();
  });

  setup(() => {
    asked.length = 0;
    answer = undefined;
  });

  test('a stage lists its deployments, the live one marked', async () => {
    const children = await api.aws!.children(await stageNode());
    assert.deepEqual(children.map(label).sort(), [first, second].sort());
    const live = children.find((n) => n.kind === 'aws.deployment' && n.deployment.live);
    assert.equal(live && label(live), second);
    assert.equal(api.aws!.treeItem(live!).contextValue, 'apigw.aws.deployment.live');
  });

  test('cancelling the confirmation of a rollback changes nothing', async () => {
    const node = await childNamed(await stageNode(), first);
    const updates = server.requests.filter((r) => r.operation === 'UpdateStage').length;
    const run = await vscode.commands.executeCommand<StageChangeRun>('apigw.rollBackStage', node);
    assert.equal(run.result, 'cancelled');
    assert.equal(asked.length, 1);
    assert.match(
      asked[0]?.message ?? '',
      new RegExp(
        `^Roll back stage "prod" of API "Stage Operations Pets" \\(${apiId}\\) in eu-west-1 to deployment ${first}\\?$`,
      ),
    );
    assert.equal(liveDeployment(), second);
    assert.equal(server.requests.filter((r) => r.operation === 'UpdateStage').length, updates);
  });

  test('a rollback after the confirmation changes the live deployment, and the view shows it', async () => {
    const node = await childNamed(await stageNode(), first);
    answer = 'Roll Back Stage';
    const run = await vscode.commands.executeCommand<StageChangeRun>('apigw.rollBackStage', node);
    assert.equal(run.result, 'changed');
    assert.equal(run.stage?.deploymentId, first);
    assert.equal(liveDeployment(), first);
    const children = await api.aws!.children(await stageNode());
    const live = children.find((n) => n.kind === 'aws.deployment' && n.deployment.live);
    assert.equal(live && label(live), first, 'the view lists the stage again');
  });

  test("logging on without the account's CloudWatch Logs role is refused before any change", async () => {
    delete server.state.account.cloudwatchRoleArn;
    const run = await vscode.commands.executeCommand<LoggingRun | undefined>(
      'apigw.editStageLogging',
      await stageNode(),
      { change: { executionLogging: 'INFO' } },
    );
    assert.equal(run, undefined, 'the command failed with its message');
    assert.equal(asked.length, 0, 'nothing was asked');
    assert.ok(!server.requests.some((r) => r.operation === 'UpdateStage' && r.body.includes('loglevel')));
  });

  test('turns access logging on through the plan and the confirmation, creating the log group', async () => {
    server.state.account.cloudwatchRoleArn = role;
    answer = 'Update Stage';
    const run = await vscode.commands.executeCommand<LoggingRun>('apigw.editStageLogging', await stageNode(), {
      change: { accessLog: { destination: 'stage-ops-access', format: clf } },
    });
    assert.equal(run.result, 'updated');
    assert.equal(asked.length, 1);
    assert.match(asked[0]?.message ?? '', /^Change the logging settings of stage "prod"/);
    const plan = api.deploy!.lastPlan();
    assert.match(
      plan?.text ?? '',
      /~ access logging: off → arn:aws:logs:eu-west-1:123456789012:log-group:stage-ops-access \(CLF\)/,
    );
    assert.match(plan?.text ?? '', /1\. CreateLogGroup: Create log group stage-ops-access/);
    const shown = vscode.workspace.textDocuments.find((d) => d.uri.toString() === plan?.uri.toString());
    assert.ok(shown, 'the plan is open as a document');
    assert.ok(server.state.logGroups.has('stage-ops-access'));
    const stage = server.state.restApis.get(apiId)?.stages.get('prod');
    assert.deepEqual(stage?.accessLogSettings, {
      destinationArn: 'arn:aws:logs:eu-west-1:123456789012:log-group:stage-ops-access',
      format: clf,
    });
  });
  test('Deploy as Canary, then Promote Canary: the stage shows the canary, then serves its deployment', async () => {
    answer = 'Deploy as Canary';
    const deployed = await vscode.commands.executeCommand<StageChangeRun>('apigw.deployCanary', await stageNode(), {
      percentTraffic: 20,
      description: 'canary from the test',
      stageVariableOverrides: { alias: 'next' },
    });
    assert.equal(deployed.result, 'changed');
    assert.match(asked[0]?.message ?? '', /as a canary of stage "prod" in eu-west-1, taking 20% of its traffic\?$/);
    const canaryId = deployed.stage?.canary?.deploymentId ?? '';
    assert.ok(canaryId, 'the stage has a canary');
    const canary = await childNamed(await stageNode(), 'Canary 20%');
    assert.equal(api.aws!.treeItem(canary).contextValue, 'apigw.aws.canary');
    assert.equal(liveDeployment(), first, 'the stage still serves its own deployment');

    answer = 'Promote Canary';
    const promoted = await vscode.commands.executeCommand<StageChangeRun>('apigw.promoteCanary', canary);
    assert.equal(promoted.result, 'changed');
    assert.equal(liveDeployment(), canaryId);
    const stage = server.state.restApis.get(apiId)?.stages.get('prod');
    // As AWS promotes: the canary stays, at 0 %, until Cancel Canary.
    assert.equal((stage?.canarySettings as { percentTraffic?: number } | undefined)?.percentTraffic, 0);
    assert.deepEqual(stage?.variables, { alias: 'next' });
    const labels = (await api.aws!.children(await stageNode())).map(label);
    assert.ok(labels.includes('Canary 0%'), labels.join(', '));
  });
});
