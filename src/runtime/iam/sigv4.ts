// Signature Version 4 as API Gateway checks it on IAM routes: the Authorization header or a presigned query string,
// the credential scope (service, the stage's region, the day), the clock within five minutes, the access key and
// session token among the config's credentials, and the signature itself. The expected signature is always computed
// by @smithy/signature-v4 (the AWS SDK's own signer), never by hand: this module only finds what was signed.
import { timingSafeEqual } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import { NodeSha256 } from '../../shared/sha256';
import { dict } from '../../shared/dict';
import type { IamCredential } from './iamConfig';

/** What the check reads of a request (transport-neutral; header names lower-case). */
export interface SignedRequestView {
  method: string;
  /** The path as it came on the wire, still percent-encoded. */
  rawPath: string;
  /** The path percent-decoded (tried as well: some signers sign the decoded path). */
  path?: string;
  /** The raw query string without `?`. */
  query: string;
  headers: Record<string, string[]>;
  body: Uint8Array;
}

export interface VerifyOptions {
  /** `execute-api` for API Gateway. */
  service: string;
  region: string;
  /** The current time (epoch ms). */
  now: number;
  credentials: readonly IamCredential[];
}

/** Why a request is refused, each with its own answer (see iamErrors in ../errors.ts). */
export type SigV4Failure = 'missing' | 'incomplete' | 'scope' | 'expired' | 'unknownKey' | 'mismatch';

export type VerifyOutcome =
  | { ok: true; credential: IamCredential; form: 'header' | 'query' }
  | {
      ok: false;
      failure: SigV4Failure;
      /** What API Gateway answers. */
      message: string;
      /** What went wrong and what to do, for the trace. */
      why: string;
    };

/** How far the signing time may be from the gateway's clock (API Gateway: 5 minutes). */
export const clockSkewMs = 5 * 60 * 1000;
/** The longest a presigned request may be valid (7 days). */
export const maxPresignedSeconds = 604_800;

const algorithm = 'AWS4-HMAC-SHA256';
const mismatchMessage =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';
const invalidToken = 'The security token included in the request is invalid.';

interface Claimed {
  form: 'header' | 'query';
  accessKeyId: string;
  scopeDate: string;
  region: string;
  service: string;
  amzDate: string;
  signedHeaders: string[];
  signature: string;
  /** Query form: X-Amz-Expires. */
  expires?: number;
  /** The session token the request carries (header or query). */
  token?: string;
  /** The query without the presigning parameters (query form), by decoded name. */
  query: Record<string, string | string[]>;
  /** The credential scope's last part (`aws4_request`). */
  terminator?: string;
}

type Fail = Extract<VerifyOutcome, { ok: false }>;
const fail = (failure: SigV4Failure, message: string, why: string): Fail => ({ ok: false, failure, message, why });

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

