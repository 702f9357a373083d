import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { exportJWK, generateKeyPair, SignJWT, type JWK, type JWTPayload, type KeyLike } from 'jose';

interface TestKey {
  kid: string;
  privateKey: KeyLike;
  publicJwk: JWK;
}

/**
 * An identity provider on 127.0.0.1 that publishes its keys as API Gateway looks for them, under any path prefix
 * (the issuer `http://127.0.0.1:PORT/tenant`):
 *   PREFIX/.well-known/openid-configuration   {"issuer": BASE+PREFIX, "jwks_uri": BASE+PREFIX/keys}  (OIDC discovery)
 *   PREFIX/keys                               the published key set
 *   PREFIX/.well-known/jwks.json              the same set (where Cognito user pools publish theirs)
 * and signs tokens with fresh RSA keys (made in `start`, never stored): `test-key-1` is published, `test-key-2` is
 * published only after `rotate()`. Every request path is recorded in `requests`. `failWith(status)` makes every
 * answer that status (a broken issuer).
 */
export class TestIssuer {
  readonly requests: string[] = [];
  private readonly server = http.createServer((req, res) => this.answer(req, res));
  private keys: TestKey[] = [];
  private published = 1;
  private failure: number | undefined;
  base = '';

  async start(): Promise<string> {
    for (const kid of ['test-key-1', 'test-key-2']) {
      const { privateKey, publicKey } = await generateKeyPair('RS256');
      this.keys.push({
        kid,
        privateKey,
        publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' },
      });
    }
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.base;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Publishes `test-key-2` beside `test-key-1` (a key rotation). */
  rotate(): void {
    this.published = 2;
  }

  failWith(status: number | undefined): void {
    this.failure = status;
  }

  /** The published key set, as JSON. */
  jwks(): { keys: JWK[] } {
    return { keys: this.keys.slice(0, this.published).map((k) => k.publicJwk) };
  }

  /** The published key set written to a temporary file (the config's `jwt.jwks`); returns its path. */
  jwksFile(): string {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'apigw-jwks-')), 'jwks.json');
    fs.writeFileSync(file, JSON.stringify(this.jwks()));
    return file;
  }

  /**
   * A token with these claims. `kind`: `jwt` signed RS256 with the published key; `jwt-other-key` with
   * `test-key-2` (unknown until `rotate()`); `jwt-tampered` a signed token whose payload was swapped afterwards;
   * `jwt-hs256` signed with a shared secret; `jwt-none` unsigned (`alg: none`).
   */
  async token(claims: JWTPayload, kind = 'jwt'): Promise<string> {
    const [first, second] = this.keys;
    if (first === undefined || second === undefined) throw new Error('TestIssuer.token before start');
    if (kind === 'jwt-none') return `${segment({ alg: 'none' })}.${segment(claims)}.`;
    if (kind === 'jwt-hs256') {
      return new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256', kid: first.kid })
        .sign(new TextEncoder().encode('a-shared-secret-of-at-least-32-bytes!'));
    }
    const key = kind === 'jwt-other-key' ? second : first;
    const signed = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: key.kid }).sign(key.privateKey);
    if (kind !== 'jwt-tampered') return signed;
    const [header, , signature] = signed.split('.');
    return `${header}.${segment({ ...claims, scope: 'admin' })}.${signature}`;
  }

  private answer(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', this.base);
    this.requests.push(url.pathname);
    const send = (status: number, body: unknown): void => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (this.failure !== undefined) return send(this.failure, { message: 'failing on purpose' });
    const discovery = /^(.*)\/\.well-known\/openid-configuration$/.exec(url.pathname);
    if (discovery !== null) {
      const issuer = this.base + discovery[1];
      return send(200, { issuer, jwks_uri: `${issuer}/keys` });
    }
    if (/\/keys$/.test(url.pathname) || /\/\.well-known\/jwks\.json$/.test(url.pathname)) return send(200, this.jwks());
    send(404, { message: 'Not Found' });
  }
}

function segment(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
