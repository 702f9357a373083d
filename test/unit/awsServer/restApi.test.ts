import {
  CreateDeploymentCommand,
  DeleteStageCommand,
  GetAuthorizersCommand,
  GetDeploymentsCommand,
  GetExportCommand,
  GetGatewayResponsesCommand,
  GetModelsCommand,
  GetResourcesCommand,
  GetRestApiCommand,
  GetRestApisCommand,
  GetStageCommand,
  GetStagesCommand,
  ImportRestApiCommand,
  PutRestApiCommand,
  TestInvokeMethodCommand,
} from '@aws-sdk/client-api-gateway';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { petsRest, text, useServer } from './setup';

const body = (doc: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(doc));

describe('AWS test double: REST APIs (v1) through the real APIGatewayClient', () => {
  const h = useServer();

  it('import → list → resources → deployment → stage → export round-trips', async () => {
    const imported = await h.v1.send(
      new ImportRestApiCommand({
        body: body(petsRest),
        failOnWarnings: true,
        parameters: { endpointConfigurationTypes: 'REGIONAL' },
      }),
    );
    assert.equal(imported.name, 'Pets');
    assert.equal(imported.description, 'Pet store');
    assert.equal(imported.version, '1.0');
    assert.deepEqual(imported.endpointConfiguration?.types, ['REGIONAL']);
    assert.ok(imported.createdDate instanceof Date);
    assert.equal(imported.warnings, undefined);
    const id = imported.id!;
    const request = h.server.requests.find((r) => r.operation === 'ImportRestApi')!;
    assert.deepEqual(request.query, {
      mode: ['import'],
      failonwarnings: ['true'],
      endpointConfigurationTypes: ['REGIONAL'],
    });
    assert.match(
      request.headers.authorization ?? '',
      /Credential=AKIDTEST\/\d{8}\/eu-west-1\/apigateway\/aws4_request/,
    );

    const list = await h.v1.send(new GetRestApisCommand({}));
    assert.deepEqual(
      list.items?.map((a) => a.id),
      [id],
    );
    assert.equal((await h.v1.send(new GetRestApiCommand({ restApiId: id }))).rootResourceId, imported.rootResourceId);

    const resources = await h.v1.send(new GetResourcesCommand({ restApiId: id, embed: ['methods'] }));
    const byPath = new Map(resources.items?.map((r) => [r.path, r]));
    assert.deepEqual([...byPath.keys()], ['/', '/pets', '/pets/{petId}']);
    assert.equal(byPath.get('/')?.id, imported.rootResourceId);
    assert.equal(byPath.get('/pets/{petId}')?.parentId, byPath.get('/pets')?.id);
    const get = byPath.get('/pets')?.resourceMethods?.GET;
    assert.equal(get?.operationName, 'listPets');
    assert.deepEqual(get?.requestParameters, { 'method.request.querystring.limit': false });
    assert.deepEqual(get?.methodResponses?.['200']?.responseModels, { 'application/json': 'Pets' });
    assert.equal(get?.methodIntegration?.type, 'MOCK');
    assert.equal(get?.methodIntegration?.passthroughBehavior, 'WHEN_NO_MATCH');
    assert.equal(get?.methodIntegration?.integrationResponses?.['200']?.selectionPattern, undefined);
    const post = byPath.get('/pets')?.resourceMethods?.POST;
    assert.equal(post?.authorizationType, 'CUSTOM');
    assert.deepEqual(post?.requestModels, { 'application/json': 'Pet' });
    assert.equal(post?.methodIntegration?.type, 'AWS_PROXY');

    const plain = await h.v1.send(new GetResourcesCommand({ restApiId: id }));
    assert.deepEqual(plain.items?.find((r) => r.path === '/pets')?.resourceMethods, { GET: {}, POST: {} });

    const authorizers = await h.v1.send(new GetAuthorizersCommand({ restApiId: id }));
    assert.equal(authorizers.items?.[0]?.name, 'lambdaAuth');
    assert.equal(authorizers.items?.[0]?.type, 'TOKEN');
    assert.equal(authorizers.items?.[0]?.id, post?.authorizerId);
    assert.equal(authorizers.items?.[0]?.identitySource, 'method.request.header.Authorization');
    const models = await h.v1.send(new GetModelsCommand({ restApiId: id }));
    assert.deepEqual(models.items?.map((m) => m.name).sort(), ['Pet', 'Pets']);
    const responses = await h.v1.send(new GetGatewayResponsesCommand({ restApiId: id }));
    const own = responses.items?.find((r) => r.responseType === 'DEFAULT_4XX');
    assert.equal(own?.defaultResponse, false);
    assert.equal(responses.items?.find((r) => r.responseType === 'THROTTLED')?.defaultResponse, true);

    const deployment = await h.v1.send(
      new CreateDeploymentCommand({
        restApiId: id,
        stageName: 'prod',
        variables: { lambdaAlias: 'live' },
        description: 'first',
      }),
    );
    assert.deepEqual(deployment.apiSummary?.['/pets']?.POST, { authorizationType: 'CUSTOM', apiKeyRequired: false });
    const stage = await h.v1.send(new GetStageCommand({ restApiId: id, stageName: 'prod' }));
    assert.equal(stage.deploymentId, deployment.id);
    assert.deepEqual(stage.variables, { lambdaAlias: 'live' });
    assert.ok(stage.lastUpdatedDate instanceof Date);
    assert.equal((await h.v1.send(new GetStagesCommand({ restApiId: id }))).item?.length, 1);
    assert.equal((await h.v1.send(new GetDeploymentsCommand({ restApiId: id }))).items?.[0]?.description, 'first');

    const exported = await h.v1.send(
      new GetExportCommand({
        restApiId: id,
        stageName: 'prod',
        exportType: 'oas30',
        accepts: 'application/json',
        parameters: { extensions: 'integrations' },
      }),
    );
    assert.equal(exported.contentType, 'application/json');
    const doc = JSON.parse(text(exported.body)) as typeof petsRest;
    assert.deepEqual(doc.servers, [
      {
        url: `https://${id}.execute-api.eu-west-1.amazonaws.com/{basePath}`,
        variables: { basePath: { default: '/prod' } },
      },
    ]);
    assert.deepEqual(
      doc.paths['/pets'].get['x-amazon-apigateway-integration'],
      petsRest.paths['/pets'].get['x-amazon-apigateway-integration'],
    );
    assert.equal('x-amazon-apigateway-authorizer' in doc.components.securitySchemes.lambdaAuth, false);
    assert.equal('x-amazon-apigateway-gateway-responses' in doc, false);

    const yaml = await h.v1.send(
      new GetExportCommand({
        restApiId: id,
        stageName: 'prod',
        exportType: 'swagger',
        accepts: 'application/yaml',
        parameters: { extensions: 'apigateway' },
      }),
    );
    const swagger = parseYaml(text(yaml.body)) as Record<string, unknown>;
    assert.equal(swagger.swagger, '2.0');
    assert.equal(swagger.host, `${id}.execute-api.eu-west-1.amazonaws.com`);
    assert.equal(swagger.basePath, '/prod');
    assert.ok('x-amazon-apigateway-gateway-responses' in swagger);
    assert.match(JSON.stringify(swagger.paths), /#\/definitions\/Pets/);
  });

  it('answers TestInvokeMethod for a MOCK integration from its stored responses', async () => {
    const { id } = await h.v1.send(new ImportRestApiCommand({ body: body(petsRest) }));
    const resources = await h.v1.send(new GetResourcesCommand({ restApiId: id }));
    const pets = resources.items?.find((r) => r.path === '/pets');
    const answer = await h.v1.send(
      new TestInvokeMethodCommand({
        restApiId: id,
        resourceId: pets?.id,
        httpMethod: 'GET',
        pathWithQueryString: '/pets?limit=2',
      }),
    );
    assert.equal(answer.status, 200);
    assert.equal(answer.body, '[{"id": 1, "type": "dog"}]');
    assert.equal(answer.headers?.['Access-Control-Allow-Origin'], '*');
    assert.deepEqual(answer.multiValueHeaders?.['Access-Control-Allow-Origin'], ['*']);
    assert.match(answer.log ?? '', /HTTP Method: GET, Resource Path: \/pets\n/);
    assert.match(answer.log ?? '', /Method request query string: \{limit=2\}/);
    assert.match(answer.log ?? '', /Method completed with status: 200/);
    assert.equal(typeof answer.latency, 'number');
  });

  it('PutRestApi merges or overwrites, keeping resource ids; the deployed stage exports what was deployed', async () => {
    const { id } = await h.v1.send(new ImportRestApiCommand({ body: body(petsRest) }));
    await h.v1.send(new CreateDeploymentCommand({ restApiId: id, stageName: 'prod' }));
    const before = await h.v1.send(new GetResourcesCommand({ restApiId: id }));
    const extra = {
      openapi: '3.0.1',
      info: { title: 'Pets', version: '1.1' },
      paths: {
        '/owners': {
          get: { responses: { '200': { description: 'ok' } }, 'x-amazon-apigateway-integration': { type: 'mock' } },
        },
      },
    };
    await h.v1.send(new PutRestApiCommand({ restApiId: id, mode: 'merge', body: body(extra) }));
    const merged = await h.v1.send(new GetResourcesCommand({ restApiId: id }));
    assert.deepEqual(
      merged.items?.map((r) => r.path),
      ['/', '/owners', '/pets', '/pets/{petId}'],
    );
    assert.equal(merged.items?.find((r) => r.path === '/pets')?.id, before.items?.find((r) => r.path === '/pets')?.id);

    const put = await h.v1.send(new PutRestApiCommand({ restApiId: id, mode: 'overwrite', body: body(extra) }));
    assert.equal(put.version, '1.1');
    const overwritten = await h.v1.send(new GetResourcesCommand({ restApiId: id }));
    assert.deepEqual(
      overwritten.items?.map((r) => r.path),
      ['/', '/owners'],
    );

    const exported = await h.v1.send(new GetExportCommand({ restApiId: id, stageName: 'prod', exportType: 'oas30' }));
    assert.deepEqual(Object.keys((JSON.parse(text(exported.body)) as { paths: object }).paths), [
      '/pets',
      '/pets/{petId}',
    ]);
    await h.v1.send(new DeleteStageCommand({ restApiId: id, stageName: 'prod' }));
    await assert.rejects(h.v1.send(new GetStageCommand({ restApiId: id, stageName: 'prod' })), {
      name: 'NotFoundException',
    });
  });

  it('applies basepath=prepend and split', async () => {
    const prepend = await h.v1.send(
      new ImportRestApiCommand({ body: body(petsRest), parameters: { basepath: 'prepend' } }),
    );
    const paths = (await h.v1.send(new GetResourcesCommand({ restApiId: prepend.id }))).items?.map((r) => r.path);
    assert.deepEqual(paths, ['/', '/v1', '/v1/pets', '/v1/pets/{petId}']);
    const nested = { ...petsRest, servers: [{ url: 'https://example.com/a/b' }] };
    const split = await h.v1.send(new ImportRestApiCommand({ body: body(nested), parameters: { basepath: 'split' } }));
    const splitPaths = (await h.v1.send(new GetResourcesCommand({ restApiId: split.id }))).items?.map((r) => r.path);
    assert.deepEqual(splitPaths, ['/', '/b', '/b/pets', '/b/pets/{petId}']);
  });

  it('reports import warnings: fatal with failOnWarnings, in RestApi.warnings without', async () => {
    const doc = structuredClone(petsRest) as Record<string, unknown> & typeof petsRest;
    (doc.paths['/pets'].get['x-amazon-apigateway-integration'] as { type: string }).type = 'lambda';
    (doc.paths['/pets'].get as Record<string, unknown>)['x-amazon-apigateway-throttle'] = { rate: 1 };
    const missingRef = new TextEncoder().encode(
      JSON.stringify(doc).replace('#/components/schemas/Pets"', '#/components/schemas/Missing"'),
    );
    const count = (await h.v1.send(new GetRestApisCommand({ limit: 500 }))).items?.length;
    const error = await h.v1.send(new ImportRestApiCommand({ body: body(doc), failOnWarnings: true })).then(
      () => assert.fail('import should fail'),
      (e: Error) => e,
    );
    assert.equal(error.name, 'BadRequestException');
    assert.equal(
      error.message,
      "Warnings found during import:\n\tParse issue: attribute paths.'/pets'(get).x-amazon-apigateway-throttle is unexpected\n\tUnknown integration type 'lambda' for 'GET /pets'. Ignoring.",
    );
    assert.equal((await h.v1.send(new GetRestApisCommand({ limit: 500 }))).items?.length, count, 'nothing created');

    const imported = await h.v1.send(new ImportRestApiCommand({ body: body(doc), failOnWarnings: false }));
    assert.equal(imported.warnings?.length, 2);
    const missing = await h.v1.send(new ImportRestApiCommand({ body: missingRef, failOnWarnings: false }));
    assert.ok(
      missing.warnings?.some((w) => w.includes('#/components/schemas/Missing is missing')),
      String(missing.warnings),
    );
  });

  it('refuses import errors whatever failOnWarnings says, naming the method and path', async () => {
    const doc = structuredClone(petsRest);
    Object.assign(doc.paths['/pets/{petId}'].get['x-amazon-apigateway-integration'], { timeoutInMillis: 90000 });
    await assert.rejects(h.v1.send(new ImportRestApiCommand({ body: body(doc) })), {
      name: 'BadRequestException',
      message:
        "Errors found during import:\n\tUnable to put integration on 'GET' for resource at path '/pets/{petId}': Timeout should be between 50 ms and 29000 ms",
    });
    await assert.rejects(h.v1.send(new ImportRestApiCommand({ body: new TextEncoder().encode('not: [an, api') })), {
      name: 'BadRequestException',
      message: 'Invalid OpenAPI input.',
    });
  });

  it('accepts YAML bodies and refuses one over the 6 MB import limit', async () => {
    const yaml = `openapi: 3.0.1\ninfo: {title: Small, version: '1'}\npaths:\n  /:\n    get:\n      x-amazon-apigateway-integration: {type: mock}\n`;
    const small = await h.v1.send(new ImportRestApiCommand({ body: new TextEncoder().encode(yaml) }));
    assert.equal(small.name, 'Small');
    const big = `${yaml}# ${'x'.repeat(6 * 1024 * 1024)}\n`;
    await assert.rejects(
      h.v1.send(new ImportRestApiCommand({ body: new TextEncoder().encode(big) })),
      (e: Error & { $metadata?: { httpStatusCode?: number } }) => {
        assert.equal(e.name, 'RequestEntityTooLargeException');
        assert.equal(e.$metadata?.httpStatusCode, 413);
        return true;
      },
    );
  });

  it('answers unknown ids with NotFoundException and bad stage names with BadRequestException', async () => {
    await assert.rejects(h.v1.send(new GetRestApiCommand({ restApiId: 'nope123456' })), {
      name: 'NotFoundException',
      message: 'Invalid API identifier specified 123456789012:nope123456',
    });
    await assert.rejects(h.v1.send(new PutRestApiCommand({ restApiId: 'nope123456', body: body(petsRest) })), {
      name: 'NotFoundException',
    });
    const { id } = await h.v1.send(new ImportRestApiCommand({ body: body(petsRest) }));
    await assert.rejects(h.v1.send(new CreateDeploymentCommand({ restApiId: id, stageName: 'prod v2!' })), {
      name: 'BadRequestException',
      message: 'Stage name only allows a-zA-Z0-9_-',
    });
    await assert.rejects(h.v1.send(new GetStageCommand({ restApiId: id, stageName: 'nope' })), {
      name: 'NotFoundException',
      message: 'Invalid stage identifier specified',
    });
  });

  it('refuses to deploy an API without methods or with a method without integration', async () => {
    const empty = { openapi: '3.0.1', info: { title: 'Empty', version: '1' }, paths: {} };
    const { id } = await h.v1.send(new ImportRestApiCommand({ body: body(empty) }));
    await assert.rejects(h.v1.send(new CreateDeploymentCommand({ restApiId: id, stageName: 'dev' })), {
      message: "The REST API doesn't contain any methods",
    });
    const bare = { ...empty, paths: { '/x': { get: { responses: {} } } } };
    const other = await h.v1.send(new ImportRestApiCommand({ body: body(bare) }));
    await assert.rejects(h.v1.send(new CreateDeploymentCommand({ restApiId: other.id, stageName: 'dev' })), {
      message: 'No integration defined for method',
    });
  });
});
