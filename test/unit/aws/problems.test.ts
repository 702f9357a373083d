import {
  GetRestApisCommand,
  NotFoundException,
  ConflictException,
  BadRequestException,
} from '@aws-sdk/client-api-gateway';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { createClients } from '../../../src/aws/clients';
import { describeProblem, toAwsError } from '../../../src/aws/problems';
import { AwsError } from '../../../src/aws/types';
import { fakeHttp, type FakeResponse } from './fakeHttp';

const metadata = (httpStatusCode: number) => ({ $metadata: { httpStatusCode, requestId: 'rid-1' } });

/** An error of a kind the SDK builds for an unmodelled x-amzn-ErrorType. */
function serviceError(name: string, message: string, status: number, attempts?: number): Error {
  const error = new Error(message) as Error & { $metadata: unknown; $fault: string };
  error.name = name;
  error.$metadata = { httpStatusCode: status, requestId: 'rid-2', ...(attempts ? { attempts } : {}) };
  error.$fault = status >= 500 ? 'server' : 'client';
  return error;
}

/** The error the real clients throw for one canned answer. */
async function errorFrom(answer: FakeResponse): Promise<unknown> {
  const { handler } = fakeHttp(() => answer);
  const clients = createClients(
    { region: 'us-east-1' },
    {
      credentials: { accessKeyId: 'AKID', secretAccessKey: 'S' },
      requestHandler: handler,
      random: () => 0,
      maxAttempts: 2,
    },
  );
  return clients.rest.send(new GetRestApisCommand({})).then(
    () => assert.fail('expected an error'),
    (e: unknown) => e,
  );
}

function withHome<T>(setup: (home: string) => void, run: () => Promise<T>): Promise<T> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'apigw-home-'));
  fs.mkdirSync(path.join(home, '.aws', 'sso', 'cache'), { recursive: true });
  setup(home);
  const keys = [
    'HOME',
    'USERPROFILE',
    'AWS_EC2_METADATA_DISABLED',
    'AWS_ACCESS_KEY_ID',
    'AWS_SECRET_ACCESS_KEY',
    'AWS_SESSION_TOKEN',
    'AWS_PROFILE',
    'AWS_CONFIG_FILE',
    'AWS_SHARED_CREDENTIALS_FILE',
    'AWS_WEB_IDENTITY_TOKEN_FILE',
    'AWS_CONTAINER_CREDENTIALS_FULL_URI',
    'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
  ];
  const saved = keys.map((k) => [k, process.env[k]] as const);
  for (const k of keys) delete process.env[k];
  process.env['HOME'] = home;
  process.env['USERPROFILE'] = home;
  process.env['AWS_EC2_METADATA_DISABLED'] = 'true';
  return run().finally(() => {
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });
}

const chainError = (profile?: string): Promise<unknown> =>
  fromNodeProviderChain(profile ? { profile } : {})().then(
    () => assert.fail('expected no credentials'),
    (e: unknown) => e,
  );

test('no credentials anywhere: say so and what to set', async () => {
  const error = await withHome(
    () => undefined,
    () => chainError(),
  );
  const problem = describeProblem(error, { region: 'us-east-1' });
  assert.equal(problem.kind, 'noCredentials');
  assert.match(
    problem.message,
    /^No AWS credentials found: choose a profile .*AWS_PROFILE.*AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY/,
  );
});

test('an expired SSO session (sso_session and legacy sso_start_url) says to run aws sso login --profile NAME', async () => {
  const config = `[profile dev]
sso_session = corp
sso_account_id = 123456789012
sso_role_name = Dev
region = us-east-1
[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = us-east-1
[profile legacy]
sso_start_url = https://legacy.awsapps.com/start
sso_region = us-east-1
sso_account_id = 123456789012
sso_role_name = Dev
`;
  const token = {
    accessToken: 'x',
    expiresAt: '2020-01-01T00:00:00Z',
    region: 'us-east-1',
    startUrl: 'https://corp.awsapps.com/start',
  };
  const setup = (home: string): void => {
    fs.writeFileSync(path.join(home, '.aws', 'config'), config);
    const name = crypto.createHash('sha1').update('corp').digest('hex');
    fs.writeFileSync(path.join(home, '.aws', 'sso', 'cache', `${name}.json`), JSON.stringify(token));
  };
  for (const profile of ['dev', 'legacy']) {
    const error = await withHome(setup, () => chainError(profile));
    const problem = describeProblem(error, { profile });
    assert.equal(problem.kind, 'ssoLoginNeeded', `${profile}: ${String(error)}`);
    assert.equal(
      problem.message,
      `The SSO session of profile '${profile}' has expired or was never started: run \`aws sso login --profile ${profile}\`, then try again.`,
    );
  }
  assert.match(
    describeProblem({ name: 'SSOTokenProviderFailure', message: 'x' }).message,
    /aws sso login --profile NAME/,
  );
});

