import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readDefinition } from '../../../src/model';
import type { DefinitionFile, GatewayApi, Route } from '../../../src/model';
import type { Range } from '../../../src/shared/range';
import { nodeFileSystem } from '../../../src/shared/nodeFileSystem';
import { fixture } from '../helpers/paths';

async function read(...parts: string[]): Promise<DefinitionFile> {
  const result = await readDefinition(fixture('model', ...parts), { fs: nodeFileSystem });
  if (!result.ok) throw new Error(result.failure.error.message);
  return result.definition;
}

function only(definition: DefinitionFile): GatewayApi {
  assert.equal(definition.apis.length, 1);
  return definition.apis[0] as GatewayApi;
}

function route(api: GatewayApi, method: string, path: string): Route {
  const found = api.routes.find((r) => r.method === method && r.path === path);
  assert.ok(found, `no route ${method} ${path}`);
  return found;
}

const lines = (r: Range): [number, number] => [r.start.line, r.end.line];

test('REST API from Resource and Method resources: paths from the ParentId chain, loc at the Method', async () => {
  const definition = await read('cfn', 'restResources.yaml');
  assert.deepEqual(definition.problems, []);
  const api = only(definition);
  assert.equal(api.name, 'pets');
  assert.equal(api.type, 'REST');
  assert.deepEqual(
    api.routes.map((r) => [r.method, r.path, r.loc.pointer, lines(r.loc.range)]),
    [
      ['GET', '/', '/Resources/RootGet', [18, 32]],
      ['GET', '/pets/{id}', '/Resources/GetPet', [33, 72]],
      ['POST', '/pets', '/Resources/CreatePet', [73, 85]],
    ],
  );
  assert.deepEqual(api.routes[0]?.loc.range.start, { line: 18, character: 2 });
  assert.equal(route(api, 'GET', '/').pathLoc, undefined);
  assert.equal(route(api, 'GET', '/pets/{id}').pathLoc?.pointer, '/Resources/PetResource');
  assert.equal(route(api, 'POST', '/pets').pathLoc?.pointer, '/Resources/PetsResource');
});

test('Method properties: authorizer, API key, validator, parameters, responses and models', async () => {
  const api = only(await read('cfn', 'restResources.yaml'));
  const get = route(api, 'GET', '/pets/{id}');
  assert.equal(get.operationId, 'getPet');
  assert.equal(get.authorizationType, 'CUSTOM');
  assert.deepEqual(get.security, [{ TokenAuthorizer: [] }]);
  assert.deepEqual(get.authorizerNames, ['TokenAuthorizer']);
  assert.equal(get.apiKeyRequired, true);
  assert.equal(get.requestValidator, 'ParamsValidator');
  assert.deepEqual(
    get.parameters.map((p) => [p.in, p.name, p.required, p.loc.range.start.line]),
    [
      ['path', 'id', true, 45],
      ['query', 'verbose', false, 46],
      ['header', 'X-Trace', false, 47],
    ],
  );
  assert.deepEqual(
    get.responses.map((r) => [r.statusCode, r.headers, r.contentTypes]),
    [
      ['200', [], ['application/json']],
      ['404', ['X-Reason'], []],
    ],
  );
  const post = route(api, 'POST', '/pets');
  assert.equal(post.authorizationType, 'AWS_IAM');
  assert.equal(post.apiKeyRequired, false);
  assert.deepEqual(post.authorizerNames, []);
  assert.deepEqual(post.requestBody?.contentTypes, ['application/json']);
});

