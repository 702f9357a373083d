// Local mounts: what is read and refused (--mount values, the config's "mounts"), which mount a path goes to, and
// serving several definitions on one port as a custom domain's API mappings do.
import assert from 'node:assert/strict';
import http from 'node:http';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseConfig } from '../../../../src/runtime/config';
import { MountedGateway } from '../../../../src/runtime/mounts/mountedGateway';
import {
  duplicateMount,
  MountTable,
  normalMountPath,
  parseMountArgument,
  parseMounts,
  type Mount,
} from '../../../../src/runtime/mounts/mounts';
import { fixture } from '../../helpers/paths';

/** The refusal parseMountArgument gave (fails when it read a mount). */
function problemOf(result: Mount | string): string {
  assert.equal(typeof result, 'string');
  return result as string;
}

/** A GET with a Host header of our choosing (fetch does not send one). */
function getWithHost(url: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { host } }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

describe('mount arguments and config', () => {
  it('reads /path=file, base paths with or without slashes, / and (none) as the empty base path', () => {
    assert.deepEqual(parseMountArgument('/v1=a.yaml', '/work'), {
      basePath: '/v1',
      file: path.resolve('/work/a.yaml'),
    });
    assert.deepEqual(parseMountArgument('orders/v2/=b.yaml', '/work'), {
      basePath: '/orders/v2',
      file: path.resolve('/work/b.yaml'),
    });
    assert.equal(normalMountPath('/'), '');
    assert.equal(normalMountPath('(none)'), '');
  });

  it('refuses a mount that is not /path=file, and a base path with characters API mappings do not allow', () => {
    assert.match(problemOf(parseMountArgument('a.yaml', '/w')), /--mount 'a\.yaml' is not \/path=file/);
    assert.match(problemOf(parseMountArgument('/v1=', '/w')), /is not \/path=file/);
    assert.match(problemOf(parseMountArgument('=a.yaml', '/w')), /is not \/path=file/);
    assert.match(problemOf(parseMountArgument('/v 1=a.yaml', '/w')), /the base path '\/v 1' may hold only letters/);
    assert.match(problemOf(parseMountArgument('/a//b=a.yaml', '/w')), /may hold only/);
  });

  it('refuses two mounts on one base path, naming both files', () => {
    const problem = duplicateMount([
      { basePath: '/v1', file: '/w/a.yaml' },
      { basePath: '/v1', file: '/w/b.yaml' },
    ]);
    assert.match(problem ?? '', /two mounts on the base path \/v1: \/w\/a\.yaml and \/w\/b\.yaml/);
  });

  it('reads "mounts" of apigw.config.json relative to the config, and says what is wrong with a bad one', () => {
    const ok = parseConfig({ mounts: { '/v1': 'a.yaml', '/': 'root.yaml' } }, '/w/apigw.config.json', '/w');
    assert.ok(ok.ok);
    assert.deepEqual(ok.config.mounts, [
      { basePath: '/v1', file: path.resolve('/w/a.yaml') },
      { basePath: '', file: path.resolve('/w/root.yaml') },
    ]);
    const cases: [unknown, RegExp][] = [
      [['a.yaml'], /"mounts" must map base paths to definition files/],
      [{ '/v1': 3 }, /"mounts"\."\/v1" must be the path of a definition file, not 3/],
      [{ '/v 1': 'a.yaml' }, /"mounts"\."\/v 1": a base path may hold only/],
      [{}, /"mounts" is empty/],
      [{ '/v1': 'a.yaml', 'v1/': 'b.yaml' }, /two mounts on the base path \/v1/],
    ];
    for (const [mounts, message] of cases) {
      const result = parseMounts(mounts, '/w/apigw.config.json', '/w');
      assert.ok(!result.ok);
      assert.match(result.message, message);
      const viaConfig = parseConfig({ mounts }, '/w/apigw.config.json', '/w');
      assert.ok(!viaConfig.ok);
    }
  });

  it('the longest base path wins, at a / only; the empty base path takes the rest; else no mount', () => {
    const table = new MountTable([
      { basePath: '/orders', target: 'orders' },
      { basePath: '/orders/v2', target: 'orders-v2' },
      { basePath: '', target: 'root' },
    ]);
    assert.deepEqual(table.match('/orders/v2/items'), { target: 'orders-v2', basePath: '/orders/v2', rest: '/items' });
    assert.deepEqual(table.match('/orders/v2'), { target: 'orders-v2', basePath: '/orders/v2', rest: '/' });
    assert.deepEqual(table.match('/orders/v3'), { target: 'orders', basePath: '/orders', rest: '/v3' });
    assert.deepEqual(table.match('/ordersx'), { target: 'root', basePath: '', rest: '/ordersx' });
    const noRoot = new MountTable([{ basePath: '/v1', target: 'v1' }]);
    assert.equal(noRoot.match('/v10/pets'), undefined);
    assert.equal(noRoot.match('/'), undefined);
  });
});

