import { httpOnlyFeatures, restOnlyFeatures } from '../../../model/apiType';
import { getProperty } from '../../../model/parse';
import type { ObjectNode } from '../../../model/sourceNode';
import type { Range } from '../../../shared/range';
import type { Rule, RuleContext } from '../rule';
import { type ApiBody, findBodies, isSwagger, operationsOf, scalarString, securitySchemesOf } from './bodies';
import { integrationsOf, integrationType } from './integrations';
import { keyAt, report } from './values';

/**
 * What importing the definition as its API type drops, rejects or reports: the OpenAPI versions each type
 * imports, integrations HTTP APIs do not have, several security requirements on one HTTP API operation,
 * cookie parameters on REST APIs, and what a bare OpenAPI 3 file that mixes REST-only and HTTP-only features
 * would become as either type.
 */
export const importRule: Rule = {
  id: 'extensions.import',
  codes: [
    'apigw.import.openapiVersion',
    'apigw.import.nonProxyIntegration',
    'apigw.import.multipleSecurity',
    'apigw.import.unsupportedParameter',
    'apigw.import.mixedApiType',
  ],
  reuse: 'tracked',
  check(ctx) {
    for (const body of findBodies(ctx)) {
      if (body.type === 'WEBSOCKET') continue;
      checkVersion(ctx, body);
      checkMixed(ctx, body);
      if (body.type === 'HTTP') checkHttp(ctx, body);
      else checkRest(ctx, body);
    }
  },
};

function checkVersion(ctx: RuleContext, body: ApiBody): void {
  const version = body.version;
  if (version === undefined) return;
  const key = getProperty(body.root, 'openapi') !== undefined ? 'openapi' : 'swagger';
  const at = keyAt(body.root, key);
  if (body.type === 'HTTP' && !version.startsWith('3.0')) {
    report(
      ctx,
      at,
      'warning',
      'apigw.import.openapiVersion',
      `HTTP APIs import OpenAPI 3.0 definitions; this one is ${version}, so the import may reject or misread parts of it. Write it as OpenAPI 3.0 (openapi: 3.0.1).`,
    );
  }
  // A bare 3.1 document guessed to be REST may be meant for another tool: only a declared REST API is warned.
  if (body.type === 'REST' && body.typeDecided && version.startsWith('3.1')) {
    report(
      ctx,
      at,
      'warning',
      'apigw.import.openapiVersion',
      `REST APIs import Swagger 2.0 and OpenAPI 3.0 definitions; OpenAPI ${version} is not supported, so features new in 3.1 (type lists, webhooks...) are rejected or ignored. Write it as OpenAPI 3.0 (openapi: 3.0.1).`,
    );
  }
}

function checkHttp(ctx: RuleContext, body: ApiBody): void {
  for (const site of integrationsOf(ctx, body)) {
    const type = integrationType(site.node);
    const serviceIntegration = getProperty(site.node, 'integrationSubtype') !== undefined;
    if ((type === 'aws' && !serviceIntegration) || type === 'http' || type === 'mock') {
      const typeNode = getProperty(site.node, 'type');
      const at = typeNode === undefined ? keyAt(site.node, 'type') : { file: typeNode.file, range: typeNode.range };
      report(
        ctx,
        at,
        'warning',
        'apigw.import.nonProxyIntegration',
        `HTTP APIs have only proxy integrations (aws_proxy, http_proxy) and AWS service integrations (aws_proxy with an integrationSubtype): the import skips this ${type} integration. Change its type, or import the definition as a REST API.`,
      );
    }
  }
  for (const operation of operationsOf(ctx, body)) {
    const security = ctx.resolve(getProperty(operation.node, 'security'));
    if (security?.kind !== 'array') continue;
    const requirements = security.items
      .map((i) => ctx.resolve(i))
      .filter((r) => r?.kind === 'object' && r.properties.length > 0);
    const several =
      requirements.length > 1 || requirements.some((r) => r?.kind === 'object' && r.properties.length > 1);
    if (several) {
      report(
        ctx,
        keyAt(operation.node, 'security'),
        'warning',
        'apigw.import.multipleSecurity',
        'HTTP API routes use one authorizer: the import keeps only the first security requirement of this operation. Keep one requirement with one scheme.',
      );
    }
  }
}

