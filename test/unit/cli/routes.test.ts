import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import { main } from '../../../src/cli/main';
import type { CliIo } from '../../../src/cli/io';
import { fixturesDir, repoRoot } from '../helpers/paths';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => (out += t), err: (t) => (err += t), cwd: fixturesDir };
  const code = await main(argv, io);
  return { code, out, err };
}

describe('apigw routes', () => {
  it('lists one JSON entry per method, any-method as ANY, with ranges at the method key', async () => {
    const { code, out, err } = await run('routes', '--format', 'json', 'cli/shop.yaml');
    assert.equal(err, '');
    assert.equal(code, 0);
    const entries = JSON.parse(out) as { method: string; path: string; range: { start: { line: number } } }[];
    assert.deepEqual(
      entries.map((e) => [e.method, e.path, e.range.start.line]),
      [
        ['GET', '/orders', 6],
        ['POST', '/orders', 11],
        ['ANY', '/orders/{id}', 17],
      ],
    );
    const parsed = JSON.parse(out) as Record<string, unknown>[];
    assert.deepEqual(parsed[0], {
      api: 'Shop API',
      type: 'REST',
      method: 'GET',
      path: '/orders',
      integration: {
        type: 'AWS_PROXY',
        uri: 'arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:111122223333:function:Orders/invocations',
      },
      range: entries[0]!.range,
    });
    assert.deepEqual(parsed[1]!['integration'], { type: 'MOCK', uri: null });
  });

  it('prints a table by default', async () => {
    const { code, out } = await run('routes', 'cli/shop.yaml');
    assert.equal(code, 0);
    assert.ok(out.startsWith('Shop API (REST)  cli/shop.yaml\n'), out);
    assert.ok(out.includes('  ANY    /orders/{id}  HTTP_PROXY https://orders.internal.example/{id}  (line 18)\n'), out);
  });

  it('--type overrides the type', async () => {
    const { out } = await run('routes', '--format', 'json', '--type', 'http', 'cli/shop.yaml');
    assert.deepEqual(
      (JSON.parse(out) as { type: string }[]).map((e) => e.type),
      ['HTTP', 'HTTP', 'HTTP'],
    );
  });

  it('exits 2 with file and line when the file has YAML syntax errors', async () => {
    const { code, err } = await run('routes', 'cli/not-yaml.yaml');
    assert.equal(code, 2);
    assert.match(err, /^cli\/not-yaml\.yaml:3:1: error apigw\.parse\.yamlSyntax: YAML syntax error: /m);
  });

  it('exits 2 when the file is binary', async () => {
    const { code, out, err } = await run('routes', 'cli/binary.yaml');
    assert.equal(code, 2);
    assert.equal(out, '');
    assert.match(err, /^apigw: cli\/binary\.yaml:1:1: error apigw\.read\.binary: .*not a text file/);
  });

  it('exits 2 when the file is not an API definition', async () => {
    const { code, err } = await run('routes', 'cli/not-an-api.yaml');
    assert.equal(code, 2);
    assert.match(err, /cli\/not-an-api\.yaml:1:1: error apigw\.read\.notApiDefinition: .*not an API definition/);
  });

  it('exits 2 when the file does not exist', async () => {
    const { code, err } = await run('routes', 'cli/missing.yaml');
    assert.equal(code, 2);
    assert.match(err, /cli\/missing\.yaml:1:1: error apigw\.read\.unreadable: /);
  });

  it('exits 2 on usage errors with the usage text', async () => {
    for (const argv of [
      ['routes'],
      ['routes', '--format', 'xml', 'x.yaml'],
      ['routes', '--type', 'soap', 'x.yaml'],
      ['routes', '--bogus', 'x'],
    ]) {
      const { code, err } = await run(...argv);
      assert.equal(code, 2, argv.join(' '));
      assert.match(err, /usage: apigw routes DEFINITION/, argv.join(' '));
    }
    assert.match((await run('routes', '--format', 'xml', 'x.yaml')).err, /--format must be text or json, not 'xml'/);
    assert.match(
      (await run('routes', '--type', 'soap', 'x.yaml')).err,
      /--type must be rest, http or websocket, not 'soap'/,
    );
    const unknown = await run('frobnicate');
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /unknown command 'frobnicate'/);
  });

  it('runs as the bundled dist/cli.js with the same exit codes', () => {
    const cli = path.join(repoRoot, 'dist', 'cli.js');
    const ok = spawnSync(
      process.execPath,
      [cli, 'routes', '--format', 'json', path.join(fixturesDir, 'cli', 'shop.yaml')],
      { encoding: 'utf8' },
    );
    assert.equal(ok.status, 0, ok.stderr);
    assert.equal((JSON.parse(ok.stdout) as unknown[]).length, 3);
    const bad = spawnSync(process.execPath, [cli, 'routes', path.join(fixturesDir, 'cli', 'not-yaml.yaml')], {
      encoding: 'utf8',
    });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /apigw\.parse\.yamlSyntax/);
  });
});
