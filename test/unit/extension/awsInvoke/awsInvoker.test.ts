import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { HttpInvokeRequest, TestInvokeInput } from '../../../../src/aws';
import type { AwsClients, DeployedApiDetails } from '../../../../src/aws/types';
import type { AwsConnection } from '../../../../src/extension/aws/awsConnection';
import {
  AwsInvokeProblem,
  AwsRouteInvoker,
  type AwsInvokeFacade,
} from '../../../../src/extension/awsInvoke/awsInvoker';
import type { InvokeForm } from '../../../../src/extension/mock/invokeForm';
import { logSteps } from '../../../../src/aws/invoke';

const details = (kind: 'REST' | 'HTTP'): DeployedApiDetails => ({
  api: { id: 'abc123', name: 'Pets on AWS', kind },
  stages: [
    {
      apiId: 'abc123',
      name: 'prod',
      invokeUrl: 'https://abc123.execute-api.eu-west-1.amazonaws.com/prod',
      variables: { alias: 'live' },
    },
  ],
  routes: [
    {
      key: 'GET /pets/{id}',
      id: 'r1',
      resourceId: 'res1',
      method: 'GET',
      path: '/pets/{id}',
      authorizationType: kind === 'HTTP' ? 'AWS_IAM' : 'NONE',
    },
  ],
  authorizers: [],
});

const form: InvokeForm = {
  api: 'Pets',
  method: 'GET',
  path: '/pets/{petId}',
  sendMethod: 'GET',
  pathParameters: [{ name: 'petId', value: '7', required: true }],
  query: [],
  headers: [],
  contentType: 'application/json',
  body: '',
};

function fake(kind: 'REST' | 'HTTP', failure?: Error) {
  const calls: { details: number; tests: TestInvokeInput[]; http: HttpInvokeRequest[] } = {
    details: 0,
    tests: [],
    http: [],
  };
  const facade: AwsInvokeFacade = {
    getApiDetails() {
      calls.details++;
      return failure ? Promise.reject(failure) : Promise.resolve(details(kind));
    },
    testInvokeMethod(_clients, input) {
      calls.tests.push(input);
      return Promise.resolve({
        status: 200,
        headers: { 'Content-Type': 'application/json' },
        body: '{"id":"7"}',
        latencyMs: 12,
        log: 'Execution log for request req-9\nThu Nov 09 18:02:40 UTC 2023 : Method completed with status: 200\n',
      });
    },
    invokeHttpRoute(request) {
      calls.http.push(request);
      return Promise.resolve({ status: 204, headers: { 'apigw-requestid': 'h-1' }, body: '', latencyMs: 30 });
    },
    signingCredentialsOf: () => ({ accessKeyId: 'AKID', secretAccessKey: 'secret' }),
    logSteps,
  };
  const connection = {
    connect: () =>
      Promise.resolve({
        facade,
        clients: { place: { region: 'eu-west-1' } } as AwsClients,
        resolved: { place: { region: 'eu-west-1' }, profileLabel: 'default', regionSource: 'setting' },
      }),
    describe: (error: unknown, operation?: string) => ({
      kind: 'notFound' as const,
      message: `${operation}: not found (${error instanceof Error ? error.message : String(error)})`,
    }),
  } as unknown as Pick<AwsConnection, 'connect' | 'describe'>;
  return { calls, connection };
}

describe('AwsRouteInvoker', () => {
  it('finds the route once, then runs TestInvokeMethod with the stage variables and shows its log', async () => {
    const { calls, connection } = fake('REST');
    const invoker = new AwsRouteInvoker(
      { connection },
      { apiId: 'abc123', kind: 'REST', stage: 'prod' },
      {
        method: 'GET',
        path: '/pets/{petId}',
      },
    );
    assert.equal(invoker.label, 'AWS (stage prod of API abc123)');
    const result = await invoker.send(form);
    await invoker.send(form);
    assert.equal(calls.details, 1, 'the API is read once');
    assert.equal(invoker.label, 'AWS (stage prod of API Pets on AWS)');
    assert.deepEqual(calls.tests[0], {
      apiId: 'abc123',
      resourceId: 'res1',
      httpMethod: 'GET',
      pathWithQueryString: '/pets/7',
      stageVariables: { alias: 'live' },
    });
    assert.equal(result.status, 200);
    assert.equal(result.requestId, 'req-9');
    assert.equal(result.route, 'GET /pets/{id}');
    assert.deepEqual(
      result.awsLog?.map((s) => s.title),
      ['Result'],
    );
  });

  it('calls an HTTP route at the stage URL, signed for AWS_IAM', async () => {
    const { calls, connection } = fake('HTTP');
    const invoker = new AwsRouteInvoker(
      { connection },
      { apiId: 'abc123', kind: 'HTTP', stage: 'prod' },
      {
        method: 'GET',
        path: '/pets/{petId}',
      },
    );
    const result = await invoker.send(form);
    assert.equal(calls.http[0]?.url, 'https://abc123.execute-api.eu-west-1.amazonaws.com/prod/pets/7');
    assert.equal(calls.http[0]?.sign?.region, 'eu-west-1');
    assert.equal(result.status, 204);
    assert.equal(result.requestId, 'h-1');
    assert.equal(result.awsLog, undefined);
  });

  it('says what is wrong, without a stack trace: a missing stage, a route not deployed, an AWS failure', async () => {
    const missingStage = new AwsRouteInvoker(
      { connection: fake('REST').connection },
      {
        apiId: 'abc123',
        kind: 'REST',
        stage: 'dev',
      },
      { method: 'GET', path: '/pets/{petId}' },
    );
    await assert.rejects(missingStage.send(form), (e: unknown) => {
      assert.ok(e instanceof AwsInvokeProblem);
      assert.equal(
        e.message,
        'API Pets on AWS (abc123) has no stage dev (it has prod): deploy it to that stage, or invoke again and pick another stage.',
      );
      return true;
    });
    const notDeployed = new AwsRouteInvoker(
      { connection: fake('REST').connection },
      {
        apiId: 'abc123',
        kind: 'REST',
        stage: 'prod',
      },
      { method: 'DELETE', path: '/pets/{petId}' },
    );
    await assert.rejects(
      notDeployed.send(form),
      /DELETE \/pets\/\{petId\} is not a route of API Pets on AWS \(abc123\) on AWS: deploy/,
    );
    const failing = new AwsRouteInvoker(
      { connection: fake('REST', new Error('Invalid API identifier')).connection },
      {
        apiId: 'abc123',
        kind: 'REST',
        stage: 'prod',
      },
      { method: 'GET', path: '/pets/{petId}' },
    );
    await assert.rejects(failing.send(form), (e: unknown) => {
      assert.ok(e instanceof AwsInvokeProblem);
      assert.equal(e.message, 'GetApiDetails: not found (Invalid API identifier)');
      return true;
    });
  });

  it('sends a deployed route from the AWS view without reading the API again', async () => {
    const { calls, connection } = fake('REST');
    const d = details('REST');
    const invoker = new AwsRouteInvoker(
      { connection },
      { apiId: 'abc123', kind: 'REST', stage: 'prod' },
      {
        deployed: d.routes[0]!,
        apiName: 'Pets on AWS',
        stage: d.stages[0]!,
      },
    );
    assert.equal(invoker.label, 'AWS (stage prod of API Pets on AWS)');
    await invoker.send({ ...form, path: '/pets/{id}', pathParameters: [{ name: 'id', value: '3', required: true }] });
    assert.equal(calls.details, 0);
    assert.equal(calls.tests[0]?.pathWithQueryString, '/pets/3');
  });
});
