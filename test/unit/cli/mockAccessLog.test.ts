import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { runMock } from '../../../src/cli/commands/mock';
import { main } from '../../../src/cli/main';
import type { CliIo } from '../../../src/cli/io';
import { fixture, repoRoot } from '../helpers/paths';

/** Runs `apigw mock ARGS` in-process; `use(url)` sends requests, then it is stopped as by SIGTERM. */
async function serve(
  args: string[],
  use: (url: string) => Promise<void>,
): Promise<{ code: number; out: string[]; err: string }> {
  let err = '';
  const out: string[] = [];
  let printed: (line: string) => void = () => undefined;
  const firstLine = new Promise<string>((resolve) => (printed = resolve));
  const io: CliIo = {
    out: (t) => {
      out.push(t);
      if (out.length === 1) printed(t.trim());
    },
    err: (t) => (err += t),
    cwd: repoRoot,
  };
  let stop: (signal: string) => void = () => undefined;
  const stopped = new Promise<string>((resolve) => (stop = resolve));
  const running = runMock([...args, '--port', '0'], io, { wait: () => stopped });
  const url = await Promise.race([
    firstLine,
    running.then((code) => assert.fail(`apigw mock ended (exit ${code}) before printing its URL: ${err}`)),
  ]);
  await use(url);
  stop('SIGTERM');
  return { code: await running, out, err };
}

describe('apigw mock --access-log', () => {
  const definition = fixture('runtime', 'apis', 'routing-rest.yaml');

  it('appends one CLF line a request to the file (kept from earlier runs), flushed when the mock stops', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apigw-access-'));
    const file = path.join(dir, 'access.log');
    fs.writeFileSync(file, 'an earlier line\n');
    const ids: string[] = [];
    const { code, err } = await serve([definition, '--stage', 'dev', '--access-log', file], async (url) => {
      for (const p of ['/items/special', '/nowhere']) {
        const response = await fetch(url + p);
        await response.text();
        ids.push(response.headers.get('x-amzn-requestid')!);
      }
    });
    assert.equal(code, 0, err);
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    assert.equal(lines[0], 'an earlier line');
    assert.match(
      lines[1]!,
      new RegExp(
        `^127\\.0\\.0\\.1 - - \\[\\d{2}/\\w{3}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0000\\] "GET /items/special HTTP/1\\.1" 200 \\d+ ${ids[0]}$`,
      ),
    );
    // No route: the resource is the path asked for, and the gateway's 403.
    assert.match(lines[2]!, new RegExp(`"GET /nowhere HTTP/1\\.1" 403 \\d+ ${ids[1]}$`));
    assert.equal(lines[3], '');
    assert.equal(lines.length, 4);
  });

  it("- prints the lines on stdout after the base URL, in the config's format", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apigw-access-'));
    fs.copyFileSync(definition, path.join(dir, 'api.yaml'));
    fs.writeFileSync(
      path.join(dir, 'apigw.config.json'),
      JSON.stringify({
        accessLogFormat: '$context.requestId $context.httpMethod $context.resourcePath $context.status',
      }),
    );
    let id = '';
    const { code, out, err } = await serve([path.join(dir, 'api.yaml'), '--access-log', '-'], async (url) => {
      const response = await fetch(`${url}/items/special`);
      await response.text();
      id = response.headers.get('x-amzn-requestid')!;
    });
    assert.equal(code, 0, err);
    assert.match(out[0]!, /^http:\/\/127\.0\.0\.1:\d+\/local\n$/);
    assert.equal(out.slice(1).join(''), `${id} GET /items/special 200\n`);
  });

  it('prints the load warnings of a format, and its fallback, on stderr', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apigw-access-'));
    fs.copyFileSync(definition, path.join(dir, 'api.yaml'));
    const config = path.join(dir, 'apigw.config.json');
    fs.writeFileSync(config, JSON.stringify({ accessLogFormat: '$context.status $context.connectionId' }));
    const { code, err } = await serve([path.join(dir, 'api.yaml'), '--access-log', '-'], () => Promise.resolve());
    assert.equal(code, 0);
    assert.ok(
      err.includes(
        `apigw mock: ${config} "accessLogFormat": the access log format names $context.connectionId, which is not a variable of a REST API's access log`,
      ),
      err,
    );
    assert.ok(err.includes('neither $context.requestId nor $context.extendedRequestId'), err);
  });

  it('refuses a file it cannot open, and an empty value, with exit 2 and the reason', async () => {
    const missing = path.join(os.tmpdir(), 'no-such-folder-apigw', 'access.log');
    const io = (): { io: CliIo; result: () => { out: string; err: string } } => {
      let out = '';
      let err = '';
      return { io: { out: (t) => (out += t), err: (t) => (err += t), cwd: repoRoot }, result: () => ({ out, err }) };
    };
    const a = io();
    assert.equal(await main(['mock', definition, '--port', '0', '--access-log', missing], a.io), 2);
    assert.match(
      a.result().err,
      new RegExp(
        `^apigw mock: --access-log: cannot open ${missing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} for appending \\(its folder does not exist\\); give a file path, or - for stdout\\n`,
      ),
    );
    const b = io();
    assert.equal(await main(['mock', definition, '--port', '0', '--access-log='], b.io), 2);
    assert.match(b.result().err, /^apigw mock: --access-log needs a file path, or - for stdout\n/);
  });
});

