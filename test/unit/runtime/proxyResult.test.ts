// Lambda proxy results as API Gateway reads them. The REST (payload 1.0) rules come from behaviour recorded on
// AWS: localstack/localstack tests/aws/services/apigateway/test_apigateway_lambda.py
// ::test_aws_proxy_response_payload_format_validation (validated against AWS; its snapshot names are quoted below),
// and https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readProxyResult, type ProxyResultOptions } from '../../../src/runtime/lambda/proxyResult';

const rest = { rest: true, decodeBase64: false };

function ok(
  result: unknown,
  options: ProxyResultOptions = rest,
): { status: number; headers: Record<string, string>; body: string } {
  const outcome = readProxyResult(result, '1.0', options);
  if (!outcome.ok) assert.fail(outcome.reason);
  const { status, headers, body } = outcome.response;
  return { status, headers: { ...headers }, body: body.toString('utf8') };
}

function malformed(result: unknown): string {
  const outcome = readProxyResult(result, '1.0', rest);
  assert.equal(outcome.ok, false);
  return outcome.ok ? '' : outcome.reason;
}

describe('Lambda proxy results (REST, payload 1.0)', () => {
  it('rejects any key but the five it knows ("invoke-api-wrong-format": 502)', () => {
    assert.match(malformed({ statusCode: 200, wrongValue: 'value' }), /'wrongValue'/);
  });

  it('rejects a multiValueHeaders value that is not a list ("invoke-api-multi-headers-invalid": 502)', () => {
    assert.match(malformed({ statusCode: 200, multiValueHeaders: { 'test-multi-invalid': 'value1' } }), /list/);
  });

  it('reads a missing statusCode as 200 ("invoke-api-only-headers") and a numeric string ("invoke-api-status-code-str")', () => {
    assert.equal(ok({ headers: { 'test-header': 'value' } }).status, 200);
    assert.equal(ok({}).status, 200);
    assert.equal(ok({ statusCode: '201' }).status, 201);
    assert.match(malformed({ statusCode: 'test' }), /statusCode/);
  });

  it('sends boolean and number header values as text, and application/json when no Content-Type is given ("invoke-api-with-headers")', () => {
    const { headers } = ok({ statusCode: 200, headers: { 'test-header': 'value', 'header-bool': true, n: 7 } });
    assert.deepEqual(headers, {
      'test-header': 'value',
      'header-bool': 'true',
      n: '7',
      'Content-Type': 'application/json',
    });
    assert.deepEqual(ok({ statusCode: 200, headers: { 'content-type': 'text/plain' } }).headers, {
      'content-type': 'text/plain',
    });
  });

  it('sends a name in headers and multiValueHeaders once, multi values first, under the multi-value casing ("invoke-api-multi-headers-overwrite-casing")', () => {
    const { headers } = ok({
      statusCode: 200,
      multiValueHeaders: { 'tesT-Multi': ['value-multi'], other: ['a', 'b'] },
      headers: { 'test-multi': 'value-solo' },
    });
    assert.deepEqual(headers, {
      'tesT-Multi': 'value-multi, value-solo',
      other: 'a, b',
      'Content-Type': 'application/json',
    });
  });

  it('returns the base64 text undecoded unless the Accept type is binary ("invoke-api-b64-encoded-true")', () => {
    const result = { statusCode: 200, body: 'dGVzdC1kYXRh', isBase64Encoded: true };
    assert.equal(ok(result).body, 'dGVzdC1kYXRh');
    assert.equal(ok(result, { rest: true, decodeBase64: true }).body, 'test-data');
  });

  it('asks whether to decode only for a base64-encoded result, when asked by a function', () => {
    let asked = 0;
    const binary = (answer: boolean) => () => (asked++, answer);
    assert.equal(
      ok({ statusCode: 200, body: 'dGVzdC1kYXRh' }, { rest: true, decodeBase64: binary(true) }).body,
      'dGVzdC1kYXRh',
    );
    assert.equal(asked, 0);
    const encoded = { statusCode: 200, body: 'dGVzdC1kYXRh', isBase64Encoded: true };
    assert.equal(ok(encoded, { rest: true, decodeBase64: binary(true) }).body, 'test-data');
    assert.equal(ok(encoded, { rest: true, decodeBase64: binary(false) }).body, 'dGVzdC1kYXRh');
    assert.equal(asked, 2);
  });

  it('keeps payload 2.0 as it was: a result without statusCode is a 200 JSON body', () => {
    const outcome = readProxyResult({ hello: 'world' }, '2.0');
    assert.ok(outcome.ok);
    assert.equal(outcome.ok && outcome.response.body.toString(), '{"hello":"world"}');
  });
});
