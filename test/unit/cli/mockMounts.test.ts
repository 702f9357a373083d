// apigw mock with mounts: --mount /path=file and the "mounts" of apigw.config.json, one port, base paths removed
// before each API routes the request, 403 Forbidden under no base path; every bad input refused with a clear message.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { runMock } from '../../../src/cli/commands/mock';
import type { CliIo } from '../../../src/cli/io';
import { main } from '../../../src/cli/main';
import { fixture, repoRoot } from '../helpers/paths';

const dir = fixture('runtime', 'mounts');

async function run(cwd: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => (out += t), err: (t) => (err += t), cwd };
  const code = await main(['mock', ...argv], io);
  return { code, out, err };
}

/** Starts `apigw mock ARGV` in `cwd`, calls `use` with the base URL, then stops it; resolves to stderr. */
async function serving(cwd: string, argv: string[], use: (url: string) => Promise<void>): Promise<string> {
  let err = '';
  let printed: (line: string) => void = () => undefined;
  const firstLine = new Promise<string>((resolve) => (printed = resolve));
  const io: CliIo = { out: (t) => printed(t.trim()), err: (t) => (err += t), cwd };
  let stop: (signal: string) => void = () => undefined;
  const stopped = new Promise<string>((resolve) => (stop = resolve));
  const running = runMock([...argv, '--port', '0'], io, { wait: () => stopped });
  const url = await Promise.race([
    firstLine,
    running.then((code) => assert.fail(`apigw mock ended (${code}) before printing its URL: ${err}`)),
  ]);
  try {
    await use(url);
  } finally {
    stop('SIGTERM');
  }
  assert.equal(await running, 0, err);
  return err;
}

describe('apigw mock --mount', () => {
  it('serves two definitions on one port under their base paths, and 403 Forbidden elsewhere', async () => {
    const err = await serving(
      repoRoot,
      [
        '--mount',
        `/v1=${path.join(dir, 'context-rest.yaml')}`,
        '--mount',
        `/v1/orders=${path.join(dir, 'echo-http.yaml')}`,
      ],
      async (url) => {
        assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
        const pet = (await (await fetch(`${url}/v1/pets/3`)).json()) as Record<string, string>;
        assert.deepEqual([pet.route, pet.id, pet.path, pet.resourcePath], ['pet', '3', '/v1/pets/3', '/pets/{id}']);
        const item = (await (await fetch(`${url}/v1/orders/items/9`)).json()) as Record<string, string>;
        assert.deepEqual([item.routeKey, item.id], ['GET /items/{id}', '9']);
        const none = await fetch(`${url}/elsewhere`);
        assert.equal(none.status, 403);
        assert.deepEqual(await none.json(), { message: 'Forbidden' });
      },
    );
    assert.match(err, /apigw mock: serving Mounted REST API at \/v1\n/);
    assert.match(err, /apigw mock: serving Mounted HTTP API at \/v1\/orders\n/);
    assert.match(err, /GET \/v1\/pets\/3 200 \d+ ms \(GET \/pets\/\{id\}\)/);
    assert.match(err, /apigw mock: stopped \(SIGTERM\)/);
  });

  it('reads "mounts" from apigw.config.json when no DEFINITION is given (files relative to the config)', async () => {
    await serving(dir, [], async (url) => {
      const root = (await (await fetch(`${url}/v1`)).json()) as Record<string, string>;
      assert.equal(root.route, 'root');
      const item = await fetch(`${url}/v1/orders/items/1`);
      assert.equal(item.status, 200);
    });
    // --config names the file that holds the mounts.
    await serving(repoRoot, ['--config', path.join(dir, 'apigw.config.json')], async (url) => {
      assert.equal((await fetch(`${url}/v1/pets/1`)).status, 200);
    });
  });

  it('refuses bad mounts with a clear message and the usage (exit 2)', async () => {
    const a = path.join(dir, 'context-rest.yaml');
    const cases: [string[], RegExp][] = [
      [['--mount', 'context-rest.yaml'], /--mount 'context-rest\.yaml' is not \/path=file/],
      [['--mount', `/v1=${a}`, '--mount', `/v1/=${a}`], /two mounts on the base path \/v1/],
      [['--mount', '/v1=nope.yaml'], /mount \/v1: .*nope\.yaml does not exist/],
      [['--mount', `/v1=${a}`, a], /give one DEFINITION, or --mount \/path=file for several, not both/],
      [['--mount', `/v1=${a}`, '--stage', 'dev'], /--stage and --api apply to one DEFINITION/],
      [[], /give exactly one DEFINITION file, or --mount \/path=file/],
    ];
    for (const [argv, message] of cases) {
      const { code, err } = await run(repoRoot, ...argv);
      assert.equal(code, 2, argv.join(' '));
      assert.match(err, message);
      assert.match(err, /usage: apigw mock/);
    }
  });

  it('says what is wrong with the "mounts" of a config', async () => {
    const { code, err } = await run(fixture('runtime', 'mounts', 'bad'));
    assert.equal(code, 2);
    assert.match(err, /"mounts"\."\/v 1": a base path may hold only/);
  });
});
