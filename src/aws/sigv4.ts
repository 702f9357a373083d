// SigV4 signing of a plain HTTP request (an HTTP API route with AWS_IAM authorization), with @smithy/signature-v4
// and Node's own SHA-256. The path is signed as sent and escaped once more, the query sorted and escaped, as AWS
// does for every service but S3.
import { SignatureV4 } from '@smithy/signature-v4';
import { NodeSha256 } from '../shared/sha256';

/** Keys, or a function that gives them (the clients' credential provider). */
export type SigningCredentials =
  | { accessKeyId: string; secretAccessKey: string; sessionToken?: string }
  | (() => Promise<{ accessKeyId: string; secretAccessKey: string; sessionToken?: string }>);

export interface SigningOptions {
  credentials: SigningCredentials;
  region: string;
  /** 'execute-api' (calling a deployed API) unless told otherwise. */
  service?: string;
  /** The time of signing (tests fix it). */
  signingDate?: Date;
}

export interface RequestToSign {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

/** The headers to send: the given ones, plus host, x-amz-date, x-amz-security-token and authorization. */
export async function signRequest(request: RequestToSign, options: SigningOptions): Promise<Record<string, string>> {
  const signer = new SignatureV4({
    service: options.service ?? 'execute-api',
    region: options.region,
    credentials: options.credentials,
    sha256: NodeSha256,
    // Not an S3 request: the payload hash goes into the canonical request, not into a header.
    applyChecksum: false,
  });
  const { url } = request;
  const query: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
  for (const [key, value] of url.searchParams) {
    const seen = query[key];
    query[key] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  const headers: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [name, value] of Object.entries(request.headers)) headers[name.toLowerCase()] = value;
  headers['host'] = url.host;
  const signed = await signer.sign(
    {
      method: request.method.toUpperCase(),
      protocol: url.protocol,
      hostname: url.hostname,
      ...(url.port ? { port: Number(url.port) } : {}),
      path: url.pathname || '/',
      query,
      headers,
      ...(request.body !== undefined ? { body: request.body } : {}),
    },
    options.signingDate ? { signingDate: options.signingDate } : {},
  );
  return { ...signed.headers };
}
