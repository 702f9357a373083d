import assert from 'node:assert/strict';
import { test } from 'node:test';
import { importFindings, splitItems } from '../../../../src/aws/deploy/importFindings';
import { ok, prepare } from './helpers';

const main = '/w/api.yaml';
const text = `openapi: 3.0.1
info: { title: Pets }
paths:
  /pets:
    get:
      x-amazon-apigateway-integration:
        uri: arn:x
    post:
      responses:
        '200':
          description: ok
  /pets/{id}:
    x-amazon-apigateway-any-method:
      responses: {}
  /$default:
    x-amazon-apigateway-any-method:
      isDefaultRoute: true
components:
  schemas:
    Pet: { type: object }
  securitySchemes:
    MyJwtAuthorizer: { type: oauth2 }
x-amazon-apigateway-gateway-responses:
  DEFAULT_4XX: {}
`;

const source = async () => ok(await prepare({ [main]: text }, main));
const lineOf = (f: { diagnostic: { range: { start: { line: number } } } }): number => f.diagnostic.range.start.line;

test('REST warnings: "Parse issue: attribute paths.\'/pets\'(get)…" lands on the deepest key it names', async () => {
  const findings = importFindings(
    [
      "Warnings found during import:\n\tParse issue: attribute paths.'/pets'(get).x-amazon-apigateway-integration.type is missing\n\tParse issue: attribute paths.'/pets'(post).responses.200.content.schema.#/components/schemas/Nope is missing",
    ],
    'warning',
    await source(),
  );
  assert.equal(findings.length, 2);
  assert.equal(lineOf(findings[0]!), 5, 'at x-amazon-apigateway-integration of GET /pets');
  assert.equal(findings[0]!.severity, 'warning');
  assert.equal(findings[0]!.diagnostic.code, 'apigw.deploy.importWarning');
  assert.equal(findings[0]!.diagnostic.file, main);
  assert.equal(
    findings[0]!.awsMessage,
    "Parse issue: attribute paths.'/pets'(get).x-amazon-apigateway-integration.type is missing",
  );
  assert.match(findings[0]!.diagnostic.message, /^API Gateway import warning: Parse issue/);
  assert.equal(lineOf(findings[1]!), 9, "at responses.'200' of POST /pets");
});

test('REST errors: "Unable to put integration on \'GET\' for resource at path …", one finding per item, at each operation', async () => {
  const message =
    "Errors found during import:\n- Unable to put integration on 'GET' for resource at path '/pets': Invalid function ARN or invalid uri\n- Unable to put integration on 'ANY' for resource at path '/pets/{id}': Invalid function ARN or invalid uri (Service: AmazonApiGateway; Status Code: 400; Error Code: BadRequestException; Request ID: abc)";
  const findings = importFindings([message], 'error', await source());
  assert.deepEqual(findings.map(lineOf), [4, 12]);
  assert.equal(findings[0]!.severity, 'error');
  assert.equal(findings[0]!.diagnostic.severity, 'error');
  assert.equal(findings[0]!.diagnostic.code, 'apigw.deploy.importError');
  assert.equal(
    findings[1]!.awsMessage,
    "Unable to put integration on 'ANY' for resource at path '/pets/{id}': Invalid function ARN or invalid uri",
  );
});

test('other texts AWS writes: resource and method, authorizers, models, gateway responses, HTTP paths, $default', async () => {
  const s = await source();
  const at = (message: string): number | undefined => {
    const [finding] = importFindings([message], 'warning', s);
    return finding === undefined ? undefined : lineOf(finding);
  };
  assert.equal(
    at(
      "Invalid format for 'requestParameters'. Expected type string for property 'integration.request.header.x' of resource '/pets' and method 'POST' but got 'true'",
    ),
    7,
  );
  assert.equal(
    at(
      "Unable to create Authorizer 'MyJwtAuthorizer': Caught exception when connecting to https://oidc.example.com/.well-known/openid-configuration",
    ),
    21,
  );
  assert.equal(at("Unable to create model 'Pet': Invalid model schema"), 19);
  assert.equal(at("Unable to put gateway response 'DEFAULT_4XX': bad template"), 23);
  assert.equal(
    at('Unsupported integration type AWS at paths./pets.get, HTTP APIs support only AWS_PROXY and HTTP_PROXY'),
    4,
  );
  assert.equal(at('Parse issue: attribute paths. Resource $default should start with /'), 15);
  assert.equal(
    at("Unable to put method 'DELETE' on resource at path '/pets': Invalid method"),
    3,
    'a method the file lacks: its path',
  );
});

test('what cannot be placed goes at the top of the file, saying so; ImportInfo is information', async () => {
  const [warning] = importFindings(['Something went wrong'], 'warning', await source());
  assert.deepEqual(warning!.diagnostic.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  assert.match(warning!.diagnostic.message, /did not say where/);
  const [info] = importFindings(
    ["Ignored: requestBody of paths.'/pets'(post): HTTP APIs do not validate requests"],
    'info',
    await source(),
  );
  assert.equal(info!.diagnostic.severity, 'information');
  assert.equal(info!.diagnostic.code, 'apigw.deploy.importInfo');
  assert.equal(info!.severity, 'warning');
  assert.equal(lineOf(info!), 7);
});

test('splitItems: headers, list marks and request details go; several items on one line are split', () => {
  assert.deepEqual(splitItems('Warnings found during import: Parse issue: a is missing Parse issue: b is missing'), [
    'Parse issue: a is missing',
    'Parse issue: b is missing',
  ]);
  assert.deepEqual(splitItems('Invalid OpenAPI input.'), ['Invalid OpenAPI input.']);
  assert.deepEqual(
    splitItems("Errors found during import:\n\tUnable to put integration on 'GET' for resource at path '/a': x\n\n"),
    ["Unable to put integration on 'GET' for resource at path '/a': x"],
  );
});
