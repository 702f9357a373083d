import { lowerCase, upperCase } from './text';
import type { Exchange } from './types';

/** The `$context` values of one request (templates, Lambda events and parameter mappings read them). */
export interface RequestContextValues {
  requestId: string;
  requestTime: string;
  requestTimeEpoch: number;
  stage: string;
  httpMethod: string;
  resourcePath: string;
  routeKey: string;
  path: string;
  protocol: string;
  accountId: string;
  apiId: string;
  domainName: string;
  identity: {
    sourceIp: string;
    userAgent: string | null;
    apiKey: string | null;
    /** IAM routes: the caller whose signature was verified (else absent). */
    accessKey?: string;
    accountId?: string;
    caller?: string;
    user?: string;
    userArn?: string;
  };
  authorizer?: Record<string, unknown>;
}

export const localAccountId = '123456789012';
export const localApiId = 'local';

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The last second formatted: requests of the same second (most, under load) reuse its text. */
let lastSecond = Number.NaN;
let lastText = '';

/** CLF time as `$context.requestTime` prints it: `09/Apr/2015:12:34:56 +0000`. */
export function formatRequestTime(epochMs: number): string {
  const second = Math.floor(epochMs / 1000);
  if (second === lastSecond) return lastText;
  lastText = clfTime(epochMs);
  lastSecond = second;
  return lastText;
}

function clfTime(epochMs: number): string {
  const d = new Date(epochMs);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${two(d.getUTCDate())}/${months[d.getUTCMonth()]}/${d.getUTCFullYear()}:${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}

/** The Host header without its `:port` (what `host.replace(/:\d+$/, '')` gives, without a regular expression). */
export function withoutPort(host: string): string {
  let i = host.length - 1;
  while (i >= 0 && host.charCodeAt(i) >= 48 && host.charCodeAt(i) <= 57) i--;
  return i >= 0 && i < host.length - 1 && host.charCodeAt(i) === 58 ? host.slice(0, i) : host;
}

export function firstHeader(headers: Record<string, string[]>, name: string): string | undefined {
  return headers[lowerCase(name)]?.[0];
}

/** `firstHeader` for a name known to be lower-case (no conversion). */
export function header(headers: Record<string, string[]>, lowerCaseName: string): string | undefined {
  return headers[lowerCaseName]?.[0];
}

export function contextValues(ex: Exchange): RequestContextValues {
  const host = firstHeader(ex.request.headers, 'host') ?? 'localhost';
  const values: RequestContextValues = {
    requestId: ex.requestId,
    requestTime: formatRequestTime(ex.startedAt),
    requestTimeEpoch: ex.startedAt,
    stage: ex.served.stage,
    httpMethod: upperCase(ex.request.method),
    resourcePath: ex.match?.resourcePath ?? ex.path,
    routeKey: ex.match?.routeKey ?? '$default',
    path: ex.request.publicPath ?? ex.request.path,
    protocol: 'HTTP/1.1',
    accountId: localAccountId,
    apiId: localApiId,
    domainName: withoutPort(host),
    identity: {
      sourceIp: ex.request.sourceIp,
      userAgent: firstHeader(ex.request.headers, 'user-agent') ?? null,
      apiKey: ex.apiKey ?? null,
    },
  };
  const iam = ex.iam;
  if (iam !== undefined) {
    Object.assign(values.identity, {
      accessKey: iam.accessKeyId,
      accountId: iam.accountId,
      caller: iam.userId,
      user: iam.userId,
      userArn: iam.arn,
    });
  }
  if (ex.authorizer !== undefined) values.authorizer = ex.authorizer;
  return values;
}
