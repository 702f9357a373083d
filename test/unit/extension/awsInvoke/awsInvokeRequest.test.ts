import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DeployedRoute, DeployedStage } from '../../../../src/aws/types';
import {
  awsTargetLabel,
  endpointOverride,
  findDeployedRoute,
  formForDeployedRoute,
  httpStageUrl,
  invokeOnAwsTrustRefusal,
  needsSigning,
  toAwsInvokeResult,
  toHttpInvokeRequest,
  toTestInvokeInput,
  type ResolvedAwsRoute,
} from '../../../../src/extension/awsInvoke/awsInvokeRequest';
import { presentLog } from '../../../../src/extension/awsInvoke/invokeLog';
import type { InvokeForm } from '../../../../src/extension/mock/invokeForm';
import { plain } from '../../helpers/plain';

function form(overrides: Partial<InvokeForm> = {}): InvokeForm {
  return {
    api: 'Pets',
    method: 'POST',
    path: '/pets/{petId}/tags/{tag+}',
    sendMethod: 'POST',
    pathParameters: [
      { name: 'petId', value: '7 8', required: true },
      { name: 'tag', value: 'a/b c', required: true },
    ],
    query: [
      { name: 'verbose', value: 'true', required: false },
      { name: 'empty', value: '', required: false },
      { name: 'q', value: 'x&y', required: true },
    ],
    headers: [
      { name: 'X-Trace', value: 'abc', required: false },
      { name: 'X-Skip', value: '', required: false },
    ],
    contentType: 'application/json',
    body: '{"name":"Rex"}',
    ...overrides,
  };
}

const stage: DeployedStage = {
  apiId: 'abc123',
  name: 'prod',
  invokeUrl: 'https://abc123.execute-api.eu-west-1.amazonaws.com/prod',
  variables: { alias: 'live', table: 'pets-prod' },
};

function resolved(route: Partial<DeployedRoute> = {}, kind: 'REST' | 'HTTP' = 'REST'): ResolvedAwsRoute {
  return {
    target: { apiId: 'abc123', kind, stage: 'prod' },
    apiName: 'Pets',
    region: 'eu-west-1',
    route: { key: 'POST /pets/{petId}/tags/{tag+}', id: 'm1', resourceId: 'res42', method: 'POST', ...route },
    stage,
  };
}

describe('Invoke on AWS: the form as TestInvokeMethod input', () => {
  it('sends the path with its parameters and query, the headers, the body and the stage variables', () => {
    assert.deepEqual(plain(toTestInvokeInput(form(), resolved())), {
      apiId: 'abc123',
      resourceId: 'res42',
      httpMethod: 'POST',
      pathWithQueryString: '/pets/7%208/tags/a/b%20c?verbose=true&q=x%26y',
      headers: { 'X-Trace': 'abc', 'Content-Type': 'application/json' },
      body: '{"name":"Rex"}',
      stageVariables: { alias: 'live', table: 'pets-prod' },
    });
  });

  it('sends no body for GET, keeps a Content-Type the user set, and repeats headers as multiValueHeaders', () => {
    const input = toTestInvokeInput(
      form({
        method: 'GET',
        sendMethod: 'GET',
        headers: [
          { name: 'Accept', value: 'text/plain', required: false },
          { name: 'accept', value: 'application/json', required: false },
          { name: 'content-type', value: 'text/csv', required: false },
        ],
      }),
      resolved({ method: 'GET' }),
    );
    assert.equal(input.httpMethod, 'GET');
    assert.equal(input.body, undefined);
    assert.deepEqual(plain(input.headers), { Accept: 'application/json', 'content-type': 'text/csv' });
    assert.deepEqual(plain(input.multiValueHeaders), {
      Accept: ['text/plain', 'application/json'],
      'content-type': ['text/csv'],
    });
  });

  it('tests an ANY method as ANY, and leaves out stage variables without a stage', () => {
    const r = resolved({ method: 'ANY' });
    delete r.stage;
    const input = toTestInvokeInput(form({ method: 'ANY', sendMethod: 'PUT', query: [] }), r);
    assert.equal(input.httpMethod, 'ANY');
    assert.equal(input.stageVariables, undefined);
    assert.equal(input.pathWithQueryString, '/pets/7%208/tags/a/b%20c');
    assert.equal(input.body, '{"name":"Rex"}', 'PUT carries the body');
  });

  it('refuses a route without a resource id with a message, not a crash', () => {
    assert.throws(() => toTestInvokeInput(form(), resolved({ resourceId: undefined })), /no resource id/);
  });
});

