import type { MockResponse } from '../types';
import { fastDict } from '../fastDict';
import { headerProblem } from '../text';

export type ProxyResultOutcome = { ok: true; response: MockResponse } | { ok: false; reason: string };

export interface ProxyResultOptions {
  /**
   * A REST API's result (payload 1.0), read as API Gateway reads it: no key but the five it knows, a missing
   * `statusCode` is 200, and the response is `application/json` unless the result says otherwise.
   */
  rest?: boolean;
  /**
   * Whether an `isBase64Encoded` body is decoded to bytes (default true). REST APIs decode only when the
   * request's first Accept type is one of the API's binary media types; otherwise the base64 text is sent. A
   * function is asked only for a result that is base64-encoded (most are not: no Accept header to read).
   */
  decodeBase64?: boolean | (() => boolean);
}

/** The keys of a payload 1.0 result; REST APIs reject any other. */
const resultKeys = new Set(['statusCode', 'headers', 'multiValueHeaders', 'body', 'isBase64Encoded']);

/**
 * Checks a Lambda proxy result as API Gateway does. Payload 1.0 (and REST): an object with a numeric
 * `statusCode`, string `headers`, list `multiValueHeaders`, a string `body` and a boolean `isBase64Encoded`;
 * anything else is malformed (REST: any other key too, while `statusCode` may be missing, meaning 200, or a
 * numeric string). Header values that are numbers or booleans are sent as their text; a name in both `headers`
 * and `multiValueHeaders` (whatever its case) is sent once, the multi-value ones first, under the multi-value
 * name. Payload 2.0: the same, but a result without `statusCode` is the body of a 200 JSON response, and
 * `cookies` become `Set-Cookie` headers.
 */
export function readProxyResult(
  result: unknown,
  version: '1.0' | '2.0',
  options: ProxyResultOptions = {},
): ProxyResultOutcome {
  if (version === '2.0' && !(isRecord(result) && 'statusCode' in result)) {
    const body = typeof result === 'string' ? result : JSON.stringify(result ?? null);
    return {
      ok: true,
      response: { status: 200, headers: { 'Content-Type': 'application/json' }, body: Buffer.from(body) },
    };
  }
  const rest = options.rest === true;
  if (!isRecord(result))
    return malformed(`the handler returned ${describe(result)}, not an object with statusCode, headers and body`);
  if (rest) {
    const extra = Object.keys(result).find((key) => !resultKeys.has(key));
    if (extra !== undefined) {
      return malformed(
        `the result has the key '${extra}': a REST API accepts only statusCode, headers, multiValueHeaders, body and isBase64Encoded`,
      );
    }
  }
  const given = result['statusCode'];
  const status =
    rest && (given === undefined || given === null) ? 200 : typeof given === 'string' ? Number(given) : given;
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 599) {
    return malformed(`statusCode must be an HTTP status number, not ${describe(given)}`);
  }
  const headers = fastDict<string>();
  const single = result['headers'];
  if (single !== undefined && single !== null) {
    if (!isRecord(single)) return malformed(`headers must be an object of strings, not ${describe(single)}`);
    for (const [name, value] of Object.entries(single)) {
      if (!isScalar(value)) return malformed(`headers.${name} must be a string, not ${describe(value)}`);
      headers[name] = String(value);
    }
  }
  const multi = result['multiValueHeaders'];
  if (multi !== undefined && multi !== null) {
    if (!isRecord(multi))
      return malformed(`multiValueHeaders must be an object of string lists, not ${describe(multi)}`);
    for (const [name, values] of Object.entries(multi)) {
      if (!Array.isArray(values) || !values.every(isScalar))
        return malformed(`multiValueHeaders.${name} must be a list of strings, not ${describe(values)}`);
      const joined = values.map(String).join(', ');
      const lower = name.toLowerCase();
      const solo = Object.keys(headers).find((h) => h.toLowerCase() === lower);
      if (solo === undefined) headers[name] = joined;
      else {
        const value = headers[solo]!;
        delete headers[solo];
        headers[name] = values.length === 0 ? value : `${joined}, ${value}`;
      }
    }
  }
  const cookies = result['cookies'];
  if (version === '2.0' && Array.isArray(cookies)) headers['Set-Cookie'] = cookies.map(String).join(', ');
  // API Gateway cannot send a header node:http would refuse either (a name with a space, a value with a line
  // break): the result is malformed, a 502, not a crash of the mock.
  for (const name of Object.keys(headers)) {
    const problem = headerProblem(name, headers[name]!);
    if (problem !== undefined) return malformed(problem);
  }
  const body = result['body'];
  if (body !== undefined && body !== null && typeof body !== 'string') {
    return malformed(`body must be a string (JSON.stringify it), not ${describe(body)}`);
  }
  const base64 = result['isBase64Encoded'];
  if (base64 !== undefined && typeof base64 !== 'boolean')
    return malformed(`isBase64Encoded must be true or false, not ${describe(base64)}`);
  const text = body ?? '';
  const decodeBase64 = options.decodeBase64;
  const decode = base64 === true && (typeof decodeBase64 === 'function' ? decodeBase64() : decodeBase64 !== false);
  const bytes = decode ? Buffer.from(text, 'base64') : Buffer.from(text, 'utf8');
  const hasContentType = Object.keys(headers).some((h) => h.toLowerCase() === 'content-type');
  if (rest && !hasContentType) headers['Content-Type'] = 'application/json';
  if (version === '2.0' && !hasContentType && text !== '') {
    headers['Content-Type'] = 'text/plain; charset=utf-8';
  }
  return { ok: true, response: { status, headers, body: bytes } };
}

function malformed(reason: string): ProxyResultOutcome {
  return { ok: false, reason: `Malformed Lambda proxy response: ${reason}.` };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function isScalar(v: unknown): boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  return `${typeof v} ${JSON.stringify(v)}`;
}
