// What a request claims to have signed (the Authorization header or a presigned query string), and the checks that
// need no secret: the credential scope (service, region, day) and the signing time against the clock.
import { dict } from '../../shared/dict';
import {
  fail,
  mismatchMessage,
  type Claimed,
  type Fail,
  type SignedRequestView,
  type VerifyOptions,
} from './sigv4Types';

/** How far the signing time may be from the gateway's clock (API Gateway: 5 minutes). */
export const clockSkewMs = 5 * 60 * 1000;
/** The longest a presigned request may be valid (7 days). */
export const maxPresignedSeconds = 604_800;

const algorithm = 'AWS4-HMAC-SHA256';

/** The parts of the signature the request claims, or why there is none / it is incomplete. */
export function readClaim(request: SignedRequestView): Claimed | Fail {
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

export function checkScope(claimed: Claimed, options: VerifyOptions): Fail | undefined {
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

export function checkTime(claimed: Claimed, signedAt: number, now: number): Fail | undefined {
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
