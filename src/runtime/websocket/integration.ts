import type { Integration, IntegrationResponse, MappingTemplate, Route } from '../../model';
import type { TemplateContext } from '../../vtl';
import { findHandler } from '../integrations/lambda';
import type { LambdaInvoker } from '../lambda/invoker';
import type { TemplateRenderer } from '../templates';
import type { ServedApi, TraceStep } from '../types';
import { webSocketContext, buildWebSocketEvent, type WebSocketExchange } from './events';
import { evaluateSelection, matchesResponseKey } from './selection';
import { dict } from '../../shared/dict';

/** What a WebSocket route's integration came to: a status (CONNECT accepts on 2xx) and what a route response sends. */
export interface WebSocketOutcome {
  status: number;
  body: string;
  /** Set when the gateway itself failed the call: the client gets `{"message": ...}` as on AWS. */
  failure?: string;
  logs: string[];
  trace: TraceStep[];
}

export interface WebSocketServices {
  renderer: TemplateRenderer;
  lambda: LambdaInvoker;
  /** The gateway's clock for SigV4 (default Date.now). */
  now?: () => number;
}

/** Runs the route's integration: MOCK with templates, Lambda proxy (AWS_PROXY) or Lambda (AWS) with templates. */
export async function runWebSocketIntegration(
  served: ServedApi,
  route: Route,
  ex: WebSocketExchange,
  services: WebSocketServices,
): Promise<WebSocketOutcome> {
  const out: WebSocketOutcome = { status: 200, body: '', logs: [], trace: [] };
  const integration = route.integration;
  const type = integration?.type ?? 'none';
  if (integration === undefined) return fail(out, `route ${route.path} has no integration: add a Target.`);
  if (type === 'MOCK') return runMock(served, integration, ex, services, out);
  if (type === 'AWS_PROXY' || type === 'AWS') return runLambda(served, integration, ex, services, out);
  return fail(
    out,
    `the ${type} integration of route ${route.path} cannot run locally (only MOCK, AWS_PROXY and AWS Lambda integrations do).`,
  );
}

function fail(out: WebSocketOutcome, reason: string, status = 500): WebSocketOutcome {
  out.status = status;
  out.failure = reason;
  out.trace.push({ stage: 'integration', detail: reason, ms: 0 });
  return out;
}

function templateContext(served: ServedApi, ex: WebSocketExchange, body: string | undefined): TemplateContext {
  const headers: Record<string, string> = dict();
  for (const [name, list] of Object.entries(ex.connection.headers)) headers[name] = list.join(',');
  const context: TemplateContext = {
    apiType: 'WEBSOCKET',
    request: {
      body: ex.body,
      headers,
      stage: served.stage,
      stageVariables: served.stageVariables,
      context: webSocketContext(ex),
    },
  };
  if (body !== undefined) context.integrationResponse = { statusCode: 200, body };
  return context;
}

/** The request template the integration's template selection expression picks (`$default` when none matches). */
function requestTemplate(integration: Integration, ex: WebSocketExchange): MappingTemplate | undefined {
  const templates = integration.requestTemplates;
  const key = evaluateSelection(integration.templateSelectionExpression ?? '$default', ex.body);
  return templates.find((t) => t.contentType === key) ?? templates.find((t) => t.contentType === '$default');
}

function render(services: WebSocketServices, text: string, context: TemplateContext, out: WebSocketOutcome): string {
  const rendered = services.renderer.render(text, context);
  for (const error of rendered.errors) out.trace.push({ stage: 'template', detail: error.message, ms: 0 });
  return rendered.output;
}

function selectResponse(integration: Integration, status: number): IntegrationResponse | undefined {
  return (
    integration.responses.find((r) => matchesResponseKey(r.pattern, status)) ??
    integration.responses.find((r) => r.pattern === '$default')
  );
}

