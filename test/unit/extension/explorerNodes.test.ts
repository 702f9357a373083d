import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DefinitionFile, GatewayApi, Integration, Route, SourceLocation } from '../../../src/model';
import { childrenOf, fileNode, locationOf, type ExplorerNode } from '../../../src/extension/explorer/nodes';
import { integrationTarget, presentNode } from '../../../src/extension/explorer/presentation';

const file = '/ws/api/openapi.yaml';
const at = (line: number): SourceLocation => ({
  file,
  pointer: '',
  range: { start: { line, character: 4 }, end: { line: line + 3, character: 0 } },
});

function integration(fields: Partial<Integration>): Integration {
  return {
    cacheKeyParameters: [],
    requestParameters: {},
    requestTemplates: [],
    responses: [],
    responseParameters: {},
    loc: at(20),
    raw: {},
    ...fields,
  };
}

function route(fields: Partial<Route>): Route {
  return {
    method: 'GET',
    path: '/pets',
    loc: at(10),
    tags: [],
    parameters: [],
    responses: [],
    authorizerNames: [],
    apiKeyRequired: false,
    extensions: {},
    ...fields,
  };
}

function api(fields: Partial<GatewayApi>): GatewayApi {
  return {
    name: 'Pets',
    type: 'REST',
    typeReason: 'It uses mapping templates.',
    source: { kind: 'openapi', openapiVersion: '3.0.1' },
    loc: at(0),
    routes: [],
    authorizers: [],
    security: [],
    validators: [],
    gatewayResponses: [],
    binaryMediaTypes: [],
    servers: [],
    extensions: {},
    ...fields,
  };
}

function definition(apis: GatewayApi[], problems: DefinitionFile['problems'] = []): ExplorerNode {
  return fileNode({
    file,
    result: { ok: true, definition: { file, format: 'yaml', kind: 'openapi', apis, problems } },
  });
}

const labels = (nodes: ExplorerNode[]): string[] => nodes.map((n) => presentNode(n, (f) => f).label);

test('a route shows its integration, authorizer and parameters; the integration its templates', () => {
  const lambda = integration({
    type: 'AWS',
    lambdaFunction: 'arn:aws:lambda:us-east-1:123456789012:function:CreatePet',
    requestTemplates: [{ contentType: 'application/json', text: '{}', loc: at(22) }],
    responses: [
      {
        pattern: 'default',
        statusCode: '201',
        responseParameters: {},
        responseTemplates: [{ contentType: 'application/xml', text: '<a/>', loc: at(30) }],
        loc: at(29),
      },
    ],
  });
  const post = route({
    method: 'POST',
    summary: 'Add a pet',
    integration: lambda,
    authorizerNames: ['cognito'],
    parameters: [{ name: 'type', in: 'query', required: false, loc: at(12) }],
  });
  const authorizer = { name: 'cognito', type: 'jwt', providerARNs: [], loc: at(40), raw: {} };
  const root = definition([api({ routes: [post], authorizers: [authorizer] })]);
  const [apiNode] = childrenOf(root);
  assert.ok(apiNode);
  assert.deepEqual(
    presentNode(apiNode, (f) => f),
    {
      label: 'Pets',
      description: 'REST',
      tooltip: 'It uses mapping templates.',
      icon: 'globe',
      contextValue: 'apigw.api',
      collapsible: true,
    },
  );
  const apiChildren = childrenOf(apiNode);
  assert.deepEqual(labels(apiChildren), ['Authorizers', 'POST /pets']);
  const routeNode = apiChildren[1] as ExplorerNode;
  assert.equal(presentNode(routeNode, (f) => f).description, 'Add a pet');
  assert.deepEqual(locationOf(routeNode), at(10));
  const routeChildren = childrenOf(routeNode);
  assert.deepEqual(labels(routeChildren), ['Integration: AWS', 'Authorizer: cognito (jwt)', 'query: type']);
  assert.equal(presentNode(routeChildren[0] as ExplorerNode, (f) => f).description, 'CreatePet');
  assert.deepEqual(
    childrenOf(routeChildren[0] as ExplorerNode).map((n) => [
      presentNode(n, (f) => f).label,
      presentNode(n, (f) => f).description,
    ]),
    [
      ['Template: application/json', 'request'],
      ['Template: application/xml', 'response 201'],
    ],
  );
  assert.deepEqual(
    new Set(routeChildren.map((n) => presentNode(n, (f) => f).contextValue)),
    new Set(['apigw.integration', 'apigw.authorizer', 'apigw.parameter']),
  );
});

