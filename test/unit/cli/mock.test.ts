import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { describe, it } from 'node:test';
import { runMock } from '../../../src/cli/commands/mock';
import { main } from '../../../src/cli/main';
import type { CliIo } from '../../../src/cli/io';
import { fixture, repoRoot } from '../helpers/paths';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => (out += t), err: (t) => (err += t), cwd: repoRoot };
  const code = await main(argv, io);
  return { code, out, err };
}

describe('apigw mock', () => {
  it('prints the base URL first, serves the API there, and stops cleanly on SIGTERM', async () => {
    const cli = path.join(repoRoot, 'dist', 'cli.js');
    const definition = fixture('runtime', 'apis', 'routing-rest.yaml');
    const child = spawn(process.execPath, [cli, 'mock', definition, '--port', '0', '--stage', 'dev'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const firstLine = await new Promise<string>((resolve, reject) => {
        const lines = createInterface({ input: child.stdout });
        lines.once('line', resolve);
        child.once('exit', () => reject(new Error(`apigw mock exited before printing its URL: ${stderr}`)));
      });
      assert.match(firstLine, /^http:\/\/127\.0\.0\.1:\d+\/dev$/);
      const response = await fetch(`${firstLine}/items/special`);
      assert.equal(response.status, 200);
      assert.deepEqual(await response.json(), { route: 'special' });
      assert.equal((await fetch(`${firstLine}/nowhere`)).status, 403);
    } finally {
      child.kill('SIGTERM');
    }
    assert.equal(await exited, 0, stderr);
    assert.match(stderr, /apigw mock: stopped \(SIGTERM\)/);
    assert.match(stderr, /GET \/dev\/items\/special 200 \d+ ms \(GET \/items\/special\)/);
    // Why the gateway answered itself is logged under the request.
    assert.match(stderr, /GET \/dev\/nowhere 403 \d+ ms\n {2}MISSING_AUTHENTICATION_TOKEN 403: /);
  });

  it('--check-responses strict answers 502 for a response that does not match, and logs each mismatch', async () => {
    let err = '';
    let printed: (line: string) => void = () => undefined;
    const firstLine = new Promise<string>((resolve) => (printed = resolve));
    const io: CliIo = { out: (t) => printed(t.trim()), err: (t) => (err += t), cwd: repoRoot };
    let stop: (signal: string) => void = () => undefined;
    const stopped = new Promise<string>((resolve) => (stop = resolve));
    const definition = fixture('cli', 'test', 'shop.yaml');
    const running = runMock([definition, '--port', '0', '--check-responses', 'strict'], io, { wait: () => stopped });
    const url = await Promise.race([
      firstLine,
      running.then((code) => assert.fail(`apigw mock ended (exit ${code}) before printing its URL: ${err}`)),
    ]);
    const dear = await fetch(`${url}/items/2`);
    assert.equal(dear.status, 502);
    assert.deepEqual(await dear.json(), {
      message: 'The response does not match the API definition',
      status: 200,
      mismatches: [`/price must be number — shop.yaml:82`],
    });
    assert.equal((await fetch(`${url}/items/1`)).status, 200);
    stop('SIGTERM');
    assert.equal(await running, 0);
    assert.match(
      err,
      /GET \/local\/items\/2 502 \d+ ms \(GET \/items\/\{id\}\)\n {2}warning: The response does not match the definition: \/price must be number — shop\.yaml:82\n {2}CONTRACT_MISMATCH 502: /,
    );
  });

  it('refuses a --check-responses mode it does not know with exit 2 and the modes', async () => {
    const { code, out, err } = await run('mock', 'examples/pets-rest/openapi.yaml', '--check-responses', 'loud');
    assert.equal(code, 2);
    assert.equal(out, '');
    assert.match(err, /^apigw mock: --check-responses must be warn, strict or off, not 'loud'\nusage: apigw mock /);
  });

  it('refuses a missing definition file with exit 2 and the reason', async () => {
    const { code, out, err } = await run('mock', 'no/such/api.yaml', '--port', '0');
    assert.equal(code, 2);
    assert.equal(out, '');
    assert.match(
      err,
      /apigw mock: cannot start: .*api\.yaml.*Cannot read api\.yaml: the file does not exist\. Check the path\./,
    );
  });

  it('serves a WebSocket API: prints the ws:// base URL first, answers @connections on the same port', async () => {
    const cli = path.join(repoRoot, 'dist', 'cli.js');
    const definition = fixture('runtime', 'websocket', 'chat.yaml');
    const child = spawn(process.execPath, [cli, 'mock', definition, '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const firstLine = await new Promise<string>((resolve, reject) => {
        const lines = createInterface({ input: child.stdout });
        lines.once('line', resolve);
        child.once('exit', () => reject(new Error(`apigw mock exited before printing its URL: ${stderr}`)));
      });
      assert.match(firstLine, /^ws:\/\/127\.0\.0\.1:\d+\/local$/);
      const gone = await fetch(`${firstLine.replace(/^ws/, 'http')}/@connections/nobody`);
      assert.equal(gone.status, 410);
    } finally {
      child.kill('SIGTERM');
    }
    assert.equal(await exited, 0, stderr);
    assert.match(stderr, /apigw mock: serving Chat/);
  });

  it('checks its options', async () => {
    const noFile = await run('mock');
    assert.equal(noFile.code, 2);
    assert.match(noFile.err, /^apigw mock: give exactly one DEFINITION file, or --mount \/path=file/);
    const badPort = await run('mock', 'x.yaml', '--port', 'eighty');
    assert.equal(badPort.code, 2);
    assert.match(badPort.err, /^apigw mock: --port must be a number from 0 to 65535, not 'eighty'\n/);
    const badConfig = await run(
      'mock',
      fixture('runtime', 'apis', 'routing-rest.yaml'),
      '--port',
      '0',
      '--config',
      'missing.json',
    );
    assert.equal(badConfig.code, 2);
    assert.match(
      badConfig.err,
      /Cannot read the config .*missing\.json: the file does not exist\. Check the --config path\./,
    );
  });
});
