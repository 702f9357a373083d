import { gatewayError, gatewayErrors, type GatewayError } from '../errors';
import type { Exchange, IntegrationResult, MockResponse } from '../types';
import { dict } from '../../shared/dict';
import { headerProblem } from '../text';

const hopByHop = new Set([
  'content-encoding',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'host',
  'content-length',
  'proxy-connection',
  'te',
  'trailer',
  'expect',
]);

/**
 * HTTP and HTTP_PROXY: calls the backend with fetch. The URI's `${stageVariables.x}` and `{param}` are
 * filled in; `timeoutInMillis` (default 29 s REST, 30 s HTTP APIs) ends the call with 504 (HTTP APIs: 503);
 * an unreachable backend gets 500 as on AWS. HTTP_PROXY returns the backend's answer as is.
 */
export async function runHttp(
  ex: Exchange,
  uri: string,
  timeoutMs: number,
  proxy: boolean,
): Promise<IntegrationResult | GatewayError> {
  const call = ex.call!;
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return gatewayError(
      gatewayErrors.integrationFailure,
      `The integration URI '${uri}' is not a valid URL: check the uri and its stage variables.`,
    );
  }
  if (call.pathOverride !== undefined) url.pathname = call.pathOverride;
  else if (proxy && ex.served.api.type !== 'REST' && !/\{[^}]+\}/.test(uri) && ex.match?.route.path === '$default')
    url.pathname = joinPath(url.pathname, ex.path);
  for (const [name, values] of Object.entries(call.query)) for (const v of values) url.searchParams.append(name, v);
  const headers = new Headers();
  for (const [name, value] of Object.entries(call.headers)) {
    if (hopByHop.has(name.toLowerCase())) continue;
    // Text beyond Latin-1 goes out as its UTF-8 bytes (fetch takes header values as bytes, one per character).
    const bytes = /[\u0100-\uffff]/.test(value) ? Buffer.from(value, 'utf8').toString('latin1') : value;
    const problem = headerProblem(name, bytes);
    if (problem !== undefined) {
      ex.trace.push({ stage: 'integration', detail: `cannot call ${url.href}: ${problem}`, ms: 0 });
      return gatewayError(
        gatewayErrors.integrationFailure,
        `The integration request cannot be sent: ${problem}. Check the request parameter mappings and template overrides that set it.`,
      );
    }
    headers.set(name, bytes);
  }
  const method = call.method;
  const hasBody = method !== 'GET' && method !== 'HEAD';
  const body = proxy ? ex.request.body : Buffer.from(call.body, 'utf8');
  const started = performance.now();
  try {
    const response = await fetch(url, {
      method,
      headers,
      ...(hasBody && body.length > 0 ? { body } : {}),
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    const responseHeaders: Record<string, string> = dict();
    response.headers.forEach((value, name) => {
      if (!hopByHop.has(name)) responseHeaders[name] = value;
    });
    if (ex.tracing) {
      ex.trace.push({
        stage: 'integration',
        detail: `${method} ${url.href} answered ${response.status}`,
        ms: 0,
        data: { url: url.href, status: response.status, ms: performance.now() - started },
      });
    }
    return { status: response.status, headers: responseHeaders, body: bytes };
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'TimeoutError' || name === 'AbortError') {
      ex.trace.push({ stage: 'integration', detail: `${method} ${url.href} timed out after ${timeoutMs} ms`, ms: 0 });
      return gatewayError(
        gatewayErrors.integrationTimeout,
        `${method} ${url.href} did not answer within timeoutInMillis (${timeoutMs} ms).`,
      );
    }
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const why = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
    ex.trace.push({ stage: 'integration', detail: `${method} ${url.href} failed: ${why}`, ms: 0 });
    return gatewayError(
      gatewayErrors.integrationFailure,
      `${method} ${url.href} could not be reached (${why}): start the backend or fix the integration uri.`,
    );
  }
}

/** HTTP_PROXY answers go back to the client untouched. */
export function proxyResponse(result: IntegrationResult): MockResponse {
  return { status: result.status, headers: { ...result.headers }, body: result.body };
}

function joinPath(base: string, rest: string): string {
  return `${base.replace(/\/$/, '')}${rest.startsWith('/') ? rest : `/${rest}`}`;
}
