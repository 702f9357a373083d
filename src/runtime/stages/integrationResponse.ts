import path from 'node:path';
import type { IntegrationResponse, MappingTemplate } from '../../model';
import { gatewayError, gatewayErrors } from '../errors';
import type { Stage } from './stage';
import { header } from '../requestContext';
import { templateContext } from '../templates';
import { lowerCase, mediaType, upperCase } from '../text';
import { matchWhole } from '../wholeMatch';
import type { Exchange, IntegrationResult } from '../types';
import { restSource } from './parameterMapping';
import { fastDict } from '../fastDict';

/**
 * Integration response (REST non-proxy integrations): the selection pattern picks the response, a Java regex
 * that must match the whole Lambda `errorMessage` (function errors) or the backend's / MOCK's status code;
 * `default` otherwise. Then its status, `method.response.header.*` parameters and response template.
 */
export const integrationResponseStage: Stage = {
  name: 'integrationResponse',
  run(ex, services) {
    const result = ex.result;
    const integration = ex.match?.route.integration;
    if (result === undefined || integration === undefined || ex.response !== undefined) return undefined;
    const selectionInput = result.errorMessage ?? String(result.status);
    const selected = selectResponse(
      integration.responses,
      selectionInput,
      result.errorMessage !== undefined || isLambda(integration.type),
      (reason) => ex.trace.push({ stage: 'integrationResponse', detail: `selection: ${reason}`, ms: 0, warning: true }),
    );
    if (selected === undefined) {
      ex.trace.push({
        stage: 'integrationResponse',
        detail: `no selection pattern matches '${selectionInput}' and there is no default response`,
        ms: 0,
      });
      return gatewayError(
        gatewayErrors.apiConfigurationError,
        `No integration response of ${ex.match!.routeKey} (${path.basename(integration.loc.file)}:${integration.loc.range.start.line + 1}) matches '${selectionInput}' and none is the default: add a 'default' response.`,
      );
    }
    const status = Number(selected.statusCode ?? '200');
    const headers = fastDict<string>();
    const template = chooseTemplate(selected.responseTemplates, header(ex.request.headers, 'accept'));
    let body = result.body;
    let contentType = result.headers['content-type'] ?? result.headers['Content-Type'] ?? 'application/json';
    let finalStatus = status;
    // `$context.responseOverride` set by the request template applies with or without a response template
    // (one that has one starts from these values and may change them).
    const carried = ex.overrides;
    let headerOverrides: Record<string, string> | undefined = carried?.headers;
    if (carried?.status !== undefined) finalStatus = carried.status;
    if (template !== undefined) {
      const integrationResponse = {
        statusCode: result.status,
        headers: result.headers,
        body: result.body.length === 0 ? '' : result.body.toString('utf8'),
      };
      const rendered = services.renderer.render(template.text, templateContext(ex, {}, integrationResponse));
      if (rendered.errors.length > 0) {
        const first = rendered.errors[0]!;
        return gatewayError(
          gatewayErrors.apiConfigurationError,
          `The ${template.contentType} response template (${template.loc.file}:${template.loc.range.start.line + first.range.start.line + 1}) failed: ${first.message}.`,
        );
      }
      body = Buffer.from(rendered.output, 'utf8');
      contentType = template.contentType;
      if (rendered.statusOverride !== undefined) finalStatus = rendered.statusOverride;
      headerOverrides =
        headerOverrides === undefined ? rendered.headerOverrides : { ...headerOverrides, ...rendered.headerOverrides };
      if (ex.tracing) {
        ex.trace.push({
          stage: 'integrationResponse',
          detail: `rendered the ${template.contentType} response template`,
          ms: 0,
          data: { template: template.text, output: rendered.output },
        });
      }
    }
    headers['Content-Type'] = contentType;
    const parameters = selected.responseParameters;
    for (const target in parameters) {
      const source = parameters[target];
      const name = /^method\.response\.header\.(.+)$/.exec(target)?.[1];
      const value = name === undefined || typeof source !== 'string' ? undefined : responseSource(ex, result, source);
      if (name !== undefined && value !== undefined) headers[name] = value;
    }
    // Overrides are final: applied after the standard response parameter mappings.
    for (const k in headerOverrides) headers[k] = headerOverrides[k]!;
    if (ex.tracing) {
      ex.trace.push({
        stage: 'integrationResponse',
        detail: `selected '${selected.pattern}' → ${finalStatus} (matched '${selectionInput}')`,
        ms: 0,
        data: { pattern: selected.pattern, status: finalStatus },
      });
    }
    ex.response = { status: finalStatus, headers, body };
    return undefined;
  },
};

function isLambda(type: string | undefined): boolean {
  return upperCase(type ?? '') === 'AWS';
}

/**
 * Non-default patterns in order, matched against the whole input; a Lambda success always takes the default. A
 * pattern that could not run (matchWhole) does not match, and `refused` says why.
 */
export function selectResponse(
  responses: IntegrationResponse[],
  input: string,
  lambda: boolean,
  refused: (reason: string) => void = () => undefined,
): IntegrationResponse | undefined {
  if (!lambda || input !== '200') {
    for (const response of responses) {
      if (isDefault(response)) continue;
      const match = matchWhole(response.pattern, input, 's');
      if (match.refused !== undefined) refused(match.refused);
      if (match.matched) return response;
    }
  }
  return responses.find(isDefault);
}

function isDefault(r: IntegrationResponse): boolean {
  return r.pattern === 'default' || r.pattern === '';
}

function chooseTemplate(templates: MappingTemplate[], accept: string | undefined): MappingTemplate | undefined {
  // One template (or none) is the answer whatever the client accepts.
  if (templates.length <= 1) return templates[0];
  const accepted = (accept ?? '').split(',').map((a) => lowerCase(mediaType(a)));
  return (
    templates.find((t) => accepted.includes(lowerCase(t.contentType))) ??
    templates.find((t) => lowerCase(t.contentType) === 'application/json') ??
    templates[0]
  );
}

function responseSource(ex: Exchange, result: IntegrationResult, source: string): string | undefined {
  const header = /^integration\.response\.(multivalue)?header\.(.+)$/i.exec(source);
  if (header) {
    const wanted = header[2]!.toLowerCase();
    return Object.entries(result.headers).find(([k]) => k.toLowerCase() === wanted)?.[1];
  }
  if (source === 'integration.response.body') return result.body.toString('utf8');
  const jsonPath = /^integration\.response\.body\.(.+)$/.exec(source)?.[1];
  if (jsonPath !== undefined) {
    try {
      let value: unknown = JSON.parse(result.body.toString('utf8'));
      for (const part of jsonPath
        .replace(/^\$\.?/, '')
        .split('.')
        .filter((p) => p !== '')) {
        value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
      }
      return value === undefined ? undefined : typeof value === 'string' ? value : JSON.stringify(value);
    } catch {
      return undefined;
    }
  }
  return restSource(ex, source);
}
