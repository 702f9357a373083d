import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { IamCredential } from '../../../src/runtime/iam/iamConfig';
import { parseAmzDate, verifySigV4, type SignedRequestView } from '../../../src/runtime/iam/sigv4';

// AWS's SigV4 test suite (the vectors every AWS SDK signer is tested with), as awslabs/aws-c-auth keeps it:
// tests/aws-signing-test-suite/v4/<case>/{header,query}-signed-request.txt and context.json. Credentials AKIDEXAMPLE /
// wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY, region us-east-1, service "service", time 2015-08-30T12:36:00Z. The mock's
// check (which has @smithy/signature-v4 compute the expected signature) must accept AWS's own signatures, and refuse
// them once anything signed changes.
const example: IamCredential = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  arn: 'arn:aws:iam::123456789012:user/example',
  accountId: '123456789012',
  userId: 'example',
};
const token = '6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267';
const at = parseAmzDate('20150830T123600Z')!;
const scope = 'Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request';

function request(
  parts: Omit<Partial<SignedRequestView>, 'headers'> & { headers: Record<string, string> },
): SignedRequestView {
  const headers: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  for (const [name, value] of Object.entries(parts.headers)) headers[name.toLowerCase()] = [value];
  headers['host'] ??= ['example.amazonaws.com'];
  return { method: 'GET', rawPath: '/', query: '', body: new Uint8Array(), ...parts, headers };
}

const options = (credential: IamCredential = example, now = at) => ({
  service: 'service',
  region: 'us-east-1',
  now,
  credentials: [credential],
});

