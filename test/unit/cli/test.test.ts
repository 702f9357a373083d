import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { main } from '../../../src/cli/main';
import type { CliIo } from '../../../src/cli/io';
import { MockRuntime } from '../../../src/runtime';
import { fixture, repoRoot } from '../helpers/paths';
import { closedPort } from '../runtime/backend';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => (out += t), err: (t) => (err += t), cwd: repoRoot };
  const code = await main(argv, io);
  return { code, out, err };
}

/** The output without what changes from run to run (the mock's port). */
const stable = (text: string): string => text.replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:PORT');

const shop = fixture('cli', 'test', 'shop.yaml');
const shopLine = (needle: string, after?: string): number => {
  const lines = fs.readFileSync(shop, 'utf8').split('\n');
  const start = after === undefined ? 0 : lines.findIndex((l) => l.includes(after));
  return lines.findIndex((l, i) => i >= start && l.includes(needle)) + 1;
};

describe('apigw test', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'apigw-test-'));
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('sends every example to a mock started for it and exits 0 when every answer matches', async () => {
    const { code, out, err } = await run('test', shop, '--skip', 'getItem', '--header', 'Authorization: Bearer good');
    assert.equal(code, 0, out + err);
    assert.equal(
      stable(out),
      [
        'apigw test: Shop (REST) at http://127.0.0.1:PORT/local (a mock started for the test)',
        'PASS  POST /items (addItem) [example] → 201',
        'PASS  GET /secret (secret) → 200',
        'PASS  GET /private (private) → 200',
        '3 requests: 3 passed, 0 failed, 0 skipped',
        '',
      ].join('\n'),
    );
  });

  it('exits 1 on a mismatch, naming the JSON pointer and the line; a refused request is skipped with the reason', async () => {
    const report = path.join(tmp, 'junit.xml');
    const { code, out } = await run('test', 'test/fixtures/cli/test/shop.yaml', '--report', report);
    assert.equal(code, 1, out);
    const price = shopLine('price: {type: number}');
    assert.equal(
      stable(out),
      [
        'apigw test: Shop (REST) at http://127.0.0.1:PORT/local (a mock started for the test)',
        'PASS  GET /items/{id} (getItem) [cheap] → 200',
        'FAIL  GET /items/{id} (getItem) [dear] → 200: the 200 response does not match the definition',
        `        /price must be number — shop.yaml:${price}`,
        'PASS  POST /items (addItem) [example] → 201',
        'PASS  GET /secret (secret) → 200',
        "SKIP  GET /private (private) → 401: the gateway refused the request: UNAUTHORIZED 401: Authorizer 'token': the identity source (Authorization header) is missing or does not match identityValidationExpression.; send credentials with --header 'Name: value'",
        '5 requests: 3 passed, 1 failed, 1 skipped',
        '',
      ].join('\n'),
    );
    const xml = stable(fs.readFileSync(report, 'utf8'));
    assert.match(
      xml,
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="apigw test" tests="5" failures="1" errors="0" skipped="1" time="[\d.]+">\n/,
    );
    assert.match(
      xml,
      /\n {2}<testsuite name="Shop" tests="5" failures="1" errors="0" skipped="1" time="[\d.]+" timestamp="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ">\n/,
    );
    assert.match(xml, /<property name="baseUrl" value="http:\/\/127\.0\.0\.1:PORT\/local"\/>/);
    assert.match(
      xml,
      new RegExp(
        `<testcase name="GET /items/\\{id\\} \\(getItem\\) \\[dear\\]" classname="Shop.getItem" time="[\\d.]+">\\n {6}<failure message="the 200 response does not match the definition: /price must be number — shop.yaml:${price}" type="ContractMismatch">the 200 response does not match the definition\\n/price must be number — shop.yaml:${price}</failure>\\n {6}<system-out>GET http://127.0.0.1:PORT/local/items/2\\n→ 200</system-out>\\n {4}</testcase>`,
      ),
    );
    assert.match(
      xml,
      /<testcase name="POST \/items \(addItem\) \[example\]" classname="Shop.addItem" time="[\d.]+">\n {6}<system-out>POST http:\/\/127.0.0.1:PORT\/local\/items\ncontent-type: application\/json\n\n\{"id":3,"price":9.5\}\n→ 201<\/system-out>/,
    );
    assert.match(
      xml,
      /<skipped message="the gateway refused the request: UNAUTHORIZED 401: Authorizer &apos;token&apos;: /,
    );
  });

  it('checks a URL given with --base-url (a deployed stage): REST gateway responses are told by x-amzn-ErrorType', async () => {
    const runtime = new MockRuntime({ file: shop, watch: false, checkResponses: 'off' });
    const base = await runtime.start(0, '127.0.0.1');
    try {
      const { code, out } = await run(
        'test',
        shop,
        '--base-url',
        `${base}/`,
        '--operation',
        'secret',
        '--operation',
        'addItem',
      );
      assert.equal(code, 0, out);
      assert.equal(
        stable(out),
        [
          'apigw test: Shop (REST) at http://127.0.0.1:PORT/local',
          'PASS  POST /items (addItem) [example] → 201',
          "SKIP  GET /secret (secret) → 403: the gateway refused the request: 403 ForbiddenException: Forbidden; send credentials with --header 'Name: value'",
          '2 requests: 1 passed, 0 failed, 1 skipped',
          '',
        ].join('\n'),
      );
      const keyed = await run(
        'test',
        shop,
        '--base-url',
        base,
        '--operation',
        'secret',
        '--header',
        'x-api-key: shop-key',
      );
      assert.equal(keyed.code, 0, keyed.out);
      assert.match(keyed.out, /\nPASS {2}GET \/secret \(secret\) → 200\n/);
    } finally {
      await runtime.stop();
    }
  });

  it('refuses a bad --base-url as a usage error (exit 2), and says so when the URL cannot be reached', async () => {
    for (const url of ['not a url', 'ftp://example.com/prod', 'https://example.com/prod?stage=1']) {
      const { code, out, err } = await run('test', shop, '--base-url', url);
      assert.equal(code, 2, url);
      assert.equal(out, '');
      assert.match(
        err,
        /^apigw test: --base-url must (be an http\(s\) URL such as https:\/\/a1b2c3d4e5\.execute-api\.us-east-1\.amazonaws\.com\/prod, not '.*'|not have a query or a fragment: .*)\nusage: apigw test DEFINITION/,
      );
    }
    const down = await closedPort();
    const { code, err } = await run('test', shop, '--base-url', `http://${down}/prod`);
    assert.equal(code, 2);
    assert.equal(err, `apigw test: cannot reach http://${down}/prod (ECONNREFUSED): check --base-url.\n`);
  });

  it("signs an IAM route's requests to the mock with the config's first local credential; says why when it cannot", async () => {
    const iam = fixture('cli', 'test', 'iam', 'api.yaml');
    // The route answers $context.identity.user, and its schema allows only alice: the first credential signed.
    const signed = await run('test', iam);
    assert.equal(signed.code, 0, signed.out + signed.err);
    assert.match(signed.out, /^PASS {2}GET \/orders \(listOrders\) → 200$/m);
    assert.match(signed.out, /2 requests: 2 passed, 0 failed, 0 skipped/);

    const none = await run('test', iam, '--config', fixture('cli', 'test', 'iam', 'no-credentials.json'));
    assert.equal(none.code, 0, none.out + none.err);
    assert.match(
      none.out,
      /^SKIP {2}GET \/orders \(listOrders\) → 403: the gateway refused the request: MISSING_AUTHENTICATION_TOKEN 403: .*; GET \/orders uses IAM authorization, but apigw\.config\.json lists no "iam": \{"credentials": \[\.\.\.\]\} to sign with: sent unsigned\.$/m,
    );

    // An Authorization header given on the command line is sent as it is, not replaced by a signature.
    const given = await run('test', iam, '--header', 'Authorization: AWS4-HMAC-SHA256 Credential=bogus');
    assert.match(given.out, /^SKIP {2}GET \/orders \(listOrders\) → 403: the gateway refused the request: /m);
  });

  it('refuses operations the API does not have, and WebSocket APIs', async () => {
    const unknown = await run('test', shop, '--skip', 'nope');
    assert.equal(unknown.code, 2);
    assert.match(
      unknown.err,
      /^apigw test: Shop has no operation 'nope' \(operations: getItem, addItem, secret, private\)\n/,
    );
    const websocket = await run('test', fixture('runtime', 'websocket', 'chat.yaml'));
    assert.equal(websocket.code, 2);
    assert.match(websocket.err, /is a WebSocket API; apigw test sends HTTP requests to REST and HTTP APIs\.\n$/);
  });
});

