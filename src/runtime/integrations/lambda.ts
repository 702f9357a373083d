import path from 'node:path';
import type { Integration } from '../../model';
import type { HandlerRef } from '../config';
import { gatewayError, gatewayErrors, type GatewayError } from '../errors';
import { isBinaryFor } from '../lambda/eventBody';
import { buildProxyEvent } from '../lambda/events';
import { proxyEventParts } from '../lambda/eventParts';
import type { LambdaInvoker, LambdaOutcome } from '../lambda/invoker';
import { readProxyResult } from '../lambda/proxyResult';
import type { Exchange, IntegrationResult, MockResponse, ServedApi } from '../types';

/** The local handler for a function: by the name / ARN / logical id as written, else by the ARN's function name. */
export function findHandler(served: ServedApi, fn: string): HandlerRef | undefined {
  const handlers = served.config.lambdaHandlers;
  const byUri = handlers[fn];
  if (byUri !== undefined) return byUri;
  const name = arnFunctionName(fn);
  return name === undefined ? undefined : handlers[name];
}

/**
 * The function name in a Lambda ARN or integration URI: what `/:function:([^:/]+)/.exec(fn)?.[1]` gives, without
 * a regular expression (this runs on every Lambda call).
 */
export function arnFunctionName(fn: string): string | undefined {
  for (let at = fn.indexOf(':function:'); at >= 0; at = fn.indexOf(':function:', at + 1)) {
    const start = at + 10;
    let end = start;
    while (end < fn.length && fn.charCodeAt(end) !== 58 && fn.charCodeAt(end) !== 47) end++;
    if (end > start) return fn.slice(start, end);
  }
  return undefined;
}

function notMapped(served: ServedApi, fn: string, integration: Integration): GatewayError {
  const where = `${path.basename(integration.loc.file)}:${integration.loc.range.start.line + 1}`;
  const configFile = served.config.file ?? path.join(path.dirname(served.file), 'apigw.config.json');
  return gatewayError(
    gatewayErrors.integrationFailure,
    `No local handler for the Lambda function ${fn} (integration at ${where}): add "lambdaHandlers": {"${arnFunctionName(fn) ?? fn}": "file.mjs#export"} to ${configFile}.`,
  );
}

/**
 * AWS_PROXY: payload 1.0 or 2.0 event, result checked; the response is final. Not an async function: the
 * promise is the invoker's, with the result read in its reaction (each async function between the request and
 * the handler's answer was one more promise and microtask turn per request).
 */
export function runLambdaProxy(
  ex: Exchange,
  invoker: LambdaInvoker,
  fn: string,
  timeoutMs: number,
): Promise<MockResponse | GatewayError> {
  const integration = ex.match!.route.integration!;
  const rest = ex.served.api.type === 'REST';
  const method = integration.httpMethod?.toUpperCase();
  if (rest && method !== undefined && method !== 'POST') {
    // Lambda is invoked with POST only: API Gateway fails the call (INTEGRATION_FAILURE, 500).
    ex.trace.push({
      stage: 'integration',
      detail: `${fn}: the integration's httpMethod is ${method}, not POST`,
      ms: 0,
    });
    return Promise.resolve(
      gatewayError(
        gatewayErrors.integrationFailure,
        `The AWS_PROXY integration at ${path.basename(integration.loc.file)}:${integration.loc.range.start.line + 1} calls Lambda with httpMethod ${method}: Lambda functions are invoked with POST, so API Gateway fails every call. Set httpMethod: POST.`,
      ),
    );
  }
  const handler = findHandler(ex.served, fn);
  if (handler === undefined) return Promise.resolve(notMapped(ex.served, fn, integration));
  const version = rest ? '1.0' : integration.payloadFormatVersion === '1.0' ? '1.0' : '2.0';
  return invoker
    .invoke({
      handler,
      functionName: functionNameOf(fn),
      // The event's parts: the worker makes the event. Not kept while the handler runs: the trace makes the
      // event again from the request, which it depends on alone, when it shows it.
      eventParts: proxyEventParts(ex, version),
      timeoutMs,
      requestId: ex.requestId,
    })
    .then((outcome) => proxyAnswer(ex, fn, handler, version, outcome, timeoutMs));
}

