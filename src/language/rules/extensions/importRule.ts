import { getProperty } from '../../../model/parse';
import type { Rule, RuleContext } from '../rule';
import { type ApiBody, findBodies, operationsOf } from './bodies';
import { integrationsOf, integrationType } from './integrations';
import { keyAt, report } from './values';

/**
 * What importing the definition as its API type drops, rejects or reports: the OpenAPI versions each type
 * imports, integrations HTTP APIs do not have, several security requirements on one HTTP API operation,
 * cookie parameters on REST APIs.
 */
export const importRule: Rule = {
  id: 'extensions.import',
  codes: [
    'apigw.import.openapiVersion',
    'apigw.import.nonProxyIntegration',
    'apigw.import.multipleSecurity',
    'apigw.import.unsupportedParameter',
  ],
  reuse: 'tracked',
  check(ctx) {
    for (const body of findBodies(ctx)) {
      if (body.type === 'WEBSOCKET') continue;
      checkVersion(ctx, body);
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
