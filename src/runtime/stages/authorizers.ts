import type { Authorizer } from '../../model';
import { lambdaFunctionOf } from '../../model/build/lambdaUri';
import { gatewayError, gatewayErrors, type GatewayError } from '../errors';
import { findHandler } from '../integrations/lambda';
import { buildProxyEvent } from '../lambda/events';
import type { StageServices } from './stage';
import { firstHeader } from '../requestContext';
import { invokeArn } from '../iam/routeAuth';
import type { Exchange } from '../types';
import { checkJwt } from './jwt';
import { ownValue } from '../../shared/dict';
import { matchWhole } from '../wholeMatch';

/**
 * Authorizers of the matched route: JWT (HTTP APIs) and Cognito user pools (REST) through checkJwt (signature
 * verified with the issuer's keys, claims and scopes as API Gateway checks them); Lambda
 * TOKEN / REQUEST authorizers through the local handler of their function. IAM (SigV4) is checked before, by the
 * iam stage (stages/iam.ts).
 */
export async function authorize(ex: Exchange, services: StageServices): Promise<GatewayError | undefined> {
  const route = ex.match?.route;
  if (route === undefined) return undefined;
  for (const name of route.authorizerNames) {
    const authorizer = ex.served.api.authorizers.find((a) => a.name === name);
    if (authorizer === undefined) continue;
    const kind = kindOf(authorizer);
    if (kind === 'jwt') return authorizeJwt(ex, authorizer, services);
    if (kind === 'lambda') return authorizeLambda(ex, authorizer, services);
  }
  return undefined;
}

function kindOf(a: Authorizer): 'jwt' | 'lambda' | 'iam' | undefined {
  const type = a.type?.toLowerCase();
  if (type === 'jwt' || type === 'cognito_user_pools' || a.authType?.toLowerCase() === 'cognito_user_pools')
    return 'jwt';
  if (type === 'token' || type === 'request') return 'lambda';
  if (a.authType?.toLowerCase() === 'awssigv4' || a.schemeType === 'awsSigv4') return 'iam';
  if (a.schemeType === 'openIdConnect' || a.schemeType === 'oauth2') return 'jwt';
  return undefined;
}

/** The identity value named by `identitySource` (first source), e.g. `$request.header.Authorization`. */
function identity(ex: Exchange, authorizer: Authorizer): string | undefined {
  const source = (authorizer.identitySource ?? 'method.request.header.Authorization').split(',')[0]!.trim();
  const m = /(?:method\.request|\$request)\.(header|querystring)\.(.+)$/.exec(source);
  if (m?.[1] === 'querystring') return ex.query[m[2]!]?.[0];
  return firstHeader(ex.request.headers, m?.[2] ?? authorizer.headerName ?? 'Authorization');
}

async function authorizeJwt(
  ex: Exchange,
  authorizer: Authorizer,
  services: StageServices,
): Promise<GatewayError | undefined> {
  const raw = identity(ex, authorizer);
  const required = requiredScopes(ex, authorizer.name);
  const http = ex.served.api.type !== 'REST';
  if (raw === undefined || raw.trim() === '') {
    ex.trace.push({
      stage: 'methodRequest',
      detail: `authorizer '${authorizer.name}': no token was sent (identity source empty)`,
      ms: 0,
    });
    return gatewayError(
      gatewayErrors.unauthorized,
      `Authorizer '${authorizer.name}' refused the request: no token was sent (identity source empty).`,
    );
  }
  const outcome = await checkJwt({
    token: raw.trim().replace(/^Bearer\s+/i, ''),
    authorizer,
    config: ex.served.config,
    requiredScopes: required,
    warn: (why) =>
      services.logger.warn(
        `JWT authorizer '${authorizer.name}': ${why}. Its tokens are accepted WITHOUT checking their signature until the keys can be fetched (tried again after 30 s); check the issuer and the network, or give the keys in apigw.config.json ("jwt": {"jwks": "keys.json"}).`,
      ),
  });
  if (outcome.unchecked !== undefined) {
    // Said on every request, traced or not: the Invoke panel shows it above the answer, `apigw mock` under the request.
    ex.trace.push({
      stage: 'methodRequest',
      detail: `authorizer '${authorizer.name}': the token's signature was NOT checked: ${outcome.unchecked}. API Gateway checks it.`,
      ms: 0,
      warning: true,
    });
  }
  if (!outcome.ok) {
    ex.trace.push({ stage: 'methodRequest', detail: `authorizer '${authorizer.name}': ${outcome.reason}`, ms: 0 });
    const scope = required.join(' ');
    // HTTP APIs say why in `www-authenticate` ("Troubleshooting issues with HTTP API JWT authorizers").
    const headers = http
      ? {
          'www-authenticate': `Bearer scope="${scope}" error="${outcome.status === 403 ? 'insufficient_scope' : 'invalid_token'}" error_description="${outcome.description}"`,
        }
      : undefined;
    const reason = `Authorizer '${authorizer.name}' refused the request: ${outcome.reason}.`;
    const kind =
      outcome.status === 403
        ? { ...gatewayErrors.accessDenied, http: { status: 403, message: 'Forbidden' } }
        : gatewayErrors.unauthorized;
    return gatewayError(kind, reason, headers === undefined ? {} : { headers });
  }
  const { claims, scopes } = outcome;
  ex.authorizer = http ? { jwt: { claims, scopes: scopes.length > 0 ? scopes : null } } : { claims };
  if (ex.tracing) {
    const how =
      outcome.keysFrom === undefined
        ? 'signature not checked'
        : `signature verified with ${outcome.keysFrom.includes('://') ? 'the keys at' : 'the keys in'} ${outcome.keysFrom}`;
    ex.trace.push({ stage: 'methodRequest', detail: `authorizer '${authorizer.name}': JWT accepted (${how})`, ms: 0 });
  }
  return undefined;
}

