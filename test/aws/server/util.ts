// Small helpers shared by the test double's handlers: untyped JSON access, ids, pagination, definition parsing.
import { parse as parseYaml } from 'yaml';
import { AwsError, badRequest } from './errors';

export type Json = Record<string, unknown>;

export const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
export const obj = (v: unknown): Json => (isObj(v) ? v : {});
export const str = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
export const strMap = (v: unknown): Record<string, string> | undefined => {
  if (!isObj(v)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v)) {
    const s = str(x);
    if (s !== undefined) out[k] = s;
  }
  return out;
};
export const clone = <T>(v: T): T => structuredClone(v);
/** Drops undefined members, so JSON answers carry only what is set (as AWS's do). */
export function compact<T extends Json>(o: T): T {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}

/** Deterministic ids in AWS's alphabet (lowercase letters and digits), one sequence per server. */
export class IdGenerator {
  private n = 0;
  constructor(private readonly seed = 0x5eed) {}
  next(length: number): string {
    // mulberry32 over a counter: reproducible across runs, unique enough for a test.
    let t = (this.seed + ++this.n * 0x6d2b79f5) >>> 0;
    let out = '';
    while (out.length < length) {
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      t = (t ^ (t >>> 14)) >>> 0;
      out += t.toString(36).padStart(7, '0');
    }
    return out.slice(0, length);
  }
}

/** Seconds since the epoch, as API Gateway v1 (REST-JSON default timestamps) writes dates. */
export const epochSeconds = (d: Date): number => Math.floor(d.getTime() / 1000);
/** ISO 8601 without milliseconds, as API Gateway v2 (timestampFormat date-time) writes dates. */
export const isoDate = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Opaque page tokens. */
const encodeToken = (offset: number): string => Buffer.from(`p:${offset}`).toString('base64url');
function decodeToken(token: string | undefined): number {
  if (!token) return 0;
  const m = /^p:(\d+)$/.exec(Buffer.from(token, 'base64url').toString());
  if (!m) throw badRequest('Invalid pagination token');
  return Number(m[1]);
}

/** v1 pages: `position` / `limit` (default 25, at most 500) in, `item` / `position` out. */
export function pageV1<T>(items: T[], position: string | undefined, limit: string | undefined): Json {
  const size = limit === undefined ? 25 : Number(limit);
  if (!Number.isInteger(size) || size < 1 || size > 500)
    throw badRequest(`1 validation error detected: Value '${limit}' at 'limit' failed to satisfy constraint`);
  const from = decodeToken(position);
  const page = items.slice(from, from + size);
  return compact({ item: page, position: from + size < items.length ? encodeToken(from + size) : undefined });
}

/** v2 pages: `nextToken` / `maxResults` (a string in the model; default 25 here) in, `items` / `nextToken` out. */
export function pageV2<T>(items: T[], nextToken: string | undefined, maxResults: string | undefined): Json {
  const size = maxResults === undefined ? 25 : Number(maxResults);
  if (!Number.isInteger(size) || size < 1) throw badRequest(`Invalid maxResults: ${maxResults}`);
  const from = decodeToken(nextToken);
  const page = items.slice(from, from + size);
  return compact({ items: page, nextToken: from + size < items.length ? encodeToken(from + size) : undefined });
}

/** API Gateway's import size quota: "The maximum size of the API definition file is 6MB." */
export const IMPORT_LIMIT_BYTES = 6 * 1024 * 1024;

export function checkImportSize(bytes: number): void {
  if (bytes > IMPORT_LIMIT_BYTES)
    throw new AwsError(
      413,
      'RequestEntityTooLargeException',
      `Request body of ${bytes} bytes exceeds the maximum API definition size of 6MB (${IMPORT_LIMIT_BYTES} bytes)`,
    );
}

/** An imported body: JSON or YAML bytes → an object, or the BadRequestException AWS gives for unreadable input. */
export function parseDefinition(text: string): Json {
  let doc: unknown;
  try {
    doc = text.trimStart().startsWith('{') ? JSON.parse(text) : parseYaml(text, { maxAliasCount: 1000 });
  } catch {
    throw badRequest('Invalid OpenAPI input.');
  }
  if (!isObj(doc) || (str(doc.openapi) === undefined && str(doc.swagger) === undefined))
    throw badRequest('Invalid OpenAPI input.');
  return doc;
}

export const isSwagger2 = (doc: Json): boolean => str(doc.swagger)?.startsWith('2') ?? false;

/** A local `$ref` ('#/components/schemas/Pet') followed once; undefined when it points nowhere. */
export function resolveRef(doc: Json, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  let at: unknown = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObj(at) || !(key in at)) return undefined;
    at = at[key];
  }
  return at;
}

