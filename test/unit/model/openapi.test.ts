import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readDefinition } from '../../../src/model';
import type { DefinitionFile, GatewayApi, Route } from '../../../src/model';
import { nodeFileSystem } from '../../../src/shared/nodeFileSystem';
import { fixture } from '../helpers/paths';

async function read(...parts: string[]): Promise<DefinitionFile> {
  const result = await readDefinition(fixture('model', ...parts), { fs: nodeFileSystem });
  if (!result.ok) throw new Error(result.failure.error.message);
  return result.definition;
}

async function onlyApi(...parts: string[]): Promise<GatewayApi> {
  const definition = await read(...parts);
  assert.deepEqual(definition.problems, []);
  assert.equal(definition.apis.length, 1);
  return definition.apis[0] as GatewayApi;
}

function route(api: GatewayApi, method: string, path: string): Route {
  const found = api.routes.find((r) => r.method === method && r.path === path);
  assert.ok(found, `no route ${method} ${path}`);
  return found;
}

test('OpenAPI 3.0 REST: one route per method, any-method as ANY, ranges at the method key', async () => {
  const api = await onlyApi('openapi', 'restPetstore.yaml');
  assert.equal(api.name, 'Pet Store REST');
  assert.equal(api.source.openapiVersion, '3.0.1');
  assert.deepEqual(
    api.routes.map((r) => [r.method, r.path, r.loc.range.start.line]),
    [
      ['GET', '/pets/{petId}', 30],
      ['ANY', '/pets/{petId}', 57],
      ['POST', '/calc', 65],
    ],
  );
  assert.equal(route(api, 'GET', '/pets/{petId}').pathLoc?.range.start.line, 19);
});

test('path-level parameters are merged, the operation winning', async () => {
  const api = await onlyApi('openapi', 'restPetstore.yaml');
  const get = route(api, 'GET', '/pets/{petId}');
  assert.deepEqual(
    get.parameters.map((p) => [p.in, p.name, p.required, p.schema]),
    [
      ['path', 'petId', true, { type: 'string' }],
      ['header', 'trace', true, { type: 'integer' }],
    ],
  );
  assert.deepEqual(
    route(api, 'ANY', '/pets/{petId}').parameters.map((p) => [p.name, p.required]),
    [
      ['petId', true],
      ['trace', false],
    ],
  );
});

test('MOCK integration: templates with the range of their string, responses by pattern', async () => {
  const api = await onlyApi('openapi', 'restPetstore.yaml');
  const integration = route(api, 'GET', '/pets/{petId}').integration;
  assert.equal(integration?.type, 'MOCK');
  assert.equal(integration?.raw['type'], 'mock');
  assert.equal(integration?.passthroughBehavior, 'when_no_match');
  const [template] = integration?.requestTemplates ?? [];
  assert.equal(template?.contentType, 'application/json');
  assert.equal(template?.text, '{"statusCode": 200}');
  assert.deepEqual(template?.loc.range, { start: { line: 49, character: 28 }, end: { line: 49, character: 49 } });
  const [response] = integration?.responses ?? [];
  assert.equal(response?.pattern, 'default');
  assert.equal(response?.statusCode, '200');
  assert.equal(response?.responseTemplates[0]?.text, '{"id": "$input.params(\'petId\')"}\n');
  assert.equal(response?.responseTemplates[0]?.loc.range.start.line, 54); // the block scalar's '|'
});

test('AWS Lambda integration: every field, the function from the uri', async () => {
  const api = await onlyApi('openapi', 'restPetstore.yaml');
  const post = route(api, 'POST', '/calc');
  assert.deepEqual(post.requestBody?.contentTypes, ['application/json']);
  assert.equal(post.requestBody?.required, true);
  const i = post.integration;
  assert.equal(i?.type, 'AWS');
  assert.equal(i?.httpMethod, 'POST');
  assert.equal(i?.credentials, 'arn:aws:iam::123456789012:role/apigw');
  assert.equal(i?.timeoutInMillis, 5000);
  assert.deepEqual(i?.cacheKeyParameters, ['method.request.querystring.a']);
  assert.equal(i?.lambdaFunction, 'arn:aws:lambda:us-east-1:123456789012:function:Calc');
  const proxy = route(api, 'ANY', '/pets/{petId}').integration;
  assert.equal(proxy?.type, 'HTTP_PROXY');
  assert.deepEqual(proxy?.requestParameters, { 'integration.request.path.petId': 'method.request.path.petId' });
  assert.equal(proxy?.lambdaFunction, undefined);
});

