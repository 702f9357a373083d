import path from 'node:path';
import Ajv from 'ajv-draft-04';
import type { ErrorObject, ValidateFunction } from 'ajv-draft-04';
import type { MethodResponse, ResponseHeader, Route, SourceLocation } from '../../model';
import { lowerCase, mediaType } from '../text';
import { stripOpenApiKeywords } from '../stages/validation';
import { schemaLine } from './locate';

/**
 * The response contract check: does a response match what the definition's operation says it answers? The
 * response for the status is chosen as OpenAPI chooses it (the exact code, then a range such as `2XX`, then
 * `default`), its content for the Content-Type (the exact media type, then `type/*`, then `*\/*`), and the body
 * is validated against that content's schema (JSON Schema draft 4 with OpenAPI's `nullable`, as the request
 * models are); declared headers are checked when present, and must be present when `required: true`. Pure:
 * the mock's contract stage and `apigw test` share it.
 */

/** A response as it is sent (or received): the status, headers by name (any case), the body bytes. */
export interface CheckedResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** One way a response differs from the definition. */
export interface Mismatch {
  /** What differs: the status, the Content-Type, a part of the body, or a header. */
  kind: 'status' | 'contentType' | 'body' | 'header';
  /** `body`: the JSON pointer of the value in the body ('' for the whole body); `header`: the header's name. */
  pointer?: string;
  header?: string;
  /** What is wrong, without the place: `must be number`. */
  message: string;
  /** Where the definition says otherwise (file and 1-based line). */
  file?: string;
  line?: number;
  /** The whole sentence: `/items/0/price must be number — openapi.yaml:88`. */
  text: string;
}

export interface CheckResult {
  /** The definition's response that applies (undefined when none does, or the operation declares none). */
  response?: MethodResponse;
  /** The declared content type the response's Content-Type matched, when it has content. */
  contentType?: string;
  mismatches: Mismatch[];
  /** Why the body was not checked against a schema although content was declared (too large, not JSON...). */
  note?: string;
}

export interface CheckOptions {
  /** The request's method: a HEAD response has no body to check. */
  method?: string;
  /** Bodies larger than this are not parsed (default 2 MiB); the result's note says so. */
  maxBodyBytes?: number;
  /** At most this many mismatches are listed, then one saying how many more (default 10). */
  maxMismatches?: number;
}

/** Checks one response against the route's responses. A route that declares no responses has no contract. */
export function checkResponse(route: Route, response: CheckedResponse, options: CheckOptions = {}): CheckResult {
  if (route.responses.length === 0) return { mismatches: [] };
  const declared = selectResponse(route.responses, response.status);
  if (declared === undefined) {
    const first = route.responses[0]!;
    return {
      mismatches: [
        mismatch(
          'status',
          `status ${response.status} is not declared by ${route.method} ${route.path} (declared: ${route.responses.map((r) => r.statusCode).join(', ')})`,
          first.loc,
        ),
      ],
    };
  }
  const mismatches: Mismatch[] = [];
  const result: CheckResult = { response: declared, mismatches };
  checkHeaders(declared, response.headers, mismatches);
  checkBody(declared, response, options, result);
  const max = options.maxMismatches ?? 10;
  if (mismatches.length > max) {
    const more = mismatches.length - max;
    mismatches.length = max;
    mismatches.push({ kind: 'body', message: `and ${more} more`, text: `… and ${more} more` });
  }
  return result;
}

/** OpenAPI's choice: the exact status code, then its range (`2XX`, any case), then `default`. */
export function selectResponse(responses: MethodResponse[], status: number): MethodResponse | undefined {
  const code = String(status);
  const range = `${code[0]}XX`;
  return (
    responses.find((r) => r.statusCode.trim() === code) ??
    responses.find((r) => r.statusCode.trim().toUpperCase() === range) ??
    responses.find((r) => r.statusCode.trim().toLowerCase() === 'default')
  );
}

/**
 * The declared media type a Content-Type falls under: the exact type (parameters aside, any case), then
 * `type/*`, then `*\/*` — the most specific wins, as OpenAPI says. Undefined when none does.
 */
export function selectMediaType(declared: string[], contentType: string): string | undefined {
  return selectNormalMediaType(declared, declared.map(normalMediaType), contentType);
}

/** A media type as declared types are compared: without parameters, lower-case. */
function normalMediaType(type: string): string {
  return lowerCase(mediaType(type));
}

