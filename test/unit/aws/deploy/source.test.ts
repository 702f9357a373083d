import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { MAX_IMPORT_BYTES, prepareDeploySource } from '../../../../src/aws/deploy/source';
import { repoRoot } from '../../helpers/paths';
import { at, diagnosticsOf, ok, plain, prepare, prepareFile } from './helpers';

const sam = (body: string, extra = ''): string => `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Parameters:
  Backend:
    Type: String
    Default: backend.example.com
  Secret:
    Type: String
Resources:
  PetsApi:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      Variables:
        host: !Ref Backend
      DefinitionBody:
${body}
${extra}`;

const indent = (text: string, n = 8): string =>
  text
    .split('\n')
    .map((l) => (l === '' ? l : ' '.repeat(n) + l))
    .join('\n');

test('a bare OpenAPI file: the body is the document, external $refs inline, local #/ refs kept', async () => {
  const main = '/w/api.yaml';
  const files = {
    [main]: `openapi: 3.0.1
info: { title: Pets }
paths:
  /pets:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { $ref: './common.yaml#/Pet' }
        '404': { $ref: '#/components/responses/NotFound' }
      x-amazon-apigateway-integration: { type: mock }
components:
  responses:
    NotFound: { description: nope }
`,
    '/w/common.yaml': `Pet:
  type: object
  properties:
    tag: { $ref: '#/Tag' }
Tag: { type: string }
`,
  };
  const source = ok(await prepare(files, main));
  assert.equal(source.kind, 'REST');
  assert.equal(source.apiName, 'Pets');
  const get = at(source.body, 'paths', '/pets', 'get');
  assert.deepEqual(at(get, 'responses', '200', 'content', 'application/json', 'schema'), {
    type: 'object',
    properties: { tag: { type: 'string' } },
  });
  assert.deepEqual(at(get, 'responses', '404'), { $ref: '#/components/responses/NotFound' });
  assert.equal(source.bodyText, JSON.stringify(source.body));
  const place = source.locate('/pets', 'GET');
  assert.equal(place?.file, main);
  assert.equal(place?.range.start.line, 4);
  assert.equal(source.locate('/pets/', 'get')?.range.start.line, 4, 'a trailing slash still finds the path');
  assert.equal(source.locate('/v1/pets', 'get')?.range.start.line, 4, 'a base path in front still finds it');
  assert.equal(source.locate('/nothing'), undefined);
  assert.equal(source.locateKey(['components', 'responses', 'NotFound'])?.range.start.line, 15);
});

test('SAM: pseudo parameters and parameter values are substituted in Ref, Fn::Sub (with a variable map) and Fn::Join', async () => {
  const body = indent(`openapi: 3.0.1
info: { title: Pets }
paths:
  /pets:
    get:
      x-amazon-apigateway-integration:
        type: aws_proxy
        httpMethod: POST
        uri: !Sub arn:\${AWS::Partition}:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/arn:aws:lambda:\${AWS::Region}:\${AWS::AccountId}:function:pets/invocations
    post:
      x-amazon-apigateway-integration:
        type: http
        httpMethod: POST
        uri: !Sub ['https://\${Host}/\${Path}/\${!stageVariables.v}', { Host: !Ref Backend, Path: pets }]
        requestParameters:
          integration.request.header.x-region: !Join ['', ["'", !Ref 'AWS::Region', "'"]]
          integration.request.header.x-suffix: !Sub "'\${AWS::URLSuffix}'"
`);
  const source = ok(await prepare({ '/w/template.yaml': sam(body) }, '/w/template.yaml'));
  const paths = at(source.body, 'paths');
  assert.equal(
    at(paths, '/pets', 'get', 'x-amazon-apigateway-integration', 'uri'),
    'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:pets/invocations',
  );
  const post = at(paths, '/pets', 'post', 'x-amazon-apigateway-integration');
  assert.equal(at(post, 'uri'), 'https://backend.example.com/pets/${stageVariables.v}');
  assert.equal(at(post, 'requestParameters', 'integration.request.header.x-region'), "'us-east-1'");
  assert.equal(at(post, 'requestParameters', 'integration.request.header.x-suffix'), "'amazonaws.com'");
  assert.deepEqual(plain(source.stage), { name: 'prod', variables: { host: 'backend.example.com' } });
  const given = ok(
    await prepare({ '/w/template.yaml': sam(body) }, '/w/template.yaml', {
      parameters: { Backend: 'other.example.com' },
    }),
  );
  assert.equal(
    at(given.body, 'paths', '/pets', 'post', 'x-amazon-apigateway-integration', 'uri'),
    'https://other.example.com/pets/${stageVariables.v}',
  );
  assert.equal(given.stage?.variables['host'], 'other.example.com');
  const china = ok(
    await prepare({ '/w/template.yaml': sam(body) }, '/w/template.yaml', {
      pseudo: { region: 'cn-north-1', accountId: '1' },
    }),
  );
  assert.match(
    String(at(china.body, 'paths', '/pets', 'get', 'x-amazon-apigateway-integration', 'uri')),
    /^arn:aws-cn:apigateway:cn-north-1:/,
  );
});

