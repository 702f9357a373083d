import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildInvokeForm, toMockRequest } from '../../../../src/extension/mock/invokeForm';
import { signForInvoke } from '../../../../src/runtime/iam/invokeSigning';
import { MockRuntime } from '../../../../src/runtime';
import { fixture } from '../../helpers/paths';

// Invoke Route Locally signs requests to IAM routes (x-amazon-apigateway-auth aws_iam, awsSigv4 schemes, AWS_IAM)
// with a local credential, so that they pass the mock's SigV4 check as they would pass API Gateway's with an SDK's
// signature (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-control-access-using-iam-policies-to-invoke-api.html).
describe('Invoke Route Locally: signing requests to IAM routes', () => {
  const clock = Date.parse('2024-05-01T12:00:00Z');
  const runtime = new MockRuntime({
    file: fixture('runtime/apis/iam-rest.yaml'),
    configFile: fixture('runtime/apis/iam-rest.apigw.config.json'),
    watch: false,
    pipeline: { now: () => clock },
  });
  const route = (method: string, path: string) =>
    runtime.current!.api.routes.find((r) => r.method === method && r.path === path)!;
  const request = (method: string, path: string) =>
    toMockRequest(buildInvokeForm(runtime.current!.api, route(method, path)), runtime.current!.stage);
  before(async () => {
    const loaded = await runtime.reload();
    assert.ok(loaded.ok, loaded.ok ? '' : loaded.message);
  });
  after(() => runtime.stop());

  it('signs with the credential the user picks, and the mock accepts it as that caller', async () => {
    let offered: string[] = [];
    const signed = await signForInvoke(
      runtime,
      route('GET', '/orders'),
      request('GET', '/orders'),
      '127.0.0.1:3000',
      (credentials) => {
        offered = credentials.map((c) => c.arn);
        return Promise.resolve('ASIALOCALBOBSESSION1');
      },
    );
    assert.deepEqual(offered, [
      'arn:aws:iam::123456789012:user/alice',
      'arn:aws:sts::123456789012:assumed-role/Dev/bob',
    ]);
    assert.equal(signed.signedAs, 'arn:aws:sts::123456789012:assumed-role/Dev/bob');
    assert.match(
      signed.request.headers['authorization']?.[0] ?? '',
      /^AWS4-HMAC-SHA256 Credential=ASIALOCALBOBSESSION1\/20240501\/us-east-1\/execute-api\/aws4_request, SignedHeaders=host;x-amz-date;x-amz-security-token, Signature=[0-9a-f]{64}$/,
    );
    assert.deepEqual(signed.request.headers['x-amz-security-token'], ['bob-session-token']);
    const outcome = await runtime.handle(signed.request);
    assert.equal(outcome.response.status, 200, outcome.response.body.toString());
    assert.equal(
      (JSON.parse(outcome.response.body.toString()) as { userArn: string }).userArn,
      'arn:aws:sts::123456789012:assumed-role/Dev/bob',
    );
  });

  it('signs a request with a body (the payload hash is part of the signature)', async () => {
    const post = request('POST', '/orders');
    post.body = Buffer.from('{"item": "book"}');
    post.headers['content-type'] = ['application/json'];
    const signed = await signForInvoke(runtime, route('POST', '/orders'), post, '127.0.0.1:3000', () =>
      Promise.resolve('AKIALOCALALICE00001'),
    );
    const outcome = await runtime.handle(signed.request);
    assert.equal(outcome.response.status, 200, outcome.response.body.toString());
    assert.equal(
      (JSON.parse(outcome.response.body.toString()) as { userArn: string }).userArn,
      'arn:aws:iam::123456789012:user/alice',
    );
  });

  it('leaves routes without IAM alone, and sends unsigned (saying why) when no credential is chosen', async () => {
    const chooser = () => Promise.resolve(undefined);
    const unsigned = await signForInvoke(runtime, route('GET', '/orders'), request('GET', '/orders'), 'h', chooser);
    assert.equal(unsigned.unsigned, 'No credential chosen: sent unsigned.');
    assert.equal(unsigned.request.headers['authorization'], undefined);
    const outcome = await runtime.handle(unsigned.request);
    assert.equal(outcome.response.status, 403);
    assert.equal(outcome.response.body.toString(), '{"message":"Missing Authentication Token"}');
    const fakeRoute = { ...route('GET', '/orders'), extensions: {} };
    const plain = await signForInvoke(runtime, fakeRoute, request('GET', '/orders'), 'h', () =>
      assert.fail('not asked'),
    );
    assert.equal(plain.signedAs, undefined);
    assert.equal(plain.unsigned, undefined);
  });
});
