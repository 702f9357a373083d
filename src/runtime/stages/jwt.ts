import path from 'node:path';
import { decodeJwt, decodeProtectedHeader, errors, type JWTPayload, type ProtectedHeaderParameters } from 'jose';
import { describeValue, type Authorizer, type GatewayApi, type MaybeIntrinsic } from '../../model';
import type { RuntimeConfig } from '../config';
import { matchWhole } from '../wholeMatch';
import { acceptedAlgorithms, cognitoPool, jwtKeyStore, type JwtKeyStore, type KeySource } from './jwtKeys';

/**
 * What checking a JWT came to. Refusals carry the status API Gateway answers (401, or 403 when an HTTP API
 * route's scopes are missing), why in plain words for the trace, and the `error_description` an HTTP API puts in
 * its `www-authenticate` header. Either way `unchecked` says why the signature was not checked, when it was not.
 */
export type JwtOutcome =
  | { ok: true; claims: JWTPayload; scopes: string[]; keysFrom?: string; unchecked?: string }
  | { ok: false; status: 401 | 403; reason: string; description: string; unchecked?: string };

export interface JwtCheckInput {
  token: string;
  authorizer: Authorizer;
  config: RuntimeConfig;
  /** The route's authorization scopes for this authorizer (`security: [{name: [scopes]}]`). */
  requiredScopes: string[];
  /** Hears, once per failed fetch, that the keys could not be fetched (the mock's log). */
  warn: (message: string) => void;
  store?: JwtKeyStore;
  now?: number;
}

/** JWT authorizers (HTTP APIs) and Cognito user pool authorizers (REST), or an OpenID Connect / OAuth 2 scheme. */
export function isJwtAuthorizer(a: Authorizer): boolean {
  const type = a.type?.toLowerCase();
  if (type === 'jwt' || isCognito(a)) return true;
  if (type === 'token' || type === 'request') return false;
  return a.schemeType === 'openIdConnect' || a.schemeType === 'oauth2';
}

function isCognito(a: Authorizer): boolean {
  return a.type?.toLowerCase() === 'cognito_user_pools' || a.authType?.toLowerCase() === 'cognito_user_pools';
}

/**
 * Checks a token as API Gateway does ("Control access to HTTP APIs with JWT authorizers" and "Integrate a REST API
 * with an Amazon Cognito user pool", API Gateway developer guide):
 * 1. decode it; the algorithm must be RSA and the signature must verify with the issuer's keys (jwtKeys.ts);
 * 2. `exp` after now, `nbf` and `iat` not after now;
 * 3. JWT authorizers: `iss` is the configured issuer; `aud` (else `client_id`) one of the audiences; the route's
 *    scopes: at least one in `scope` / `scp`, else 403;
 * 4. Cognito user pools: `iss` is one of the pools; without method scopes an ID token (`token_use: id`, `aud`
 *    matching `identityValidationExpression` when there is one), with scopes an access token carrying one of them;
 *    every failure is 401.
 * Signatures are not checked when the config turns verification off, or when the keys cannot be had; the
 * outcome's `unchecked` then says why.
 */