test('SAM: an intrinsic only CloudFormation can compute stops the deploy, naming it and its line', async () => {
  const body = indent(`openapi: 3.0.1
info: { title: Pets }
paths:
  /a:
    get:
      x-amazon-apigateway-integration:
        uri: !Sub arn:aws:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${ListPets.Arn}/invocations
  /b:
    get:
      x-amazon-apigateway-integration:
        uri: !ImportValue shared-uri
  /c:
    get:
      x-amazon-apigateway-integration:
        uri: !If [IsProd, a, b]
  /d:
    get:
      x-amazon-apigateway-integration:
        uri: !GetAtt Fn.Arn
  /e:
    get:
      x-amazon-apigateway-integration:
        uri: !Ref ListPets
  /f:
    get:
      x-amazon-apigateway-integration:
        uri: !Sub 'https://\${stageVariables.host}/x'
`);
  const diagnostics = diagnosticsOf(await prepare({ '/w/template.yaml': sam(body) }, '/w/template.yaml'));
  const byLine = diagnostics.map((d) => [d.range.start.line + 1, d.code, d.message] as const);
  assert.equal(diagnostics.length, 6, JSON.stringify(byLine, null, 1));
  for (const d of diagnostics) assert.equal(d.code, 'apigw.deploy.unresolvedIntrinsic');
  assert.match(diagnostics[0]!.message, /Fn::GetAtt \(ListPets\.Arn, inside Fn::Sub\) on line 23\b/);
  assert.match(diagnostics[1]!.message, /Fn::ImportValue \(shared-uri\) on line 27\b/);
  assert.match(diagnostics[2]!.message, /Fn::If on line 31\b/);
  assert.match(diagnostics[3]!.message, /Fn::GetAtt \(Fn\.Arn\) on line 35\b/);
  assert.match(diagnostics[4]!.message, /Ref ListPets \(line 39\).*resource of the template/);
  assert.match(
    diagnostics[5]!.message,
    /\$\{!stageVariables\.host\}/,
    'the message says how to leave it for API Gateway',
  );
  assert.equal(diagnostics[0]!.range.start.line, 22);
  assert.equal(diagnostics[0]!.file, '/w/template.yaml');
});

