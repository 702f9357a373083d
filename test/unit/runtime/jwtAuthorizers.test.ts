// JWT and Cognito user pool authorizers against a loopback identity provider (jwtIssuer.ts, 127.0.0.1 only).
// Sources: "Control access to HTTP APIs with JWT authorizers in API Gateway" (the workflow: signature with the
// public key from the issuer's jwks_uri, then kid, iss, aud / client_id, exp, nbf, iat, scope / scp),
// "Signing keys and troubleshooting JWT authorizers" (keys found through {issuer}/.well-known/openid-configuration,
// cached, fetched again for a key id not seen before), "Troubleshooting issues with HTTP API JWT authorizers" (the
// www-authenticate header) and "Integrate a REST API with an Amazon Cognito user pool", all in the API Gateway
// developer guide (https://docs.aws.amazon.com/apigateway/latest/developerguide/).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Authorizer } from '../../../src/model';
import { MockRuntime, type RequestEvent } from '../../../src/runtime';
import { loadConfig, parseConfig, type RuntimeConfig } from '../../../src/runtime/config';
import { checkJwt } from '../../../src/runtime/stages/jwt';
import { cognitoPool, discoveryUrl, JwtKeyStore } from '../../../src/runtime/stages/jwtKeys';
import { runMock } from '../../../src/cli/commands/mock';
import { nodeFileSystem } from '../../../src/shared/nodeFileSystem';
import type { Logger } from '../../../src/shared/logger';
import { closedPort } from './backend';
import { TestIssuer } from './jwtIssuer';

const loc = {
  file: '/virtual/openapi.json',
  range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  pointer: '',
};

function jwtAuthorizer(issuer: unknown, audience: string[] = ['notes-app']): Authorizer {
  return {
    name: 'jwt',
    type: 'jwt',
    providerARNs: [],
    jwtConfiguration: { issuer: issuer as string, audience },
    loc,
    raw: {},
  };
}

const baseConfig: RuntimeConfig = { baseDir: '/virtual', lambdaHandlers: {}, stageVariables: {} };

/** An HTTP API with one JWT route, written to a temporary folder with its config; returns the definition's path. */
function httpApi(issuer: string, config: Record<string, unknown> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apigw-jwt-'));
  fs.writeFileSync(
    path.join(dir, 'handler.mjs'),
    'export async function handler() { return { statusCode: 200, body: "ok" }; }\n',
  );
  const definition = {
    openapi: '3.0.1',
    info: { title: 'JWT API', version: '1' },
    paths: {
      '/notes': {
        get: {
          security: [{ jwt: [] }],
          'x-amazon-apigateway-integration': {
            type: 'aws_proxy',
            httpMethod: 'POST',
            payloadFormatVersion: '2.0',
            uri: 'arn:aws:lambda:us-east-1:123456789012:function:Notes',
          },
        },
      },
    },
    components: {
      securitySchemes: {
        jwt: {
          type: 'oauth2',
          flows: {},
          'x-amazon-apigateway-authorizer': {
            type: 'jwt',
            identitySource: '$request.header.Authorization',
            jwtConfiguration: { issuer, audience: ['notes-app'] },
          },
        },
      },
    },
  };
  fs.writeFileSync(path.join(dir, 'openapi.json'), JSON.stringify(definition));
  fs.writeFileSync(
    path.join(dir, 'apigw.config.json'),
    JSON.stringify({ lambdaHandlers: { Notes: 'handler.mjs#handler' }, ...config }),
  );
  return path.join(dir, 'openapi.json');
}

function recordingLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  return {
    warnings,
    trace: () => undefined,
    debug: () => undefined,
    info: () => undefined,
    warn: (m) => warnings.push(m),
    error: () => undefined,
  };
}

