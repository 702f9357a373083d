// TestInvokeMethod: a simple model of the console's Test. MOCK integrations answer from the stored integration (the
// request template's statusCode picks the integration response by selectionPattern; the response template's text
// is the body, unevaluated; static response header mappings become headers), with an execution log in AWS's format.
// Other integration types call no backend: `state.invokeResponder` answers for them, or a configuration error.
import { randomUUID } from 'node:crypto';
import { jsonBody, type Ctx, type Reply } from './context';
import { badRequest, notFound } from './errors';
import type { RestApiRecord } from './state';
import { isObj, obj, str, strMap, type Json } from './util';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number): string => String(n).padStart(2, '0');

/** Java's Date.toString() in UTC, as API Gateway's execution logs print times: "Thu Nov 09 18:02:40 UTC 2023". */
function javaDate(d: Date): string {
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(
    d.getUTCMinutes(),
  )}:${two(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

/** Java's Map.toString(): {a=b, c=d}. */
const javaMap = (m: Record<string, string>): string =>
  `{${Object.entries(m)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ')}}`;

function pathParameters(template: string, actual: string): Record<string, string> {
  const out: Record<string, string> = {};
  const t = template.split('/');
  const a = actual.split('/');
  t.forEach((part, i) => {
    const m = /^\{(.+?)\+?\}$/.exec(part);
    if (m?.[1]) out[m[1]] = decodeURIComponent(part.endsWith('+}') ? a.slice(i).join('/') : (a[i] ?? ''));
  });
  return out;
}

export function testInvokeMethod(ctx: Ctx, record: RestApiRecord): Reply {
  const started = Date.now();
  const resource = record.model.resources.find((r) => r.id === ctx.params.resourceId);
  if (!resource) throw notFound('Invalid Resource identifier specified');
  const httpMethod = (ctx.params.httpMethod ?? '').toUpperCase();
  const method = obj(resource.resourceMethods)[httpMethod];
  if (!isObj(method)) throw notFound('Invalid Method identifier specified');
  const integration = obj(method.methodIntegration);
  if (!str(integration.type)) throw badRequest('No integration defined for method');

  const request = jsonBody(ctx);
  const [path = String(resource.path), query = ''] = (str(request.pathWithQueryString) ?? String(resource.path)).split(
    '?',
    2,
  );
  const requestId = randomUUID();
  const log: string[] = [`Execution log for request ${requestId}`];
  const at = (line: string): number => log.push(`${javaDate(new Date())} : ${line}`);
  at(`Starting execution for request: ${requestId}`);
  at(`HTTP Method: ${httpMethod}, Resource Path: ${path}`);
  at(`Method request path: ${javaMap(pathParameters(String(resource.path), path))}`);
  at(`Method request query string: ${javaMap(Object.fromEntries(new URLSearchParams(query)))}`);
  at(`Method request headers: ${javaMap(strMap(request.headers) ?? {})}`);
  at(`Method request body before transformations: ${str(request.body) ?? ''}`);

  let status: number;
  let body = '';
  const headers: Record<string, string> = {};
  if (integration.type === 'MOCK') {
    const templates = strMap(integration.requestTemplates) ?? {};
    const template = templates['application/json'] ?? Object.values(templates)[0] ?? '';
    at(`Endpoint request body after transformations: ${template}`);
    const integrationStatus = /"statusCode"\s*:\s*(\d{3})/.exec(template)?.[1] ?? '200';
    const responses = Object.values(obj(integration.integrationResponses)).map(obj);
    const chosen =
      responses.find(
        (r) => str(r.selectionPattern) && new RegExp(`^(?:${str(r.selectionPattern)})$`).test(integrationStatus),
      ) ?? responses.find((r) => !str(r.selectionPattern));
    if (!chosen) {
      status = 500;
      body = '{"message": "Internal server error"}';
      at(
        `Execution failed due to configuration error: No match for output mapping and no default output mapping configured. Endpoint Response Status Code: ${integrationStatus}`,
      );
    } else {
      status = Number(chosen.statusCode ?? 200);
      const responseTemplates = strMap(chosen.responseTemplates) ?? {};
      body = responseTemplates['application/json'] ?? Object.values(responseTemplates)[0] ?? '';
      for (const [target, source] of Object.entries(strMap(chosen.responseParameters) ?? {})) {
        const name = /^method\.response\.header\.(.+)$/.exec(target)?.[1];
        const literal = /^'(.*)'$/s.exec(source)?.[1];
        if (name && literal !== undefined) headers[name] = literal;
      }
      headers['Content-Type'] ??= 'application/json';
      at(`Method response body after transformations: ${body}`);
      at(`Method response headers: ${javaMap(headers)}`);
      at('Successfully completed execution');
    }
  } else if (ctx.state.invokeResponder) {
    const answer = ctx.state.invokeResponder({
      restApiId: String(record.wire.id),
      resourcePath: String(resource.path),
      httpMethod,
      integration,
      request,
    });
    status = answer.status;
    body = answer.body ?? '';
    Object.assign(headers, answer.headers);
    at(`Method response body after transformations: ${body}`);
    at(`Method response headers: ${javaMap(headers)}`);
    at('Successfully completed execution');
  } else {
    status = 500;
    body = '{"message": "Internal server error"}';
    at(`Execution failed due to configuration error: the test double calls no ${str(integration.type)} backend`);
  }
  at(`Method completed with status: ${status}`);
  return {
    status: 200,
    body: {
      status,
      body,
      headers,
      multiValueHeaders: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])),
      log: log.join('\n') + '\n',
      latency: Date.now() - started,
    } satisfies Json,
  };
}
