import { GetRestApisCommand } from '@aws-sdk/client-api-gateway';
import { GetApisCommand } from '@aws-sdk/client-apigatewayv2';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inspect } from 'node:util';
import { createClients } from '../../../src/aws/clients';
import { AwsError } from '../../../src/aws/types';
import type { Logger } from '../../../src/shared/logger';
import { fakeHttp } from './fakeHttp';

const secrets = {
  accessKeyId: 'AKIDTESTKEY000000001',
  secretAccessKey: 'sEcReT/KeY+that+must+never+be+logged',
  sessionToken: 'SeSsIoN-ToKeN-that-must-never-be-logged',
};

function capturingLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const capture = (...args: unknown[]): void => {
    lines.push(args.map((a) => (typeof a === 'string' ? a : inspect(a, { depth: 10 }))).join(' '));
  };
  return { logger: { trace: capture, debug: capture, info: capture, warn: capture, error: capture }, lines };
}

test('a logger that captures everything never sees the secret key, session token or signed headers', async () => {
  const { logger, lines } = capturingLogger();
  let calls = 0;
  const { handler, sent } = fakeHttp(() => {
    calls++;
    if (calls === 1)
      return { status: 429, errorType: 'TooManyRequestsException', body: { message: 'Too Many Requests' } };
    if (calls === 2) return { status: 200, body: { item: [{ id: 'a1', name: 'pets' }] } };
    return {
      status: 403,
      errorType: 'ExpiredTokenException',
      body: { message: 'The security token included in the request is expired' },
    };
  });
  const clients = createClients(
    { region: 'us-east-1' },
    { logger, credentials: secrets, requestHandler: handler, random: () => 0 },
  );
  const out = await clients.rest.send(new GetRestApisCommand({ limit: 500 }));
  assert.equal(out.items?.[0]?.name, 'pets');
  await assert.rejects(clients.rest.send(new GetRestApisCommand({})), { name: 'ExpiredTokenException' });

  // The requests really were signed with the secrets...
  const authorization = sent[0]?.headers['authorization'] ?? '';
  assert.match(
    authorization,
    /^AWS4-HMAC-SHA256 Credential=AKIDTESTKEY000000001\/\d{8}\/us-east-1\/apigateway\/aws4_request, SignedHeaders=.*host.*x-amz-date.*, Signature=[0-9a-f]{64}$/,
  );
  assert.equal(sent[0]?.headers['x-amz-security-token'], secrets.sessionToken);
  const signature = authorization.split('Signature=')[1] ?? '';
  const amzDate = sent[0]?.headers['x-amz-date'] ?? '';
  // ...and the log tells the calls, but holds none of them.
  const log = lines.join('\n');
  assert.match(log, /apigateway GetRestApis → 200 in \d+ ms \(2 attempts, request id req-2\)/);
  assert.match(log, /apigateway GetRestApis failed: ExpiredTokenException 403/);
  assert.match(log, /GetRestApis: TooManyRequestsException, retrying in 0 ms \(attempt 2 of 5\)/);
  for (const secret of [secrets.secretAccessKey, secrets.sessionToken, authorization, signature, amzDate]) {
    assert.ok(!log.includes(secret), `the log holds ${secret}`);
  }
  assert.doesNotMatch(log, /authorization|x-amz-security-token|x-amz-date/i);
});

test('a throttled call is retried and each retry is reported before its wait, with the operation', async () => {
  const { handler, sent } = fakeHttp(() => ({
    status: 429,
    errorType: 'TooManyRequestsException',
    body: { message: 'Too Many Requests' },
  }));
  const reports: unknown[] = [];
  const clients = createClients(
    { region: 'eu-west-1' },
    { credentials: secrets, requestHandler: handler, random: () => 0, maxAttempts: 3, onRetry: (r) => reports.push(r) },
  );
  const later: unknown[] = [];
  const stop = clients.addRetryListener?.((r) => later.push(r));
  const error = await clients.v2.send(new GetApisCommand({})).then(
    () => assert.fail('expected a throttling error'),
    (e: unknown) => e as { name: string; $metadata: { attempts?: number } },
  );
  assert.equal(error.name, 'TooManyRequestsException');
  assert.equal(error.$metadata.attempts, 3);
  assert.equal(sent.length, 3);
  assert.deepEqual(reports, [
    { operation: 'GetApis', attempt: 2, delayMs: 0, errorName: 'TooManyRequestsException' },
    { operation: 'GetApis', attempt: 3, delayMs: 0, errorName: 'TooManyRequestsException' },
  ]);
  assert.equal(later.length, 2);
  stop?.();
  await assert.rejects(clients.v2.send(new GetApisCommand({})));
  assert.equal(later.length, 2, 'an unsubscribed listener hears nothing');
  assert.equal(reports.length, 4);
});