export async function checkJwt(input: JwtCheckInput): Promise<JwtOutcome> {
  const { token, authorizer, config, requiredScopes } = input;
  const cognito = isCognito(authorizer);
  let unchecked: string | undefined;
  const refuse = (reason: string, description: string, status: 401 | 403 = 401): JwtOutcome => ({
    ok: false,
    status,
    reason,
    description,
    ...(unchecked !== undefined ? { unchecked } : {}),
  });
  let header: ProtectedHeaderParameters;
  let claims: JWTPayload;
  try {
    header = decodeProtectedHeader(token);
    claims = decodeJwt(token);
  } catch {
    return refuse('the token is not a JWT (three base64url parts: header.payload.signature)', 'the token is malformed');
  }
  let keysFrom: string | undefined;
  if (config.jwtVerifySignature === false) {
    unchecked = `"jwt": {"verifySignature": false} is set in ${config.file === undefined ? 'apigw.config.json' : path.basename(config.file)}`;
  } else {
    const alg = typeof header.alg === 'string' ? header.alg : 'none';
    if (!acceptedAlgorithms.includes(alg)) {
      return refuse(
        `the token is signed with ${alg}; API Gateway accepts only RSA signatures (${acceptedAlgorithms.join(', ')})`,
        `signing method ${alg} is invalid`,
      );
    }
    const source = keySource(authorizer, claims, config);
    if ('refusal' in source) return refuse(source.refusal, 'the token does not have a valid issuer');
    const check = await (input.store ?? jwtKeyStore).check(token, source, input.warn);
    if (check.kind === 'unchecked') unchecked = check.why;
    else if (check.kind === 'refused') return refusedSignature(check.error, check.keysFrom, refuse);
    else keysFrom = check.keysFrom;
  }
  const now = Math.floor((input.now ?? Date.now()) / 1000);
  for (const name of ['exp', 'nbf', 'iat'] as const) {
    if (claims[name] !== undefined && typeof claims[name] !== 'number')
      return refuse(`the token's "${name}" claim is not a number`, 'the token is malformed');
  }
  if (typeof claims.exp === 'number' && claims.exp <= now)
    return refuse(`the token has expired (exp ${isoTime(claims.exp)})`, 'the token has expired');
  if (typeof claims.nbf === 'number' && claims.nbf > now)
    return refuse(`the token is not valid yet (nbf ${isoTime(claims.nbf)})`, 'the token is not valid yet');
  if (typeof claims.iat === 'number' && claims.iat > now)
    return refuse(`the token was issued in the future (iat ${isoTime(claims.iat)})`, 'the token is not valid yet');
  const scopes = tokenScopes(claims);
  if (cognito) {
    const refusal = cognitoRefusal(authorizer, claims, config, requiredScopes, scopes);
    if (refusal !== undefined) return refuse(refusal, refusal);
  } else {
    const issuer = authorizer.jwtConfiguration?.issuer;
    if (typeof issuer === 'string' && claims.iss !== issuer)
      return refuse(
        `the token's issuer ${JSON.stringify(claims.iss)} is not ${issuer}`,
        'the token does not have a valid issuer',
      );
    const audiences = (authorizer.jwtConfiguration?.audience ?? []).filter((a): a is string => typeof a === 'string');
    if (audiences.length > 0) {
      // "API Gateway validates client_id only if aud is not present."
      const tokenAudience = claims.aud ?? (claims as Record<string, unknown>)['client_id'];
      const list = Array.isArray(tokenAudience) ? tokenAudience : [tokenAudience];
      if (!list.some((a) => typeof a === 'string' && audiences.includes(a))) {
        const which = claims.aud !== undefined ? 'audience (aud)' : 'client_id';
        return refuse(
          `the token's ${which} ${JSON.stringify(tokenAudience)} is not one of ${audiences.join(', ')}`,
          'the token does not have a valid audience',
        );
      }
    }
    if (requiredScopes.length > 0 && !requiredScopes.some((s) => scopes.includes(s))) {
      return refuse(
        `the token's scopes (${scopes.join(' ') || 'none'}) include none the route requires (${requiredScopes.join(', ')})`,
        `the token does not have the required scopes`,
        403,
      );
    }
  }
  return {
    ok: true,
    claims,
    scopes,
    ...(keysFrom !== undefined ? { keysFrom } : {}),
    ...(unchecked !== undefined ? { unchecked } : {}),
  };
}

/** Where the keys of the token's issuer are, or why the token is refused before looking (a Cognito pool it is not from). */
function keySource(authorizer: Authorizer, claims: JWTPayload, config: RuntimeConfig): KeySource | { refusal: string } {
  if (config.jwks !== undefined && config.jwksFile !== undefined)
    return { kind: 'file', file: config.jwksFile, keys: config.jwks };
  if (isCognito(authorizer)) {
    const { pools, unresolved } = cognitoPools(authorizer, config);
    const pool = pools.find((p) => p.issuer === claims.iss);
    if (pool !== undefined) return { kind: 'jwks', url: pool.jwksUrl };
    if (unresolved.length > 0) {
      return {
        kind: 'unknown',
        why: `the user pool ${unresolved.join(', ')} is known only once deployed, so its signing keys cannot be found locally`,
      };
    }
    return { refusal: notFromPools(claims, pools) };
  }
  const issuer = authorizer.jwtConfiguration?.issuer;
  if (typeof issuer === 'string') return { kind: 'issuer', issuer };
  if (issuer === undefined) return { kind: 'unknown', why: 'the authorizer has no jwtConfiguration.issuer' };
  return {
    kind: 'unknown',
    why: `the issuer is ${describeValue(issuer) ?? 'computed'}, known only once deployed, so its signing keys cannot be found locally`,
  };
}

function cognitoPools(
  authorizer: Authorizer,
  config: RuntimeConfig,
): { pools: NonNullable<ReturnType<typeof cognitoPool>>[]; unresolved: string[] } {
  const pools: NonNullable<ReturnType<typeof cognitoPool>>[] = [];
  const unresolved: string[] = [];
  for (const arn of authorizer.providerARNs) {
    const pool = typeof arn === 'string' ? cognitoPool(arn, config.cognitoEndpoint) : undefined;
    if (pool !== undefined) pools.push(pool);
    else
      unresolved.push(
        typeof arn === 'string' ? arn : (describeValue(arn as MaybeIntrinsic<string>) ?? JSON.stringify(arn)),
      );
  }
  return { pools, unresolved };
}

function notFromPools(claims: JWTPayload, pools: { issuer: string }[]): string {
  return `the token's issuer ${JSON.stringify(claims.iss)} is not one of the authorizer's user pools (${pools.map((p) => p.issuer).join(', ') || 'none'})`;
}

