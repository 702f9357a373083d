// The signature a request should carry, computed by @smithy/signature-v4 (the AWS SDK's own signer) from what the
// request claims it signed, for each way its path may have been written.
import { SignatureV4 } from '@smithy/signature-v4';
import { dict } from '../../shared/dict';
import { NodeSha256 } from '../../shared/sha256';
import type { IamCredential } from './iamConfig';
import type { Claimed, SignedRequestView, VerifyOptions } from './sigv4Types';

/** The path as sent, and the decoded path re-encoded the way the AWS SDKs build paths, when that differs. */
export function pathCandidates(request: SignedRequestView): string[] {
  const paths = [request.rawPath];
  if (request.path !== undefined) {
    const reencoded = encodePath(request.path);
    if (reencoded !== request.rawPath) paths.push(reencoded);
    if (request.path !== request.rawPath && request.path !== reencoded) paths.push(request.path);
  }
  return paths;
}

/** Each segment of a decoded path percent-encoded (RFC 3986 unreserved characters kept). */
export function encodePath(path: string): string {
  return path
    .split('/')
    .map((segment) =>
      encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
    )
    .join('/');
}

/** A SignatureV4 that remembers the canonical request and string to sign it built (for the mismatch message). */
class ExplainingSigner extends SignatureV4 {
  canonicalRequest = '';
  stringToSign = '';
  protected override async createStringToSign(
    longDate: string,
    credentialScope: string,
    canonicalRequest: string,
    algorithmIdentifier: string,
  ): Promise<string> {
    this.canonicalRequest = canonicalRequest;
    this.stringToSign = await super.createStringToSign(
      longDate,
      credentialScope,
      canonicalRequest,
      algorithmIdentifier,
    );
    return this.stringToSign;
  }
}

export async function expectedSignature(
  request: SignedRequestView,
  claimed: Claimed,
  credential: IamCredential,
  signedAt: number,
  path: string,
  options: VerifyOptions,
): Promise<{ signature: string; canonicalRequest: string; stringToSign: string }> {
  const signer = new ExplainingSigner({
    service: options.service,
    region: options.region,
    credentials: {
      accessKeyId: credential.accessKeyId,
      secretAccessKey: credential.secretAccessKey,
      // The signer adds the token (as a header, or to the query when presigning) and signs it with the request:
      // given only when the client signed it too.
      ...(claimed.token !== undefined &&
      (claimed.form === 'query' || claimed.signedHeaders.includes('x-amz-security-token'))
        ? { sessionToken: claimed.token }
        : {}),
    },
    sha256: NodeSha256,
    applyChecksum: false,
  });
  const headers = dict<string>();
  for (const name of claimed.signedHeaders) {
    if (name === 'x-amz-date' || name === 'authorization') continue;
    headers[name] = request.headers[name]?.join(',') ?? '';
  }
  const host = request.headers['host']?.[0] ?? 'localhost';
  const toSign = {
    method: request.method.toUpperCase(),
    protocol: 'https:',
    hostname: host.replace(/:\d+$/, ''),
    path,
    query: claimed.query,
    headers,
    body: request.body,
  };
  const signableHeaders = new Set(claimed.signedHeaders);
  const signingDate = new Date(signedAt);
  let signature: string;
  if (claimed.form === 'query') {
    const signed = await signer.presign(toSign, {
      signingDate,
      expiresIn: claimed.expires ?? 3600,
      signableHeaders,
      unhoistableHeaders: signableHeaders,
    });
    const value = signed.query?.['X-Amz-Signature'];
    signature = typeof value === 'string' ? value : '';
  } else {
    const signed = await signer.sign(toSign, { signingDate, signableHeaders });
    signature = /Signature=([0-9a-f]+)/.exec(String(signed.headers['authorization']))?.[1] ?? '';
  }
  return { signature, canonicalRequest: signer.canonicalRequest, stringToSign: signer.stringToSign };
}
