// Paging of the JSON-protocol list operations: `nextToken` in and out, a page size from `limit` (or `MaxResults`).
import { AwsError } from './errors';
import { str, type Json } from './util';

/** One page of `items` under `key`, with `nextToken` when more remain. */
export function pageV2Json<T>(items: T[], key: string, input: Json, defaultLimit: number): Json {
  const token = str(input.nextToken) ?? str(input.NextToken);
  const start = token === undefined ? 0 : Number.parseInt(Buffer.from(token, 'base64').toString('utf8'), 10);
  if (!Number.isInteger(start) || start < 0 || start > items.length)
    throw new AwsError(400, 'InvalidParameterException', 'The specified nextToken is invalid.');
  const limitInput = input.limit ?? input.MaxResults;
  const limit = typeof limitInput === 'number' && limitInput > 0 ? limitInput : defaultLimit;
  const end = Math.min(items.length, start + limit);
  const out: Json = { [key]: items.slice(start, end) };
  if (end < items.length) out.nextToken = Buffer.from(String(end)).toString('base64');
  return out;
}
