import type { TemplateContext, TemplateIntegrationResponse, TemplateRequest } from './templateContext';
import { dict } from '../shared/dict';

/**
 * Reads a sample event — `{"request": {...}, "integrationResponse": {...}}` — into a TemplateContext, checking
 * every field so that a typo gets a message naming it instead of a silently empty value.
 */
export type EventParseResult = { ok: true; context: TemplateContext } | { ok: false; message: string };

class EventError extends Error {}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkKeys(value: Record<string, unknown>, where: string, allowed: string[]): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key))
      throw new EventError(`unknown field '${where}${key}': expected one of ${allowed.join(', ')}`);
  }
}

function stringMap(value: unknown, where: string): Record<string, string> | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) throw new EventError(`'${where}' must be an object of strings, like {"name": "value"}`);
  const out: Record<string, string> = dict();
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== 'string') throw new EventError(`'${where}.${k}' must be a string, not ${JSON.stringify(v)}`);
    out[k] = v;
  }
  return out;
}

function multiMap(value: unknown, where: string): Record<string, string[]> | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) throw new EventError(`'${where}' must be an object of string lists, like {"name": ["a", "b"]}`);
  const out: Record<string, string[]> = dict();
  for (const [k, v] of Object.entries(value)) {
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string'))
      throw new EventError(`'${where}.${k}' must be a list of strings`);
    out[k] = v;
  }
  return out;
}

function optionalString(value: unknown, where: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new EventError(`'${where}' must be a string, not ${JSON.stringify(value)}`);
  return value;
}

function body(value: unknown, where: string): string | null | undefined {
  if (value === undefined || value === null) return value;
  if (typeof value !== 'string') {
    throw new EventError(
      `'${where}' must be the raw body text (a string) or null: to send JSON, write it as a string, e.g. "{\\"a\\": 1}"`,
    );
  }
  return value;
}

const requestKeys = [
  'method',
  'path',
  'resourcePath',
  'headers',
  'multiValueHeaders',
  'queryStringParameters',
  'multiValueQueryStringParameters',
  'pathParameters',
  'body',
  'stage',
  'stageVariables',
  'context',
];

function readRequest(value: unknown): TemplateRequest {
  if (value === undefined) return {};
  if (!isObject(value)) throw new EventError("'request' must be an object");
  checkKeys(value, 'request.', requestKeys);
  if (value['context'] !== undefined && value['context'] !== null && !isObject(value['context'])) {
    throw new EventError(
      '\'request.context\' must be an object of $context values, like {"identity": {"sourceIp": "1.2.3.4"}}',
    );
  }
  const request: TemplateRequest = {};
  const set = <K extends keyof TemplateRequest>(key: K, v: TemplateRequest[K] | undefined): void => {
    if (v !== undefined) request[key] = v;
  };
  set('method', optionalString(value['method'], 'request.method'));
  set('path', optionalString(value['path'], 'request.path'));
  set('resourcePath', optionalString(value['resourcePath'], 'request.resourcePath'));
  set('stage', optionalString(value['stage'], 'request.stage'));
  set('headers', stringMap(value['headers'], 'request.headers'));
  set('multiValueHeaders', multiMap(value['multiValueHeaders'], 'request.multiValueHeaders'));
  set('queryStringParameters', stringMap(value['queryStringParameters'], 'request.queryStringParameters'));
  set(
    'multiValueQueryStringParameters',
    multiMap(value['multiValueQueryStringParameters'], 'request.multiValueQueryStringParameters'),
  );
  set('pathParameters', stringMap(value['pathParameters'], 'request.pathParameters'));
  set('stageVariables', stringMap(value['stageVariables'], 'request.stageVariables'));
  set('body', body(value['body'], 'request.body'));
  if (isObject(value['context'])) request.context = value['context'];
  return request;
}

function readResponse(value: unknown): TemplateIntegrationResponse {
  if (!isObject(value)) throw new EventError("'integrationResponse' must be an object");
  checkKeys(value, 'integrationResponse.', ['statusCode', 'headers', 'body']);
  const status = value['statusCode'];
  if (status !== undefined && typeof status !== 'number' && typeof status !== 'string') {
    throw new EventError("'integrationResponse.statusCode' must be a number or a string");
  }
  const response: TemplateIntegrationResponse = {};
  if (status !== undefined) response.statusCode = status;
  const headers = stringMap(value['headers'], 'integrationResponse.headers');
  if (headers) response.headers = headers;
  const b = body(value['body'], 'integrationResponse.body');
  if (b !== undefined) response.body = b;
  return response;
}

export function parseRenderEvent(text: string): EventParseResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `not valid JSON: ${(error as Error).message}` };
  }
  try {
    if (!isObject(data))
      throw new EventError('the event must be a JSON object: {"request": {...}, "integrationResponse": {...}}');
    checkKeys(data, '', ['request', 'integrationResponse']);
    const context: TemplateContext = { request: readRequest(data['request']) };
    if (data['integrationResponse'] !== undefined && data['integrationResponse'] !== null) {
      context.integrationResponse = readResponse(data['integrationResponse']);
    }
    return { ok: true, context };
  } catch (error) {
    if (!(error instanceof EventError)) throw error;
    return { ok: false, message: error.message };
  }
}
