import type { SourceNode } from '../../../model/sourceNode';
import { getProperty } from '../../../model/parse';
import type { Rule, RuleContext } from '../rule';
import { findBodies } from './bodies';
import { type IntegrationSite, integrationsOf, integrationType } from './integrations';
import { checkJavaRegex } from './javaRegex';
import { shapeOf } from './operationShape';
import { isComputed, plainText, report } from './values';

/**
 * REST integration `responses`: each key is a Java regular expression (or `default`), each response names a
 * status code, and that status code is one the method declares in its `responses`.
 */
export const integrationResponsesRule: Rule = {
  id: 'extensions.integrationResponses',
  codes: [
    'apigw.integration.responsePattern',
    'apigw.integration.missingStatusCode',
    'apigw.integration.undeclaredStatus',
  ],
  reuse: 'tracked',
  model: 'apiTypes',
  check(ctx) {
    for (const body of findBodies(ctx)) {
      if (body.type !== 'REST') continue;
      for (const site of integrationsOf(ctx, body)) checkResponses(ctx, site);
    }
  },
};

function checkResponses(ctx: RuleContext, site: IntegrationSite): void {
  const responses = ctx.resolve(getProperty(site.node, 'responses'));
  if (responses?.kind !== 'object') return;
  const type = integrationType(site.node);
  const shape = site.operation === undefined ? undefined : shapeOf(ctx, site.operation);
  for (const { key, keyRange, value } of responses.properties) {
    const at = { file: responses.file, range: keyRange };
    if (key !== 'default') {
      const problem = checkJavaRegex(key);
      if (problem !== undefined) {
        report(
          ctx,
          at,
          'error',
          'apigw.integration.responsePattern',
          `The response selection pattern '${key}' is not a valid Java regular expression (${problem}); API Gateway rejects the import.`,
        );
      }
    }
    const response = ctx.resolve(value);
    if (response?.kind !== 'object' || type === 'aws_proxy' || type === 'http_proxy') continue;
    const status = getProperty(response, 'statusCode');
    if (status === undefined) {
      report(
        ctx,
        at,
        'error',
        'apigw.integration.missingStatusCode',
        `The integration response '${key}' has no 'statusCode': add the method response status it maps to, e.g. statusCode: '200'.`,
      );
      continue;
    }
    if (shape !== undefined) checkDeclared(ctx, status, shape.responses);
  }
}

function checkDeclared(ctx: RuleContext, status: SourceNode, declared: Map<string, Set<string>>): void {
  const code = plainText(status);
  if (code === undefined || isComputed(status) || declared.has(code)) return;
  const known = [...declared.keys()].filter((k) => k !== 'default');
  const list = known.length > 0 ? ` (it declares ${known.join(', ')})` : '';
  // The import accepts it, but the response then has none of the headers and models the method declares.
  report(
    ctx,
    { file: status.file, range: status.range },
    'warning',
    'apigw.integration.undeclaredStatus',
    `Status ${code} is not declared in the operation's responses${list}: add a '${code}' response to the operation (its headers and models apply only then), or map to a declared status.`,
  );
}
