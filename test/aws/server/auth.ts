// The SigV4 check AWS makes before any operation: an `Authorization: AWS4-HMAC-SHA256 Credential=…` header scoped
// to the right service and region; when the server knows the secret of the access key, the signature itself.
import { createHash, createHmac } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { AwsError } from './errors';

export interface SignedRequest {
  method: string;
  /** The path exactly as it came on the wire (still percent-encoded). */
  rawPath: string;
  rawQuery: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface Credential {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
}

/** The error names each protocol uses for the same refusals. */
const NAMES = {
  json: {
    missing: 'MissingAuthenticationTokenException',
    incomplete: 'IncompleteSignatureException',
    invalid: 'InvalidSignatureException',
    unknownKey: 'UnrecognizedClientException',
  },
  query: {
    missing: 'MissingAuthenticationToken',
    incomplete: 'IncompleteSignature',
    invalid: 'SignatureDoesNotMatch',
    unknownKey: 'InvalidClientTokenId',
  },
};

const refuse = (type: string, message: string): AwsError => new AwsError(403, type, message, {}, {}, 'Message');

const header = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  const v = headers[name];
  return Array.isArray(v) ? v.join(',') : v;
};

/** escapeUri of @smithy: encodeURIComponent plus !'()* */
const escapeUri = (s: string): string =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

function canonicalPath(rawPath: string): string {
  const segments: string[] = [];
  for (const s of rawPath.split('/')) {
    if (s === '' || s === '.') continue;
    if (s === '..') segments.pop();
    else segments.push(s);
  }
  const path = `/${segments.join('/')}${segments.length > 0 && rawPath.endsWith('/') ? '/' : ''}`;
  return escapeUri(path).replace(/%2F/g, '/');
}

function canonicalQuery(rawQuery: string): string {
  const pairs: [string, string][] = [];
  for (const part of rawQuery.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const key = decodeURIComponent(eq < 0 ? part : part.slice(0, eq));
    const value = eq < 0 ? '' : decodeURIComponent(part.slice(eq + 1));
    if (key.toLowerCase() === 'x-amz-signature') continue;
    pairs.push([escapeUri(key), escapeUri(value)]);
  }
  return pairs
    .map(([k, v]) => `${k}=${v}`)
    .sort()
    .join('&');
}

const hmac = (key: Buffer | string, data: string): Buffer => createHmac('sha256', key).update(data).digest();

function expectedSignature(req: SignedRequest, cred: Credential, signedHeaders: string[], secret: string): string {
  const payloadHash =
    header(req.headers, 'x-amz-content-sha256') ?? createHash('sha256').update(req.body).digest('hex');
  const headers = signedHeaders
    .map(
      (h) =>
        `${h}:${(header(req.headers, h) ?? '')
          .replace(/[\r\n]/g, ' ')
          .replace(/[ \t]+/g, ' ')
          .trim()}`,
    )
    .join('\n');
  const canonicalRequest = [
    req.method,
    canonicalPath(req.rawPath),
    canonicalQuery(req.rawQuery),
    headers,
    '',
    signedHeaders.join(';'),
    payloadHash,
  ].join('\n');
  const longDate = header(req.headers, 'x-amz-date') ?? '';
  const scope = `${cred.date}/${cred.region}/${cred.service}/aws4_request`;
  const stringToSign = [
    'AWS4-HMAC-SHA256',
    longDate,
    scope,
    createHash('sha256').update(canonicalRequest).digest('hex'),
  ].join('\n');
  let key: Buffer = hmac(`AWS4${secret}`, cred.date);
  for (const part of [cred.region, cred.service, 'aws4_request']) key = hmac(key, part);
  return hmac(key, stringToSign).toString('hex');
}

/**
 * Checks a request's SigV4 signature. Returns the credential it was signed with, or the error AWS answers:
 * 403 MissingAuthenticationToken / IncompleteSignature / InvalidSignature (wrong service, region or signature) /
 * UnrecognizedClient (an access key the server was told about does not match).
 */
export function checkSigV4(
  req: SignedRequest,
  expect: { service: string; region: string; protocol: 'json' | 'query'; secrets?: Record<string, string> },
): Credential | AwsError {
  const names = NAMES[expect.protocol];
  const authorization = header(req.headers, 'authorization');
  if (!authorization) return refuse(names.missing, 'Missing Authentication Token');
  const m = /^AWS4-HMAC-SHA256\s+(.*)$/s.exec(authorization);
  const fields = new Map<string, string>();
  for (const part of (m?.[1] ?? '').split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const missing: string[] = [];
  if (!m) missing.push("Authorization header requires 'AWS4-HMAC-SHA256' as its algorithm.");
  for (const f of ['Credential', 'Signature', 'SignedHeaders'])
    if (!fields.get(f)) missing.push(`Authorization header requires '${f}' parameter.`);
  if (!header(req.headers, 'x-amz-date') && !header(req.headers, 'date'))
    missing.push("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
  if (missing.length > 0) return refuse(names.incomplete, `${missing.join(' ')} Authorization=${authorization}`);

  const [accessKeyId = '', date = '', region = '', service = '', terminator] = (fields.get('Credential') ?? '').split(
    '/',
  );
  if (terminator !== 'aws4_request')
    return refuse(names.incomplete, `Credential should be scoped to a valid terminator: 'aws4_request'.`);
  if (service !== expect.service)
    return refuse(names.invalid, `Credential should be scoped to correct service: '${expect.service}'. `);
  if (region !== expect.region)
    return refuse(names.invalid, `Credential should be scoped to a valid region, not '${region}'. `);
  const cred: Credential = { accessKeyId, date, region, service };
  if (expect.secrets) {
    const secret = expect.secrets[accessKeyId];
    if (secret === undefined) return refuse(names.unknownKey, 'The security token included in the request is invalid.');
    const signedHeaders = (fields.get('SignedHeaders') ?? '').split(';');
    if (expectedSignature(req, cred, signedHeaders, secret) !== fields.get('Signature'))
      return refuse(
        names.invalid,
        'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
      );
  }
  return cred;
}