/** `selectMediaType` with the declared types' normal forms (`normal[i]` for `declared[i]`) made beforehand. */
function selectNormalMediaType(declared: string[], normal: string[], contentType: string): string | undefined {
  const wanted = normalMediaType(contentType);
  let at = normal.indexOf(wanted);
  if (at < 0) {
    const slash = wanted.indexOf('/');
    if (slash >= 0) at = normal.indexOf(`${wanted.slice(0, slash)}/*`);
  }
  if (at < 0) at = normal.indexOf('*/*');
  return at < 0 ? undefined : declared[at];
}

/** A declared response's content types (its media types and its schemas' keys, once each), and their normal forms. */
interface DeclaredContent {
  types: string[];
  normal: string[];
}

/**
 * The declared content of each response, made on its first check: a response's declaration does not change
 * while it is served (a reload reads new MethodResponse objects), so every response checked against it shares it.
 */
const declaredContents = new WeakMap<MethodResponse, DeclaredContent>();

function declaredContent(declared: MethodResponse): DeclaredContent {
  let content = declaredContents.get(declared);
  if (content === undefined) {
    const types = [...new Set([...declared.contentTypes, ...Object.keys(declared.schemas ?? {})])];
    content = { types, normal: types.map(normalMediaType) };
    declaredContents.set(declared, content);
  }
  return content;
}

/** `application/json`, `application/problem+json`... (what is parsed as JSON to be checked). */
export function isJsonMediaType(type: string): boolean {
  const t = lowerCase(mediaType(type));
  return t === 'application/json' || t.endsWith('+json') || t === 'text/json';
}

function checkBody(
  declared: MethodResponse,
  response: CheckedResponse,
  options: CheckOptions,
  result: CheckResult,
): void {
  const { types, normal } = declaredContent(declared);
  // A response without declared content is not described: any body goes (error responses are often so).
  if (types.length === 0) return;
  if (options.method !== undefined && lowerCase(options.method) === 'head') return;
  const contentType = headerValue(response.headers, 'content-type');
  const where = `the ${declared.statusCode} response`;
  if (contentType === undefined || mediaType(contentType) === '') {
    if (response.body.length > 0) {
      result.mismatches.push(
        mismatch(
          'contentType',
          `the response has no Content-Type; ${where} declares ${types.join(', ')}`,
          declared.loc,
        ),
      );
    }
    return;
  }
  const type = selectNormalMediaType(types, normal, contentType);
  if (type === undefined) {
    result.mismatches.push(
      mismatch(
        'contentType',
        `Content-Type ${mediaType(contentType)} is not declared by ${where} (declared: ${types.join(', ')})`,
        declared.loc,
      ),
    );
    return;
  }
  result.contentType = type;
  const schema = declared.schemas?.[type];
  if (schema === undefined || schema === null || typeof schema !== 'object') return;
  // Only JSON bodies are checked against a schema (a `*/*` or `application/*` schema too, when the body is JSON).
  if (!isJsonMediaType(contentType)) {
    result.note = `the ${mediaType(contentType)} body is not JSON, so it is not checked against the ${type} schema`;
    return;
  }
  if (response.body.length > (options.maxBodyBytes ?? 2 * 1024 * 1024)) {
    result.note = `the body (${response.body.length} bytes) is too large to check against the ${type} schema`;
    return;
  }
  const validate = validatorFor(schema);
  if (typeof validate === 'string') {
    result.mismatches.push(
      mismatch('body', `the ${type} schema of ${where} cannot be compiled (${validate})`, declared.loc),
    );
    return;
  }
  const text = response.body.toString('utf8');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const why =
      text.trim() === ''
        ? 'the body is empty'
        : `the body is not JSON (${error instanceof Error ? error.message : String(error)})`;
    result.mismatches.push(mismatch('body', `${why}; ${where} declares a ${type} schema`, declared.loc, ''));
    return;
  }
  if (validate(data)) return;
  for (const error of validate.errors ?? []) {
    const at = schemaLine(schema, error.schemaPath) ?? lineOf(declared.loc);
    const pointer = error.instancePath;
    result.mismatches.push({
      kind: 'body',
      pointer,
      message: errorMessage(error),
      ...at,
      text: `${pointer === '' ? '(body)' : pointer} ${errorMessage(error)} — ${path.basename(at.file)}:${at.line}`,
    });
  }
}

