import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AccessRecord } from '../../../../src/runtime/accessLog/accessRecord';
import { clfFormats, compileAccessLogFormat } from '../../../../src/runtime/accessLog/format';
import type { ApiType } from '../../../../src/model';

/** 09/Apr/2015:12:34:56 +0000, the developer guide's example time. */
const startedAt = Date.UTC(2015, 3, 9, 12, 34, 56);

function record(apiType: ApiType, more: Partial<AccessRecord> = {}): AccessRecord {
  return {
    apiType,
    requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
    startedAt,
    stage: 'prod',
    status: 200,
    responseLatencyMs: 12.4,
    responseLength: 42,
    requestLength: 8,
    domainName: 'abc123.execute-api.us-east-1.amazonaws.com',
    identity: { sourceIp: '192.0.2.1' },
    ...more,
  };
}

function render(format: string, type: ApiType, r: AccessRecord): string {
  const compiled = compileAccessLogFormat(format, type);
  assert.ok(compiled.ok, compiled.ok ? '' : compiled.message);
  return compiled.format.render(r);
}

describe('access log formats: the CLF presets', () => {
  it("REST: the developer guide's CLF, '-' for the caller and user of a request without IAM", () => {
    const line = render(
      clfFormats.REST,
      'REST',
      record('REST', { httpMethod: 'GET', resourcePath: '/pets/{id}', protocol: 'HTTP/1.1' }),
    );
    assert.equal(
      line,
      '192.0.2.1 - - [09/Apr/2015:12:34:56 +0000] "GET /pets/{id} HTTP/1.1" 200 42 c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
    );
  });

  it('REST: an IAM-signed caller fills caller and user', () => {
    const identity = { sourceIp: '192.0.2.1', caller: 'AIDAEXAMPLE', user: 'AIDAEXAMPLE' };
    const line = render(clfFormats.REST, 'REST', record('REST', { identity, httpMethod: 'GET', resourcePath: '/' }));
    assert.match(line, /^192\.0\.2\.1 AIDAEXAMPLE AIDAEXAMPLE \[/);
  });

  it('HTTP: the route key in place of the resource', () => {
    const r = record('HTTP', { httpMethod: 'PUT', routeKey: 'PUT /items/{id}', protocol: 'HTTP/1.1', status: 202 });
    assert.equal(
      render(clfFormats.HTTP, 'HTTP', r),
      '192.0.2.1 - - [09/Apr/2015:12:34:56 +0000] "PUT PUT /items/{id} HTTP/1.1" 202 42 c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
    );
  });

  it('WebSocket: event type, route key and connection id', () => {
    const r = record('WEBSOCKET', {
      routeKey: '$connect',
      websocket: { connectionId: 'L0SM9cOFvHcCIhw=', connectedAt: startedAt, eventType: 'CONNECT' },
    });
    assert.equal(
      render(clfFormats.WEBSOCKET, 'WEBSOCKET', r),
      '192.0.2.1 - - [09/Apr/2015:12:34:56 +0000] "CONNECT $connect L0SM9cOFvHcCIhw=" 200 c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
    );
  });

  it('every preset compiles without a warning for its API type', () => {
    for (const type of ['REST', 'HTTP', 'WEBSOCKET'] as const) {
      const compiled = compileAccessLogFormat(clfFormats[type], type);
      assert.ok(compiled.ok);
      assert.deepEqual(compiled.warnings, [], type);
    }
  });
});

describe('access log formats: variables by API type', () => {
  it("prints '-' for what has no value, '0' and numbers as they are", () => {
    const r = record('REST', { responseLength: 0 });
    assert.equal(
      render(
        '$context.requestId $context.responseLength $context.integrationLatency $context.error.message $context.identity.userAgent $context.xrayTraceId',
        'REST',
        r,
      ),
      'c6af9ac6-7b61-11e6-9a41-93e8deadbeef 0 - - - -',
    );
  });

  it('rounds latencies to whole milliseconds and prints the epoch time in ms', () => {
    const r = record('HTTP', { integration: { latencyMs: 3.6, status: 201 } });
    assert.equal(
      render(
        '$context.requestId $context.responseLatency $context.integrationLatency $context.integration.latency $context.requestTimeEpoch',
        'HTTP',
        r,
      ),
      `c6af9ac6-7b61-11e6-9a41-93e8deadbeef 12 4 4 ${startedAt}`,
    );
  });

  it('HTTP: $context.dataProcessed is request plus response bytes', () => {
    assert.equal(
      render('$context.requestId $context.dataProcessed', 'HTTP', record('HTTP')),
      `${record('HTTP').requestId} 50`,
    );
  });

  it('quotes $context.error.messageString and gives the response type', () => {
    const r = record('REST', {
      status: 403,
      error: { message: 'Missing Authentication Token', responseType: 'MISSING_AUTHENTICATION_TOKEN' },
    });
    assert.equal(
      render('$context.requestId $context.error.messageString $context.error.responseType', 'REST', r),
      `${r.requestId} "Missing Authentication Token" MISSING_AUTHENTICATION_TOKEN`,
    );
  });

  it('REST: Lambda authorizer context values and principalId, Cognito claims', () => {
    const r = record('REST', {
      authorizer: {
        principalId: 'user|a1',
        tenant: 'acme',
        numKey: 1,
        boolKey: true,
        claims: { sub: 'u-1', 'cognito:groups': 'admins' },
      },
    });
    assert.equal(
      render(
        '$context.requestId $context.authorizer.principalId $context.authorizer.tenant $context.authorizer.numKey $context.authorizer.boolKey $context.authorizer.claims.sub $context.authorizer.claims.cognito:groups $context.authorizer.missing',
        'REST',
        r,
      ),
      `${r.requestId} user|a1 acme 1 true u-1 admins -`,
    );
  });

  it('HTTP: JWT claims under authorizer.jwt and a Lambda authorizer context under authorizer.lambda', () => {
    const jwt = record('HTTP', { authorizer: { jwt: { claims: { sub: 'user-1' }, scopes: null } } });
    assert.equal(render('$context.requestId $context.authorizer.claims.sub', 'HTTP', jwt), `${jwt.requestId} user-1`);
    const lambda = record('HTTP', { authorizer: { lambda: { tenant: 'acme' } } });
    assert.equal(render('$context.requestId $context.authorizer.tenant', 'HTTP', lambda), `${lambda.requestId} acme`);
  });

  it("never reads inherited properties for a user's key ($context.authorizer.constructor prints '-')", () => {
    const r = record('REST', { authorizer: { principalId: 'p' } });
    assert.equal(render('$context.requestId $context.authorizer.constructor', 'REST', r), `${r.requestId} -`);
  });

  it('a full stop after a variable is not part of its name', () => {
    assert.equal(
      render('Request $context.requestId answered $context.status.', 'REST', record('REST')),
      `Request ${record('REST').requestId} answered 200.`,
    );
  });

  it("warns about a variable the API type's access log does not have, and prints '-' for it", () => {
    for (const [type, name] of [
      ['REST', 'connectionId'],
      ['REST', 'routeKey'],
      ['HTTP', 'resourcePath'],
      ['WEBSOCKET', 'httpMethod'],
      ['HTTP', 'nosuchThing'],
    ] as const) {
      const compiled = compileAccessLogFormat(`$context.requestId $context.${name}`, type);
      assert.ok(compiled.ok);
      assert.deepEqual(compiled.warnings, [
        `the access log format names $context.${name}, which is not a variable of ${type === 'HTTP' ? 'an' : 'a'} ${type} API's access log (see the API Gateway developer guide's access logging variables): it prints '-'.`,
      ]);
      assert.equal(compiled.format.render(record(type)), `${record(type).requestId} -`);
    }
  });
});

describe('access log formats: bad formats', () => {
  const message = (text: string): string => {
    const compiled = compileAccessLogFormat(text, 'REST');
    assert.equal(compiled.ok, false, text);
    return compiled.ok ? '' : compiled.message;
  };

  it('refuses an empty format, a line break and a bare $context, saying what to do', () => {
    assert.equal(message('  '), 'the access log format is empty.');
    assert.equal(
      message('$context.requestId\n$context.status'),
      'the access log format has a line break: a format is one line (AWS refuses line breaks); join its lines.',
    );
    assert.equal(
      message('$context.requestId $context'),
      'the access log format has a bare $context at column 20: name a variable, such as $context.requestId.',
    );
  });

  it('warns without $context.requestId or $context.extendedRequestId (AWS requires one)', () => {
    const compiled = compileAccessLogFormat('$context.status', 'HTTP');
    assert.ok(compiled.ok);
    assert.deepEqual(compiled.warnings, [
      'the access log format has neither $context.requestId nor $context.extendedRequestId: AWS refuses such a format when it is deployed; add one.',
    ]);
    assert.deepEqual(compileAccessLogFormat('$context.extendedRequestId', 'HTTP').warnings, []);
  });

  it('warns about a JSON format that is not JSON once filled (an unbalanced brace, a missing comma)', () => {
    const unbalanced = compileAccessLogFormat('{"requestId":"$context.requestId", "status": $context.status', 'REST');
    assert.ok(unbalanced.ok);
    assert.equal(unbalanced.warnings.length, 1);
    assert.match(
      unbalanced.warnings[0]!,
      /^the access log format looks like JSON but is not valid JSON once filled \(/,
    );
    const fine = compileAccessLogFormat('{"requestId":"$context.requestId", "status": $context.status}', 'REST');
    assert.deepEqual(fine.warnings, []);
  });

  it('warns about a format without any variable', () => {
    const compiled = compileAccessLogFormat('hello', 'REST');
    assert.ok(compiled.ok);
    assert.ok(
      compiled.warnings.includes('the access log format names no $context variable: every line is the same text.'),
    );
  });
});
