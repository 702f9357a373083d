import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  jwtVerify,
  type JSONWebKeySet,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';

/**
 * Where an authorizer's signing keys are, as API Gateway finds them:
 * - `issuer`: an HTTP API JWT authorizer's issuer publishes `{issuer}/.well-known/openid-configuration`, whose
 *   `jwks_uri` names the key set ("Signing keys and troubleshooting JWT authorizers", API Gateway developer guide);
 * - `jwks`: a Cognito user pool's keys are at `https://cognito-idp.{region}.amazonaws.com/{poolId}/.well-known/jwks.json`;
 * - `file`: the config's `jwt.jwks`, which replaces both;
 * - `unknown`: the mock cannot know where they are (an issuer computed at deploy), and says why.
 */
export type KeySource =
  | { kind: 'issuer'; issuer: string }
  | { kind: 'jwks'; url: string }
  | { kind: 'file'; file: string; keys: JSONWebKeySet }
  | { kind: 'unknown'; why: string };

/** What checking a token's signature came to. */
export type SignatureCheck =
  /** Signed by a key of the set at `keysFrom` (a URL or the JWKS file); `payload` is the token's claims. */
  | { kind: 'verified'; keysFrom: string; payload: JWTPayload }
  /** The keys could not be had: `why` says so in plain words, with the URL. */
  | { kind: 'unchecked'; why: string }
  /** The signature (or the token) is refused: `error` is jose's reason. */
  | { kind: 'refused'; error: unknown; keysFrom: string };

/** The signing algorithms API Gateway accepts for JWT authorizers: RSA ("only RSA-based algorithms are supported"). */
export const acceptedAlgorithms = ['RS256', 'RS384', 'RS512'];

export interface JwtKeyStoreOptions {
  /** How long a fetched key set (and an issuer's discovery document) is used before it is fetched again. */
  cacheMaxAgeMs?: number;
  /** A token with a key id the set lacks fetches the set again, at most this often. */
  cooldownMs?: number;
  /** After a failed fetch, requests use what the failure said for this long before the next try. */
  retryAfterMs?: number;
  /** How long one fetch may take. */
  timeoutMs?: number;
  /** The clock (tests). */
  now?: () => number;
}

type Remembered<T> = { value: T; at: number } | { failure: string; at: number };

/**
 * The signing keys of every issuer the mock has seen, fetched on first use and cached: discovery documents for
 * an hour, key sets through jose's remote key set (refetched after an hour, or when a token names a key id the
 * set lacks, at most every 30 s), as API Gateway caches them ("up to 1 hour", and "when API Gateway receives a
 * token signed with a key it hasn't seen, it retrieves the key set again"). A fetch that fails is remembered
 * for 30 s, so an unreachable issuer costs one attempt, not one per request.
 */
export class JwtKeyStore {
  private readonly cacheMaxAgeMs: number;
  private readonly cooldownMs: number;
  private readonly retryAfterMs: number;
  private readonly timeoutMs: number;
  private readonly now: () => number;
  private readonly discoveries = new Map<string, Remembered<string>>();
  private readonly pendingDiscoveries = new Map<string, Promise<Remembered<string>>>();
  private readonly remoteSets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();
  private readonly remoteFailures = new Map<string, { failure: string; at: number }>();
  private readonly localSets = new WeakMap<JSONWebKeySet, JWTVerifyGetKey>();

  constructor(options: JwtKeyStoreOptions = {}) {
    this.cacheMaxAgeMs = options.cacheMaxAgeMs ?? 3_600_000;
    this.cooldownMs = options.cooldownMs ?? 30_000;
    this.retryAfterMs = options.retryAfterMs ?? 30_000;
    this.timeoutMs = options.timeoutMs ?? 5_000;
    this.now = options.now ?? Date.now;
  }

  /**
   * Checks the token's signature with the keys of `source`. `warn` hears, once per failed fetch, that keys
   * could not be fetched (the mock's log). Never throws.
   */
  async check(token: string, source: KeySource, warn: (message: string) => void): Promise<SignatureCheck> {
    if (source.kind === 'unknown') return { kind: 'unchecked', why: source.why };
    if (source.kind === 'file') {
      let keys = this.localSets.get(source.keys);
      if (keys === undefined) {
        keys = createLocalJWKSet(source.keys);
        this.localSets.set(source.keys, keys);
      }
      return this.verify(token, keys, source.file);
    }
    let url: string;
    if (source.kind === 'issuer') {
      const found = await this.jwksUriOf(source.issuer, warn);
      if ('failure' in found) return { kind: 'unchecked', why: found.failure };
      url = found.value;
    } else {
      url = source.url;
    }
    const failed = this.remoteFailures.get(url);
    if (failed !== undefined && this.now() - failed.at < this.retryAfterMs)
      return { kind: 'unchecked', why: failed.failure };
    const set = this.remoteSet(url);
    if (!set.fresh) {
      try {
        await set.reload();
      } catch (error) {
        return this.fetchFailed(url, error, warn);
      }
    }
    this.remoteFailures.delete(url);
    const outcome = await this.verify(token, set, url);
    if (outcome.kind === 'refused' && isFetchFailure(outcome.error)) return this.fetchFailed(url, outcome.error, warn);
    return outcome;
  }

