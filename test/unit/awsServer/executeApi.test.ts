import {
  CreateDeploymentCommand as RestCreateDeploymentCommand,
  GetDeploymentCommand as RestGetDeploymentCommand,
  ImportRestApiCommand,
} from '@aws-sdk/client-api-gateway';
import {
  CreateRouteCommand,
  CreateStageCommand,
  GetDeploymentCommand,
  GetRoutesCommand,
  ImportApiCommand,
} from '@aws-sdk/client-apigatewayv2';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { invokeHttpRoute } from '../../../src/aws/invoke';
import { credentials, petsHttp, petsRest, region, useServer } from './setup';

describe('AWS test double: GetDeployment and the execute-api plane', () => {
  const h = useServer();

  it('GetDeployment answers for REST and HTTP APIs, and 404 NotFoundException for an unknown id', async () => {
    const rest = await h.v1.send(
      new ImportRestApiCommand({ body: new TextEncoder().encode(JSON.stringify(petsRest)), failOnWarnings: false }),
    );
    const created = await h.v1.send(new RestCreateDeploymentCommand({ restApiId: rest.id, stageName: 'prod' }));
    const got = await h.v1.send(new RestGetDeploymentCommand({ restApiId: rest.id, deploymentId: created.id }));
    assert.equal(got.id, created.id);
    assert.ok(got.createdDate instanceof Date);
    await assert.rejects(
      h.v1.send(new RestGetDeploymentCommand({ restApiId: rest.id, deploymentId: 'nope' })),
      (e: Error) => e.name === 'NotFoundException',
    );

    const http = await h.v2.send(new ImportApiCommand({ Body: petsHttp }));
    const stage = await h.v2.send(new CreateStageCommand({ ApiId: http.ApiId, StageName: 'prod', AutoDeploy: true }));
    assert.ok(stage.DeploymentId);
    const deployment = await h.v2.send(
      new GetDeploymentCommand({ ApiId: http.ApiId, DeploymentId: stage.DeploymentId }),
    );
    assert.equal(deployment.DeploymentId, stage.DeploymentId);
    assert.equal(deployment.AutoDeployed, true);
    await assert.rejects(
      h.v2.send(new GetDeploymentCommand({ ApiId: http.ApiId, DeploymentId: 'nope' })),
      (e: Error) => e.name === 'NotFoundException',
    );
    assert.ok(!h.server.requests.some((r) => r.errorType === 'UnknownOperationException'));
  });

  it('a deployed HTTP API answers at /_aws/execute-api/{apiId}/{stage}/{path}, by its most specific route', async () => {
    const http = await h.v2.send(new ImportApiCommand({ Body: petsHttp }));
    const apiId = http.ApiId!;
    await h.v2.send(new CreateStageCommand({ ApiId: apiId, StageName: 'live', AutoDeploy: true }));
    const base = `${h.server.url}/_aws/execute-api/${apiId}/live`;

    const pet = await fetch(`${base}/pets/7?verbose=true`);
    assert.equal(pet.status, 200);
    assert.ok(pet.headers.get('apigw-requestid'));
    assert.deepEqual(await pet.json(), {
      routeKey: 'GET /pets/{petId}',
      stage: 'live',
      path: '/pets/7',
      pathParameters: { petId: '7' },
      rawQueryString: 'verbose=true',
    });
    const recorded = h.server.requests.at(-1);
    assert.equal(recorded?.service, 'execute-api');
    assert.equal(recorded?.operation, 'Invoke');
    assert.equal(recorded?.path, `/_aws/execute-api/${apiId}/live/pets/7`);
    assert.equal(recorded?.status, 200);

    assert.equal((await fetch(`${base}/toys`)).status, 404);
    assert.equal((await fetch(`${h.server.url}/_aws/execute-api/${apiId}/nostage/pets`)).status, 404);
    assert.equal((await fetch(`${h.server.url}/_aws/execute-api/nosuchapi/live/pets`)).status, 404);

    h.server.state.executeApiResponder = (request) =>
      request.routeKey === 'GET /pets'
        ? { status: 201, body: 'listed', headers: { 'x-from': 'responder' } }
        : undefined;
    const listed = await fetch(`${base}/pets`);
    assert.equal(listed.status, 201);
    assert.equal(listed.headers.get('x-from'), 'responder');
    assert.equal(await listed.text(), 'listed');
    h.server.state.executeApiResponder = undefined;
  });

  it('an AWS_IAM route needs a SigV4 signature for execute-api', async () => {
    const http = await h.v2.send(new ImportApiCommand({ Body: petsHttp }));
    const apiId = http.ApiId!;
    const routes = (await h.v2.send(new GetRoutesCommand({ ApiId: apiId }))).Items ?? [];
    const target = routes.find((r) => r.RouteKey === 'GET /pets')?.Target;
    await h.v2.send(
      new CreateRouteCommand({ ApiId: apiId, RouteKey: 'DELETE /pets', AuthorizationType: 'AWS_IAM', Target: target }),
    );
    await h.v2.send(new CreateStageCommand({ ApiId: apiId, StageName: 'iam', AutoDeploy: true }));
    const url = new URL(`${h.server.url}/_aws/execute-api/${apiId}/iam/pets`);
    assert.equal((await fetch(url, { method: 'DELETE' })).status, 403);

    const answer = await invokeHttpRoute({ url: url.href, method: 'DELETE', sign: { credentials, region } });
    assert.equal(answer.status, 200, answer.body);
    assert.equal((JSON.parse(answer.body) as { routeKey: string }).routeKey, 'DELETE /pets');
    const wrongKey = await invokeHttpRoute({
      url: url.href,
      method: 'DELETE',
      sign: { credentials: { ...credentials, secretAccessKey: 'wrong' }, region },
    });
    assert.equal(wrongKey.status, 403);
  });
});