describe('SigV4 check against AWS test-suite vectors (awslabs/aws-c-auth tests/aws-signing-test-suite/v4)', () => {
  it('get-vanilla (header): accepted', async () => {
    const outcome = await verifySigV4(
      request({
        headers: {
          'X-Amz-Date': '20150830T123600Z',
          Authorization: `AWS4-HMAC-SHA256 ${scope}, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31`,
        },
      }),
      options(),
    );
    assert.deepEqual(outcome, { ok: true, credential: example, form: 'header' });
  });

  it('get-vanilla-query-order-key-case (header): the query is sorted before signing', async () => {
    const outcome = await verifySigV4(
      request({
        query: 'Param2=value2&Param1=value1',
        headers: {
          'X-Amz-Date': '20150830T123600Z',
          Authorization: `AWS4-HMAC-SHA256 ${scope}, SignedHeaders=host;x-amz-date, Signature=b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500`,
        },
      }),
      options(),
    );
    assert.equal(outcome.ok, true);
  });

  it('get-utf8 (header): a path AWS signed decoded (/ሴ) is accepted as sent (/%E1%88%B4)', async () => {
    const outcome = await verifySigV4(
      request({
        rawPath: '/%E1%88%B4',
        path: '/ሴ',
        headers: {
          'X-Amz-Date': '20150830T123600Z',
          Authorization: `AWS4-HMAC-SHA256 ${scope}, SignedHeaders=host;x-amz-date, Signature=8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85`,
        },
      }),
      options(),
    );
    assert.equal(outcome.ok, true);
  });

  it('get-vanilla-with-session-token (header): the signed X-Amz-Security-Token must be the credential’s', async () => {
    const signed = request({
      headers: {
        'X-Amz-Date': '20150830T123600Z',
        'X-Amz-Security-Token': token,
        Authorization: `AWS4-HMAC-SHA256 ${scope}, SignedHeaders=host;x-amz-date;x-amz-security-token, Signature=07ec1639c89043aa0e3e2de82b96708f198cceab042d4a97044c66dd9f74e7f8`,
      },
    });
    assert.equal((await verifySigV4(signed, options({ ...example, sessionToken: token }))).ok, true);
    const noToken = await verifySigV4(signed, options());
    assert.equal(noToken.ok, false);
    assert.equal(!noToken.ok && noToken.message, 'The security token included in the request is invalid.');
    const otherToken = await verifySigV4(signed, options({ ...example, sessionToken: 'another' }));
    assert.equal(!otherToken.ok && otherToken.failure, 'unknownKey');
  });

  it('get-vanilla-query (presigned query string, X-Amz-Expires=3600): accepted, and refused once expired', async () => {
    const presigned = request({
      query:
        'X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE%2F20150830%2Fus-east-1%2Fservice%2Faws4_request&X-Amz-Date=20150830T123600Z&X-Amz-SignedHeaders=host&X-Amz-Expires=3600&X-Amz-Signature=e93c787ed7f371d5c6b165c1b38ede9550f4dce4144713e844b25b7192d3865d',
      headers: {},
    });
    assert.deepEqual(await verifySigV4(presigned, options(example, at + 3_599_000)), {
      ok: true,
      credential: example,
      form: 'query',
    });
    const late = await verifySigV4(presigned, options(example, at + 3_601_000));
    assert.equal(!late.ok && late.failure, 'expired');
    assert.equal(
      !late.ok && late.message,
      'Signature expired: 20150830T123600Z is now earlier than 20150830T123601Z (20150830T133601Z - 3600 sec.)',
    );
  });

  it('get-vanilla-with-session-token (presigned): the token rides in the query string', async () => {
    const presigned = request({
      query: `X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE%2F20150830%2Fus-east-1%2Fservice%2Faws4_request&X-Amz-Date=20150830T123600Z&X-Amz-SignedHeaders=host&X-Amz-Expires=3600&X-Amz-Security-Token=${token}&X-Amz-Signature=7ff2b50b376cb4d151970630573d6291dc128cc5c2a12ffb237f73cc53f67b6c&X-Amz-Security-Token=${token}`,
      headers: {},
    });
    assert.equal((await verifySigV4(presigned, options({ ...example, sessionToken: token }))).ok, true);
  });

  it('refuses a vector once the path, query, a signed header or the secret changes, saying what it expected', async () => {
    const vanilla = {
      'X-Amz-Date': '20150830T123600Z',
      Authorization: `AWS4-HMAC-SHA256 ${scope}, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31`,
    };
    for (const changed of [
      request({ rawPath: '/other', headers: vanilla }),
      request({ query: 'a=1', headers: vanilla }),
      request({ headers: { ...vanilla, host: 'other.amazonaws.com' } }),
      request({ method: 'POST', headers: vanilla }),
    ]) {
      const outcome = await verifySigV4(changed, options());
      assert.equal(!outcome.ok && outcome.failure, 'mismatch');
    }
    const wrongSecret = await verifySigV4(request({ headers: vanilla }), options({ ...example, secretAccessKey: 'x' }));
    assert.ok(!wrongSecret.ok);
    assert.ok(
      wrongSecret.message.startsWith(
        "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.\n\nThe Canonical String for this request should have been\n'GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'\n\nThe String-to-Sign should have been\n'AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n",
      ),
      wrongSecret.message,
    );
  });

  it('holds the clock to ±5 minutes for header signatures, with API Gateway’s messages', async () => {
    const vanilla = request({
      headers: {
        'X-Amz-Date': '20150830T123600Z',
        Authorization: `AWS4-HMAC-SHA256 ${scope}, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31`,
      },
    });
    assert.equal((await verifySigV4(vanilla, options(example, at + 300_000))).ok, true);
    assert.equal((await verifySigV4(vanilla, options(example, at - 300_000))).ok, true);
    const late = await verifySigV4(vanilla, options(example, at + 300_001));
    // The shape AWS answers (x-amzn-ErrorType InvalidSignatureException, 403), e.g. "Signature expired:
    // 20240522T115159Z is now earlier than 20240522T120519Z (20240522T121019Z - 5 min.)"
    // (https://hashnode-hub.vercel.app/posts/664de5a91e584186cd68a61c).
    assert.equal(
      !late.ok && late.message,
      'Signature expired: 20150830T123600Z is now earlier than 20150830T123600Z (20150830T124100Z - 5 min.)',
    );
    const early = await verifySigV4(vanilla, options(example, at - 300_001));
    assert.equal(
      !early.ok && early.message,
      'Signature not yet current: 20150830T123600Z is still later than 20150830T123559Z (20150830T123059Z + 5 min.)',
    );
  });

  it('names what is missing from an incomplete Authorization header, and refuses another service or region', async () => {
    const bearer = await verifySigV4(request({ headers: { Authorization: 'Bearer abc' } }), options());
    assert.equal(
      !bearer.ok && bearer.message,
      "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=Bearer abc",
    );
    const signedFor = (service: string, region: string) =>
      request({
        headers: {
          'X-Amz-Date': '20150830T123600Z',
          Authorization: `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/${region}/${service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=00`,
        },
      });
    const region = await verifySigV4(signedFor('service', 'eu-west-1'), options());
    assert.equal(!region.ok && region.message, "Credential should be scoped to a valid region, not 'eu-west-1'. ");
    const service = await verifySigV4(signedFor('s3', 'us-east-1'), options());
    assert.equal(!service.ok && service.message, "Credential should be scoped to correct service: 'service'. ");
    const missing = await verifySigV4(request({ headers: {} }), options());
    assert.equal(!missing.ok && missing.failure, 'missing');
    const unknown = await verifySigV4(signedFor('service', 'us-east-1'), { ...options(), credentials: [] });
    assert.equal(!unknown.ok && unknown.message, 'The security token included in the request is invalid.');
  });
});