/** Path-level parameters are seen once per operation; the runner removes the duplicate diagnostics. */
function checkRest(ctx: RuleContext, body: ApiBody): void {
  for (const operation of operationsOf(ctx, body)) {
    for (const holder of [operation.pathItem, operation.node]) {
      const list = ctx.resolve(getProperty(holder, 'parameters'));
      if (list?.kind !== 'array') continue;
      for (const item of list.items) {
        const parameter = ctx.resolve(item);
        const where = getProperty(parameter, 'in');
        if (parameter?.kind === 'object' && where?.kind === 'scalar' && where.value === 'cookie') {
          report(
            ctx,
            { file: where.file, range: where.range },
            'warning',
            'apigw.import.unsupportedParameter',
            'REST APIs have no cookie parameters: the import ignores this one. Read the Cookie header instead (a header parameter named Cookie).',
          );
        }
      }
    }
  }
}

/** Root extensions that only REST APIs import (an HTTP API import drops or refuses them). */
const restOnlyRootKeys = [
  'x-amazon-apigateway-request-validators',
  'x-amazon-apigateway-request-validator',
  'x-amazon-apigateway-gateway-responses',
  'x-amazon-apigateway-api-key-source',
  'x-amazon-apigateway-binary-media-types',
  'x-amazon-apigateway-policy',
  'x-amazon-apigateway-documentation',
];

interface Feature {
  what: string;
  at: { file: string; range: Range };
}

/**
 * A bare OpenAPI 3 file with REST-only and HTTP-only features is read as a REST API (docs/api-type.md), whose
 * import ignores the HTTP-only keys (apigw.extension.wrongApiType warns at each). One more warning, at the
 * first REST-only feature (the first thing an HTTP API import would refuse or drop), names both readings, so
 * the user sees what importing the file as either type does. A type set by a template or by --target is the
 * user's choice: nothing to add.
 */
function checkMixed(ctx: RuleContext, body: ApiBody): void {
  const api = body.api;
  if (body.typeDecided || body.type !== 'REST' || api === undefined || isSwagger(body)) return;
  const httpOnly = httpOnlyFeatures(api, body.root);
  const restOnly = restOnlyFeatures(api);
  if (httpOnly.length === 0 || restOnly.length === 0) return;
  const first = firstRestOnlyFeature(ctx, body);
  if (first === undefined) return;
  report(
    ctx,
    first.at,
    'warning',
    'apigw.import.mixedApiType',
    `This definition mixes REST-only features (${restOnly.join(', ')}) with HTTP-only ones (${httpOnly.join(', ')}), so it reads differently as each API type. ` +
      `As a REST API (how it is read here): the import ignores the HTTP-only keys, as warned where they are. ` +
      `As an HTTP API: the import refuses or drops ${first.what} here and the other REST-only features. ` +
      'Keep the features of the type you deploy (or set the API type explicitly).',
  );
}

function firstRestOnlyFeature(ctx: RuleContext, body: ApiBody): Feature | undefined {
  const found: Feature[] = [];
  const add = (what: string, holder: ObjectNode, key: string): void => {
    const property = holder.properties.find((p) => p.key === key);
    if (property !== undefined) found.push({ what, at: { file: holder.file, range: property.keyRange } });
  };
  for (const key of restOnlyRootKeys) add(key, body.root, key);
  for (const operation of operationsOf(ctx, body))
    add('x-amazon-apigateway-request-validator', operation.node, 'x-amazon-apigateway-request-validator');
  for (const site of integrationsOf(ctx, body)) {
    const type = integrationType(site.node);
    if (type === 'aws' || type === 'mock' || type === 'http') add(`this ${type} integration`, site.node, 'type');
    for (const key of ['requestTemplates', 'responses', 'passthroughBehavior']) add(key, site.node, key);
  }
  const schemes = securitySchemesOf(ctx, body);
  for (const { value } of schemes?.properties ?? []) {
    const scheme = ctx.resolve(value);
    const authorizer = ctx.resolve(getProperty(scheme, 'x-amazon-apigateway-authorizer'));
    const type = scalarString(getProperty(authorizer, 'type'))?.toLowerCase();
    if (authorizer?.kind === 'object' && (type === 'token' || type === 'cognito_user_pools'))
      add(`a ${type} authorizer`, authorizer, 'type');
  }
  const local = found.filter((f) => f.at.file === ctx.document.file);
  return (local.length > 0 ? local : found).reduce<Feature | undefined>(
    (best, f) => (best === undefined || before(f.at.range, best.at.range) ? f : best),
    undefined,
  );
}

function before(a: Range, b: Range): boolean {
  return a.start.line < b.start.line || (a.start.line === b.start.line && a.start.character < b.start.character);
}