/** The response a handler's outcome makes, or the gateway's error. */
function proxyAnswer(
  ex: Exchange,
  fn: string,
  handler: HandlerRef,
  version: '1.0' | '2.0',
  outcome: LambdaOutcome,
  timeoutMs: number,
): MockResponse | GatewayError {
  const rest = ex.served.api.type === 'REST';
  ex.logs.push(...outcome.logs);
  const failed = failure(ex, fn, outcome, timeoutMs, true);
  if (failed !== undefined) return failed;
  const result = readProxyResult((outcome as { result: unknown }).result, version, {
    rest,
    // REST APIs send binary only when the client's first Accept type is a binary media type of the API.
    decodeBase64: rest ? () => isBinaryFor(ex.served.api.binaryMediaTypes, firstAccept(ex)) : true,
  });
  if (!result.ok) {
    ex.trace.push({
      stage: 'integration',
      detail: `${fn}: ${result.reason}`,
      ms: 0,
      data: {
        event: buildProxyEvent(ex, version),
        result: (outcome as { result: unknown }).result,
      },
    });
    return gatewayError(
      gatewayErrors.lambdaProxyFailure,
      `${result.reason} (function ${fn}, handler ${handler.module}#${handler.exportName})`,
    );
  }
  if (ex.tracing) {
    ex.trace.push({
      stage: 'integration',
      detail: `${fn} (payload ${version}) returned ${result.response.status}`,
      ms: 0,
      data: {
        event: buildProxyEvent(ex, version),
        result: (outcome as { result: unknown }).result,
      },
    });
  }
  return result.response;
}

/** AWS (non-proxy): the rendered body is the event; a function error becomes `errorMessage` for selection patterns. */
export async function runLambda(
  ex: Exchange,
  invoker: LambdaInvoker,
  fn: string,
  timeoutMs: number,
): Promise<IntegrationResult | GatewayError> {
  const integration = ex.match!.route.integration!;
  const handler = findHandler(ex.served, fn);
  if (handler === undefined) return notMapped(ex.served, fn, integration);
  let event: unknown;
  const text = ex.call?.body ?? '';
  try {
    event = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    event = text;
  }
  const outcome = await invoker.invoke({
    handler,
    functionName: functionNameOf(fn),
    event,
    timeoutMs,
    requestId: ex.requestId,
  });
  ex.logs.push(...outcome.logs);
  if (outcome.kind === 'error') {
    const body = JSON.stringify({
      errorMessage: outcome.errorMessage,
      errorType: outcome.errorType,
      stackTrace: outcome.stackTrace,
    });
    ex.trace.push({
      stage: 'integration',
      detail: `${fn} failed: ${outcome.errorType}: ${outcome.errorMessage}`,
      ms: 0,
      data: { event },
    });
    return {
      status: 200,
      headers: { 'Content-Type': 'application/json' },
      body: Buffer.from(body),
      errorMessage: outcome.errorMessage,
    };
  }
  const failed = failure(ex, fn, outcome, timeoutMs, false);
  if (failed !== undefined) return failed;
  const result = (outcome as { result: unknown }).result;
  if (ex.tracing) ex.trace.push({ stage: 'integration', detail: `${fn} returned`, ms: 0, data: { event, result } });
  return {
    status: 200,
    headers: { 'Content-Type': 'application/json' },
    body: Buffer.from(JSON.stringify(result ?? null)),
  };
}

function failure(
  ex: Exchange,
  fn: string,
  outcome: LambdaOutcome,
  timeoutMs: number,
  proxy: boolean,
): GatewayError | undefined {
  if (outcome.kind === 'timeout') {
    ex.trace.push({ stage: 'integration', detail: `${fn} timed out after ${timeoutMs} ms`, ms: 0 });
    return gatewayError(
      gatewayErrors.integrationTimeout,
      `The handler for ${fn} did not finish within ${timeoutMs} ms (timeoutInMillis, or "lambdaTimeoutMs" in the config).`,
    );
  }
  if (outcome.kind === 'crash') {
    ex.trace.push({ stage: 'integration', detail: `${fn}: ${outcome.message}`, ms: 0 });
    return gatewayError(
      proxy ? gatewayErrors.lambdaProxyFailure : gatewayErrors.integrationFailure,
      `The handler for ${fn} crashed: ${outcome.message}. The runtime goes on; the next call starts it again.`,
    );
  }
  if (outcome.kind === 'error') {
    ex.trace.push({
      stage: 'integration',
      detail: `${fn} failed: ${outcome.errorType}: ${outcome.errorMessage}`,
      ms: 0,
    });
    return gatewayError(
      gatewayErrors.lambdaProxyFailure,
      `The handler for ${fn} threw ${outcome.errorType}: ${outcome.errorMessage}`,
    );
  }
  return undefined;
}

/** The first media type of the request's Accept header (API Gateway decides binary responses by it). */
function firstAccept(ex: Exchange): string | undefined {
  const accept = ex.request.headers['accept']?.[0];
  if (accept === undefined) return undefined;
  const comma = accept.indexOf(',');
  return (comma < 0 ? accept : accept.slice(0, comma)).trim();
}

function functionNameOf(fn: string): string {
  return arnFunctionName(fn) ?? fn;
}