describe('apigw mock --mount --access-log', () => {
  it("logs the requests of every mount, each in its API type's CLF, with the path the client sent", async () => {
    const dir = fixture('runtime', 'mounts');
    const { code, out, err } = await serve(
      [
        '--mount',
        `/v1=${path.join(dir, 'context-rest.yaml')}`,
        '--mount',
        `/orders=${path.join(dir, 'echo-http.yaml')}`,
        '--access-log',
        '-',
      ],
      async (url) => {
        await (await fetch(`${url}/v1/pets/3`)).text();
      },
    );
    assert.equal(code, 0, err);
    assert.match(out.slice(1).join(''), /^127\.0\.0\.1 - - \[[^\]]+\] "GET \/pets\/\{id\} HTTP\/1\.1" 200 \d+ \S+\n$/);
  });
});

describe('apigw mock --metrics', () => {
  it('prints the stage metrics under CloudWatch names and a table per route when it stops', async () => {
    const { code, err } = await serve([fixture('runtime', 'apis', 'routing-rest.yaml'), '--metrics'], async (url) => {
      for (const p of ['/items/special', '/items/special', '/nowhere']) await (await fetch(url + p)).text();
    });
    assert.equal(code, 0, err);
    assert.match(err, /Mock: test\/fixtures\/runtime\/apis\/routing-rest\.yaml: .* s periods\n/);
    assert.match(err, /\nCount Sum +\d+ +total 3, peak \d/);
    assert.match(err, /\n4XXError Sum +\d+ +total 1,/);
    assert.match(err, /\n5XXError Sum +\d+ +total 0,/);
    assert.match(err, /\nLatency p99 /);
    assert.match(
      err,
      /IntegrationLatency: no integration was called \(MOCK integrations have no integration latency, as in CloudWatch\)\./,
    );
    assert.match(
      err,
      /Routes:\n {2}Route +Requests +Client errors +Server errors +p99 latency\n {2}GET \/items\/special +2 +0\.0 % +0\.0 % +\d/,
    );
    assert.match(err, /apigw mock: stopped \(SIGTERM\)\n$/);
  });

  it('says so when no request came', async () => {
    const { err } = await serve([fixture('runtime', 'apis', 'routing-rest.yaml'), '--metrics'], () =>
      Promise.resolve(),
    );
    assert.match(err, /apigw mock: no requests were served: no metrics to show\.\napigw mock: stopped/);
  });
});