describe('apigw test on the examples', () => {
  let token = '';
  before(() => {
    token = fs.readFileSync(path.join(repoRoot, 'examples', 'notes-http', 'sample-token.txt'), 'utf8').trim();
  });

  it('pets-rest: the handlers answer as the definition says; backends that are not running fail, with a hint', async () => {
    const all = await run('test', 'examples/pets-rest/openapi.yaml');
    assert.equal(all.code, 1, all.out + all.err);
    assert.match(
      all.out,
      /\nPASS {2}GET \/pets \(listPets\) → 200\nPASS {2}POST \/pets \(createPet\) \[generated\] → 201\n/,
    );
    assert.match(
      all.out,
      /\nFAIL {2}GET \/quotes \(listQuotes\) → 500: the gateway answered itself: INTEGRATION_FAILURE 500: GET http:\/\/127\.0\.0\.1:4011\/quotes could not be reached/,
    );
    assert.match(all.out, /Leave out what cannot run here with --skip listQuotes --skip legacyProxy\.\n$/);
    const { code, out, err } = await run(
      'test',
      'examples/pets-rest/openapi.yaml',
      '--skip',
      'listQuotes',
      '--skip',
      'legacyProxy',
    );
    assert.equal(code, 0, out + err);
    assert.match(out, /\n4 requests: 4 passed, 0 failed, 0 skipped\n$/);
  });

  it('notes-http: with the sample token every Lambda route matches its definition', async () => {
    const { code, out, err } = await run(
      'test',
      'examples/notes-http/openapi.json',
      '--header',
      `Authorization: Bearer ${token}`,
      '--skip',
      'status',
    );
    assert.equal(code, 0, out + err);
    assert.equal(
      stable(out),
      [
        'apigw test: Notes HTTP API (HTTP) at http://127.0.0.1:PORT/local (a mock started for the test)',
        'PASS  GET /notes (listNotes) → 200',
        'PASS  POST /notes (createNote) [generated] → 201',
        'PASS  GET /notes/{noteId} (getNote) [generated] → 200',
        'PASS  DELETE /notes/{noteId} (deleteNote) [generated] → 204',
        '4 requests: 4 passed, 0 failed, 0 skipped',
        '',
      ].join('\n'),
    );
  });
});
