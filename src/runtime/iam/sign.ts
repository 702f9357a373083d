// Signs a request to the mock with one of the config's credentials, as an AWS SDK would (@smithy/signature-v4):
// Invoke Route Locally calls IAM routes this way, and tests make signed requests with it.
import { SignatureV4 } from '@smithy/signature-v4';
import { NodeSha256 } from '../../shared/sha256';
import { dict } from '../../shared/dict';
import type { MockRequest } from '../types';
import { encodePath } from './sigv4';

export interface SigningKeys {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface MockSigningOptions {
  region: string;
  /** The Host header the request is sent with (`127.0.0.1:3000`), which the signature covers. */
  host: string;
  /** The time of signing (default now). */
  date?: Date;
  /** `header` (Authorization, the default) or `query` (a presigned URL, as browsers' WebSocket clients use). */
  form?: 'header' | 'query';
  /** Query form: seconds the signature stays valid (default 300). */
  expiresIn?: number;
  /** Default `execute-api`. */
  service?: string;
}

/**
 * The request signed: the header form adds `host`, `x-amz-date`, `x-amz-security-token` (temporary credentials) and
 * `authorization`, signing every header the request has; the query form adds the `X-Amz-*` parameters instead.
 */
export async function signMockRequest(
  request: MockRequest,
  keys: SigningKeys,
  options: MockSigningOptions,
): Promise<MockRequest> {
  const signer = new SignatureV4({
    service: options.service ?? 'execute-api',
    region: options.region,
    credentials: {
      accessKeyId: keys.accessKeyId,
      secretAccessKey: keys.secretAccessKey,
      ...(keys.sessionToken !== undefined ? { sessionToken: keys.sessionToken } : {}),
    },
    sha256: NodeSha256,
    applyChecksum: false,
  });
  const headers = dict<string>();
  for (const [name, values] of Object.entries(request.headers)) {
    if (name === 'authorization' || name.startsWith('x-amz-')) continue;
    headers[name] = values.join(',');
  }
  headers['host'] = options.host;
  const query = dict<string | string[]>();
  for (const part of request.query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = decode(eq < 0 ? part : part.slice(0, eq));
    const value = eq < 0 ? '' : decode(part.slice(eq + 1));
    const seen = query[name];
    query[name] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  const host = options.host.replace(/:\d+$/, '');
  const toSign = {
    method: request.method.toUpperCase(),
    protocol: 'http:',
    hostname: host,
    path: request.rawPath ?? encodePath(request.path),
    query,
    headers,
    body: request.body,
  };
  const signingDate = options.date ?? new Date();
  const out: MockRequest = { ...request, headers: dict() };
  for (const [name, values] of Object.entries(request.headers)) out.headers[name] = [...values];
  if (options.form === 'query') {
    const signed = await signer.presign(toSign, { signingDate, expiresIn: options.expiresIn ?? 300 });
    out.headers['host'] = [options.host];
    out.query = Object.entries(signed.query ?? {})
      .flatMap(([name, value]) =>
        (Array.isArray(value) ? value : [value ?? '']).map((v) => `${escape(name)}=${escape(v)}`),
      )
      .join('&');
    return out;
  }
  const signed = await signer.sign(toSign, { signingDate });
  for (const [name, value] of Object.entries(signed.headers)) {
    const lower = name.toLowerCase();
    if (lower === 'host' || lower === 'authorization' || lower.startsWith('x-amz-')) out.headers[lower] = [value];
  }
  return out;
}

function escape(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
