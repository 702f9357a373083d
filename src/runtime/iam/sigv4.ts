// Signature Version 4 as API Gateway checks it on IAM routes: the Authorization header or a presigned query string,
// the credential scope (service, the stage's region, the day), the clock within five minutes, the access key and
// session token among the config's credentials, and the signature itself. The expected signature is always computed
// by @smithy/signature-v4 (the AWS SDK's own signer), never by hand: this module only finds what was signed.
import { timingSafeEqual } from 'node:crypto';
import { expectedSignature, pathCandidates } from './expectedSignature';
import { checkScope, checkTime, parseAmzDate, readClaim } from './sigv4Claim';
import { fail, mismatchMessage, type SignedRequestView, type VerifyOptions, type VerifyOutcome } from './sigv4Types';

export type { SignedRequestView, SigV4Failure, VerifyOptions, VerifyOutcome } from './sigv4Types';
export { encodePath } from './expectedSignature';
export { parseAmzDate } from './sigv4Claim';

const invalidToken = 'The security token included in the request is invalid.';

/** Checks a request's SigV4 signature against the config's credentials. Never throws. */
export async function verifySigV4(request: SignedRequestView, options: VerifyOptions): Promise<VerifyOutcome> {
  const claimed = readClaim(request);
  if ('ok' in claimed) return claimed;
  const scoped = checkScope(claimed, options);
  if (scoped !== undefined) return scoped;
  const signedAt = parseAmzDate(claimed.amzDate)!;
  const timely = checkTime(claimed, signedAt, options.now);
  if (timely !== undefined) return timely;
  const credential = options.credentials.find((c) => c.accessKeyId === claimed.accessKeyId);
  if (credential === undefined) {
    return fail(
      'unknownKey',
      invalidToken,
      `the access key ${claimed.accessKeyId} is not one of "iam.credentials" in apigw.config.json`,
    );
  }
  if (credential.sessionToken !== claimed.token) {
    const why =
      credential.sessionToken === undefined
        ? `the request carries a session token but ${credential.accessKeyId} has none in "iam.credentials" (long-term keys are sent without X-Amz-Security-Token)`
        : claimed.token === undefined
          ? `${credential.accessKeyId} is a temporary credential: the request must carry its session token (X-Amz-Security-Token)`
          : `the X-Amz-Security-Token sent is not the sessionToken of ${credential.accessKeyId} in "iam.credentials"`;
    return fail('unknownKey', invalidToken, why);
  }
  let first: { canonicalRequest: string; stringToSign: string } | undefined;
  for (const path of pathCandidates(request)) {
    const computed = await expectedSignature(request, claimed, credential, signedAt, path, options);
    first ??= computed;
    if (sameText(computed.signature, claimed.signature)) return { ok: true, credential, form: claimed.form };
  }
  const explained = first
    ? `${mismatchMessage}\n\nThe Canonical String for this request should have been\n'${first.canonicalRequest}'\n\nThe String-to-Sign should have been\n'${first.stringToSign}'\n`
    : mismatchMessage;
  return fail(
    'mismatch',
    explained,
    `the signature is not the one ${credential.accessKeyId}'s secretAccessKey gives for this request (another secret, or the method, path, query, signed headers or body changed after signing)`,
  );
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