/** Cognito user pool authorizers: issuer, token kind, validation expression and scopes; every refusal is 401. */
function cognitoRefusal(
  authorizer: Authorizer,
  claims: JWTPayload,
  config: RuntimeConfig,
  requiredScopes: string[],
  scopes: string[],
): string | undefined {
  const { pools, unresolved } = cognitoPools(authorizer, config);
  if (unresolved.length === 0 && !pools.some((p) => p.issuer === claims.iss)) return notFromPools(claims, pools);
  const use = (claims as Record<string, unknown>)['token_use'];
  if (requiredScopes.length === 0) {
    // "If the OAuth Scopes option isn't specified, API Gateway treats the supplied token as an identity token."
    if (use !== 'id')
      return `the method has no authorization scopes, so it takes an ID token (token_use "id"), not ${JSON.stringify(use ?? null)}`;
    const expression = authorizer.identityValidationExpression;
    if (expression !== undefined) {
      const aud = typeof claims.aud === 'string' ? claims.aud : undefined;
      const match = aud !== undefined ? matchWhole(expression, aud) : { matched: false };
      if (match.refused !== undefined) return `the authorizer's identityValidationExpression: ${match.refused}`;
      if (!match.matched)
        return `the token's audience ${JSON.stringify(claims.aud ?? null)} does not match identityValidationExpression ${expression}`;
    }
    return undefined;
  }
  // "Otherwise, API Gateway treats the supplied token as an access token and verifies the access scopes."
  if (use !== 'access')
    return `the method requires scopes (${requiredScopes.join(', ')}), so it takes an access token (token_use "access"), not ${JSON.stringify(use ?? null)}`;
  if (!requiredScopes.some((s) => scopes.includes(s)))
    return `the token's scopes (${scopes.join(' ') || 'none'}) include none the method requires (${requiredScopes.join(', ')})`;
  return undefined;
}

/** `scope` (space-separated) or `scp` (a list or a string). */
function tokenScopes(claims: JWTPayload): string[] {
  const scope = claims['scope'] ?? claims['scp'];
  if (typeof scope === 'string') return scope.split(' ').filter((s) => s !== '');
  if (Array.isArray(scope)) return scope.filter((s): s is string => typeof s === 'string');
  return [];
}

/** jose's refusal of a token as API Gateway words it. */
function refusedSignature(
  error: unknown,
  keysFrom: string,
  refuse: (reason: string, description: string) => JwtOutcome,
): JwtOutcome {
  const where = keysFrom.includes('://') ? `the keys at ${keysFrom}` : `the keys in ${path.basename(keysFrom)}`;
  if (error instanceof errors.JWTExpired) return refuse('the token has expired (exp)', 'the token has expired');
  if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'nbf')
    return refuse('the token is not valid yet (nbf)', 'the token is not valid yet');
  if (error instanceof errors.JWKSNoMatchingKey)
    return refuse(`no key of ${where} matches the token's key id (kid)`, 'the token has an invalid key id');
  if (error instanceof errors.JWKSMultipleMatchingKeys)
    return refuse(
      `several keys of ${where} match the token: give it a key id (kid)`,
      'the token has an invalid key id',
    );
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return refuse(`the token's signature does not verify with ${where}`, 'the token has an invalid signature');
  const message = error instanceof Error ? error.message : String(error);
  return refuse(`the token cannot be verified with ${where} (${message})`, 'the token is malformed');
}

function isoTime(seconds: number): string {
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? String(seconds) : date.toISOString();
}

/**
 * What the mock's log should hear when an API loads: JWT authorizers whose signatures will not be checked (the
 * config turns it off, or the issuer is known only once deployed).
 */
export function jwtLoadWarnings(api: GatewayApi, config: RuntimeConfig): string[] {
  const used = new Set(api.routes.flatMap((r) => r.authorizerNames));
  const authorizers = api.authorizers.filter((a) => used.has(a.name) && isJwtAuthorizer(a));
  if (authorizers.length === 0) return [];
  const names = authorizers.map((a) => `'${a.name}'`).join(', ');
  if (config.jwtVerifySignature === false) {
    return [
      `JWT signatures are NOT checked: "jwt": {"verifySignature": false} is set in ${config.file === undefined ? 'apigw.config.json' : path.basename(config.file)}, so authorizer${authorizers.length === 1 ? '' : 's'} ${names} accept${authorizers.length === 1 ? 's' : ''} a token with the right claims whoever signed it. API Gateway checks the signature.`,
    ];
  }
  if (config.jwks !== undefined) return [];
  const warnings: string[] = [];
  for (const authorizer of authorizers) {
    let why: string | undefined;
    if (isCognito(authorizer)) {
      const { pools, unresolved } = cognitoPools(authorizer, config);
      if (unresolved.length > 0 && pools.length === 0)
        why = `the user pool ${unresolved.join(', ')} is known only once deployed, so its signing keys cannot be found locally`;
    } else {
      const issuer = authorizer.jwtConfiguration?.issuer;
      if (issuer === undefined) why = 'the authorizer has no jwtConfiguration.issuer';
      else if (typeof issuer !== 'string')
        why = `the issuer is ${describeValue(issuer) ?? 'computed'}, known only once deployed, so its signing keys cannot be found locally`;
    }
    if (why !== undefined) {
      warnings.push(
        `JWT authorizer '${authorizer.name}': ${why}. Its tokens are accepted WITHOUT checking their signature; give the keys in apigw.config.json ("jwt": {"jwks": "keys.json"}) to check them.`,
      );
    }
  }
  return warnings;
}