function requiredScopes(ex: Exchange, name: string): string[] {
  const security = ex.match?.route.security ?? ex.served.api.security;
  return security.flatMap((requirement) => ownValue(requirement, name) ?? []);
}

async function authorizeLambda(
  ex: Exchange,
  authorizer: Authorizer,
  services: StageServices,
): Promise<GatewayError | undefined> {
  const fn = lambdaFunctionOf(authorizer.authorizerUri);
  const handler = fn === undefined ? undefined : findHandler(ex.served, fn);
  if (fn === undefined || handler === undefined) {
    return gatewayError(
      { ...gatewayErrors.authorizerFailure, type: 'AUTHORIZER_CONFIGURATION_ERROR' },
      `Authorizer '${authorizer.name}' has no local handler for ${fn ?? 'its authorizerUri'}: map it under "lambdaHandlers" in apigw.config.json.`,
    );
  }
  const rest = ex.served.api.type === 'REST';
  const token = identity(ex, authorizer);
  const type = authorizer.type?.toLowerCase() === 'token' ? 'TOKEN' : 'REQUEST';
  const validation =
    token !== undefined && authorizer.identityValidationExpression !== undefined && type === 'TOKEN'
      ? matchWhole(authorizer.identityValidationExpression, token)
      : undefined;
  if (validation?.refused !== undefined) {
    ex.trace.push({
      stage: 'methodRequest',
      detail: `authorizer '${authorizer.name}': identityValidationExpression: ${validation.refused}`,
      ms: 0,
      warning: true,
    });
  }
  if (token === undefined || (validation !== undefined && !validation.matched)) {
    ex.trace.push({
      stage: 'methodRequest',
      detail: `authorizer '${authorizer.name}': identity source missing or invalid`,
      ms: 0,
    });
    return gatewayError(
      gatewayErrors.unauthorized,
      `Authorizer '${authorizer.name}': the identity source (${authorizer.identitySource ?? 'Authorization header'}) is missing or does not match identityValidationExpression.`,
    );
  }
  const methodArn = invokeArn(ex.served.config, ex.served.stage, ex.request.method.toUpperCase(), ex.path);
  const v2 = !rest && authorizer.authorizerPayloadFormatVersion !== '1.0';
  const event =
    type === 'TOKEN'
      ? { type, authorizationToken: token, methodArn }
      : {
          ...buildProxyEvent(ex, v2 ? '2.0' : '1.0'),
          type,
          methodArn,
          ...(v2 ? { routeArn: methodArn, identitySource: [token] } : {}),
        };
  const outcome = await services.lambda.invoke({
    handler,
    functionName: fn,
    event,
    timeoutMs: 10_000,
    requestId: ex.requestId,
  });
  ex.logs.push(...outcome.logs);
  if (outcome.kind === 'error' && outcome.errorMessage === 'Unauthorized') {
    ex.trace.push({ stage: 'methodRequest', detail: `authorizer '${authorizer.name}' answered Unauthorized`, ms: 0 });
    return gatewayError(gatewayErrors.unauthorized, `Authorizer '${authorizer.name}' threw "Unauthorized".`);
  }
  if (outcome.kind !== 'ok') {
    const why =
      outcome.kind === 'error'
        ? `${outcome.errorType}: ${outcome.errorMessage}`
        : outcome.kind === 'timeout'
          ? 'timed out'
          : outcome.message;
    return gatewayError(gatewayErrors.authorizerFailure, `Authorizer '${authorizer.name}' (${fn}) failed: ${why}.`);
  }
  return readAuthorizerResult(ex, authorizer, outcome.result, v2 && authorizer.enableSimpleResponses === true);
}

function readAuthorizerResult(
  ex: Exchange,
  authorizer: Authorizer,
  result: unknown,
  simple: boolean,
): GatewayError | undefined {
  const r = (result ?? {}) as Record<string, unknown>;
  const context = (r['context'] ?? {}) as Record<string, unknown>;
  let allowed: boolean;
  if (simple) {
    allowed = r['isAuthorized'] === true;
  } else {
    const statements = ((r['policyDocument'] as Record<string, unknown> | undefined)?.['Statement'] ?? []) as Record<
      string,
      unknown
    >[];
    const effects = (Array.isArray(statements) ? statements : [statements]).map((s) =>
      typeof s['Effect'] === 'string' ? s['Effect'].toLowerCase() : '',
    );
    allowed = effects.includes('allow') && !effects.includes('deny');
  }
  if (!allowed) {
    ex.trace.push({
      stage: 'methodRequest',
      detail: `authorizer '${authorizer.name}' denied the request`,
      ms: 0,
      data: { result },
    });
    return gatewayError(gatewayErrors.accessDenied, `Authorizer '${authorizer.name}' denied the request.`);
  }
  ex.authorizer =
    ex.served.api.type === 'REST' ? { principalId: r['principalId'] ?? null, ...context } : { lambda: context };
  if (ex.tracing) {
    ex.trace.push({
      stage: 'methodRequest',
      detail: `authorizer '${authorizer.name}' allowed the request`,
      ms: 0,
      data: { result },
    });
  }
  return undefined;
}
