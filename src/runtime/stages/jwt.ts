import { promises as fs } from 'node:fs';
import { createLocalJWKSet, decodeJwt, jwtVerify, type JWTPayload } from 'jose';
import type { Authorizer } from '../../model';

export type JwtOutcome = { ok: true; claims: JWTPayload } | { ok: false; reason: string };

/**
 * Checks a JWT as an HTTP API JWT authorizer (or a Cognito user pool authorizer) would. With a JWKS file in
 * the config the signature is verified with `jose`; without one (dev mode) it is only decoded. Either way
 * the expiry, the issuer (`jwtConfiguration.issuer`) and the audience (`aud`, else `client_id`) are checked.
 */
export async function checkJwt(
  token: string,
  authorizer: Authorizer,
  jwksFile: string | undefined,
): Promise<JwtOutcome> {
  let claims: JWTPayload;
  try {
    if (jwksFile !== undefined) {
      const jwks = createLocalJWKSet(
        JSON.parse(await fs.readFile(jwksFile, 'utf8')) as Parameters<typeof createLocalJWKSet>[0],
      );
      claims = (await jwtVerify(token, jwks)).payload;
    } else {
      claims = decodeJwt(token);
    }
  } catch (error) {
    return {
      ok: false,
      reason: `the token is not a valid JWT (${error instanceof Error ? error.message : String(error)})`,
    };
  }
  const now = Math.floor(Date.now() / 1000);
  if (typeof claims.exp === 'number' && claims.exp < now) return { ok: false, reason: 'the token has expired (exp)' };
  if (typeof claims.nbf === 'number' && claims.nbf > now)
    return { ok: false, reason: 'the token is not valid yet (nbf)' };
  const issuer = authorizer.jwtConfiguration?.issuer;
  if (typeof issuer === 'string' && claims.iss !== issuer)
    return { ok: false, reason: `the token's issuer ${JSON.stringify(claims.iss)} is not ${issuer}` };
  const audiences = (authorizer.jwtConfiguration?.audience ?? []).filter((a): a is string => typeof a === 'string');
  if (audiences.length > 0) {
    const tokenAud = claims.aud ?? (claims as Record<string, unknown>)['client_id'];
    const list = Array.isArray(tokenAud) ? tokenAud : [tokenAud];
    if (!list.some((a) => typeof a === 'string' && audiences.includes(a))) {
      return {
        ok: false,
        reason: `the token's audience ${JSON.stringify(tokenAud)} is not one of ${audiences.join(', ')}`,
      };
    }
  }
  return { ok: true, claims };
}