function runMock(
  served: ServedApi,
  integration: Integration,
  ex: WebSocketExchange,
  services: WebSocketServices,
  out: WebSocketOutcome,
): WebSocketOutcome {
  const template = requestTemplate(integration, ex);
  const requestBody =
    template === undefined ? ex.body : render(services, template.text, templateContext(served, ex, undefined), out);
  let status = 200;
  try {
    const code = (JSON.parse(requestBody) as Record<string, unknown> | null)?.['statusCode'];
    const n = typeof code === 'string' ? Number(code) : code;
    if (typeof n === 'number' && Number.isInteger(n)) status = n;
  } catch {
    // Not JSON: MOCK answers 200.
  }
  out.status = status;
  out.trace.push({ stage: 'integration', detail: `MOCK answered ${status}`, ms: 0, data: { requestBody } });
  applyResponse(served, integration, ex, services, out, '');
  return out;
}

function applyResponse(
  served: ServedApi,
  integration: Integration,
  ex: WebSocketExchange,
  services: WebSocketServices,
  out: WebSocketOutcome,
  body: string,
): void {
  out.body = body;
  const response = selectResponse(integration, out.status);
  if (response === undefined) return;
  const template =
    response.responseTemplates.find((t) => t.contentType === '$default') ?? response.responseTemplates[0];
  out.trace.push({ stage: 'integrationResponse', detail: `selected integration response ${response.pattern}`, ms: 0 });
  if (template !== undefined) out.body = render(services, template.text, templateContext(served, ex, body), out);
}

async function runLambda(
  served: ServedApi,
  integration: Integration,
  ex: WebSocketExchange,
  services: WebSocketServices,
  out: WebSocketOutcome,
): Promise<WebSocketOutcome> {
  const fn = integration.lambdaFunction ?? (typeof integration.uri === 'string' ? integration.uri : '(unnamed)');
  const handler = findHandler(served, fn);
  if (handler === undefined)
    return fail(
      out,
      `No local handler for the Lambda function ${fn}: add it to "lambdaHandlers" in apigw.config.json.`,
    );
  const proxy = integration.type === 'AWS_PROXY';
  let event: unknown = buildWebSocketEvent(ex);
  if (!proxy) {
    const template = requestTemplate(integration, ex);
    const text =
      template === undefined ? ex.body : render(services, template.text, templateContext(served, ex, undefined), out);
    try {
      event = JSON.parse(text);
    } catch {
      event = text;
    }
  }
  const timeoutMs = integration.timeoutInMillis ?? served.config.lambdaTimeoutMs ?? 29_000;
  const functionName = /:function:([^:/]+)/.exec(fn)?.[1] ?? fn;
  const outcome = await services.lambda.invoke({ handler, functionName, event, timeoutMs, requestId: ex.requestId });
  out.logs.push(...outcome.logs);
  if (outcome.kind === 'timeout') return fail(out, `the handler for ${fn} did not finish within ${timeoutMs} ms.`, 504);
  if (outcome.kind === 'crash') return fail(out, `the handler for ${fn} crashed: ${outcome.message}.`);
  if (outcome.kind === 'error')
    return fail(out, `the handler for ${fn} threw ${outcome.errorType}: ${outcome.errorMessage}`);
  const result = outcome.result;
  out.trace.push({ stage: 'integration', detail: `${fn} (${ex.eventType}) returned`, ms: 0, data: { event, result } });
  if (!proxy) {
    applyResponse(served, integration, ex, services, out, JSON.stringify(result ?? null));
    return out;
  }
  if (result !== null && typeof result === 'object' && !Array.isArray(result)) {
    const r = result as Record<string, unknown>;
    const code = typeof r['statusCode'] === 'string' ? Number(r['statusCode']) : r['statusCode'];
    if (typeof code === 'number' && Number.isInteger(code)) out.status = code;
    const body = r['body'];
    out.body = typeof body === 'string' ? body : body === undefined ? '' : JSON.stringify(body);
  } else if (result !== undefined && result !== null) {
    out.body = typeof result === 'string' ? result : JSON.stringify(result);
  }
  return out;
}
