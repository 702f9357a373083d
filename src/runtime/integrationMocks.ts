import { dict } from '../shared/dict';
/**
 * `integrationMocks` in apigw.config.json: what an integration that cannot run locally (an AWS service
 * integration such as DynamoDB, SQS or Step Functions) answers instead, by route key.
 *
 * ```json
 * { "integrationMocks": { "POST /orders": { "statusCode": 200, "headers": {"Content-Type": "application/json"},
 *                                           "body": {"MessageId": "local-1"} } } }
 * ```
 * `body` is sent as is when it is a string, as JSON otherwise. For a REST `AWS` integration this is the
 * integration's response, so the method's integration responses (selection patterns, templates) still apply.
 */
export interface IntegrationMock {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

export type IntegrationMocksResult =
  { ok: true; mocks: Record<string, IntegrationMock> } | { ok: false; message: string };

const example =
  '{"POST /orders": {"statusCode": 200, "headers": {"Content-Type": "application/json"}, "body": {"id": 1}}}';

export function parseIntegrationMocks(data: unknown, file: string): IntegrationMocksResult {
  if (!isRecord(data)) return { ok: false, message: `${file}: "integrationMocks" must be an object like ${example}.` };
  const mocks: Record<string, IntegrationMock> = dict();
  for (const [key, value] of Object.entries(data)) {
    const bad = (what: string): IntegrationMocksResult => ({
      ok: false,
      message: `${file}: "integrationMocks"."${key}" ${what}, like ${example}.`,
    });
    if (!/^(\S+) (\S+)$/.test(key)) return bad('must be a route key "METHOD /path"');
    if (!isRecord(value)) return bad('must be an object');
    const status = value['statusCode'] ?? 200;
    if (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 599) {
      return bad('needs a "statusCode" from 100 to 599');
    }
    const headers = value['headers'] ?? {};
    if (!isRecord(headers) || !Object.values(headers).every((h) => typeof h === 'string')) {
      return bad('needs "headers" as an object of strings');
    }
    const body = value['body'];
    mocks[normalizeKey(key)] = {
      statusCode: status,
      headers: headers as Record<string, string>,
      body: body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body),
    };
  }
  return { ok: true, mocks };
}

/** The route key under which a route's mock is looked up: upper-case method, path as written. */
export function normalizeKey(key: string): string {
  const space = key.indexOf(' ');
  return `${key.slice(0, space).toUpperCase()} ${key.slice(space + 1)}`;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
