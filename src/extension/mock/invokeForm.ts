import type { GatewayApi, Route } from '../../model';
import type { MockRequest } from '../../runtime/types';
import { sampleText } from '../../runtime/contract/sampleValue';
import { dict } from '../../shared/dict';

/** One editable field of the Invoke panel. */
export interface InvokeField {
  name: string;
  value: string;
  required: boolean;
}

/** What the Invoke panel shows and sends for one route (plain data: it crosses to the webview as JSON). */
export interface InvokeForm {
  api: string;
  method: string;
  /** The route path as written, e.g. `/pets/{petId}` or `/{proxy+}`. */
  path: string;
  /** The method to send when the route is `ANY`. */
  sendMethod: string;
  pathParameters: InvokeField[];
  query: InvokeField[];
  headers: InvokeField[];
  contentType: string;
  body: string;
}

/** The form for a route, prefilled from its parameters' and body's examples and schemas. */
export function buildInvokeForm(api: GatewayApi, route: Route): InvokeForm {
  const field = (name: string, schema: unknown, required: boolean): InvokeField => ({
    name,
    value: sampleText(schema),
    required,
  });
  const pathParameters = [...route.path.matchAll(/\{([^}+]+)(\+?)\}/g)].map((m) => {
    const name = m[1] ?? '';
    const declared = route.parameters.find((p) => p.in === 'path' && p.name === name);
    const p = field(name, declared?.schema, true);
    // A bare string schema says nothing useful: an id-like value is a better start than "string".
    if (p.value === '' || p.value === 'string') p.value = m[2] === '+' ? 'any/path' : '1';
    return p;
  });
  const query = route.parameters.filter((p) => p.in === 'query').map((p) => field(p.name, p.schema, p.required));
  const headers = route.parameters.filter((p) => p.in === 'header').map((p) => field(p.name, p.schema, p.required));
  if (route.apiKeyRequired && !headers.some((h) => h.name.toLowerCase() === 'x-api-key')) {
    headers.push({ name: 'x-api-key', value: 'local-key', required: true });
  }
  const contentType = route.requestBody?.contentTypes[0] ?? 'application/json';
  const schema = route.requestBody?.schemas?.[contentType];
  const sendMethod = route.method === 'ANY' ? 'GET' : route.method;
  const body = route.requestBody ? bodyText(schema) : '';
  return {
    api: api.name,
    method: route.method,
    path: route.path,
    sendMethod,
    pathParameters,
    query,
    headers,
    contentType,
    body,
  };
}

function bodyText(schema: unknown): string {
  const text = sampleText(schema);
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** The request path for the form's values: `{name}` / `{name+}` filled in, under the stage. */
export function requestPath(form: InvokeForm, stage: string): string {
  const values = new Map(form.pathParameters.map((p) => [p.name, p.value]));
  const filled = form.path.replace(/\{([^}+]+)(\+?)\}/g, (_all, name: string, greedy: string) => {
    const value = values.get(name) ?? '';
    return greedy ? value.split('/').map(encodeURIComponent).join('/') : encodeURIComponent(value);
  });
  const routePath = form.path === '$default' ? '/' : filled;
  return stage === '$default' ? routePath : `/${stage}${routePath}`;
}

/** The request the runtime answers for the form's values (empty optional fields are left out). */
export function toMockRequest(form: InvokeForm, stage: string): MockRequest {
  const query = new URLSearchParams();
  for (const q of form.query) if (q.name !== '' && (q.value !== '' || q.required)) query.append(q.name, q.value);
  const headers: Record<string, string[]> = dict();
  for (const h of form.headers) {
    if (h.name === '' || (h.value === '' && !h.required)) continue;
    (headers[h.name.toLowerCase()] ??= []).push(h.value);
  }
  const method = (form.method === 'ANY' ? form.sendMethod : form.method).toUpperCase();
  const hasBody = form.body !== '' && method !== 'GET' && method !== 'HEAD';
  if (hasBody && headers['content-type'] === undefined) headers['content-type'] = [form.contentType];
  return {
    method,
    path: decodeURIComponent(requestPath(form, stage)),
    query: query.toString(),
    headers,
    body: Buffer.from(hasBody ? form.body : '', 'utf8'),
    sourceIp: '127.0.0.1',
  };
}

/** Reads a form posted back by the webview, keeping only well-formed fields (it is untrusted input). */
export function readPostedForm(base: InvokeForm, posted: unknown): InvokeForm {
  if (typeof posted !== 'object' || posted === null) return base;
  const p = posted as Record<string, unknown>;
  const str = (v: unknown, fallback: string): string => (typeof v === 'string' ? v : fallback);
  const fields = (v: unknown, fallback: InvokeField[]): InvokeField[] =>
    Array.isArray(v)
      ? v
          .filter((f): f is Record<string, unknown> => typeof f === 'object' && f !== null)
          .map((f) => ({ name: str(f.name, ''), value: str(f.value, ''), required: f.required === true }))
      : fallback;
  return {
    ...base,
    sendMethod: str(p.sendMethod, base.sendMethod),
    pathParameters: fields(p.pathParameters, base.pathParameters),
    query: fields(p.query, base.query),
    headers: fields(p.headers, base.headers),
    contentType: str(p.contentType, base.contentType),
    body: str(p.body, base.body),
  };
}