  private async verify(token: string, keys: JWTVerifyGetKey, keysFrom: string): Promise<SignatureCheck> {
    try {
      const { payload } = await jwtVerify(token, keys, {
        algorithms: acceptedAlgorithms,
        currentDate: new Date(this.now()),
      });
      return { kind: 'verified', keysFrom, payload };
    } catch (error) {
      return { kind: 'refused', error, keysFrom };
    }
  }

  private remoteSet(url: string): ReturnType<typeof createRemoteJWKSet> {
    let set = this.remoteSets.get(url);
    if (set === undefined) {
      set = createRemoteJWKSet(new URL(url), {
        cacheMaxAge: this.cacheMaxAgeMs,
        cooldownDuration: this.cooldownMs,
        timeoutDuration: this.timeoutMs,
      });
      this.remoteSets.set(url, set);
    }
    return set;
  }

  private fetchFailed(url: string, error: unknown, warn: (message: string) => void): SignatureCheck {
    const why = `the signing keys at ${url} could not be fetched (${describeFetchError(error, this.timeoutMs)})`;
    this.remoteFailures.set(url, { failure: why, at: this.now() });
    warn(why);
    return { kind: 'unchecked', why };
  }

  /** `jwks_uri` of the issuer's OIDC discovery document, fetched once per cache period. */
  private async jwksUriOf(issuer: string, warn: (message: string) => void): Promise<Remembered<string>> {
    const known = this.discoveries.get(issuer);
    const age = known === undefined ? Infinity : this.now() - known.at;
    if (known !== undefined && age < ('failure' in known ? this.retryAfterMs : this.cacheMaxAgeMs)) return known;
    let pending = this.pendingDiscoveries.get(issuer);
    if (pending === undefined) {
      pending = this.discover(issuer).then((found) => {
        this.pendingDiscoveries.delete(issuer);
        this.discoveries.set(issuer, found);
        if ('failure' in found) warn(found.failure);
        return found;
      });
      this.pendingDiscoveries.set(issuer, pending);
    }
    return pending;
  }

  private async discover(issuer: string): Promise<Remembered<string>> {
    const url = discoveryUrl(issuer);
    const at = this.now();
    const failed = (why: string): Remembered<string> => ({
      failure: `the issuer's discovery document ${url} could not be read (${why}), so its signing keys are unknown`,
      at,
    });
    let response: Response;
    try {
      response = await fetch(url, { signal: AbortSignal.timeout(this.timeoutMs), redirect: 'follow' });
    } catch (error) {
      return failed(describeFetchError(error, this.timeoutMs));
    }
    if (response.status !== 200) {
      await response.body?.cancel();
      return failed(`it answered ${response.status} ${response.statusText}`.trim());
    }
    let document: unknown;
    try {
      document = await response.json();
    } catch {
      return failed('it is not JSON');
    }
    const jwksUri = (document as { jwks_uri?: unknown } | null)?.jwks_uri;
    if (typeof jwksUri !== 'string' || !/^https?:\/\//.test(jwksUri)) return failed('it names no http(s) jwks_uri');
    return { value: jwksUri, at };
  }
}

/** `{issuer}/.well-known/openid-configuration` (a trailing `/` of the issuer dropped, as OpenID Connect Discovery says). */
export function discoveryUrl(issuer: string): string {
  return `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
}

/**
 * A Cognito user pool from its ARN (`arn:aws:cognito-idp:{region}:{account}:userpool/{poolId}`): the issuer of its
 * tokens and the URL of its keys, under `endpoint` when a local Cognito stands in for the service.
 */
export function cognitoPool(
  arn: string,
  endpoint?: string,
): { poolId: string; issuer: string; jwksUrl: string } | undefined {
  const m = /^arn:[^:]+:cognito-idp:([a-z0-9-]+):[^:]*:userpool\/([\w-]+)$/.exec(arn.trim());
  if (m === null) return undefined;
  const [, region, poolId] = m as unknown as [string, string, string];
  const base = endpoint ?? `https://cognito-idp.${region}.amazonaws.com`;
  const issuer = `${base}/${poolId}`;
  return { poolId, issuer, jwksUrl: `${issuer}/.well-known/jwks.json` };
}

/** Whether jose failed to get the key set (network, timeout, not 200, not a key set) rather than refused the token. */
function isFetchFailure(error: unknown): boolean {
  if (!(error instanceof errors.JOSEError)) return true;
  return error.code === 'ERR_JWKS_TIMEOUT' || error.code === 'ERR_JWKS_INVALID' || error.code === 'ERR_JOSE_GENERIC';
}

/** A failed fetch in plain words. */
function describeFetchError(error: unknown, timeoutMs: number): string {
  if (error instanceof errors.JWKSTimeout || (error instanceof Error && error.name === 'TimeoutError'))
    return `no answer within ${timeoutMs / 1000} s`;
  if (error instanceof errors.JWKSInvalid) return 'it is not a JSON Web Key Set';
  if (error instanceof errors.JOSEError && /200 OK/.test(error.message)) return 'it did not answer 200 OK';
  if (error instanceof errors.JOSEError && /JSON/.test(error.message)) return 'it is not JSON';
  const cause = (error as { cause?: unknown } | null)?.cause;
  const inner = cause instanceof Error ? cause : error;
  const message = inner instanceof Error ? inner.message : String(inner);
  return message.split('\n')[0] || 'unreachable';
}

/** The store the mock runtime uses: one per process, so keys stay cached across reloads and mock sessions. */
export const jwtKeyStore = new JwtKeyStore();
