import { TestInvokeMethodCommand } from '@aws-sdk/client-api-gateway';
import { mockClient } from 'aws-sdk-client-mock';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { createClients } from '../../../src/aws/clients';
import { invokeHttpRoute, logSteps, signingCredentialsOf, testInvokeMethod } from '../../../src/aws/invoke';
import { signRequest } from '../../../src/aws/sigv4';
import { rejection } from './rejection';

// The AWS SigV4 test suite's credentials and time (get-vanilla, get-vanilla-query-order-key-case).
const suite = {
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
  region: 'us-east-1',
  service: 'service',
  signingDate: new Date('2015-08-30T12:36:00Z'),
};

test('SigV4 matches the AWS test suite: get-vanilla', async () => {
  const headers = await signRequest(
    { method: 'GET', url: new URL('https://example.amazonaws.com/'), headers: {} },
    suite,
  );
  assert.equal(headers['x-amz-date'], '20150830T123600Z');
  assert.equal(headers['host'], 'example.amazonaws.com');
  assert.equal(
    headers['authorization'],
    'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
  );
});

test('SigV4 matches the AWS test suite: get-vanilla-query-order-key-case (the query is sorted)', async () => {
  const headers = await signRequest(
    { method: 'GET', url: new URL('https://example.amazonaws.com/?Param2=value2&Param1=value1'), headers: {} },
    suite,
  );
  assert.match(
    headers['authorization'] ?? '',
    /Signature=b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500$/,
  );
});

test('a session token is sent and signed; the scope names execute-api and the region', async () => {
  const headers = await signRequest(
    {
      method: 'POST',
      url: new URL('https://abc.execute-api.eu-west-1.amazonaws.com/prod/pets?x=1'),
      headers: { 'Content-Type': 'application/json' },
      body: '{"a":1}',
    },
    {
      credentials: { ...suite.credentials, sessionToken: 'TOKEN' },
      region: 'eu-west-1',
      signingDate: suite.signingDate,
    },
  );
  assert.equal(headers['x-amz-security-token'], 'TOKEN');
  assert.match(
    headers['authorization'] ?? '',
    /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/20150830\/eu-west-1\/execute-api\/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-security-token, Signature=[0-9a-f]{64}$/,
  );
});

