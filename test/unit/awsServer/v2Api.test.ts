import {
  CreateApiCommand,
  CreateDeploymentCommand,
  CreateIntegrationCommand,
  CreateRouteCommand,
  CreateRouteResponseCommand,
  CreateStageCommand,
  DeleteApiCommand,
  DeleteIntegrationCommand,
  DeleteRouteCommand,
  ExportApiCommand,
  GetApiCommand,
  GetApisCommand,
  GetAuthorizersCommand,
  GetDeploymentsCommand,
  GetIntegrationsCommand,
  GetRouteResponsesCommand,
  GetRoutesCommand,
  GetStageCommand,
  GetStagesCommand,
  ImportApiCommand,
  ReimportApiCommand,
  UpdateApiCommand,
  UpdateIntegrationCommand,
  UpdateRouteCommand,
  UpdateStageCommand,
} from '@aws-sdk/client-apigatewayv2';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { petsHttp, text, useServer } from './setup';

describe('AWS test double: HTTP and WebSocket APIs (v2) through the real ApiGatewayV2Client', () => {
  const h = useServer();

  it('ImportApi → GetRoutes → CreateStage → ExportApi round-trips', async () => {
    const api = await h.v2.send(new ImportApiCommand({ Body: petsHttp, FailOnWarnings: true }));
    assert.equal(api.Name, 'Pets HTTP');
    assert.equal(api.ProtocolType, 'HTTP');
    assert.equal(api.Version, '2.0');
    assert.equal(api.RouteSelectionExpression, '$request.method $request.path');
    assert.equal(api.ApiEndpoint, `https://${api.ApiId}.execute-api.eu-west-1.amazonaws.com`);
    assert.ok(api.CreatedDate instanceof Date);
    const apiId = api.ApiId!;
    assert.deepEqual(h.server.requests.find((r) => r.operation === 'ImportApi')?.query, { failOnWarnings: ['true'] });

    assert.deepEqual(
      (await h.v2.send(new GetApisCommand({}))).Items?.map((a) => a.ApiId),
      [apiId],
    );
    const routes = (await h.v2.send(new GetRoutesCommand({ ApiId: apiId }))).Items ?? [];
    assert.deepEqual(routes.map((r) => r.RouteKey).sort(), ['GET /pets', 'GET /pets/{petId}', 'POST /pets']);
    const post = routes.find((r) => r.RouteKey === 'POST /pets');
    assert.equal(post?.AuthorizationType, 'JWT');
    assert.deepEqual(post?.AuthorizationScopes, ['pets/write']);
    assert.equal(routes.find((r) => r.RouteKey === 'GET /pets')?.OperationName, 'listPets');
    const integrations = (await h.v2.send(new GetIntegrationsCommand({ ApiId: apiId }))).Items ?? [];
    assert.equal(integrations.length, 3);
    assert.equal(
      post?.Target,
      `integrations/${integrations.find((i) => `integrations/${i.IntegrationId}` === post?.Target)?.IntegrationId}`,
    );
    assert.ok(integrations.some((i) => i.IntegrationType === 'HTTP_PROXY' && i.IntegrationMethod === 'GET'));
    const authorizers = (await h.v2.send(new GetAuthorizersCommand({ ApiId: apiId }))).Items ?? [];
    assert.deepEqual(authorizers[0]?.JwtConfiguration, { Issuer: 'https://issuer.example.com', Audience: ['pets'] });
    assert.equal(post?.AuthorizerId, authorizers[0]?.AuthorizerId);

    const stage = await h.v2.send(
      new CreateStageCommand({ ApiId: apiId, StageName: 'prod', AutoDeploy: true, StageVariables: { alias: 'live' } }),
    );
    assert.equal(stage.AutoDeploy, true);
    assert.ok(stage.DeploymentId);
    assert.match(stage.LastDeploymentStatusMessage ?? '', /Successfully deployed/);
    assert.deepEqual((await h.v2.send(new GetStageCommand({ ApiId: apiId, StageName: 'prod' }))).StageVariables, {
      alias: 'live',
    });
    assert.equal((await h.v2.send(new GetDeploymentsCommand({ ApiId: apiId }))).Items?.[0]?.AutoDeployed, true);

    const exported = await h.v2.send(
      new ExportApiCommand({
        ApiId: apiId,
        Specification: 'OAS30',
        OutputType: 'JSON',
        IncludeExtensions: true,
        StageName: 'prod',
      }),
    );
    const doc = JSON.parse(text(exported.body)) as {
      servers: unknown;
      paths: Record<string, Record<string, Record<string, unknown>>>;
      'x-amazon-apigateway-importexport-version': string;
      components: { securitySchemes: Record<string, unknown> };
    };
    assert.deepEqual(doc.servers, [
      {
        url: `https://${apiId}.execute-api.eu-west-1.amazonaws.com/{basePath}`,
        variables: { basePath: { default: 'prod' } },
      },
    ]);
    assert.equal(doc['x-amazon-apigateway-importexport-version'], '1.0');
    assert.deepEqual(Object.keys(doc.paths).sort(), ['/pets', '/pets/{petId}']);
    assert.deepEqual(doc.paths['/pets']?.get?.['x-amazon-apigateway-integration'], {
      type: 'aws_proxy',
      httpMethod: 'POST',
      uri: 'arn:aws:lambda:eu-west-1:123456789012:function:pets',
      payloadFormatVersion: '2.0',
      connectionType: 'INTERNET',
      timeoutInMillis: 30000,
    });
    assert.deepEqual(doc.paths['/pets']?.post?.security, [{ jwt: ['pets/write'] }]);
    assert.ok(doc.components.securitySchemes.jwt);

    const yaml = await h.v2.send(
      new ExportApiCommand({ ApiId: apiId, Specification: 'OAS30', OutputType: 'YAML', IncludeExtensions: false }),
    );
    const plain = parseYaml(text(yaml.body)) as Record<string, unknown>;
    assert.equal(JSON.stringify(plain).includes('x-amazon-apigateway-integration'), false);
  });

  it('ReimportApi replaces routes; autoDeploy stages follow; the stage export keeps what was deployed', async () => {
    const { ApiId } = await h.v2.send(new ImportApiCommand({ Body: petsHttp }));
    await h.v2.send(new CreateStageCommand({ ApiId, StageName: 'manual' }));
    const first = await h.v2.send(new CreateDeploymentCommand({ ApiId, StageName: 'manual', Description: 'one' }));
    assert.equal(first.DeploymentStatus, 'DEPLOYED');
    const smaller = petsHttp.replace(/ {2}\/pets\/\{petId\}:[\s\S]*?(?=components:)/, '');
    const reimported = await h.v2.send(new ReimportApiCommand({ ApiId, Body: smaller }));
    assert.equal(reimported.ApiId, ApiId);
    assert.equal((await h.v2.send(new GetRoutesCommand({ ApiId }))).Items?.length, 2);
    const exported = await h.v2.send(
      new ExportApiCommand({ ApiId, Specification: 'OAS30', OutputType: 'JSON', StageName: 'manual' }),
    );
    assert.ok('/pets/{petId}' in (JSON.parse(text(exported.body)) as { paths: object }).paths);
    await assert.rejects(h.v2.send(new CreateStageCommand({ ApiId, StageName: 'manual' })), {
      name: 'ConflictException',
    });
    await assert.rejects(h.v2.send(new CreateStageCommand({ ApiId, StageName: 'bad name!' })), {
      name: 'BadRequestException',
      message: 'Stage name only allows a-zA-Z0-9._- or $default',
    });
    const updated = await h.v2.send(new UpdateStageCommand({ ApiId, StageName: 'manual', StageVariables: { a: 'b' } }));
    assert.deepEqual(updated.StageVariables, { a: 'b' });
    assert.equal((await h.v2.send(new UpdateApiCommand({ ApiId, Description: 'new' }))).Description, 'new');
    await h.v2.send(new DeleteApiCommand({ ApiId }));
    await assert.rejects(h.v2.send(new GetApiCommand({ ApiId })), {
      name: 'NotFoundException',
      message: `Invalid API identifier specified ${ApiId}`,
    });
  });

  it('reports import warnings: fatal with failOnWarnings, in Api.warnings without', async () => {
    const withMock = petsHttp
      .replace('type: http_proxy', 'type: mock')
      .replace('  /pets:\n', '  /pets:\n    x-amazon-apigateway-foo: 1\n');
    const error = await h.v2.send(new ImportApiCommand({ Body: withMock, FailOnWarnings: true })).then(
      () => assert.fail('import should fail'),
      (e: Error) => e,
    );
    assert.equal(error.name, 'BadRequestException');
    assert.match(
      error.message,
      /^Warnings found during import:\n\tCurrently, an API with a protocol type of HTTP may only be associated with proxy integrations \(AWS_PROXY, HTTP_PROXY\)\. Ignoring the integration of 'GET \/pets\/\{petId\}'\.$/,
    );
    const api = await h.v2.send(new ImportApiCommand({ Body: withMock, FailOnWarnings: false, Basepath: 'ignore' }));
    assert.equal(api.Warnings?.length, 1);
    const unknownExtension = petsHttp.replace(
      '    get:\n      operationId',
      '    get:\n      x-amazon-apigateway-foo: 1\n      operationId',
    );
    const warned = await h.v2.send(new ImportApiCommand({ Body: unknownExtension }));
    assert.deepEqual(warned.Warnings, [
      "Parse issue: attribute paths.'/pets'(get).x-amazon-apigateway-foo is unexpected",
    ]);
  });

  it('builds a WebSocket API with CreateApi, CreateIntegration, CreateRoute, CreateRouteResponse, CreateStage', async () => {
    await assert.rejects(h.v2.send(new CreateApiCommand({ Name: 'chat', ProtocolType: 'WEBSOCKET' })), {
      name: 'BadRequestException',
    });
    const api = await h.v2.send(
      new CreateApiCommand({
        Name: 'chat',
        ProtocolType: 'WEBSOCKET',
        RouteSelectionExpression: '$request.body.action',
      }),
    );
    assert.match(api.ApiEndpoint ?? '', /^wss:\/\//);
    const ApiId = api.ApiId!;
    await assert.rejects(h.v2.send(new CreateDeploymentCommand({ ApiId })), {
      message: 'At least one route is required before deploying the Api.',
    });
    const integration = await h.v2.send(
      new CreateIntegrationCommand({
        ApiId,
        IntegrationType: 'AWS_PROXY',
        IntegrationUri:
          'arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:chat/invocations',
      }),
    );
    const route = await h.v2.send(
      new CreateRouteCommand({ ApiId, RouteKey: '$connect', Target: `integrations/${integration.IntegrationId}` }),
    );
    await assert.rejects(h.v2.send(new CreateRouteCommand({ ApiId, RouteKey: '$connect' })), {
      name: 'ConflictException',
    });
    await h.v2.send(new CreateRouteResponseCommand({ ApiId, RouteId: route.RouteId, RouteResponseKey: '$default' }));
    assert.equal(
      (await h.v2.send(new GetRouteResponsesCommand({ ApiId, RouteId: route.RouteId }))).Items?.[0]?.RouteResponseKey,
      '$default',
    );
    const mock = await h.v2.send(new CreateIntegrationCommand({ ApiId, IntegrationType: 'MOCK' }));
    await h.v2.send(
      new UpdateRouteCommand({ ApiId, RouteId: route.RouteId, Target: `integrations/${mock.IntegrationId}` }),
    );
    await h.v2.send(
      new UpdateIntegrationCommand({ ApiId, IntegrationId: integration.IntegrationId, TimeoutInMillis: 5000 }),
    );
    await h.v2.send(new DeleteIntegrationCommand({ ApiId, IntegrationId: integration.IntegrationId }));
    await assert.rejects(h.v2.send(new DeleteIntegrationCommand({ ApiId, IntegrationId: mock.IntegrationId })), {
      name: 'ConflictException',
    });
    await h.v2.send(new CreateStageCommand({ ApiId, StageName: 'production' }));
    const deployment = await h.v2.send(new CreateDeploymentCommand({ ApiId, StageName: 'production' }));
    assert.equal((await h.v2.send(new GetStagesCommand({ ApiId }))).Items?.[0]?.DeploymentId, deployment.DeploymentId);
    await assert.rejects(h.v2.send(new ExportApiCommand({ ApiId, Specification: 'OAS30', OutputType: 'JSON' })), {
      name: 'BadRequestException',
    });
    await h.v2.send(new DeleteRouteCommand({ ApiId, RouteId: route.RouteId }));
    assert.equal((await h.v2.send(new GetRoutesCommand({ ApiId }))).Items?.length, 0);
  });

  it('refuses non-proxy integrations on HTTP APIs and unknown targets', async () => {
    const api = await h.v2.send(new CreateApiCommand({ Name: 'http', ProtocolType: 'HTTP' }));
    await assert.rejects(
      h.v2.send(
        new CreateIntegrationCommand({ ApiId: api.ApiId, IntegrationType: 'AWS', IntegrationUri: 'arn:aws:x' }),
      ),
      {
        name: 'BadRequestException',
        message:
          'Currently, an API with a protocol type of HTTP may only be associated with proxy integrations (AWS_PROXY, HTTP_PROXY)',
      },
    );
    await assert.rejects(
      h.v2.send(new CreateRouteCommand({ ApiId: api.ApiId, RouteKey: 'GET /x', Target: 'integrations/nope' })),
      {
        name: 'BadRequestException',
      },
    );
    const quick = await h.v2.send(
      new CreateApiCommand({
        Name: 'quick',
        ProtocolType: 'HTTP',
        Target: 'arn:aws:lambda:eu-west-1:123456789012:function:f',
      }),
    );
    const stage = await h.v2.send(new GetStageCommand({ ApiId: quick.ApiId, StageName: '$default' }));
    assert.equal(stage.AutoDeploy, true);
    assert.ok(stage.DeploymentId);
  });
});
