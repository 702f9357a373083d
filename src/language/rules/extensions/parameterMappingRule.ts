import type { ObjectNode, SourceNode } from '../../../model/sourceNode';
import { getProperty } from '../../../model/parse';
import type { Rule, RuleContext } from '../rule';
import { type ApiBody, findBodies, scalarString } from './bodies';
import { type IntegrationSite, integrationsOf } from './integrations';
import { type OperationShape, shapeOf } from './operationShape';
import { badHttpReferences, checkRestSource, httpKeys, type MappingPlace, restTargets } from './restMappingSources';
import { isComputed, plainText, report, show } from './values';

/**
 * Parameter mappings. REST: `integration.request.*` / `method.response.header.*` / `gatewayresponse.header.*`
 * keys, sources that exist (a `method.request.querystring.x` source must be a declared parameter, a mapped
 * response header must be declared on the method response). HTTP APIs: `append|overwrite|remove:...` keys
 * and `$request` / `$response` / `$context` / `$stageVariables` references.
 */
export const parameterMappingRule: Rule = {
  id: 'extensions.parameterMapping',
  codes: [
    'apigw.mapping.target',
    'apigw.mapping.source',
    'apigw.mapping.undeclaredParameter',
    'apigw.mapping.undeclaredHeader',
  ],
  reuse: 'tracked',
  model: 'apiTypes',
  check(ctx) {
    for (const body of findBodies(ctx)) {
      if (body.type === 'WEBSOCKET') continue;
      for (const site of integrationsOf(ctx, body)) {
        if (body.type === 'REST') checkRestIntegration(ctx, site);
        else checkHttpIntegration(ctx, site);
      }
      if (body.type === 'REST') checkGatewayResponses(ctx, body);
    }
  },
};

/** The string-valued entries of a mapping object (computed keys and values are skipped). */
function entries(
  ctx: RuleContext,
  node: SourceNode | undefined,
): Array<{
  key: string;
  keyRange: ObjectNode['properties'][number]['keyRange'];
  value: SourceNode;
  text: string | undefined;
}> {
  const resolved = ctx.resolve(node);
  if (resolved?.kind !== 'object' || isComputed(resolved)) return [];
  return resolved.properties
    .filter((p) => !isComputed(p.value))
    .map((p) => ({ key: p.key, keyRange: p.keyRange, value: p.value, text: scalarString(p.value) }));
}

function checkRestIntegration(ctx: RuleContext, site: IntegrationSite): void {
  const shape = site.operation === undefined ? undefined : shapeOf(ctx, site.operation);
  checkRestMap(ctx, getProperty(site.node, 'requestParameters'), 'request', shape);
  const responses = ctx.resolve(getProperty(site.node, 'responses'));
  if (responses?.kind !== 'object') return;
  for (const { value } of responses.properties) {
    const response = ctx.resolve(value);
    const status = plainText(getProperty(response, 'statusCode')) ?? '';
    const declaredHeaders = shape?.responses.get(status);
    checkRestMap(
      ctx,
      getProperty(response, 'responseParameters'),
      'response',
      shape,
      declaredHeaders === undefined ? undefined : { status, headers: declaredHeaders },
    );
  }
}

function checkGatewayResponses(ctx: RuleContext, body: ApiBody): void {
  const responses = ctx.resolve(getProperty(body.root, 'x-amazon-apigateway-gateway-responses'));
  if (responses?.kind !== 'object') return;
  for (const { value } of responses.properties) {
    checkRestMap(ctx, getProperty(ctx.resolve(value), 'responseParameters'), 'gatewayResponse', undefined);
  }
}