function checkHeaders(declared: MethodResponse, headers: Record<string, string>, mismatches: Mismatch[]): void {
  for (const header of declared.declaredHeaders ?? []) {
    // "If a response header is defined with the name "Content-Type", it SHALL be ignored." (OpenAPI 3)
    if (lowerCase(header.name) === 'content-type') continue;
    const value = headerValue(headers, header.name);
    if (value === undefined) {
      if (header.required) {
        mismatches.push({
          ...mismatch('header', `header ${header.name} is missing (required)`, header.loc),
          header: header.name,
        });
      }
      continue;
    }
    checkHeaderValue(header, value, mismatches);
  }
}

function checkHeaderValue(header: ResponseHeader, value: string, mismatches: Mismatch[]): void {
  const schema = header.schema;
  if (schema === undefined || schema === null || typeof schema !== 'object') return;
  const validate = validatorFor(schema);
  if (typeof validate === 'string') {
    mismatches.push({
      ...mismatch('header', `the schema of header ${header.name} cannot be compiled (${validate})`, header.loc),
      header: header.name,
    });
    return;
  }
  if (validate(headerData(schema as Record<string, unknown>, value))) return;
  const error = validate.errors?.[0];
  if (error === undefined) return;
  const at = schemaLine(schema, error.schemaPath) ?? lineOf(header.loc);
  const message = `${errorMessage(error)} (value ${JSON.stringify(value)})`;
  mismatches.push({
    kind: 'header',
    header: header.name,
    message,
    ...at,
    text: `header ${header.name}${error.instancePath} ${message} — ${path.basename(at.file)}:${at.line}`,
  });
}

/** A header's text as the value its schema describes: numbers, booleans, comma-separated lists (`style: simple`). */
function headerData(schema: Record<string, unknown>, value: string): unknown {
  const type = Array.isArray(schema['type']) ? (schema['type'] as unknown[]).find((t) => t !== 'null') : schema['type'];
  if (type === 'array') {
    const items = schema['items'];
    const itemSchema = items !== null && typeof items === 'object' ? (items as Record<string, unknown>) : {};
    return value.split(',').map((part) => headerData(itemSchema, part.trim()));
  }
  if ((type === 'integer' || type === 'number') && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  if (type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

/** ajv's message with what it names: the property, the allowed values. */
function errorMessage(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  const message = error.message ?? 'is invalid';
  if (error.keyword === 'additionalProperties' && typeof params['additionalProperty'] === 'string')
    return `${message} (${JSON.stringify(params['additionalProperty'])})`;
  if (error.keyword === 'enum' && Array.isArray(params['allowedValues']))
    return `${message}: ${params['allowedValues'].map((v) => JSON.stringify(v)).join(', ')}`;
  return message;
}

/** The value of a header by name, any case (a response's header names are as the integration wrote them). */
export function headerValue(headers: Record<string, string>, name: string): string | undefined {
  const wanted = lowerCase(name);
  for (const key in headers) if (sameLowerCase(key, wanted)) return headers[key];
  return undefined;
}

/** Whether `text` lower-cased is `lower` (itself lower-case): no lower-cased copy unless a character is not ASCII. */
function sameLowerCase(text: string, lower: string): boolean {
  // Lower-casing keeps the length of ASCII text only.
  if (text.length !== lower.length) return !isAscii(text) && lowerCase(text) === lower;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c > 127) return lowerCase(text) === lower;
    if (c >= 65 && c <= 90) c += 32;
    if (c !== lower.charCodeAt(i)) return false;
  }
  return true;
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return false;
  return true;
}

function mismatch(kind: Mismatch['kind'], message: string, loc: SourceLocation, pointer?: string): Mismatch {
  const at = lineOf(loc);
  return {
    kind,
    ...(pointer !== undefined ? { pointer } : {}),
    message,
    ...at,
    text: `${message} — ${path.basename(at.file)}:${at.line}`,
  };
}

function lineOf(loc: SourceLocation): { file: string; line: number } {
  return { file: loc.file, line: loc.range.start.line + 1 };
}

// All errors (a response is checked to be told everything that differs), formats as API Gateway models ignore them.
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, logger: false });
const compiled = new WeakMap<object, ValidateFunction | string>();

/** A schema's validator (compiled once per schema object), or why it cannot be compiled. */
function validatorFor(schema: object): ValidateFunction | string {
  let validate = compiled.get(schema);
  if (validate === undefined) {
    try {
      validate = ajv.compile(stripOpenApiKeywords(schema) as object);
    } catch (error) {
      validate = error instanceof Error ? error.message : String(error);
    }
    compiled.set(schema, validate);
  }
  return validate;
}