test('a profile that is not in the files is named', () => {
  const error = Object.assign(new Error('Profile ghost could not be found in shared credentials file.'), {
    name: 'CredentialsProviderError',
  });
  const problem = describeProblem(error, { profile: 'ghost' });
  assert.equal(problem.kind, 'noCredentials');
  assert.match(problem.message, /^Profile 'ghost' is not in the AWS config or credentials files/);
});

test('expired and invalid keys, a bad signature and a skewed clock are told apart', async () => {
  const expired = describeProblem(
    await errorFrom({
      status: 403,
      errorType: 'ExpiredTokenException',
      body: { message: 'The security token included in the request is expired' },
    }),
    { profile: 'dev' },
  );
  assert.equal(expired.kind, 'expiredCredentials');
  assert.equal(expired.operation, 'GetRestApis');
  assert.equal(expired.httpStatus, 403);
  assert.match(
    expired.message,
    /^GetRestApis: The AWS session token of profile 'dev' has expired\. Refresh the credentials \(for an SSO profile run `aws sso login --profile dev`\)/,
  );

  const unknown = describeProblem(
    await errorFrom({
      status: 403,
      errorType: 'UnrecognizedClientException',
      body: { message: 'The security token included in the request is invalid.' },
    }),
  );
  assert.equal(unknown.kind, 'expiredCredentials');
  assert.match(unknown.message, /does not recognise the access key or session token/);

  const sts = describeProblem(
    serviceError('InvalidClientTokenId', 'The security token included in the request is invalid.', 403),
  );
  assert.equal(sts.kind, 'expiredCredentials');
  assert.equal(
    describeProblem(serviceError('ExpiredToken', 'The security token included in the request is expired', 400)).kind,
    'expiredCredentials',
  );

  const signature = describeProblem(
    await errorFrom({
      status: 403,
      errorType: 'InvalidSignatureException',
      body: { message: 'The request signature we calculated does not match the signature you provided.' },
    }),
  );
  assert.equal(signature.kind, 'expiredCredentials');
  assert.match(signature.message, /secret access key .* is wrong/);

  const clock = describeProblem(serviceError('RequestExpired', 'Request has expired.', 400));
  assert.equal(clock.kind, 'expiredCredentials');
  assert.match(clock.message, /clock is more than 5 minutes off/);
});

test('access denied names the refused action and resource', async () => {
  const message =
    'User: arn:aws:iam::123456789012:user/bob is not authorized to perform: apigateway:POST on resource: arn:aws:apigateway:us-east-1::/restapis because no identity-based policy allows the apigateway:POST action';
  const problem = describeProblem(
    await errorFrom({ status: 403, errorType: 'AccessDeniedException', body: { message } }),
  );
  assert.equal(problem.kind, 'accessDenied');
  assert.equal(problem.action, 'apigateway:POST');
  assert.equal(
    problem.message,
    'GetRestApis: Access denied: arn:aws:iam::123456789012:user/bob may not perform apigateway:POST on arn:aws:apigateway:us-east-1::/restapis. Ask for IAM permission to apigateway:POST, or choose a profile that has it.',
  );
  assert.equal(problem.awsMessage, message);
  const bare = describeProblem(serviceError('AccessDeniedException', 'Forbidden', 403), { profile: 'ro' });
  assert.equal(bare.action, undefined);
  assert.match(bare.message, /Access denied for profile 'ro'\. AWS says: Forbidden\. Check the IAM permissions/);
});

test('not found, conflict, bad request and too large keep AWS message and say what to do', () => {
  const notFound = describeProblem(
    new NotFoundException({ message: 'Invalid API identifier specified 123456789012:nope', ...metadata(404) }),
    { operation: 'GetRestApi', region: 'eu-west-1' },
  );
  assert.equal(notFound.kind, 'notFound');
  assert.equal(notFound.requestId, 'rid-1');
  assert.match(
    notFound.message,
    /^GetRestApi: not found\. AWS says: Invalid API identifier specified 123456789012:nope\. It may have been deleted, or live in another region than eu-west-1/,
  );

  const conflict = describeProblem(new ConflictException({ message: 'Stage already exists', ...metadata(409) }), {
    operation: 'CreateStage',
  });
  assert.equal(conflict.kind, 'conflict');
  assert.match(conflict.message, /^CreateStage: conflicts with .* Stage already exists\. .*refresh and try again/);

  const bad = describeProblem(
    new BadRequestException({ message: 'Stage name only allows a-zA-Z0-9_', ...metadata(400) }),
    { operation: 'CreateStage' },
  );
  assert.equal(bad.kind, 'badRequest');
  assert.equal(bad.awsMessage, 'Stage name only allows a-zA-Z0-9_');
  assert.equal(bad.message, 'CreateStage: AWS rejected the request. AWS says: Stage name only allows a-zA-Z0-9_.');

  for (const error of [
    serviceError('PayloadTooLargeException', 'Request too large', 413),
    serviceError('BadRequestException', 'Request too large', 400),
    serviceError('Error', '', 413),
  ]) {
    const large = describeProblem(error, { operation: 'ImportRestApi' });
    assert.equal(large.kind, 'tooLarge');
    assert.match(
      large.message,
      /^ImportRestApi: the request is larger than API Gateway accepts \(an imported definition may be at most 6 MB\)/,
    );
  }
});

