import type { ObjectNode, SourceNode } from '../../../model/sourceNode';
import { getProperty } from '../../../model/parse';
import type { Rule, RuleContext } from '../rule';
import { type ApiBody, findBodies, operationsOf, scalarString, securitySchemesOf } from './bodies';
import { isComputed, keyAt, report } from './values';
import { dictOf } from '../../../shared/dict';

/**
 * Security: every requirement names a scheme the definition declares, and every
 * `x-amazon-apigateway-authorizer` has what its type needs (and a type the API type supports).
 */
export const securityRule: Rule = {
  id: 'extensions.security',
  codes: [
    'apigw.security.undefinedScheme',
    'apigw.security.authorizerIncomplete',
    'apigw.security.unsupportedAuthorizer',
  ],
  reuse: 'tracked',
  model: 'apiTypes',
  check(ctx) {
    for (const body of findBodies(ctx)) {
      if (body.type === 'WEBSOCKET') continue;
      const schemes = securitySchemesOf(ctx, body);
      const names = new Set(schemes?.properties.map((p) => p.key) ?? []);
      checkRequirements(ctx, body, getProperty(body.root, 'security'), names);
      for (const operation of operationsOf(ctx, body))
        checkRequirements(ctx, body, getProperty(operation.node, 'security'), names);
      for (const { value } of schemes?.properties ?? []) {
        const scheme = ctx.resolve(value);
        const authorizer = ctx.resolve(getProperty(scheme, 'x-amazon-apigateway-authorizer'));
        if (scheme?.kind === 'object' && authorizer?.kind === 'object' && !isComputed(authorizer)) {
          checkAuthorizer(ctx, body, scheme, authorizer);
        }
      }
    }
  },
};

function checkRequirements(ctx: RuleContext, body: ApiBody, node: SourceNode | undefined, names: Set<string>): void {
  const list = ctx.resolve(node);
  if (list?.kind !== 'array') return;
  const where = body.version?.startsWith('2') ? 'securityDefinitions' : 'components.securitySchemes';
  for (const item of list.items) {
    const requirement = ctx.resolve(item);
    if (requirement?.kind !== 'object') continue;
    for (const { key, keyRange } of requirement.properties) {
      // SAM writes `NONE` for a method whose Authorizer is NONE: no authorization, on purpose.
      if (names.has(key) || key === 'NONE') continue;
      const known = names.size > 0 ? ` (it declares ${[...names].join(', ')})` : '';
      report(
        ctx,
        { file: requirement.file, range: keyRange },
        'error',
        'apigw.security.undefinedScheme',
        `The security scheme '${key}' is not defined${known}: API Gateway's import either rejects the definition or creates the method with no authorization, open to anyone. Declare it under ${where} or fix the name.`,
      );
    }
  }
}

const supported: Record<string, Array<'REST' | 'HTTP'>> = dictOf({
  token: ['REST'],
  request: ['REST', 'HTTP'],
  cognito_user_pools: ['REST'],
  jwt: ['HTTP'],
});

function checkAuthorizer(ctx: RuleContext, body: ApiBody, scheme: ObjectNode, authorizer: ObjectNode): void {
  const typeNode = getProperty(authorizer, 'type');
  const at = keyAt(scheme, 'x-amazon-apigateway-authorizer');
  if (typeNode === undefined) {
    const choices = body.type === 'HTTP' ? 'request or jwt' : 'token, request or cognito_user_pools';
    report(
      ctx,
      at,
      'error',
      'apigw.security.authorizerIncomplete',
      `This authorizer has no 'type': add one (${choices}).`,
    );
    return;
  }
  const type = scalarString(typeNode)?.toLowerCase();
  const apiTypes = type === undefined ? undefined : supported[type];
  if (type === undefined || apiTypes === undefined) return; // computed, or reported by the schema check
  if (!apiTypes.includes(body.type as 'REST' | 'HTTP')) {
    const instead =
      body.type === 'HTTP'
        ? 'use a request (Lambda) or jwt authorizer'
        : 'use a token, request or cognito_user_pools authorizer';
    report(
      ctx,
      { file: typeNode.file, range: typeNode.range },
      'error',
      'apigw.security.unsupportedAuthorizer',
      `${body.type} APIs do not support ${type} authorizers: ${instead}.`,
    );
    return;
  }
  const missing = (field: string, what: string, severity: 'error' | 'warning' = 'error'): void => {
    if (getProperty(authorizer, field) === undefined) {
      report(
        ctx,
        at,
        severity,
        'apigw.security.authorizerIncomplete',
        `This ${type} authorizer has no '${field}': add ${what}.`,
      );
    }
  };
  if (type === 'token' || type === 'request') {
    missing(
      'authorizerUri',
      "the Lambda function's invocation URI (arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{functionArn}/invocations)",
    );
  }
  if (type === 'request' && body.type === 'HTTP') {
    missing(
      'authorizerPayloadFormatVersion',
      "'1.0' or '2.0' (the event format sent to the function)",
      body.typeDecided ? 'error' : 'warning',
    );
  }
  if (type === 'token' && getProperty(authorizer, 'identitySource') === undefined && !readsHeader(scheme)) {
    missing(
      'identitySource',
      "the header that carries the token, e.g. method.request.header.Authorization (or set the scheme's in: header and name)",
    );
  }
  if (type === 'cognito_user_pools')
    missing('providerARNs', 'the ARNs of the Cognito user pools whose tokens are accepted');
  if (type === 'jwt') {
    missing('jwtConfiguration', 'jwtConfiguration with the issuer and audience of the tokens');
    const jwt = getProperty(authorizer, 'jwtConfiguration');
    if (jwt?.kind === 'object' && !isComputed(jwt)) {
      for (const field of ['issuer', 'audience']) {
        if (getProperty(jwt, field) === undefined) {
          report(
            ctx,
            keyAt(authorizer, 'jwtConfiguration'),
            'error',
            'apigw.security.authorizerIncomplete',
            `jwtConfiguration has no '${field}': add ${field === 'issuer' ? 'the token issuer URL' : 'the accepted audiences (client IDs)'}.`,
          );
        }
      }
    }
    if (getProperty(authorizer, 'identitySource') === undefined && !readsHeader(scheme)) {
      missing('identitySource', "where the token is read, e.g. '$request.header.Authorization'");
    }
  }
}

/** An apiKey scheme reading a header: API Gateway takes the authorizer's identity source from it. */
function readsHeader(scheme: ObjectNode): boolean {
  return scalarString(getProperty(scheme, 'in')) === 'header' && getProperty(scheme, 'name') !== undefined;
}