describe('MountedGateway', () => {
  const dir = fixture('runtime', 'mounts');
  const gateway = new MountedGateway(
    [
      { basePath: '/v1', file: path.join(dir, 'context-rest.yaml') },
      { basePath: '/v1/orders', file: path.join(dir, 'echo-http.yaml') },
    ],
    { watch: false },
  );
  let url = '';
  before(async () => {
    url = await gateway.start(0, '127.0.0.1');
  });
  after(async () => {
    await gateway.stop();
  });

  it('serves a REST API under its base path: routing sees the path without it, $context.path keeps it', async () => {
    const response = await getWithHost(`${url}/v1/pets/7`, 'api.example.com');
    assert.equal(response.status, 200);
    assert.deepEqual(JSON.parse(response.body), {
      route: 'pet',
      id: '7',
      path: '/v1/pets/7',
      resourcePath: '/pets/{id}',
      domainName: 'api.example.com',
      stage: 'local',
    });
    const root = await fetch(`${url}/v1`);
    assert.deepEqual(await root.json(), { route: 'root', path: '/v1', resourcePath: '/' });
  });

  it('sends a longer base path to its own API (an HTTP API with a Lambda proxy): rawPath keeps the base path', async () => {
    const response = await fetch(`${url}/v1/orders/items/42`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), {
      routeKey: 'GET /items/{id}',
      rawPath: '/v1/orders/items/42',
      httpPath: '/v1/orders/items/42',
      id: '42',
      stage: 'local',
    });
  });

  it('a REST Lambda proxy event through a mount: path and requestContext.path keep the base path, resource does not', async () => {
    const response = await fetch(`${url}/v1/proxy/5`);
    assert.equal(response.status, 200);
    const event = (await response.json()) as Record<string, unknown>;
    assert.deepEqual(
      [event.path, event.contextPath, event.resource, event.id],
      ['/v1/proxy/5', '/v1/proxy/5', '/proxy/{id}', '5'],
    );
  });

  it('answers 403 {"message":"Forbidden"} under no base path, as a custom domain does', async () => {
    for (const p of ['/', '/v2/pets/1', '/v10']) {
      const response = await fetch(`${url}${p}`);
      assert.equal(response.status, 403, p);
      assert.deepEqual(await response.json(), { message: 'Forbidden' });
    }
  });

  it("a route the mounted API lacks gets that API's own answer (REST: 403 Missing Authentication Token)", async () => {
    const response = await fetch(`${url}/v1/nowhere`);
    assert.equal(response.status, 403);
    assert.deepEqual(await response.json(), { message: 'Missing Authentication Token' });
  });

  it('the request events carry the path the client sent', async () => {
    const events: string[] = [];
    const sub = gateway.onRequest((event, api) => events.push(`${api.mount.basePath} ${event.path} ${event.status}`));
    await (await fetch(`${url}/v1/pets/1`)).text();
    sub.dispose();
    assert.deepEqual(events, ['/v1 /v1/pets/1 200']);
  });
});

describe('MountedGateway refusals', () => {
  it('refuses two mounts on one base path before loading anything', () => {
    assert.throws(
      () =>
        new MountedGateway([
          { basePath: '/v1', file: '/a.yaml' },
          { basePath: '/v1', file: '/b.yaml' },
        ]),
      /two mounts on the base path \/v1/,
    );
  });

  it('does not start with a definition that cannot be read, naming the mount', async () => {
    const gateway = new MountedGateway([{ basePath: '/v1', file: fixture('runtime', 'mounts', 'missing.yaml') }], {
      watch: false,
    });
    await assert.rejects(gateway.start(0), /mount \/v1 \(.*missing\.yaml\): /);
    await gateway.stop();
  });

  it('refuses a WebSocket definition: it cannot share a custom domain with REST and HTTP APIs', async () => {
    const ws = path.join(fixture('..', '..', 'examples', 'chat-websocket'));
    const files = (await import('node:fs'))
      .readdirSync(ws)
      .filter((f) => /\.(ya?ml|json)$/.test(f) && f !== 'apigw.config.json');
    const gateway = new MountedGateway([{ basePath: '/chat', file: path.join(ws, files[0]!) }], { watch: false });
    await assert.rejects(gateway.start(0), /is a WebSocket API: mounts serve REST and HTTP APIs/);
    await gateway.stop();
  });
});