describe('Invoke on AWS: the form as a request to an HTTP API stage', () => {
  it('calls the stage URL with the route path and query, repeated headers joined', () => {
    const request = toHttpInvokeRequest(
      form({
        headers: [
          { name: 'X-A', value: '1', required: false },
          { name: 'x-a', value: '2', required: false },
        ],
      }),
      resolved({}, 'HTTP'),
    );
    assert.deepEqual(plain(request), {
      url: 'https://abc123.execute-api.eu-west-1.amazonaws.com/prod/pets/7%208/tags/a/b%20c?verbose=true&q=x%26y',
      method: 'POST',
      headers: { 'X-A': '1, 2', 'Content-Type': 'application/json' },
      body: '{"name":"Rex"}',
    });
  });

  it('calls the $default route at the root of a $default stage', () => {
    const r = resolved({ key: '$default' }, 'HTTP');
    r.stage = { ...stage, name: '$default', invokeUrl: 'https://abc123.execute-api.eu-west-1.amazonaws.com' };
    const request = toHttpInvokeRequest(
      form({ method: 'ANY', sendMethod: 'GET', path: '$default', pathParameters: [], query: [], headers: [] }),
      r,
    );
    assert.deepEqual(plain(request), { url: 'https://abc123.execute-api.eu-west-1.amazonaws.com/', method: 'GET' });
  });

  it('needs a stage, and signs only AWS_IAM routes', () => {
    const r = resolved({}, 'HTTP');
    delete r.stage;
    assert.throws(() => toHttpInvokeRequest(form(), r), /has no stage to call: deploy it to a stage first/);
    assert.equal(needsSigning({ key: 'GET /', id: '1', authorizationType: 'AWS_IAM' }), true);
    assert.equal(needsSigning({ key: 'GET /', id: '1', authorizationType: 'JWT' }), false);
    assert.equal(needsSigning({ key: 'GET /', id: '1' }), false);
  });
});