test('WebSocket routes are labelled by their route key', () => {
  const ws = api({ type: 'WEBSOCKET', routes: [route({ method: '$connect', path: '$connect' })] });
  const [apiNode] = childrenOf(definition([ws]));
  assert.deepEqual(labels(childrenOf(apiNode as ExplorerNode)), ['$connect']);
});

test('integration targets: Lambda function name, else the URI, else "mock"', () => {
  assert.equal(
    integrationTarget(integration({ type: 'AWS_PROXY', lambdaFunction: 'GetPetFunction' })),
    'GetPetFunction',
  );
  assert.equal(
    integrationTarget(integration({ type: 'HTTP_PROXY', uri: 'https://example.com/{proxy}' })),
    'https://example.com/{proxy}',
  );
  assert.equal(
    integrationTarget(integration({ type: 'HTTP', uri: { 'Fn::Sub': 'https://${Host}/x' } })),
    'https://${Host}/x',
  );
  assert.equal(integrationTarget(integration({ type: 'MOCK' })), 'mock');
});

test('a file that could not be read shows its error as a problem node at the error line', () => {
  const error = {
    range: { start: { line: 6, character: 2 }, end: { line: 6, character: 9 } },
    severity: 'error' as const,
    code: 'apigw.yaml.syntax',
    message: 'Unexpected end of flow sequence',
  };
  const root = fileNode({ file, result: { ok: false, failure: { file, error } } });
  const look = presentNode(root, () => 'api/openapi.yaml');
  assert.equal(look.label, 'api/openapi.yaml');
  assert.equal(look.description, 'Unexpected end of flow sequence');
  assert.equal(look.icon, 'error');
  const [problem] = childrenOf(root);
  assert.ok(problem);
  assert.equal(presentNode(problem, (f) => f).contextValue, 'apigw.problem');
  assert.equal(presentNode(problem, (f) => f).description, 'line 7');
  assert.equal(locationOf(problem)?.range.start.line, 6);
});

test('errors of a readable file come before its APIs; warnings are not shown as nodes', () => {
  const problems: DefinitionFile['problems'] = [
    { range: at(3).range, severity: 'error', code: 'apigw.ref.broken', message: 'Broken $ref' },
    { range: at(4).range, severity: 'warning', code: 'apigw.yaml.duplicateKey', message: 'Duplicate key' },
  ];
  assert.deepEqual(labels(childrenOf(definition([api({})], problems))), ['Broken $ref', 'Pets']);
});

test('an API-key scheme in the effective security shows as "API key" under the route', () => {
  const apiKey = {
    name: 'api_key',
    schemeType: 'apiKey',
    in: 'header',
    headerName: 'x-api-key',
    providerARNs: [],
    loc: at(50),
    raw: {},
  };
  const guarded = route({ method: 'POST', security: [{ api_key: [] }], apiKeyRequired: true });
  const open = route({ method: 'GET' });
  const withDefault = route({ method: 'PUT' });
  const rest = api({ routes: [guarded, open, withDefault], authorizers: [apiKey], security: [] });
  const [apiNode] = childrenOf(definition([rest]));
  const [, guardedNode, openNode] = childrenOf(apiNode as ExplorerNode);
  assert.deepEqual(labels(childrenOf(guardedNode as ExplorerNode)), ['API key: api_key']);
  assert.deepEqual(labels(childrenOf(openNode as ExplorerNode)), []);
  const secured = api({ routes: [withDefault], authorizers: [apiKey], security: [{ api_key: [] }] });
  const [securedApi] = childrenOf(definition([secured]));
  const [, putNode] = childrenOf(securedApi as ExplorerNode);
  assert.deepEqual(labels(childrenOf(putNode as ExplorerNode)), ['API key: api_key'], 'API-wide security applies');
});