describe('JWT authorizers: keys found and cached as API Gateway does', () => {
  const issuer = new TestIssuer();
  let base = '';
  before(async () => {
    base = await issuer.start();
  });
  after(() => issuer.stop());

  it('finds the keys through {issuer}/.well-known/openid-configuration, and fetches them once for many requests', async () => {
    const iss = `${base}/cached`;
    const runtime = new MockRuntime({ file: httpApi(iss), watch: false });
    try {
      const url = await runtime.start(0, '127.0.0.1');
      const token = await issuer.token({ iss, aud: 'notes-app', sub: 'u' });
      for (let i = 0; i < 3; i++) {
        const response = await fetch(`${url}/notes`, { headers: { Authorization: `Bearer ${token}` } });
        assert.equal(response.status, 200, await response.text());
      }
      assert.deepEqual(
        issuer.requests.filter((p) => p.startsWith('/cached')),
        ['/cached/.well-known/openid-configuration', '/cached/keys'],
      );
    } finally {
      await runtime.stop();
    }
  });

  it('fetches the key set again for a key id it has not seen (a rotation), and refuses one the issuer never published', async () => {
    const store = new JwtKeyStore({ cooldownMs: 0 });
    const iss = `${base}/rotating`;
    const input = {
      authorizer: jwtAuthorizer(iss),
      config: baseConfig,
      requiredScopes: [],
      warn: () => undefined,
      store,
    };
    const first = await checkJwt({ ...input, token: await issuer.token({ iss, aud: 'notes-app' }) });
    assert.equal(first.ok, true);
    const unknown = await checkJwt({ ...input, token: await issuer.token({ iss, aud: 'notes-app' }, 'jwt-other-key') });
    assert.ok(!unknown.ok);
    assert.equal(unknown.description, 'the token has an invalid key id');
    issuer.rotate();
    const rotated = await checkJwt({ ...input, token: await issuer.token({ iss, aud: 'notes-app' }, 'jwt-other-key') });
    assert.equal(rotated.ok, true, rotated.ok ? '' : rotated.reason);
    assert.equal(issuer.requests.filter((p) => p === '/rotating/keys').length, 3);
  });

  it('says once in the log, and on every request in the trace, that keys it cannot fetch left the signature unchecked', async () => {
    const unreachable = `http://${await closedPort()}`;
    const logger = recordingLogger();
    const runtime = new MockRuntime({ file: httpApi(unreachable), watch: false, logger });
    const events: RequestEvent[] = [];
    runtime.onRequest((e) => events.push(e), { trace: false });
    try {
      const url = await runtime.start(0, '127.0.0.1');
      const token = await issuer.token({ iss: unreachable, aud: 'notes-app' });
      for (let i = 0; i < 2; i++) {
        const response = await fetch(`${url}/notes`, { headers: { Authorization: token } });
        assert.equal(response.status, 200);
      }
      const discovery = `${unreachable}/.well-known/openid-configuration`;
      const logged = logger.warnings.filter((w) => w.includes(discovery));
      assert.equal(logged.length, 1, logger.warnings.join('\n'));
      assert.match(
        logged[0]!,
        /^JWT authorizer 'jwt': the issuer's discovery document .* could not be read \(connect ECONNREFUSED/,
      );
      assert.match(logged[0]!, /accepted WITHOUT checking their signature/);
      assert.equal(events.length, 2);
      for (const event of events) {
        // Even without a listener that wants the whole trace, the warning is there (the Invoke panel, apigw mock).
        const warnings = event.trace.filter((s) => s.warning === true);
        assert.equal(warnings.length, 1, JSON.stringify(event.trace));
        assert.match(
          warnings[0]!.detail,
          /the token's signature was NOT checked: the issuer's discovery document http/,
        );
      }
    } finally {
      await runtime.stop();
    }
  });

  it('tries an unreachable issuer again once the retry period has passed', async () => {
    let now = 1_000_000;
    const store = new JwtKeyStore({ now: () => now, retryAfterMs: 30_000 });
    const iss = `http://${await closedPort()}`;
    const warned: string[] = [];
    const input = {
      authorizer: jwtAuthorizer(iss),
      config: baseConfig,
      requiredScopes: [],
      warn: (m: string) => warned.push(m),
      store,
      now,
    };
    const token = await issuer.token({ iss, aud: 'notes-app' });
    assert.ok((await checkJwt({ ...input, token })).unchecked);
    assert.ok((await checkJwt({ ...input, token })).unchecked);
    assert.equal(warned.length, 1);
    now += 30_000;
    assert.ok((await checkJwt({ ...input, token })).unchecked);
    assert.equal(warned.length, 2);
  });

  it('says what a broken issuer answered, with the URL', async () => {
    const store = new JwtKeyStore();
    const iss = `${base}/broken`;
    issuer.failWith(503);
    try {
      const outcome = await checkJwt({
        token: await issuer.token({ iss, aud: 'notes-app' }),
        authorizer: jwtAuthorizer(iss),
        config: baseConfig,
        requiredScopes: [],
        warn: () => undefined,
        store,
      });
      assert.equal(outcome.ok, true);
      assert.equal(
        outcome.unchecked,
        `the issuer's discovery document ${iss}/.well-known/openid-configuration could not be read (it answered 503 Service Unavailable), so its signing keys are unknown`,
      );
    } finally {
      issuer.failWith(undefined);
    }
  });

  it('never contacts the issuer when the config gives a JWKS file', async () => {
    const iss = `${base}/never`;
    const jwks = issuer.jwksFile();
    const store = new JwtKeyStore();
    const config = await loadConfig(
      '/virtual/openapi.json',
      nodeFileSystem,
      (() => {
        const file = path.join(path.dirname(jwks), 'apigw.config.json');
        fs.writeFileSync(file, JSON.stringify({ jwt: { jwks: 'jwks.json' } }));
        return file;
      })(),
    );
    assert.ok(config.ok, config.ok ? '' : config.message);
    const outcome = await checkJwt({
      token: await issuer.token({ iss, aud: 'notes-app' }),
      authorizer: jwtAuthorizer(iss),
      config: config.config,
      requiredScopes: [],
      warn: () => undefined,
      store,
    });
    assert.ok(outcome.ok);
    assert.equal(outcome.keysFrom, jwks);
    assert.deepEqual(
      issuer.requests.filter((p) => p.startsWith('/never')),
      [],
    );
  });

  it('cannot find the keys of an issuer known only once deployed, and says so when the API loads', async () => {
    const outcome = await checkJwt({
      token: await issuer.token({ iss: 'x', aud: 'notes-app' }),
      authorizer: jwtAuthorizer({ 'Fn::Sub': 'https://cognito-idp.${AWS::Region}.amazonaws.com/${UserPool}' }),
      config: baseConfig,
      requiredScopes: [],
      warn: () => undefined,
      store: new JwtKeyStore(),
    });
    assert.ok(outcome.ok);
    assert.match(
      outcome.unchecked ?? '',
      /^the issuer is https:\/\/cognito-idp\.\$\{AWS::Region\}.*known only once deployed/,
    );
  });

  it('warns when the API loads that verification is off', async () => {
    const runtime = new MockRuntime({
      file: httpApi(`${base}/off`, { jwt: { verifySignature: false } }),
      watch: false,
    });
    const loaded = await runtime.reload();
    assert.ok(loaded.ok);
    assert.ok(
      loaded.warnings.some((w) =>
        w.startsWith('JWT signatures are NOT checked: "jwt": {"verifySignature": false} is set in apigw.config.json'),
      ),
      loaded.warnings.join('\n'),
    );
  });

  it('apigw mock prints the warning under each request whose signature was not checked', async () => {
    const unreachable = `http://${await closedPort()}`;
    const file = httpApi(unreachable);
    let out = '';
    let err = '';
    let stop: (signal: string) => void = () => undefined;
    const stopped = new Promise<string>((resolve) => (stop = resolve));
    const running = runMock(
      [file, '--port', '0'],
      { out: (t) => (out += t), err: (t) => (err += t), cwd: path.dirname(file) },
      { wait: () => stopped },
    );
    const url = await new Promise<string>((resolve) => {
      const poll = (): void => {
        if (out.includes('\n')) resolve(out.trim());
        else setImmediate(poll);
      };
      poll();
    });
    const response = await fetch(`${url}/notes`, {
      headers: { Authorization: await issuer.token({ iss: unreachable, aud: 'notes-app' }) },
    });
    assert.equal(response.status, 200);
    stop('SIGTERM');
    assert.equal(await running, 0);
    assert.match(
      err,
      /GET \/local\/notes 200 \d+ ms \(GET \/notes\)\n {2}warning: authorizer 'jwt': the token's signature was NOT checked: the issuer's discovery document/,
    );
    assert.match(err, /apigw mock: warning: JWT authorizer 'jwt': the issuer's discovery document/);
  });
});

describe('JWT authorizer settings and where keys are', () => {
  it('names the field of a jwt setting that is wrong', () => {
    const parse = (jwt: unknown): string => {
      const result = parseConfig({ jwt }, 'apigw.config.json', '/virtual');
      return result.ok ? 'ok' : result.message;
    };
    assert.equal(parse({ verifySignature: false }), 'ok');
    assert.match(parse({ verifySignature: 'no' }), /"jwt\.verifySignature" must be true or false, not "no"/);
    assert.match(parse({ jwks: 3 }), /"jwt\.jwks" must be the path of a JWKS file/);
    assert.match(parse({ cognitoEndpoint: 'localhost' }), /"jwt\.cognitoEndpoint" must be an http\(s\) URL/);
    assert.match(parse({ verify: false }), /"jwt\.verify" is not a setting/);
  });

  it('refuses to load a config whose JWKS file is missing or is not a key set, naming jwt.jwks', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apigw-jwks-'));
    const config = path.join(dir, 'apigw.config.json');
    fs.writeFileSync(config, JSON.stringify({ jwt: { jwks: 'missing.json' } }));
    const missing = await loadConfig(path.join(dir, 'openapi.json'), nodeFileSystem, config);
    assert.ok(!missing.ok);
    assert.match(missing.message, /"jwt\.jwks": cannot read .*missing\.json \(the file does not exist\)/);
    fs.writeFileSync(path.join(dir, 'bad.json'), '{"not": "keys"}');
    fs.writeFileSync(config, JSON.stringify({ jwt: { jwks: 'bad.json' } }));
    const bad = await loadConfig(path.join(dir, 'openapi.json'), nodeFileSystem, config);
    assert.ok(!bad.ok);
    assert.match(bad.message, /"jwt\.jwks": .*bad\.json is not a JSON Web Key Set/);
  });

  it("finds a Cognito user pool's keys at its well-known JWKS URL, or under a local Cognito", () => {
    assert.deepEqual(cognitoPool('arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_AbC'), {
      poolId: 'eu-west-1_AbC',
      issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC',
      jwksUrl: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC/.well-known/jwks.json',
    });
    assert.equal(
      cognitoPool('arn:aws:cognito-idp:us-east-1:1:userpool/us-east-1_X', 'http://127.0.0.1:9229')?.jwksUrl,
      'http://127.0.0.1:9229/us-east-1_X/.well-known/jwks.json',
    );
    assert.equal(cognitoPool('arn:aws:lambda:us-east-1:1:function:f'), undefined);
  });

  it('looks for the discovery document under the issuer, without a doubled slash', () => {
    assert.equal(discoveryUrl('https://id.example.com/'), 'https://id.example.com/.well-known/openid-configuration');
    assert.equal(
      discoveryUrl('https://id.example.com/tenant'),
      'https://id.example.com/tenant/.well-known/openid-configuration',
    );
  });
});