describe('Invoke on AWS: an HTTP API behind an endpoint override (LocalStack, a test server)', () => {
  it("calls the override's path-style execute-api URL instead of AWS's host", () => {
    const r = { ...resolved({}, 'HTTP'), endpointUrl: 'http://localhost:4566/' };
    assert.equal(httpStageUrl(r), 'http://localhost:4566/_aws/execute-api/abc123/prod');
    const request = toHttpInvokeRequest(form({ query: [], headers: [] }), r);
    assert.equal(request.url, 'http://localhost:4566/_aws/execute-api/abc123/prod/pets/7%208/tags/a/b%20c');
    // The panel shows the URL that was called.
    const result = toAwsInvokeResult(
      { method: 'GET', path: '/pets', query: '', headers: {} },
      r,
      { status: 200, headers: {}, body: '', latencyMs: 1 },
      undefined,
      'req-2',
    );
    assert.equal(result.url, 'http://localhost:4566/_aws/execute-api/abc123/prod/pets');
    // "Show logs of this request": the HTTP stage's access log, by the request id the answer carried.
    assert.deepEqual(result.requestLogs, {
      kind: 'HTTP',
      apiId: 'abc123',
      apiName: r.apiName,
      stage: 'prod',
      requestId: 'req-2',
    });
  });

  it('names the $default stage in the path, and leaves REST (TestInvokeMethod) as it is', () => {
    const r = { ...resolved({ key: '$default' }, 'HTTP'), endpointUrl: 'http://127.0.0.1:4566' };
    r.stage = { ...stage, name: '$default', invokeUrl: 'https://abc123.execute-api.eu-west-1.amazonaws.com' };
    assert.equal(httpStageUrl(r), 'http://127.0.0.1:4566/_aws/execute-api/abc123/$default');
    const rest = { ...resolved(), endpointUrl: 'http://127.0.0.1:4566' };
    const result = toAwsInvokeResult(
      { method: 'GET', path: '/pets', query: '', headers: {} },
      rest,
      { status: 200, headers: {}, body: '', latencyMs: 1 },
      undefined,
      'req-3',
    );
    assert.equal(result.url, 'https://abc123.execute-api.eu-west-1.amazonaws.com/prod/pets');
    // TestInvokeMethod's log is simulated and never reaches CloudWatch: no logs to show for it.
    assert.equal(result.requestLogs, undefined);
  });

  it("takes the override from the setting, else from the SDK's AWS_ENDPOINT_URL variables", () => {
    assert.equal(endpointOverride('http://a:1', { AWS_ENDPOINT_URL: 'http://b:2' }), 'http://a:1');
    assert.equal(endpointOverride(undefined, {}), undefined);
    assert.equal(endpointOverride('', { AWS_ENDPOINT_URL: 'http://b:2' }), 'http://b:2');
    assert.equal(
      endpointOverride(undefined, { AWS_ENDPOINT_URL: 'http://b:2', AWS_ENDPOINT_URL_APIGATEWAYV2: 'http://c:3' }),
      'http://c:3',
    );
    assert.equal(
      endpointOverride(undefined, { AWS_ENDPOINT_URL: 'http://b:2', AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' }),
      undefined,
    );
  });
});

describe('Invoke on AWS: targets and routes', () => {
  const routes: DeployedRoute[] = [
    { key: 'GET /pets', id: '1', method: 'GET', path: '/pets' },
    { key: 'GET /pets/{id}', id: '2', method: 'GET', path: '/pets/{id}' },
    { key: 'ANY /{proxy+}', id: '3', method: 'ANY', path: '/{proxy+}' },
    { key: '$default', id: '4' },
  ];

  it('finds the deployed route by method and path, whatever the path parameters are called', () => {
    assert.equal(findDeployedRoute(routes, 'GET', '/pets')?.id, '1');
    assert.equal(findDeployedRoute(routes, 'get', '/pets/{petId}')?.id, '2');
    assert.equal(findDeployedRoute(routes, 'ANY', '/{path+}')?.id, '3');
    assert.equal(findDeployedRoute(routes, 'ANY', '$default')?.id, '4');
    assert.equal(findDeployedRoute(routes, 'POST', '/pets'), undefined);
  });

  it('names the target as the panel shows it', () => {
    assert.equal(
      awsTargetLabel({ apiId: 'abc', kind: 'REST', stage: 'prod', apiName: 'Pets' }),
      'AWS (stage prod of API Pets)',
    );
    assert.equal(awsTargetLabel({ apiId: 'abc', kind: 'REST' }), 'AWS (API abc, no stage)');
  });

  it('builds a form for a deployed route with no local definition', () => {
    assert.deepEqual(formForDeployedRoute('Pets', routes[1]!), {
      api: 'Pets',
      method: 'GET',
      path: '/pets/{id}',
      sendMethod: 'GET',
      pathParameters: [{ name: 'id', value: '1', required: true }],
      query: [],
      headers: [],
      contentType: 'application/json',
      body: '',
    });
    const any = formForDeployedRoute('Pets', routes[3]!);
    assert.equal(any.path, '$default');
    assert.equal(any.method, 'ANY');
    assert.equal(any.sendMethod, 'GET');
  });

  it('is refused in Restricted Mode with the reason', () => {
    assert.equal(invokeOnAwsTrustRefusal(true), undefined);
    assert.match(invokeOnAwsTrustRefusal(false) ?? '', /disabled in Restricted Mode: .*your credentials/);
  });
});

describe("Invoke on AWS: AWS's answer as the panel's result", () => {
  it('keeps status, headers, body and latency, and the log by stage', () => {
    const log = presentLog([{ time: 'Thu Nov 09 18:02:40 UTC 2023', text: 'Method completed with status: 201' }]);
    const result = toAwsInvokeResult(
      {
        method: 'POST',
        path: '/pets',
        query: 'a=1',
        headers: { 'X-A': '2' },
        multiValueHeaders: { 'X-A': ['1', '2'] },
        body: '{}',
      },
      resolved(),
      { status: 201, headers: { 'Content-Type': 'application/json' }, body: '{"id":7}', latencyMs: 42, log: 'raw' },
      log,
      'req-1',
    );
    assert.deepEqual(plain(result), {
      origin: 'aws',
      target: 'AWS (stage prod of API Pets)',
      request: { method: 'POST', path: '/pets', query: 'a=1', headers: { 'X-A': ['1', '2'] }, body: '{}' },
      url: 'https://abc123.execute-api.eu-west-1.amazonaws.com/prod/pets?a=1',
      status: 201,
      headers: { 'Content-Type': 'application/json' },
      body: '{"id":7}',
      bodyEncoding: 'utf8',
      latencyMs: 42,
      route: 'POST /pets/{petId}/tags/{tag+}',
      requestId: 'req-1',
      trace: [],
      logs: [],
      awsLog: log.sections,
      rawLog: 'raw',
    });
  });
});