function checkRestMap(
  ctx: RuleContext,
  node: SourceNode | undefined,
  place: MappingPlace,
  shape: OperationShape | undefined,
  response?: { status: string; headers: Set<string> },
): void {
  for (const entry of entries(ctx, node)) {
    const at = { file: entry.value.file, range: entry.keyRange };
    const target = restTargets[place];
    if (!target.pattern.test(entry.key)) {
      report(
        ctx,
        at,
        'error',
        'apigw.mapping.target',
        `'${entry.key}' is not a mapping target API Gateway knows: write ${target.form}.`,
      );
    } else if (response !== undefined) {
      const header = entry.key.slice('method.response.header.'.length);
      if (!response.headers.has(header.toLowerCase())) {
        report(
          ctx,
          at,
          'error',
          'apigw.mapping.undeclaredHeader',
          `The header '${header}' is not declared on the operation's ${response.status} response: add it under responses.${response.status}.headers, or API Gateway rejects the mapping.`,
        );
      }
    }
    if (entry.text === undefined) continue; // a non-string is reported by the schema check
    const source = checkRestSource(entry.text, place);
    const valueAt = { file: entry.value.file, range: entry.value.range };
    if (!source.ok) {
      report(
        ctx,
        valueAt,
        'error',
        'apigw.mapping.source',
        `${show(entry.value)} is not a valid mapping source: use ${source.expected}.`,
      );
    } else if (source.parameter !== undefined && shape !== undefined && !shape.parameters.has(source.parameter.key)) {
      const { name, written } = source.parameter;
      const where = written.endsWith('querystring') ? 'query' : written.endsWith('header') ? 'header' : 'path';
      report(
        ctx,
        valueAt,
        'error',
        'apigw.mapping.undeclaredParameter',
        `The ${written} parameter '${name}' is not declared on this operation: add a parameter {name: ${name}, in: ${where}} to it (or to its path), or API Gateway rejects the mapping.`,
      );
    }
  }
}

function checkHttpIntegration(ctx: RuleContext, site: IntegrationSite): void {
  const serviceIntegration = getProperty(site.node, 'integrationSubtype') !== undefined;
  checkHttpMap(
    ctx,
    getProperty(site.node, 'requestParameters'),
    serviceIntegration ? undefined : httpKeys.request,
    'request',
  );
  const byStatus = ctx.resolve(getProperty(site.node, 'responseParameters'));
  if (byStatus?.kind !== 'object') return;
  for (const { key, keyRange, value } of byStatus.properties) {
    if (!/^[1-5]\d\d$/.test(key)) {
      report(
        ctx,
        { file: byStatus.file, range: keyRange },
        'error',
        'apigw.mapping.target',
        `'${key}' is not a status code: responseParameters are keyed by the backend's status code, e.g. "200" or "404".`,
      );
    }
    checkHttpMap(ctx, value, httpKeys.response, 'response');
  }
}

function checkHttpMap(
  ctx: RuleContext,
  node: SourceNode | undefined,
  keys: RegExp | undefined,
  place: 'request' | 'response',
): void {
  for (const entry of entries(ctx, node)) {
    if (keys !== undefined && !keys.test(entry.key)) {
      const form =
        place === 'request'
          ? 'append:header.{name}, overwrite:querystring.{name}, remove:header.{name} or overwrite:path'
          : 'append:header.{name}, overwrite:header.{name}, remove:header.{name} or overwrite:statuscode';
      report(
        ctx,
        { file: entry.value.file, range: entry.keyRange },
        'error',
        'apigw.mapping.target',
        `'${entry.key}' is not an HTTP API parameter mapping: write ${form}.`,
      );
    }
    if (entry.text === undefined) continue;
    const bad = badHttpReferences(entry.text, place);
    if (bad.length > 0) {
      const sources =
        place === 'request'
          ? '$request.header.{name}, $request.querystring.{name}, $request.path.{name}, $request.body.{JSONPath}, $context.{variable} or $stageVariables.{name}'
          : '$response.header.{name}, $response.body.{JSONPath}, $context.{variable} or $stageVariables.{name}';
      report(
        ctx,
        { file: entry.value.file, range: entry.value.range },
        'error',
        'apigw.mapping.source',
        `${bad.length === 1 && bad[0] === entry.text ? show(entry.value) : `'${bad.join("', '")}' in ${show(entry.value)}`} is not a valid mapping source: use ${sources}.`,
      );
    }
  }
}