test('SAM: a missing account id, a parameter without value, and no region each say what to do', async () => {
  const body = indent(`openapi: 3.0.1
info: { title: Pets }
paths:
  /a:
    get:
      x-amazon-apigateway-integration:
        uri: !Sub 'arn:aws:lambda:\${AWS::Region}:\${AWS::AccountId}:function:f'
        credentials: !Ref Secret
        cacheNamespace: !Ref AWS::StackName
`);
  const files = { '/w/template.yaml': sam(body) };
  const diagnostics = diagnosticsOf(await prepare(files, '/w/template.yaml', { pseudo: { region: 'eu-west-1' } }));
  const messages = diagnostics.map((d) => d.message);
  assert.equal(messages.length, 3);
  // The parameter is named in a field, so a program (the deploy's input boxes) never reads the message.
  assert.deepEqual(
    diagnostics.map((d) => [d.code, d.data]),
    [
      ['apigw.deploy.unresolvedIntrinsic', undefined],
      ['apigw.deploy.missingParameter', { parameter: 'Secret' }],
      ['apigw.deploy.unresolvedIntrinsic', undefined],
    ],
  );
  assert.match(messages[0]!, /AWS::AccountId.*sign in, so that it is read with STS GetCallerIdentity/);
  assert.match(messages[1]!, /template parameter Secret .*no value and no Default.*--parameter Secret=VALUE/);
  assert.match(messages[2]!, /AWS::StackName.*give a stack name/);
  const withAll = await prepare(files, '/w/template.yaml', {
    pseudo: { region: 'eu-west-1', accountId: '1', stackName: 'pets' },
    parameters: { Secret: 'arn:aws:iam::1:role/r' },
  });
  const integration = at(ok(withAll).body, 'paths', '/a', 'get', 'x-amazon-apigateway-integration');
  assert.equal(at(integration, 'uri'), 'arn:aws:lambda:eu-west-1:1:function:f');
  assert.equal(at(integration, 'credentials'), 'arn:aws:iam::1:role/r');
  assert.equal(at(integration, 'cacheNamespace'), 'pets');
});

test('SAM: Name, Description, binary media types and the endpoint type are applied; other properties are named in a note', async () => {
  const body = indent(`openapi: 3.0.1
info: { title: From body }
paths: {}
`);
  const extra = `      Name: !Sub '\${AWS::Region}-pets'
      Description: Pets API
      BinaryMediaTypes: [image/png]
      EndpointConfiguration: REGIONAL
      Auth:
        ApiKeyRequired: true
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Events:
        List:
          Type: Api
          Properties: { RestApiId: !Ref PetsApi, Path: /pets, Method: get }
`;
  const source = ok(
    await prepare({ '/w/template.yaml': sam(body, extra) }, '/w/template.yaml', { logicalId: 'PetsApi' }),
  );
  assert.equal(source.apiName, 'us-east-1-pets');
  assert.equal(at(source.body, 'info', 'title'), 'us-east-1-pets');
  assert.equal(at(source.body, 'info', 'description'), 'Pets API');
  assert.deepEqual(at(source.body, 'x-amazon-apigateway-binary-media-types'), ['image/png']);
  assert.equal(source.endpointType, 'REGIONAL');
  assert.equal(source.notes.length, 2);
  assert.match(source.notes[0]!, /not deployed from here: Auth\./);
  assert.match(source.notes[1]!, /Fn\.List/);
});

test('SAM: an API without a body, a body on S3 and an unreadable DefinitionUri are refused with a reason', async () => {
  const noBody = `Transform: AWS::Serverless-2016-10-31
Resources:
  Api:
    Type: AWS::Serverless::HttpApi
    Properties:
      StageName: prod
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Events:
        Get: { Type: HttpApi, Properties: { ApiId: !Ref Api, Path: /a, Method: get } }
`;
  const [d1] = diagnosticsOf(await prepare({ '/w/t.yaml': noBody }, '/w/t.yaml', { logicalId: 'Api' }));
  assert.equal(d1?.code, 'apigw.deploy.noBody');
  assert.match(d1?.message ?? '', /has no OpenAPI body \(DefinitionBody \/ DefinitionUri\).*sam deploy/);
  const s3 = noBody.replace('StageName: prod', 'DefinitionUri: { Bucket: b, Key: k }');
  const [d2] = diagnosticsOf(await prepare({ '/w/t.yaml': s3 }, '/w/t.yaml', { logicalId: 'Api' }));
  assert.equal(d2?.code, 'apigw.deploy.remoteBody');
  const missing = noBody.replace('StageName: prod', 'DefinitionUri: ./missing.yaml');
  const [d3] = diagnosticsOf(await prepare({ '/w/t.yaml': missing }, '/w/t.yaml', { logicalId: 'Api' }));
  assert.equal(d3?.code, 'apigw.deploy.bodyUnreadable');
  assert.match(d3?.message ?? '', /missing\.yaml, which cannot be read \(ENOENT\)/);
  const local = noBody.replace('StageName: prod', 'DefinitionUri: ./api.yaml');
  const files = {
    '/w/t.yaml': local,
    '/w/api.yaml': 'openapi: 3.0.1\ninfo: { title: Http }\npaths:\n  /a:\n    get: {}\n',
  };
  const source = ok(await prepare(files, '/w/t.yaml', { logicalId: 'Api' }));
  assert.equal(source.locate('/a', 'get')?.file, '/w/api.yaml');
  assert.equal(source.locate('/a', 'get')?.range.start.line, 4);
});

