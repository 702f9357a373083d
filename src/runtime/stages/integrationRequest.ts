import { gatewayError, gatewayErrors } from '../errors';
import type { Stage } from './stage';
import { header } from '../requestContext';
import { templateContext, templateFor } from '../templates';
import { mediaType, upperCase } from '../text';
import type { Exchange, IntegrationCall } from '../types';
import { applyRequestParameters } from './parameterMapping';
import { dict } from '../../shared/dict';
import { fastDict } from '../fastDict';

/**
 * Integration request: parameter mapping, then (non-proxy integrations) the request template chosen by the
 * request's content type (application/json when none is sent) and `passthroughBehavior` when none matches:
 * WHEN_NO_MATCH passes the body through, WHEN_NO_TEMPLATES only when no template is defined, NEVER never
 * (415 Unsupported Media Type).
 */
export const integrationRequestStage: Stage = {
  name: 'integrationRequest',
  run(ex, services) {
    const integration = ex.match?.route.integration;
    if (integration === undefined) return undefined;
    const type = upperCase(integration.type ?? '');
    const call = baseCall(ex, type);
    ex.call = call;
    applyRequestParameters(ex, call, integration.requestParameters);
    if (type === 'AWS_PROXY' || type === 'HTTP_PROXY') {
      if (ex.tracing) {
        ex.trace.push({
          stage: 'integrationRequest',
          detail: `${type}: the request goes to the integration as it came`,
          ms: 0,
        });
      }
      return undefined;
    }
    const sent = header(ex.request.headers, 'content-type');
    const contentType = sent === undefined ? 'application/json' : mediaType(sent);
    const templates = integration.requestTemplates;
    const template = templateFor(templates, contentType);
    if (template === undefined) {
      const behavior = (integration.passthroughBehavior ?? 'WHEN_NO_MATCH').toUpperCase();
      const passes = behavior === 'WHEN_NO_MATCH' || (behavior === 'WHEN_NO_TEMPLATES' && templates.length === 0);
      if (!passes) {
        ex.trace.push({
          stage: 'integrationRequest',
          detail: `no request template for ${contentType} and passthroughBehavior ${behavior}`,
          ms: 0,
        });
        return gatewayError(
          gatewayErrors.unsupportedMediaType,
          `${contentType} has no request template (templates: ${templates.map((t) => t.contentType).join(', ') || 'none'}) and passthroughBehavior is ${behavior}: send a supported Content-Type or add a template.`,
        );
      }
      if (ex.tracing) {
        ex.trace.push({
          stage: 'integrationRequest',
          detail: `no request template for ${contentType}: body passed through (${behavior})`,
          ms: 0,
        });
      }
      return undefined;
    }
    const rendered = services.renderer.render(template.text, templateContext(ex));
    if (rendered.errors.length > 0) {
      const first = rendered.errors[0]!;
      const line = template.loc.range.start.line + first.range.start.line + 1;
      ex.trace.push({
        stage: 'integrationRequest',
        detail: `request template failed: ${first.message}`,
        ms: 0,
        data: { template: template.text },
      });
      return gatewayError(
        gatewayErrors.apiConfigurationError,
        `The ${contentType} request template (${template.loc.file}:${line}) failed: ${first.message}.`,
      );
    }
    call.body = rendered.output;
    call.template = contentType;
    if (rendered.carried !== undefined) {
      ex.overrides = { carried: rendered.carried, headers: rendered.headerOverrides };
      if (rendered.statusOverride !== undefined) ex.overrides.status = rendered.statusOverride;
    }
    // Loops rather than Object.assign: the overrides are nearly always empty, and an empty loop costs nothing.
    const { requestHeaderOverrides: headers, requestQueryOverrides: query, requestPathOverrides: path } = rendered;
    for (const k in headers) call.headers[k] = headers[k]!;
    for (const k in query) call.query[k] = [query[k]!];
    for (const k in path) call.pathParameters[k] = path[k]!;
    if (ex.tracing) {
      ex.trace.push({
        stage: 'integrationRequest',
        detail: `rendered the ${contentType} request template`,
        ms: 0,
        data: { template: template.text, output: rendered.output },
      });
    }
    return undefined;
  },
};

/** What the integration gets before mapping: proxies get the whole request, others only what is mapped. */
function baseCall(ex: Exchange, type: string): IntegrationCall {
  const integration = ex.match?.route.integration;
  const method = upperCase(integration?.httpMethod ?? 'ANY');
  const proxy = type === 'HTTP_PROXY' || ex.served.api.type !== 'REST';
  const headers: Record<string, string> = dict();
  if (proxy) for (const [name, values] of Object.entries(ex.request.headers)) headers[name] = values.join(',');
  return {
    method: method === 'ANY' ? upperCase(ex.request.method) : method,
    body: ex.request.body.length === 0 ? '' : ex.request.body.toString('utf8'),
    headers,
    query: proxy ? structuredClone(ex.query) : {},
    pathParameters: copyOf(ex.match?.pathParameters),
  };
}

/** A copy of the matched path parameters, prototype-free and in fast mode as the router's (fastDict.ts). */
function copyOf(parameters: Record<string, string> | undefined): Record<string, string> {
  const copy = fastDict<string>();
  if (parameters !== undefined) for (const k in parameters) copy[k] = parameters[k]!;
  return copy;
}
