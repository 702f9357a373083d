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

function api(definition: DefinitionFile, logicalId: string): GatewayApi {
  const found = definition.apis.find((a) => a.source.logicalId === logicalId);
  assert.ok(found, `no API ${logicalId}`);
  return found;
}

function route(a: GatewayApi, method: string, path: string): Route {
  const found = a.routes.find((r) => r.method === method && r.path === path);
  assert.ok(found, `no route ${method} ${path}`);
  return found;
}

test('SAM DefinitionBody: !Sub values, Lambda logical ids, stage, CORS, Auth, built-in Empty model', async () => {
  const definition = await read('sam', 'definitionBody.yaml');
  assert.equal(definition.kind, 'cloudformation');
  assert.deepEqual(definition.problems, []);
  const pets = api(definition, 'PetsApi');
  assert.equal(pets.name, '${AWS::StackName}-pets');
  assert.equal(pets.type, 'REST');
  assert.equal(pets.source.resourceType, 'AWS::Serverless::Api');
  assert.equal(pets.loc.range.start.line, 3);
  const get = route(pets, 'GET', '/pets');
  assert.equal(get.loc.range.start.line, 27);
  assert.equal(get.integration?.lambdaFunction, 'ListPets');
  assert.deepEqual(get.integration?.uri, {
    'Fn::Sub': 'arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${ListPets.Arn}/invocations',
  });
  assert.equal(get.responses[0]?.description, 'ok');
  assert.deepEqual(get.authorizerNames, ['TokenAuth']);
  const post = route(pets, 'POST', '/pets');
  assert.equal(post.integration?.lambdaFunction, 'CreatePet');
  const [template] = post.integration?.requestTemplates ?? [];
  assert.equal(template?.text, '{"stage": "${AWS::StackName}", "body": $input.json(\'$\')}\n');
  assert.equal(template?.loc.range.start.line, 42);
  assert.deepEqual(pets.stage?.name, 'prod');
  assert.deepEqual(pets.stage?.variables, { backend: { Ref: 'BackendUrl' } });
  assert.deepEqual(pets.cors?.allowOrigins, ['*']);
  assert.deepEqual(pets.cors?.allowMethods, ['GET', 'POST']);
  const auth = pets.authorizers.find((a) => a.name === 'TokenAuth');
  assert.equal(auth?.type, 'token');
  assert.deepEqual(auth?.authorizerUri, { 'Fn::GetAtt': ['AuthFunction', 'Arn'] });
  assert.equal(auth?.identitySource, 'method.request.header.Authorization');
});

test('SAM DefinitionUri: a local file is read, an S3 location is an information problem', async () => {
  const definition = await read('sam', 'definitionUri.yaml');
  const http = api(definition, 'HttpApi');
  assert.equal(http.name, 'From DefinitionUri');
  assert.equal(http.type, 'HTTP');
  assert.deepEqual(http.cors?.allowOrigins, ['https://example.com']);
  const get = route(http, 'GET', '/things');
  assert.ok(get.loc.file.endsWith('definitionUriApi.yaml'));
  assert.equal(get.loc.range.start.line, 6);
  const remote = api(definition, 'RemoteApi');
  assert.deepEqual(remote.routes, []);
  assert.deepEqual(
    definition.problems.map((p) => [p.severity, p.code, p.range.start.line, p.message]),
    [
      [
        'information',
        'apigw.cfn.remoteBody',
        13,
        "The DefinitionUri of 'RemoteApi' is not a local file (S3 or computed), so its routes are not shown. Use a relative path or an inline body to see them.",
      ],
    ],
  );
});

test('AWS::Include in a RestApi Body reads the included file', async () => {
  const definition = await read('sam', 'include.yaml');
  assert.deepEqual(definition.problems, []);
  const rest = api(definition, 'RestApi');
  assert.equal(rest.name, 'Included API');
  assert.equal(rest.source.openapiVersion, '2.0');
  assert.equal(route(rest, 'GET', '/ping').integration?.type, 'MOCK');
});

test('SAM function events: implicit REST and HTTP APIs, and an explicit ApiId', async () => {
  const definition = await read('sam', 'implicitApi.yaml');
  assert.deepEqual(definition.problems, []);
  assert.deepEqual(
    definition.apis.map((a) => [a.name, a.type, a.routes.map((r) => `${r.method} ${r.path}`)]),
    [
      ['MyHttpApi', 'HTTP', ['POST /other']],
      ['ServerlessRestApi', 'REST', ['GET /hello', 'ANY /hello/{proxy+}']],
      ['ServerlessHttpApi', 'HTTP', ['ANY $default']],
    ],
  );
  const hello = route(api(definition, 'ServerlessRestApi'), 'GET', '/hello');
  assert.equal(hello.loc.range.start.line, 8);
  assert.equal(hello.integration?.type, 'AWS_PROXY');
  assert.equal(hello.integration?.lambdaFunction, 'HelloFunction');
  assert.equal(
    api(definition, 'ServerlessRestApi').typeReason,
    'The REST API that SAM creates for the Api events of AWS::Serverless::Function resources.',
  );
  const http = route(api(definition, 'ServerlessHttpApi'), 'ANY', '$default');
  assert.equal(http.integration?.payloadFormatVersion, '2.0');
});

test('CloudFormation WebSocket API from Route, Integration, responses, Authorizer and Stage resources', async () => {
  const definition = await read('cfn', 'websocket.yaml');
  assert.deepEqual(definition.problems, []);
  const chat = api(definition, 'ChatApi');
  assert.equal(chat.type, 'WEBSOCKET');
  assert.equal(chat.name, 'chat');
  assert.equal(chat.routeSelectionExpression, '$request.body.action');
  assert.deepEqual(
    chat.routes.map((r) => [r.method, r.path, r.loc.range.start.line]),
    [
      ['$connect', '$connect', 8],
      ['sendmessage', 'sendmessage', 22],
    ],
  );
  const connect = route(chat, '$connect', '$connect');
  assert.equal(connect.integration?.lambdaFunction, 'OnConnect');
  assert.equal(connect.authorizationType, 'CUSTOM');
  assert.deepEqual(connect.authorizerNames, ['ConnectAuthorizer']);
  const send = route(chat, 'sendmessage', 'sendmessage');
  assert.equal(send.integration?.type, 'AWS');
  assert.equal(send.integration?.lambdaFunction, 'SendMessage');
  assert.equal(send.integration?.templateSelectionExpression, '$default');
  assert.equal(send.integration?.requestTemplates[0]?.contentType, '$default');
  assert.equal(send.integration?.requestTemplates[0]?.loc.range.start.line, 38);
  assert.deepEqual(
    send.integration?.responses.map((r) => [r.pattern, r.responseTemplates[0]?.text]),
    [['$default', '{"ok": true}']],
  );
  assert.deepEqual(
    send.responses.map((r) => r.statusCode),
    ['$default'],
  );
  assert.equal(send.routeResponseSelectionExpression, '$default');
  const authorizer = chat.authorizers[0];
  assert.equal(authorizer?.type, 'request');
  assert.equal(authorizer?.identitySource, 'route.request.querystring.token');
  assert.deepEqual(chat.stage && { name: chat.stage.name, variables: chat.stage.variables }, {
    name: 'live',
    variables: { table: 'chat' },
  });
});