test('security: authorizers, api-key requirement, validators, gateway responses, binary types', async () => {
  const api = await onlyApi('openapi', 'restPetstore.yaml');
  const get = route(api, 'GET', '/pets/{petId}');
  assert.deepEqual(get.security, [{ api_key: [] }, { token: [] }]);
  assert.deepEqual(get.authorizerNames, ['token']);
  assert.equal(get.apiKeyRequired, true);
  assert.equal(route(api, 'POST', '/calc').apiKeyRequired, false);
  const token = api.authorizers.find((a) => a.name === 'token');
  assert.equal(token?.type, 'token');
  assert.equal(token?.authType, 'custom');
  assert.equal(token?.authorizerResultTtlInSeconds, 300);
  assert.equal(token?.identityValidationExpression, '^Bearer .+$');
  assert.deepEqual(
    api.validators.map((v) => [v.name, v.validateRequestBody, v.validateRequestParameters]),
    [['all', true, true]],
  );
  assert.equal(api.defaultValidator, 'all');
  const [gw] = api.gatewayResponses;
  assert.equal(gw?.responseType, 'DEFAULT_4XX');
  assert.equal(gw?.statusCode, '400');
  assert.deepEqual(gw?.responseParameters, { 'gatewayresponse.header.Access-Control-Allow-Origin': "'*'" });
  assert.deepEqual(api.binaryMediaTypes, ['image/png']);
  assert.ok(api.extensions['x-amazon-apigateway-gateway-responses']);
});

test('OpenAPI 3.0 JSON HTTP API: JWT, CORS, shared integration, $default, HTTP-only fields', async () => {
  const api = await onlyApi('openapi', 'httpJwtCors.json');
  assert.equal(api.type, 'HTTP');
  assert.deepEqual(api.cors && { ...api.cors, loc: undefined }, {
    allowOrigins: ['https://example.com'],
    allowMethods: ['GET', 'POST'],
    allowHeaders: ['authorization'],
    exposeHeaders: [],
    allowCredentials: true,
    maxAge: 600,
    loc: undefined,
  });
  const jwt = api.authorizers.find((a) => a.name === 'jwt');
  assert.equal(jwt?.type, 'jwt');
  assert.deepEqual(jwt?.jwtConfiguration, {
    issuer: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_abc',
    audience: ['client1'],
  });
  const lambda = api.authorizers.find((a) => a.name === 'lambdaAuth');
  assert.equal(lambda?.identitySource, '$request.header.Authorization, $context.stage');
  assert.equal(lambda?.authorizerPayloadFormatVersion, '2.0');
  assert.equal(lambda?.enableSimpleResponses, true);
  const get = route(api, 'GET', '/orders');
  assert.equal(get.integration?.sharedName, 'ordersLambda');
  assert.equal(get.integration?.payloadFormatVersion, '2.0');
  assert.equal(get.integration?.lambdaFunction, 'arn:aws:lambda:us-east-1:123456789012:function:Orders');
  assert.deepEqual(get.authorizerNames, ['jwt']);
  const post = route(api, 'POST', '/orders');
  assert.deepEqual(post.security, []);
  assert.deepEqual(post.authorizerNames, []);
  assert.equal(post.integration?.integrationSubtype, 'SQS-SendMessage');
  assert.equal(post.integration?.requestParameters['MessageBody'], '$request.body');
  const fallback = route(api, 'ANY', '$default').integration;
  assert.deepEqual(fallback?.tlsConfig, { serverNameToVerify: 'backend.example.com' });
  assert.deepEqual(fallback?.responseParameters, { '500': { 'overwrite:statuscode': '503' } });
});

test('Swagger 2.0: host, basePath, inline parameter types, body, produces, root security', async () => {
  const api = await onlyApi('openapi', 'swagger20.yaml');
  assert.equal(api.source.kind, 'swagger');
  assert.deepEqual(api.servers, ['calc.example.com']);
  assert.equal(api.basePath, '/v1');
  const get = route(api, 'GET', '/add');
  assert.equal(get.loc.range.start.line, 19);
  assert.deepEqual(
    get.parameters.map((p) => [p.name, p.required, p.schema]),
    [
      ['a', true, { type: 'integer' }],
      ['b', false, { type: 'integer' }],
    ],
  );
  assert.equal(get.security, undefined);
  assert.equal(get.apiKeyRequired, true);
  assert.deepEqual(
    get.responses.map((r) => [r.statusCode, r.contentTypes]),
    [['200', ['application/json']]],
  );
  assert.deepEqual(route(api, 'POST', '/add').requestBody?.contentTypes, ['application/json']);
});

test('OpenAPI 3.1: summary, tags, responses', async () => {
  const api = await onlyApi('openapi', 'openapi31.yaml');
  assert.equal(api.source.openapiVersion, '3.1.0');
  const get = route(api, 'GET', '/health');
  assert.equal(get.summary, 'Health check');
  assert.deepEqual(get.tags, ['ops']);
  assert.equal(get.integration, undefined);
  assert.deepEqual(
    get.responses.map((r) => [r.statusCode, r.description, r.loc.range.start.line]),
    [['200', 'ok', 10]],
  );
});

test('local and cross-file $refs for parameters, responses and integrations', async () => {
  const api = await onlyApi('refs', 'main.yaml');
  const get = route(api, 'GET', '/items/{id}');
  assert.deepEqual(
    get.parameters.map((p) => [p.name, p.in, p.loc.file.endsWith('common.yaml')]),
    [
      ['id', 'path', true],
      ['limit', 'query', false],
    ],
  );
  assert.equal(get.responses[0]?.description, 'fine');
  assert.equal(get.integration?.type, 'HTTP_PROXY');
  assert.equal(get.integration?.uri, 'https://items.example.com/{id}');
  assert.ok(get.integration?.loc.file.endsWith('common.yaml'));
  assert.equal(get.integration?.sharedName, undefined);
});