test('Method Integration: type, uri, Lambda, templates and integration responses with selection patterns', async () => {
  const api = only(await read('cfn', 'restResources.yaml'));
  const integration = route(api, 'GET', '/pets/{id}').integration;
  assert.equal(integration?.type, 'AWS');
  assert.equal(integration?.httpMethod, 'POST');
  assert.equal(integration?.lambdaFunction, 'GetPetFunction');
  assert.equal(integration?.passthroughBehavior, 'WHEN_NO_TEMPLATES');
  assert.deepEqual(integration?.requestParameters, {
    'integration.request.header.X-Trace': 'method.request.header.X-Trace',
  });
  const [template] = integration?.requestTemplates ?? [];
  assert.equal(template?.contentType, 'application/json');
  assert.equal(template?.text, '{"id": "$input.params(\'id\')"}\n');
  assert.equal(template?.loc.range.start.line, 56);
  assert.deepEqual(
    integration?.responses.map((r) => [r.pattern, r.statusCode, r.responseParameters, r.responseTemplates.length]),
    [
      ['default', '200', {}, 1],
      ['.*Not found.*', '404', { 'method.response.header.X-Reason': "'missing'" }, 0],
    ],
  );
  const mock = route(api, 'GET', '/').integration;
  assert.equal(mock?.type, 'MOCK');
  assert.equal(mock?.requestTemplates[0]?.text, '{"statusCode": 200}');
  assert.equal(route(api, 'POST', '/pets').integration?.uri, 'https://example.com/pets');
});

test('Authorizer, RequestValidator, GatewayResponse and Deployment resources join their RestApi', async () => {
  const api = only(await read('cfn', 'restResources.yaml'));
  assert.deepEqual(
    api.authorizers.map((a) => [a.name, a.type, a.authType, a.identitySource, a.authorizerResultTtlInSeconds]),
    [['TokenAuthorizer', 'token', 'custom', 'method.request.header.Authorization', 300]],
  );
  assert.equal(api.authorizers[0]?.loc.pointer, '/Resources/TokenAuthorizer');
  assert.deepEqual(
    api.validators.map((v) => [v.name, v.validateRequestBody, v.validateRequestParameters]),
    [['ParamsValidator', false, true]],
  );
  const [response] = api.gatewayResponses;
  assert.equal(response?.responseType, 'RESOURCE_NOT_FOUND');
  assert.equal(response?.statusCode, '404');
  assert.deepEqual(response?.responseParameters, { 'gatewayresponse.header.Access-Control-Allow-Origin': "'*'" });
  assert.equal(response?.responseTemplates[0]?.text, '{"message": $context.error.messageString}');
  assert.deepEqual(api.stage?.name, 'dev');
  assert.deepEqual(api.stage?.variables, { backend: 'example.com' });
  assert.equal(api.stage?.loc.pointer, '/Resources/Deployment');
});

test('a looping ParentId chain, an unknown parent or resource, and a missing HttpMethod are reported once each', async () => {
  const definition = await read('cfn', 'restResourceProblems.yaml');
  const api = only(definition);
  assert.deepEqual(
    api.routes.map((r) => `${r.method} ${r.path}`),
    ['ANY /ok'],
  );
  assert.deepEqual(
    definition.problems.map((p) => [p.severity, p.code, p.range.start.line, p.message]),
    [
      [
        'error',
        'apigw.cfn.resourceCycle',
        10,
        "The ParentId chain of resource 'LoopA' loops (LoopA → LoopB → LoopA), so the paths of these resources " +
          'cannot be built and their methods are not shown: one of them must have !GetAtt Api.RootResourceId as ' +
          'its ParentId.',
      ],
      [
        'warning',
        'apigw.cfn.unknownParent',
        28,
        "The ParentId of resource 'Imported' names no resource of this template, so the paths below it are unknown " +
          'and their methods are not shown: use !GetAtt Api.RootResourceId or !Ref to an AWS::ApiGateway::Resource.',
      ],
      [
        'warning',
        'apigw.cfn.unknownResource',
        58,
        "The ResourceId of method 'NowhereGet' names no resource of this template, so its path is unknown and it is " +
          'not shown: use !GetAtt Api.RootResourceId or !Ref to an AWS::ApiGateway::Resource.',
      ],
      [
        'warning',
        'apigw.cfn.noHttpMethod',
        63,
        "The method 'NoVerb' has no HttpMethod, so it is not shown: add HttpMethod (GET, POST, ... or ANY).",
      ],
    ],
  );
});
