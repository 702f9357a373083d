import {
  APIGatewayClient,
  CreateDeploymentCommand,
  GetRestApiCommand,
  GetRestApisCommand,
  ImportRestApiCommand,
  PutRestApiCommand,
} from '@aws-sdk/client-api-gateway';
import { ApiGatewayV2Client, CreateApiCommand, GetApisCommand } from '@aws-sdk/client-apigatewayv2';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { describe, it } from 'node:test';
import { clientConfig, credentials, petsRest, useServer } from './setup';

type SdkError = Error & { $fault?: string; $metadata?: { httpStatusCode?: number; attempts?: number } };

const rejection = async (p: Promise<unknown>): Promise<SdkError> =>
  p.then(
    () => assert.fail('the call should fail'),
    (e: SdkError) => e,
  );

const calls = (h: ReturnType<typeof useServer>, operation: string): number =>
  h.server.requests.filter((r) => r.operation === operation).length;

describe('AWS test double: failures on demand and signature checks', () => {
  const h = useServer();
  const body = new TextEncoder().encode(JSON.stringify(petsRest));

  it('429 TooManyRequestsException is retried by the SDK, then succeeds', async () => {
    h.server.reset();
    h.server.fail('GetRestApis', { errorType: 'TooManyRequestsException', headers: { 'Retry-After': '0' } });
    const answer = await h.v1.send(new GetRestApisCommand({}));
    assert.equal(answer.$metadata.attempts, 2);
    assert.deepEqual(
      h.server.requests.map((r) => [r.operation, r.status]),
      [
        ['GetRestApis', 429],
        ['GetRestApis', 200],
      ],
    );
  });

  it('each injected error comes out of the SDK under its AWS name', async () => {
    const once = new APIGatewayClient({ ...clientConfig(h.server), maxAttempts: 1 });
    const v2once = new ApiGatewayV2Client({ ...clientConfig(h.server), maxAttempts: 1 });
    try {
      const { id } = await h.v1.send(new ImportRestApiCommand({ body }));
      h.server.fail('GetRestApis', { errorType: 'TooManyRequestsException', headers: { 'Retry-After': '7' } });
      const throttled = await rejection(once.send(new GetRestApisCommand({})));
      assert.equal(throttled.name, 'TooManyRequestsException');
      assert.equal((throttled as SdkError & { retryAfterSeconds?: string }).retryAfterSeconds, '7');

      h.server.reset();
      const again = await h.v1.send(new ImportRestApiCommand({ body }));
      h.server.fail('PutRestApi', { errorType: 'ConflictException' });
      const conflicted = await rejection(h.v1.send(new PutRestApiCommand({ restApiId: again.id, body })));
      assert.equal(conflicted.name, 'ConflictException');
      assert.equal(conflicted.$metadata?.httpStatusCode, 409);
      assert.equal(calls(h, 'PutRestApi'), 1, 'a conflict is not retried');

      h.server.fail('GetRestApi', { errorType: 'ExpiredTokenException' });
      const expired = await rejection(h.v1.send(new GetRestApiCommand({ restApiId: again.id })));
      assert.equal(expired.name, 'ExpiredTokenException');
      assert.equal(expired.message, 'The security token included in the request is expired');
      assert.equal(expired.$fault, 'client');

      h.server.fail('GetRestApi', { errorType: 'UnrecognizedClientException' });
      assert.equal(
        (await rejection(h.v1.send(new GetRestApiCommand({ restApiId: again.id })))).name,
        'UnrecognizedClientException',
      );

      h.server.fail('PutRestApi', { errorType: 'AccessDeniedException' });
      const denied = await rejection(h.v1.send(new PutRestApiCommand({ restApiId: again.id, body })));
      assert.equal(denied.name, 'AccessDeniedException');
      assert.equal(
        denied.message,
        `User: arn:aws:iam::123456789012:user/test is not authorized to perform: apigateway:PUT on resource: arn:aws:apigateway:eu-west-1::/restapis/${again.id}`,
      );
      h.server.fail('CreateApi', { errorType: 'AccessDeniedException' });
      const deniedV2 = await rejection(h.v2.send(new CreateApiCommand({ Name: 'x', ProtocolType: 'HTTP' })));
      assert.equal(deniedV2.name, 'AccessDeniedException');
      assert.match(deniedV2.message, /apigateway:POST on resource: arn:aws:apigateway:eu-west-1::\/apis$/);

      h.server.fail('ImportRestApi', {
        errorType: 'BadRequestException',
        message:
          "Errors found during import:\n\tUnable to put integration on 'POST' for resource at path '/pets': Invalid ARN specified in the request",
      });
      const bad = await rejection(h.v1.send(new ImportRestApiCommand({ body })));
      assert.equal(bad.name, 'BadRequestException');
      assert.match(bad.message, /resource at path '\/pets'/);

      h.server.fail('GetRestApis', { errorType: 'ServiceUnavailableException' });
      const unavailable = await rejection(once.send(new GetRestApisCommand({})));
      assert.equal(unavailable.name, 'ServiceUnavailableException');
      assert.equal(unavailable.$fault, 'server');

      h.server.fail('apigatewayv2:GetApis', { errorType: 'NotFoundException' });
      assert.equal(
        (await h.v1.send(new GetRestApisCommand({}))).$metadata.httpStatusCode,
        200,
        'the v1 call is not hit',
      );
      assert.equal((await rejection(v2once.send(new GetApisCommand({})))).name, 'NotFoundException');
      assert.equal(id !== undefined, true);
    } finally {
      once.destroy();
      v2once.destroy();
    }
  });

  it('a 500 between import and deployment fails the deployment after the SDK retries it', async () => {
    h.server.reset();
    const { id } = await h.v1.send(new ImportRestApiCommand({ body }));
    h.server.fail('CreateDeployment', { errorType: 'InternalServerError', times: 3 });
    const failed = await rejection(h.v1.send(new CreateDeploymentCommand({ restApiId: id, stageName: 'prod' })));
    assert.equal(failed.name, 'InternalServerError');
    assert.equal(failed.$metadata?.attempts, 3);
    assert.equal(calls(h, 'CreateDeployment'), 3);
    assert.equal(h.server.state.restApis.get(id ?? '')?.stages.size, 0, 'nothing deployed');
    await h.v1.send(new CreateDeploymentCommand({ restApiId: id, stageName: 'prod' }));
  });

  it('refuses requests without a valid SigV4 signature for apigateway in the region', async () => {
    const unsigned = await new Promise<{ status?: number; type?: string; body: string }>((resolve, reject) => {
      const req = request(`${h.server.url}/restapis`, (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () =>
          resolve({ status: res.statusCode, type: String(res.headers['x-amzn-errortype']), body: text }),
        );
      });
      req.on('error', reject);
      req.end();
    });
    assert.deepEqual(unsigned, {
      status: 403,
      type: 'MissingAuthenticationTokenException',
      body: '{"Message":"Missing Authentication Token"}',
    });

    const elsewhere = new APIGatewayClient({ ...clientConfig(h.server), region: 'us-west-2' });
    const wrongSecret = new APIGatewayClient({
      ...clientConfig(h.server),
      credentials: { ...credentials, secretAccessKey: 'nope' },
    });
    const unknownKey = new APIGatewayClient({
      ...clientConfig(h.server),
      credentials: { ...credentials, accessKeyId: 'AKIDOTHER' },
    });
    try {
      const region = await rejection(elsewhere.send(new GetRestApisCommand({})));
      assert.equal(region.name, 'InvalidSignatureException');
      assert.match(region.message, /Credential should be scoped to a valid region, not 'us-west-2'/);
      const signature = await rejection(wrongSecret.send(new GetRestApisCommand({})));
      assert.equal(signature.name, 'InvalidSignatureException');
      assert.match(signature.message, /^The request signature we calculated does not match/);
      assert.equal((await rejection(unknownKey.send(new GetRestApisCommand({})))).name, 'UnrecognizedClientException');
    } finally {
      elsewhere.destroy();
      wrongSecret.destroy();
      unknownKey.destroy();
    }
  });

  it('answers STS GetCallerIdentity over awsQuery, and its failures by <Code>', async () => {
    h.server.reset();
    const who = await h.sts.send(new GetCallerIdentityCommand({}));
    assert.equal(who.Account, '123456789012');
    assert.equal(who.Arn, 'arn:aws:iam::123456789012:user/test');
    const recorded = h.server.requests[0];
    assert.equal(recorded?.operation, 'GetCallerIdentity');
    assert.equal(recorded?.service, 'sts');
    assert.match(recorded?.headers.authorization ?? '', /\/eu-west-1\/sts\/aws4_request/);

    h.server.fail('GetCallerIdentity', { errorType: 'ExpiredToken' });
    const expired = await rejection(h.sts.send(new GetCallerIdentityCommand({})));
    assert.equal(expired.name, 'ExpiredToken');
    assert.equal(expired.message, 'The security token included in the request is expired');

    const elsewhere = new STSClient({ ...clientConfig(h.server), region: 'us-east-1' });
    try {
      assert.equal((await rejection(elsewhere.send(new GetCallerIdentityCommand({})))).name, 'SignatureDoesNotMatch');
    } finally {
      elsewhere.destroy();
    }
  });

  it("fails every operation with '*', until the given number of calls", async () => {
    h.server.reset();
    h.server.fail('*', { errorType: 'ExpiredTokenException', times: 2 });
    assert.equal((await rejection(h.v1.send(new GetRestApisCommand({})))).name, 'ExpiredTokenException');
    assert.equal((await rejection(h.sts.send(new GetCallerIdentityCommand({})))).name, 'ExpiredTokenException');
    assert.equal((await h.v1.send(new GetRestApisCommand({}))).$metadata.httpStatusCode, 200);
  });
});