/** Follows `$ref` chains (bounded) to the object they name. */
export function deref(doc: Json, v: unknown): Json {
  let at = v;
  for (let i = 0; i < 10 && isObj(at) && typeof at.$ref === 'string'; i++) at = resolveRef(doc, at.$ref);
  return obj(at);
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'] as const;
export const ANY_METHOD = 'x-amazon-apigateway-any-method';

/** Each operation of a definition: path, lower-case key as written, HTTP method as API Gateway names it. */
export function* operations(doc: Json): Generator<{ path: string; key: string; method: string; op: Json }> {
  for (const [path, item] of Object.entries(obj(doc.paths))) {
    const pathItem = deref(doc, item);
    for (const [key, op] of Object.entries(pathItem)) {
      const lower = key.toLowerCase();
      if (lower === ANY_METHOD) yield { path, key, method: 'ANY', op: obj(op) };
      else if ((HTTP_METHODS as readonly string[]).includes(lower))
        yield { path, key, method: lower.toUpperCase(), op: obj(op) };
    }
  }
}

/** The extensions API Gateway knows; any other `x-amazon-apigateway-*` key is reported as unexpected. */
export const KNOWN_EXTENSIONS = new Set(
  [
    'any-method',
    'api-key-source',
    'auth',
    'authorizer',
    'authtype',
    'binary-media-types',
    'cors',
    'documentation',
    'endpoint-access-mode',
    'endpoint-configuration',
    'gateway-responses',
    'importexport-version',
    'integration',
    'integrations',
    'minimum-compression-size',
    'policy',
    'request-validator',
    'request-validators',
    'security-policy',
    'tag-value',
  ].map((n) => `x-amazon-apigateway-${n}`),
);

/** API Gateway's way of naming a place in a definition: `paths.'/pets'(get).x-amazon-apigateway-foo`. */
export const attributeAt = (path: string, key: string, rest: string): string => `paths.'${path}'(${key}).${rest}`;

/** Warnings for unknown `x-amazon-apigateway-*` keys at the root and in each operation. */
export function unknownExtensionWarnings(doc: Json): string[] {
  const out: string[] = [];
  for (const k of Object.keys(doc))
    if (k.startsWith('x-amazon-apigateway-') && !KNOWN_EXTENSIONS.has(k))
      out.push(`Parse issue: attribute ${k} is unexpected`);
  for (const { path, key, op } of operations(doc))
    for (const k of Object.keys(op))
      if (k.startsWith('x-amazon-apigateway-') && !KNOWN_EXTENSIONS.has(k))
        out.push(`Parse issue: attribute ${attributeAt(path, key, k)} is unexpected`);
  return out;
}

/** Warnings for `$ref`s to schemas the definition does not have (the wording AWS uses for a missing model). */
export function missingSchemaWarnings(doc: Json): string[] {
  const out: string[] = [];
  const check = (ref: unknown, where: string): void => {
    if (typeof ref === 'string' && resolveRef(doc, ref) === undefined)
      out.push(`Parse issue: attribute ${where}.${ref} is missing`);
  };
  for (const { path, key, op } of operations(doc)) {
    for (const [code, response] of Object.entries(obj(op.responses))) {
      const r = deref(doc, response);
      check(obj(r.schema).$ref, attributeAt(path, key, `responses.${code}.schema`));
      for (const media of Object.values(obj(r.content)))
        check(obj(obj(media).schema).$ref, attributeAt(path, key, `responses.${code}.content.schema`));
    }
    for (const media of Object.values(obj(deref(doc, op.requestBody).content)))
      check(obj(obj(media).schema).$ref, attributeAt(path, key, 'requestBody.content.schema'));
    for (const p of Array.isArray(op.parameters) ? op.parameters : [])
      check(obj(obj(p).schema).$ref, attributeAt(path, key, 'parameters.schema'));
  }
  return out;
}

/** "Errors found during import: …" / "Warnings found during import: …", as ImportRestApi and ImportApi word them. */
export function importFailure(errors: string[], warnings: string[], failOnWarnings: boolean): AwsError | undefined {
  if (errors.length > 0) {
    let message = `Errors found during import:\n\t${errors.join('\n\t')}`;
    if (warnings.length > 0) message += `\nAdditionally, these warnings were found:\n\t${warnings.join('\n\t')}`;
    return badRequest(message);
  }
  if (failOnWarnings && warnings.length > 0)
    return badRequest(`Warnings found during import:\n\t${warnings.join('\n\t')}`);
  return undefined;
}

/** The base path a definition declares: Swagger's `basePath`, or OpenAPI 3's `basePath` server variable / URL path. */
export function declaredBasePath(doc: Json): string {
  if (isSwagger2(doc)) return str(doc.basePath) ?? '';
  const server = obj(Array.isArray(doc.servers) ? doc.servers[0] : undefined);
  const variables = obj(server.variables);
  const fromVariable = str(obj(variables.basePath).default);
  if (fromVariable !== undefined) return fromVariable.startsWith('/') ? fromVariable : `/${fromVariable}`;
  let url = str(server.url) ?? '';
  for (const [name, v] of Object.entries(variables)) url = url.split(`{${name}}`).join(str(obj(v).default) ?? '');
  try {
    return new URL(url, 'https://placeholder.invalid').pathname.replace(/\/$/, '');
  } catch {
    return '';
  }
}

/** `basepath=ignore|prepend|split` applied to the definition's paths (AWS: "Set the OpenAPI basePath property"). */
export function pathsWithBasePath(doc: Json, mode: string | undefined): Json {
  const base = declaredBasePath(doc).replace(/\/$/, '');
  const m = (mode ?? 'ignore').toLowerCase();
  if (!['ignore', 'prepend', 'split'].includes(m))
    throw badRequest(`Invalid basepath mode specified: ${mode}. Valid values are ignore, prepend, split`);
  if (m === 'ignore' || base === '') return obj(doc.paths);
  const prefix = m === 'prepend' ? base : base.replace(/^\/[^/]*/, '');
  const out: Json = {};
  for (const [p, item] of Object.entries(obj(doc.paths))) out[p === '/' ? prefix || '/' : `${prefix}${p}`] = item;
  return out;
}
