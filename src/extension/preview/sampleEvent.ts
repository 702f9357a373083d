import type { GatewayApi, Parameter, Route } from '../../model';
import { sampleFromSchema } from './sampleSchema';
import { dict, dictOf } from '../../shared/dict';

/**
 * The sample event a new preview starts with, in the format of `apigw render --event` (see src/vtl/renderEvent.ts):
 * a request for the route with its path, query and header parameters and a body generated from the request
 * body's schema, plus an integration response for response templates. Pure (no `vscode`).
 */
export interface SampleTarget {
  api?: GatewayApi;
  route?: Route;
  role: 'request' | 'response';
  /** The template's content type: the request's Content-Type (request templates). */
  contentType?: string;
  /** Response templates: the status code the integration response maps to. */
  statusCode?: string;
}

export function buildSampleEvent(target: SampleTarget): string {
  const request = sampleRequest(target);
  const event: Record<string, unknown> = dictOf({ request });
  if (target.role === 'response') {
    event['integrationResponse'] = {
      statusCode: Number(target.statusCode) || 200,
      headers: { 'Content-Type': 'application/json' },
      // The model keeps no response schemas yet: the request body's sample (else an empty object) stands in.
      body: typeof request['body'] === 'string' ? request['body'] : '{}',
    };
  }
  return JSON.stringify(event, null, 2);
}

function sampleRequest(target: SampleTarget): Record<string, unknown> {
  const route = target.route;
  const parameters = route?.parameters ?? [];
  const pathParameters = valuesOf(parameters, 'path');
  const resourcePath = route?.path ?? '/';
  const path = resourcePath.replace(/\{([^}+]+)\+?\}/g, (_, name: string) => pathParameters[name] ?? name);
  const contentType = target.contentType ?? route?.requestBody?.contentTypes[0] ?? 'application/json';
  const headers: Record<string, string> = dictOf({ 'Content-Type': contentType, ...valuesOf(parameters, 'header') });
  const stage = target.api?.stage;
  return {
    method: route && /^[A-Z]+$/.test(route.method) && route.method !== 'ANY' ? route.method : 'POST',
    path,
    resourcePath,
    headers,
    queryStringParameters: valuesOf(parameters, 'query'),
    pathParameters,
    body: sampleBody(route, contentType),
    stage: typeof stage?.name === 'string' ? stage.name : 'test',
    stageVariables: Object.fromEntries(
      Object.entries(stage?.variables ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string'),
    ),
  };
}

function valuesOf(parameters: Parameter[], where: Parameter['in']): Record<string, string> {
  const out: Record<string, string> = dict();
  for (const parameter of parameters) {
    if (parameter.in !== where) continue;
    const value = sampleFromSchema(parameter.schema ?? { type: 'string' });
    out[parameter.name] =
      typeof value === 'string' ? (value === 'string' ? parameter.name : value) : JSON.stringify(value);
  }
  return out;
}

function sampleBody(route: Route | undefined, contentType: string): string | null {
  const schemas = route?.requestBody?.schemas;
  if (!schemas) return route?.requestBody ? '{}' : null;
  const schema = schemas[contentType] ?? Object.values(schemas)[0];
  const sample = sampleFromSchema(schema);
  return typeof sample === 'string' && !contentType.includes('json') ? sample : JSON.stringify(sample, null, 2);
}