/** The parts of the signature the request claims, or why there is none / it is incomplete. */
function readClaim(request: SignedRequestView): Claimed | Fail {
  const query = parseQuery(request.query);
  const first = (name: string): string | undefined => {
    const v = query[name];
    return Array.isArray(v) ? v[0] : v;
  };
  const authorization = request.headers['authorization']?.join(',');
  const presigned =
    authorization === undefined &&
    (first('X-Amz-Algorithm') !== undefined ||
      first('X-Amz-Signature') !== undefined ||
      first('X-Amz-Credential') !== undefined);
  if (authorization === undefined && !presigned) {
    return fail(
      'missing',
      'Missing Authentication Token',
      'the request is not signed (no Authorization header, no X-Amz-Signature in the query string)',
    );
  }
  if (presigned) {
    const needed = ['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Signature', 'X-Amz-Date', 'X-Amz-SignedHeaders'];
    const absent = needed.filter((n) => !first(n));
    if (absent.length > 0 || first('X-Amz-Algorithm') !== algorithm) {
      return fail(
        'incomplete',
        "AWS query-string parameters must include 'X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Signature', 'X-Amz-Date', 'X-Amz-SignedHeaders'. Re-examine the query-string parameters.",
        absent.length > 0
          ? `the presigned query string lacks ${absent.join(', ')}`
          : `X-Amz-Algorithm must be ${algorithm}`,
      );
    }
    const expires = first('X-Amz-Expires');
    const rest = dict<string | string[]>();
    for (const [name, value] of Object.entries(query)) {
      if (!/^X-Amz-(Algorithm|Credential|Signature|Date|SignedHeaders|Expires|Security-Token)$/.test(name))
        rest[name] = value;
    }
    const claim: Claimed = {
      form: 'query',
      ...splitCredential(first('X-Amz-Credential')!),
      amzDate: first('X-Amz-Date')!,
      signedHeaders: first('X-Amz-SignedHeaders')!.toLowerCase().split(';'),
      signature: first('X-Amz-Signature')!,
      query: rest,
    };
    if (expires !== undefined) claim.expires = Number(expires);
    const token = first('X-Amz-Security-Token');
    if (token !== undefined) claim.token = token;
    return claim;
  }
  const text = authorization!;
  const m = /^AWS4-HMAC-SHA256\s+(.*)$/s.exec(text);
  const fields = new Map<string, string>();
  for (const part of (m?.[1] ?? '').split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const amzDate = request.headers['x-amz-date']?.[0];
  const missing: string[] = [];
  for (const name of ['Credential', 'Signature', 'SignedHeaders']) {
    if (!fields.get(name)) missing.push(`Authorization header requires '${name}' parameter.`);
  }
  if (amzDate === undefined && request.headers['date'] === undefined)
    missing.push("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
  if (missing.length > 0) {
    return fail(
      'incomplete',
      `${missing.join(' ')} Authorization=${text}`,
      m === null
        ? `the Authorization header is not a SigV4 signature (it must start with ${algorithm})`
        : 'the Authorization header is incomplete',
    );
  }
  if (amzDate === undefined) {
    return fail(
      'mismatch',
      mismatchMessage,
      'the request was signed with a Date header: the mock checks signatures made with X-Amz-Date (as the AWS SDKs sign)',
    );
  }
  const claim: Claimed = {
    form: 'header',
    ...splitCredential(fields.get('Credential')!),
    amzDate,
    signedHeaders: fields.get('SignedHeaders')!.toLowerCase().split(';'),
    signature: fields.get('Signature')!,
    query,
  };
  const token = request.headers['x-amz-security-token']?.[0];
  if (token !== undefined) claim.token = token;
  return claim;
}

function splitCredential(
  credential: string,
): Pick<Claimed, 'accessKeyId' | 'scopeDate' | 'region' | 'service' | 'terminator'> {
  const [accessKeyId = '', scopeDate = '', region = '', service = '', terminator] = credential.split('/');
  return { accessKeyId, scopeDate, region, service, ...(terminator !== undefined ? { terminator } : {}) };
}

function checkScope(claimed: Claimed, options: VerifyOptions): Fail | undefined {
  if (claimed.terminator !== 'aws4_request') {
    return fail(
      'incomplete',
      "Credential should be scoped to a valid terminator: 'aws4_request'. ",
      'the credential scope must be ACCESSKEY/YYYYMMDD/region/service/aws4_request',
    );
  }
  if (claimed.service !== options.service) {
    return fail(
      'scope',
      `Credential should be scoped to correct service: '${options.service}'. `,
      `the request was signed for the service '${claimed.service}': sign for '${options.service}'`,
    );
  }
  if (claimed.region !== options.region) {
    return fail(
      'scope',
      `Credential should be scoped to a valid region, not '${claimed.region}'. `,
      `the request was signed for ${claimed.region}; the mock stage stands in ${options.region} ("region" in apigw.config.json)`,
    );
  }
  const signedAt = parseAmzDate(claimed.amzDate);
  if (signedAt === undefined) {
    return fail(
      'scope',
      `Date must be in ISO-8601 'basic format'. Got '${claimed.amzDate}'. See http://en.wikipedia.org/wiki/ISO_8601`,
      'X-Amz-Date must look like 20150830T123600Z',
    );
  }
  if (claimed.amzDate.slice(0, 8) !== claimed.scopeDate) {
    return fail(
      'scope',
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${claimed.scopeDate}' != '${claimed.amzDate.slice(0, 8)}', from '${claimed.amzDate}'.`,
      'the credential scope names another day than X-Amz-Date',
    );
  }
  return undefined;
}

function checkTime(claimed: Claimed, signedAt: number, now: number): Fail | undefined {
  if (claimed.form === 'query' && claimed.expires !== undefined) {
    const expires = claimed.expires;
    if (!Number.isInteger(expires) || expires < 1 || expires > maxPresignedSeconds) {
      return fail(
        'scope',
        `X-Amz-Expires must be less than a week (in seconds) that is ${maxPresignedSeconds}`,
        `X-Amz-Expires is ${String(expires)}: a presigned request is valid for 1 to ${maxPresignedSeconds} seconds`,
      );
    }
    if (now > signedAt + expires * 1000) {
      return fail(
        'expired',
        `Signature expired: ${formatAmzDate(signedAt)} is now earlier than ${formatAmzDate(now - expires * 1000)} (${formatAmzDate(now)} - ${expires} sec.)`,
        `the presigned request was valid for ${expires} s from ${formatAmzDate(signedAt)}`,
      );
    }
  } else if (signedAt < now - clockSkewMs) {
    return fail(
      'expired',
      `Signature expired: ${formatAmzDate(signedAt)} is now earlier than ${formatAmzDate(now - clockSkewMs)} (${formatAmzDate(now)} - 5 min.)`,
      'the request was signed more than 5 minutes ago (sign it again, or check the clock)',
    );
  }
  if (signedAt > now + clockSkewMs) {
    return fail(
      'expired',
      `Signature not yet current: ${formatAmzDate(signedAt)} is still later than ${formatAmzDate(now + clockSkewMs)} (${formatAmzDate(now)} + 5 min.)`,
      'the request was signed more than 5 minutes in the future (check the clock)',
    );
  }
  return undefined;
}

/** The path as sent, and the decoded path re-encoded the way the AWS SDKs build paths, when that differs. */
function pathCandidates(request: SignedRequestView): string[] {
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

async function expectedSignature(
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

/** Query parameters by decoded name (`+` stays `+`, as SigV4 reads it); repeated names keep every value. */
function parseQuery(query: string): Record<string, string | string[]> {
  const out = dict<string | string[]>();
  if (query === '') return out;
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = decode(eq < 0 ? part : part.slice(0, eq));
    const value = eq < 0 ? '' : decode(part.slice(eq + 1));
    const seen = out[name];
    out[name] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return out;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** `20150830T123600Z` → epoch ms, or undefined when it is not that form. */
export function parseAmzDate(text: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (m === null) return undefined;
  const ms = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
  return Number.isNaN(ms) ? undefined : ms;
}

export function formatAmzDate(epochMs: number): string {
  return new Date(epochMs)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}