/** A loopback server that answers each request with what it received. */
async function echoServer(): Promise<{
  url: string;
  close: () => Promise<void>;
  received: http.IncomingHttpHeaders[];
}> {
  const received: http.IncomingHttpHeaders[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push(req.headers);
      res.writeHead(201, { 'content-type': 'application/json', 'x-trace': 't1' });
      res.end(JSON.stringify({ method: req.method, url: req.url, body: Buffer.concat(chunks).toString('utf8') }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

test('invokeHttpRoute signs what fetch really sends: the server recomputes the same signature', async () => {
  const server = await echoServer();
  try {
    const signingDate = new Date('2026-03-01T10:00:00Z');
    const result = await invokeHttpRoute({
      url: `${server.url}/prod/pets/a%20b?limit=2&tag=x&tag=y`,
      method: 'post',
      headers: { 'Content-Type': 'application/json', 'Content-Length': '999' },
      body: '{"name":"rex"}',
      sign: {
        credentials: { accessKeyId: 'AKID', secretAccessKey: 'SECRET', sessionToken: 'TOK' },
        region: 'us-east-1',
        signingDate,
      },
    });
    assert.equal(result.status, 201);
    assert.equal(result.headers['x-trace'], 't1');
    assert.deepEqual(JSON.parse(result.body), {
      method: 'POST',
      url: '/prod/pets/a%20b?limit=2&tag=x&tag=y',
      body: '{"name":"rex"}',
    });
    assert.ok(result.latencyMs >= 0);
    const got = server.received[0]!;
    // The server side of SigV4: sign again from what arrived, with the headers the client signed.
    const signedNames = /SignedHeaders=([^,]+)/.exec(String(got.authorization))?.[1]?.split(';') ?? [];
    assert.deepEqual(signedNames, ['content-type', 'host', 'x-amz-date', 'x-amz-security-token']);
    const again = await signRequest(
      {
        method: 'POST',
        url: new URL(`http://${got.host}/prod/pets/a%20b?limit=2&tag=x&tag=y`),
        headers: { 'content-type': String(got['content-type']) },
        body: '{"name":"rex"}',
      },
      {
        credentials: { accessKeyId: 'AKID', secretAccessKey: 'SECRET', sessionToken: 'TOK' },
        region: 'us-east-1',
        signingDate,
      },
    );
    assert.equal(got.authorization, again['authorization']);
    assert.equal(got['x-amz-date'], '20260301T100000Z');
    assert.equal(got['content-length'], '14', 'fetch computes the length itself');
  } finally {
    await server.close();
  }
});

test('without sign, nothing AWS-specific is added', async () => {
  const server = await echoServer();
  try {
    const result = await invokeHttpRoute({ url: `${server.url}/pets`, method: 'GET', headers: { 'x-api-key': 'k' } });
    assert.equal(result.status, 201);
    const got = server.received[0]!;
    assert.equal(got.authorization, undefined);
    assert.equal(got['x-amz-date'], undefined);
    assert.equal(got['x-api-key'], 'k');
  } finally {
    await server.close();
  }
});

test("signing with the clients' credential chain", async () => {
  const clients = createClients(
    { region: 'ap-southeast-2' },
    { credentials: { accessKeyId: 'AKIDCHAIN', secretAccessKey: 'S' } },
  );
  let sentHeaders: Record<string, string> = {};
  const fakeFetch: typeof fetch = (_url, init) => {
    sentHeaders = { ...(init?.headers as Record<string, string>) };
    return Promise.resolve(new Response('ok', { status: 200 }));
  };
  await invokeHttpRoute({
    url: 'https://h1.execute-api.ap-southeast-2.amazonaws.com/pets',
    method: 'GET',
    sign: { credentials: signingCredentialsOf(clients), region: 'ap-southeast-2' },
    fetch: fakeFetch,
  });
  assert.match(
    sentHeaders['authorization'] ?? '',
    /Credential=AKIDCHAIN\/\d{8}\/ap-southeast-2\/execute-api\/aws4_request/,
  );
  assert.equal(sentHeaders['host'], undefined, 'fetch sets Host itself');
});

test('an unreachable URL is a network problem naming it', async () => {
  const server = await echoServer();
  await server.close();
  const error = await rejection(invokeHttpRoute({ url: `${server.url}/pets`, method: 'GET' }));
  assert.equal(error.problem.kind, 'network');
  assert.equal(error.problem.operation, 'Invoke');
  assert.match(
    error.message,
    new RegExp(`^Invoke: cannot reach ${server.url.replace(/\./g, '\\.')} \\(connection refused\\)`),
  );
});

test('bad input to invokeHttpRoute is refused with what is expected', async () => {
  const cases: [Parameters<typeof invokeHttpRoute>[0], RegExp][] = [
    [
      { url: 'abc.execute-api/prod', method: 'GET' },
      /^'abc\.execute-api\/prod' is not a URL: expected the stage's invoke URL/,
    ],
    [
      { url: 'wss://w1.execute-api.us-east-1.amazonaws.com/prod', method: 'GET' },
      /^Only http and https URLs can be invoked, not 'wss:'/,
    ],
    [{ url: 'https://x.example/p', method: 'GET', body: '{}' }, /^A GET request cannot have a body/],
    [{ url: 'https://x.example/p', method: 'GET /p' }, /^'GET \/p' is not an HTTP method/],
    [{ url: 'https://x.example/p', method: '' }, /^An HTTP method is required\.$/],
  ];
  for (const [request, message] of cases) {
    const error = await rejection(invokeHttpRoute({ ...request, fetch: () => assert.fail('nothing may be sent') }));
    assert.match(error.message, message);
    assert.equal(error.problem.kind, 'badRequest');
  }
});

const awsLog = `Execution log for request 7a1f
Sun Mar 01 10:00:00 UTC 2026 : Starting execution for request: 7a1f
Sun Mar 01 10:00:00 UTC 2026 : HTTP Method: GET, Resource Path: /pets/1
Sun Mar 01 10:00:00 UTC 2026 : Method request body before transformations: 
Sun Mar 01 10:00:00 UTC 2026 : Endpoint request body after transformations: {
  "id": "1"
}
Sun Mar 01 10:00:01 UTC 2026 : Method completed with status: 200
`;

test('testInvokeMethod sends the method request and returns status, headers, body, log and latency', async () => {
  const clients = createClients({ region: 'us-east-1' }, { credentials: { accessKeyId: 'A', secretAccessKey: 'S' } });
  const rest = mockClient(clients.rest);
  rest.on(TestInvokeMethodCommand).resolves({
    status: 200,
    body: '{"id":1}',
    headers: { 'Content-Type': 'application/json' },
    log: awsLog,
    latency: 42,
  });
  const result = await testInvokeMethod(clients, {
    apiId: 'abc',
    resourceId: 'res1',
    httpMethod: 'get',
    pathWithQueryString: '/pets/1?x=y',
    headers: { Accept: 'application/json' },
    stageVariables: { alias: 'live' },
  });
  assert.deepEqual(result, {
    status: 200,
    body: '{"id":1}',
    headers: { 'Content-Type': 'application/json' },
    log: awsLog,
    latencyMs: 42,
  });
  assert.deepEqual(rest.commandCalls(TestInvokeMethodCommand)[0]?.args[0].input, {
    restApiId: 'abc',
    resourceId: 'res1',
    httpMethod: 'GET',
    pathWithQueryString: '/pets/1?x=y',
    headers: { Accept: 'application/json' },
    stageVariables: { alias: 'live' },
  });
});

test('the TestInvokeMethod log reads as steps, multi-line bodies kept with their step', () => {
  const steps = logSteps(awsLog);
  assert.deepEqual(steps[0], { text: 'Execution log for request 7a1f' });
  assert.deepEqual(steps[1], { time: 'Sun Mar 01 10:00:00 UTC 2026', text: 'Starting execution for request: 7a1f' });
  assert.equal(steps[3]?.text, 'Method request body before transformations:');
  assert.equal(steps[4]?.text, 'Endpoint request body after transformations: {\n  "id": "1"\n}');
  assert.equal(steps[5]?.text, 'Method completed with status: 200');
  assert.equal(steps.length, 6);
});

test('testInvokeMethod: bad input refused before any call; AWS failures told', async () => {
  const clients = createClients({ region: 'us-east-1' }, { credentials: { accessKeyId: 'A', secretAccessKey: 'S' } });
  const rest = mockClient(clients.rest);
  const base = { apiId: 'abc', resourceId: 'res1', httpMethod: 'GET' };
  assert.equal(
    (await rejection(testInvokeMethod(clients, { ...base, resourceId: '' }))).message,
    'A resource id is required.',
  );
  assert.equal(
    (await rejection(testInvokeMethod(clients, { ...base, pathWithQueryString: 'pets/1' }))).message,
    "The request path must start with '/', as in '/pets/7?verbose=true', not 'pets/1'.",
  );
  assert.equal(rest.calls().length, 0);
  rest.on(TestInvokeMethodCommand).rejects(
    Object.assign(
      new Error(
        'User: arn:aws:iam::1:user/b is not authorized to perform: apigateway:POST on resource: arn:aws:apigateway:us-east-1::/restapis/abc/resources/res1/methods/GET',
      ),
      {
        name: 'AccessDeniedException',
        $metadata: { httpStatusCode: 403 },
      },
    ),
  );
  const denied = await rejection(testInvokeMethod(clients, base));
  assert.equal(denied.problem.kind, 'accessDenied');
  assert.equal(denied.problem.action, 'apigateway:POST');
});