test('throttling still failing after the retries says how many attempts and to wait', async () => {
  const problem = describeProblem(
    await errorFrom({ status: 429, errorType: 'TooManyRequestsException', body: { message: 'Too Many Requests' } }),
  );
  assert.equal(problem.kind, 'throttled');
  assert.match(
    problem.message,
    /^GetRestApis: AWS is still throttling the calls after 2 attempts\. AWS says: Too Many Requests\. Wait a minute/,
  );
  assert.equal(describeProblem(serviceError('LimitExceededException', 'Rate exceeded', 429)).kind, 'throttled');
});

test('unreachable endpoints name the URL and say to check the region or endpoint URL', () => {
  const dns = Object.assign(new Error('getaddrinfo ENOTFOUND apigateway.us-eest-1.amazonaws.com'), {
    code: 'ENOTFOUND',
    hostname: 'apigateway.us-eest-1.amazonaws.com',
  });
  const problem = describeProblem(dns, { operation: 'GetRestApis', region: 'us-eest-1' });
  assert.equal(problem.kind, 'network');
  assert.equal(
    problem.message,
    'GetRestApis: cannot reach https://apigateway.us-eest-1.amazonaws.com (no such host): check the region (us-eest-1), the endpoint URL setting and the network connection.',
  );
  const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4566'), { code: 'ECONNREFUSED' });
  assert.match(
    describeProblem(refused, { endpoint: 'http://127.0.0.1:4566' }).message,
    /cannot reach http:\/\/127\.0\.0\.1:4566 \(connection refused\)/,
  );
  const timeout = Object.assign(new Error('Connection timed out after 1000 ms'), { name: 'TimeoutError' });
  assert.match(
    describeProblem(timeout, { region: 'cn-north-1' }).message,
    /cannot reach https:\/\/apigateway\.cn-north-1\.amazonaws\.com\.cn \(timed out\)/,
  );
  const fetchFailed = new TypeError('fetch failed', {
    cause: Object.assign(new Error('x'), { code: 'ENOTFOUND', hostname: 'abc.execute-api.us-east-1.amazonaws.com' }),
  });
  assert.match(
    describeProblem(fetchFailed).message,
    /cannot reach https:\/\/abc\.execute-api\.us-east-1\.amazonaws\.com \(no such host\)/,
  );
});

test('cancellation, server failures and anything else: no stack trace ever', () => {
  const abort = Object.assign(new Error('Request aborted'), { name: 'AbortError' });
  assert.deepEqual(describeProblem(abort, { operation: 'ImportRestApi' }), {
    kind: 'cancelled',
    message: 'ImportRestApi: cancelled.',
    operation: 'ImportRestApi',
  });
  const server = describeProblem(serviceError('ServiceUnavailableException', 'Service Unavailable', 503, 5));
  assert.equal(server.kind, 'service');
  assert.equal(server.message, 'AWS failed (HTTP 503). AWS says: Service Unavailable. Try again later.');
  const bug = new TypeError("Cannot read properties of undefined (reading 'id')\n    at f (/x/y.js:1:1)");
  const described = describeProblem(bug);
  assert.equal(described.kind, 'service');
  assert.doesNotMatch(described.message, /\bat f\b|y\.js/);
  assert.equal(described.message, "Failed unexpectedly: Cannot read properties of undefined (reading 'id').");
  assert.equal(
    describeProblem(bug, { operation: 'GetExport' }).message,
    "GetExport failed unexpectedly: Cannot read properties of undefined (reading 'id').",
  );
  assert.doesNotMatch(describeProblem('boom').message, /\n/);
});

test('an AwsError keeps its problem; toAwsError wraps anything else', () => {
  const original = new AwsError({ kind: 'badRequest', message: 'WebSocket APIs cannot be exported.' });
  assert.equal(describeProblem(original), original.problem);
  assert.equal(toAwsError(original), original);
  const wrapped = toAwsError(serviceError('ConflictException', 'busy', 409), { operation: 'PutRestApi' });
  assert.ok(wrapped instanceof AwsError);
  assert.equal(wrapped.problem.kind, 'conflict');
  assert.equal(wrapped.message, wrapped.problem.message);
});