test('a body over the 6 MB import limit is refused before anything is sent', async () => {
  const big = 'x'.repeat(MAX_IMPORT_BYTES);
  const text = `{"openapi": "3.0.1", "info": {"title": "Big", "description": "${big}"}, "paths": {}}`;
  const [d] = diagnosticsOf(await prepare({ '/w/big.json': text }, '/w/big.json'));
  assert.equal(d?.code, 'apigw.deploy.bodyTooLarge');
  assert.match(d?.message ?? '', /6\.0 MB import limit/);
});

test('a definition that does not parse is refused with its syntax errors', async () => {
  const definition = { file: '/w/a.yaml', format: 'yaml' as const, kind: 'openapi' as const, apis: [], problems: [] };
  const api = {
    name: 'a',
    type: 'REST',
    source: { kind: 'openapi' },
    loc: {
      file: '/w/a.yaml',
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      pointer: '',
    },
  };
  const result = await prepareDeploySource(definition, api as never, {
    text: 'openapi: [',
    pseudo: { region: 'us-east-1' },
  });
  assert.equal(result.ok, false);
  assert.ok(!result.ok && result.diagnostics[0]?.file === '/w/a.yaml');
});

test('WebSocket: routes, integrations, responses, authorizers and the stage come from the AWS::ApiGatewayV2 resources', async () => {
  const template = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Chat:
    Type: AWS::ApiGatewayV2::Api
    Properties: { Name: chat, ProtocolType: WEBSOCKET, RouteSelectionExpression: $request.body.action }
  Connect:
    Type: AWS::ApiGatewayV2::Route
    Properties:
      ApiId: !Ref Chat
      RouteKey: $connect
      AuthorizationType: CUSTOM
      AuthorizerId: !Ref Auth
      Target: !Join ['/', [integrations, !Ref ConnectIntegration]]
  ConnectIntegration:
    Type: AWS::ApiGatewayV2::Integration
    Properties:
      ApiId: !Ref Chat
      IntegrationType: AWS_PROXY
      IntegrationUri: !Sub arn:aws:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/arn:aws:lambda:\${AWS::Region}:\${AWS::AccountId}:function:connect/invocations
  Default:
    Type: AWS::ApiGatewayV2::Route
    Properties: { ApiId: !Ref Chat, RouteKey: $default, Target: !Sub 'integrations/\${Mock}' }
  Mock:
    Type: AWS::ApiGatewayV2::Integration
    Properties: { ApiId: !Ref Chat, IntegrationType: MOCK, RequestTemplates: { $default: '{"statusCode": 200}' } }
  MockResponse:
    Type: AWS::ApiGatewayV2::IntegrationResponse
    Properties: { ApiId: !Ref Chat, IntegrationId: !Ref Mock, IntegrationResponseKey: $default }
  DefaultResponse:
    Type: AWS::ApiGatewayV2::RouteResponse
    Properties: { ApiId: !Ref Chat, RouteId: !Ref Default, RouteResponseKey: $default }
  Auth:
    Type: AWS::ApiGatewayV2::Authorizer
    Properties: { ApiId: !Ref Chat, Name: auth, AuthorizerType: REQUEST, IdentitySource: [route.request.header.Auth], AuthorizerUri: 'arn:aws:apigateway:us-east-1:lambda:path/x' }
  Stage:
    Type: AWS::ApiGatewayV2::Stage
    Properties: { ApiId: !Ref Chat, StageName: dev, StageVariables: { table: chat } }
  Other:
    Type: AWS::ApiGatewayV2::Route
    Properties: { ApiId: !Ref Elsewhere, RouteKey: other }
`;
  const source = ok(await prepare({ '/w/ws.yaml': template }, '/w/ws.yaml', { logicalId: 'Chat' }));
  assert.equal(source.kind, 'WEBSOCKET');
  assert.equal(source.apiName, 'chat');
  assert.equal(source.body, undefined);
  const ws = plain(source.websocket!);
  assert.deepEqual(ws.api, { Name: 'chat', RouteSelectionExpression: '$request.body.action' });
  assert.deepEqual(
    ws.routes.map((r) => [r.routeKey, r.integration, r.authorizer ?? null, r.responses.map((x) => x.key)]),
    [
      ['$connect', 'ConnectIntegration', 'Auth', []],
      ['$default', 'Mock', null, ['$default']],
    ],
  );
  assert.equal(
    ws.integrations[0]?.settings['IntegrationUri'],
    'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:connect/invocations',
  );
  assert.deepEqual(ws.integrations[1]?.responses, [{ key: '$default', settings: {} }]);
  assert.equal(ws.authorizers[0]?.name, 'auth');
  assert.deepEqual(plain(source.stage), { name: 'dev', variables: { table: 'chat' } });
  assert.equal(source.locate('$default')?.range.start.line, 19);
});

test('WebSocket: an intrinsic CloudFormation must compute (the example chat API’s function ARNs) stops the deploy', async () => {
  const text = fs.readFileSync(path.join(repoRoot, 'examples/chat-websocket/template.yaml'), 'utf8');
  const result = await prepare({ '/w/ws.yaml': text }, '/w/ws.yaml', { logicalId: 'ChatApi' });
  const diagnostics = diagnosticsOf(result);
  assert.equal(diagnostics.length, 3);
  assert.match(
    diagnostics[0]!.message,
    /The IntegrationUri of 'ConnectIntegration' uses Fn::GetAtt \(OnConnectFunction\.Arn, inside Fn::Sub\) on line 32/,
  );
});

test('the example REST and HTTP APIs prepare without problems', async () => {
  const rest = await prepareFile('examples/pets-rest/openapi.yaml');
  assert.equal(rest.kind, 'REST');
  assert.equal(rest.apiName, 'Pets REST API');
  const http = await prepareFile('examples/notes-http/openapi.json');
  assert.equal(http.kind, 'HTTP');
  assert.equal(http.locate('/notes/{noteId}', 'delete')?.range.start.line, 58);
});

test('any body, with intrinsics anywhere, gives a source or diagnostics — never an exception', async () => {
  const intrinsic = fc.oneof(
    fc.record({ Ref: fc.constantFrom('AWS::Region', 'AWS::NoValue', 'Backend', 'Nope', 'AWS::StackId') }),
    fc.record({ 'Fn::Sub': fc.oneof(fc.string(), fc.tuple(fc.string(), fc.dictionary(fc.string(), fc.string()))) }),
    fc.record({
      'Fn::Join': fc.tuple(
        fc.string(),
        fc.array(fc.oneof(fc.string(), fc.record({ Ref: fc.constant('AWS::Region') }))),
      ),
    }),
    fc.record({ 'Fn::GetAtt': fc.tuple(fc.string(), fc.string()) }),
    fc.record({ $ref: fc.constantFrom('#/a', './x.yaml#/b', 'other.json', 'https://x/y') }),
  );
  const value = fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: 'small' },
      fc.jsonValue({ maxDepth: 2 }),
      intrinsic,
      fc.dictionary(fc.string(), tie('node'), { maxKeys: 3 }),
      fc.array(tie('node'), { maxLength: 3 }),
    ),
  })).node;
  await fc.assert(
    fc.asyncProperty(value, async (body) => {
      const text = sam(
        indent(JSON.stringify({ openapi: '3.0.1', info: { title: 't' }, paths: { '/a': { get: body } } }, null, 1)),
      );
      const result = await prepare({ '/w/t.yaml': text }, '/w/t.yaml', { logicalId: 'PetsApi' });
      assert.ok(result.ok || result.diagnostics.length > 0);
    }),
    { numRuns: 60 },
  );
});
