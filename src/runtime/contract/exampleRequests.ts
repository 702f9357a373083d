import type { NamedExample, Parameter, Route } from '../../model';
import { isJsonMediaType } from './check';
import { sampleValue } from './sampleValue';

/**
 * The requests `apigw test` sends for an operation: one per named example the operation gives (the names of the
 * request body's `examples` and of the parameters' `examples`; a parameter without that name uses its `example`,
 * else its schema), else one request made of the `example`s and, where there are none, values generated from the
 * schemas (sampleValue). Required parameters are always sent, optional ones when they have an example. Pure.
 */
export interface ExampleRequest {
  /**
   * The example's name; `example` for the one built from `example`s, `generated` when some value is generated,
   * '' when the operation takes nothing to fill in.
   */
  name: string;
  /** The method to send (`ANY` routes send GET). */
  method: string;
  /** The route path with the path parameters filled in, percent-encoded: `/pets/1`. */
  path: string;
  query: Array<[string, string]>;
  headers: Array<[string, string]>;
  body?: { contentType: string; text: string };
  /** Whether some value was generated from a schema rather than given as an example. */
  generated: boolean;
}

export type ExampleRequests = { ok: true; requests: ExampleRequest[] } | { ok: false; skip: string };

export function exampleRequests(route: Route): ExampleRequests {
  if (route.path === '$default' || !route.path.startsWith('/'))
    return { ok: false, skip: `${route.path} has no path of its own to send a request to` };
  const names = exampleNames(route);
  const requests = (names.length > 0 ? names : [undefined]).map((name) => buildRequest(route, name));
  return { ok: true, requests };
}

/** The names of the operation's named examples (body, then parameters), in the order written. */
function exampleNames(route: Route): string[] {
  const names = new Set<string>();
  const body = chosenBody(route);
  for (const e of body?.examples ?? []) if (!isSingle(e)) names.add(e.name);
  for (const p of route.parameters) for (const e of p.examples ?? []) if (!isSingle(e)) names.add(e.name);
  return [...names];
}

/** `example` / `x-example`, or a Swagger 2.0 body's `x-examples` entry (named by its content type). */
function isSingle(e: NamedExample): boolean {
  return e.name === 'example' || e.name === 'x-example' || e.name.includes('/');
}

function buildRequest(route: Route, name: string | undefined): ExampleRequest {
  let generated = false;
  let given = false;
  const valueOf = (examples: NamedExample[] | undefined, schema: unknown): unknown => {
    const chosen =
      (name === undefined ? undefined : examples?.find((e) => e.name === name)) ?? examples?.find(isSingle);
    if (chosen !== undefined) {
      given = true;
      return chosen.value;
    }
    generated = true;
    return sampleValue(schema);
  };
  const parameters = route.parameters;
  const path = route.path.replace(/\{([^}+]+)(\+?)\}/g, (_all, param: string, greedy: string) => {
    const declared = parameters.find((p) => p.in === 'path' && p.name === param);
    let value = text(valueOf(declared?.examples, declared?.schema));
    // A bare string schema says nothing useful: an id-like value is a better start than "string".
    if (value === '' || (value === 'string' && !hasExamples(declared))) value = greedy ? 'example/path' : '1';
    return greedy ? value.split('/').map(encodeURIComponent).join('/') : encodeURIComponent(value);
  });
  const query: Array<[string, string]> = [];
  const headers: Array<[string, string]> = [];
  const cookies: string[] = [];
  for (const p of parameters) {
    if (p.in === 'path' || p.in === 'body' || p.in === 'formData') continue;
    if (!p.required && !hasExamples(p)) continue;
    const value = valueOf(p.examples, p.schema);
    const values = Array.isArray(value) ? value.map(text) : [text(value)];
    if (p.in === 'query') for (const v of values) query.push([p.name, v]);
    else if (p.in === 'header') headers.push([p.name, values.join(',')]);
    else if (p.in === 'cookie') cookies.push(`${p.name}=${encodeURIComponent(values.join(','))}`);
  }
  if (cookies.length > 0) headers.push(['Cookie', cookies.join('; ')]);
  const request: ExampleRequest = {
    name: name ?? 'example',
    method: route.method === 'ANY' ? 'GET' : route.method,
    path,
    query,
    headers,
    generated,
  };
  const body = requestBody(route, valueOf);
  if (body !== undefined) request.body = body;
  request.generated = generated;
  if (name === undefined) request.name = generated ? 'generated' : given ? 'example' : '';
  return request;
}

/** The body for the operation's first JSON content type (else its first), or its Swagger 2.0 form fields. */
function requestBody(
  route: Route,
  valueOf: (examples: NamedExample[] | undefined, schema: unknown) => unknown,
): ExampleRequest['body'] {
  const form = route.parameters.filter((p) => p.in === 'formData' && (p.required || hasExamples(p)));
  if (form.length > 0) {
    const fields = new URLSearchParams();
    for (const p of form) fields.append(p.name, text(valueOf(p.examples, p.schema)));
    return { contentType: 'application/x-www-form-urlencoded', text: fields.toString() };
  }
  const body = chosenBody(route);
  if (body === undefined) return undefined;
  const value = valueOf(body.examples, body.schema);
  if (value === null && body.schema === undefined && body.examples === undefined) return undefined;
  return {
    contentType: body.contentType,
    text: typeof value === 'string' && !isJsonMediaType(body.contentType) ? value : JSON.stringify(value ?? null),
  };
}

function chosenBody(
  route: Route,
): { contentType: string; schema: unknown; examples: NamedExample[] | undefined } | undefined {
  const body = route.requestBody;
  if (body === undefined) return undefined;
  const types = [...new Set([...body.contentTypes, ...Object.keys(body.schemas ?? {})])];
  const contentType = types.find(isJsonMediaType) ?? types[0] ?? 'application/json';
  return { contentType, schema: body.schemas?.[contentType], examples: body.examples?.[contentType] };
}

function hasExamples(p: Parameter | undefined): boolean {
  return (p?.examples?.length ?? 0) > 0;
}

/** A parameter value as text: strings as they are, everything else as JSON. */
function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