test('a client error is not retried', async () => {
  const { handler, sent } = fakeHttp(() => ({
    status: 404,
    errorType: 'NotFoundException',
    body: { message: 'Invalid API identifier specified' },
  }));
  const reports: unknown[] = [];
  const clients = createClients(
    { region: 'us-east-1' },
    { credentials: secrets, requestHandler: handler, onRetry: (r) => reports.push(r) },
  );
  await assert.rejects(clients.rest.send(new GetRestApisCommand({})), { name: 'NotFoundException' });
  assert.equal(sent.length, 1);
  assert.deepEqual(reports, []);
});

test('endpointUrl sends every client to that endpoint, still signed for the service and region', async () => {
  const { handler, sent } = fakeHttp((r) =>
    r.hostname === '127.0.0.1' && r.path.startsWith('/v2/')
      ? { status: 200, body: { items: [] } }
      : { status: 200, body: { item: [] } },
  );
  const clients = createClients(
    { region: 'eu-west-3', endpointUrl: 'http://127.0.0.1:4566' },
    { credentials: secrets, requestHandler: handler },
  );
  await clients.rest.send(new GetRestApisCommand({}));
  await clients.v2.send(new GetApisCommand({}));
  assert.deepEqual(
    sent.map((r) => `${r.hostname}:${r.port} ${r.path}`),
    ['127.0.0.1:4566 /restapis', '127.0.0.1:4566 /v2/apis'],
  );
  assert.match(sent[0]?.headers['authorization'] ?? '', /\/eu-west-3\/apigateway\/aws4_request/);
  assert.match(sent[1]?.headers['authorization'] ?? '', /\/eu-west-3\/apigateway\/aws4_request/);
});

test("without endpointUrl the SDK's own AWS_ENDPOINT_URL_* variables still apply, and AWS is the default", async () => {
  const { handler, sent } = fakeHttp(() => ({ status: 200, body: { item: [] } }));
  const saved = process.env['AWS_ENDPOINT_URL_API_GATEWAY'];
  process.env['AWS_ENDPOINT_URL_API_GATEWAY'] = 'http://localhost:4567';
  try {
    const clients = createClients({ region: 'us-west-2' }, { credentials: secrets, requestHandler: handler });
    await clients.rest.send(new GetRestApisCommand({}));
  } finally {
    if (saved === undefined) delete process.env['AWS_ENDPOINT_URL_API_GATEWAY'];
    else process.env['AWS_ENDPOINT_URL_API_GATEWAY'] = saved;
  }
  const plain = createClients({ region: 'us-west-2' }, { credentials: secrets, requestHandler: handler });
  await plain.rest.send(new GetRestApisCommand({}));
  assert.deepEqual(
    sent.map((r) => `${r.hostname}:${r.port ?? ''}`),
    ['localhost:4567', 'apigateway.us-west-2.amazonaws.com:'],
  );
});

test('a bad place or option is refused with what is expected', () => {
  const refused = (run: () => unknown, message: string): void => {
    assert.throws(
      run,
      (error: unknown) => error instanceof AwsError && error.message === message && error.problem.kind === 'badRequest',
    );
  };
  refused(() => createClients({ region: '' }), 'An AWS region (such as us-east-1) is required.');
  refused(
    () => createClients({ region: 'us-east-1', endpointUrl: 'localhost:4566' }),
    "The endpoint URL must be an http or https URL such as http://127.0.0.1:4566, not 'localhost:4566'.",
  );
  refused(
    () => createClients({ region: 'us-east-1', endpointUrl: 'not a url' }),
    "The endpoint URL must be an http or https URL such as http://127.0.0.1:4566, not 'not a url'.",
  );
  refused(
    () => createClients({ region: 'us-east-1' }, { maxAttempts: 0 }),
    'maxAttempts must be a whole number of 1 or more (1: no retries), not 0.',
  );
});
