// apigw domains against the AWS test double: the list (text and JSON) and `domains map` (plan, dry run,
// confirmation, --yes, refusals).
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import type { Confirmer } from '../../../../src/cli/aws/confirm';
import { runDomains } from '../../../../src/cli/commands/domains';
import type { CliIo } from '../../../../src/cli/io';
import { region, useCliServer } from './harness';

function answering(answer: boolean, interactive = true): Confirmer & { asked: string[] } {
  const asked: string[] = [];
  return { interactive, asked, ask: (q) => (asked.push(q), Promise.resolve(answer)) };
}

describe('apigw domains', () => {
  const h = useCliServer();
  let restId = '';
  let httpId = '';

  async function domains(confirmer: Confirmer, ...argv: string[]) {
    let out = '';
    let err = '';
    const io: CliIo = { out: (t) => (out += t), err: (t) => (err += t), cwd: process.cwd() };
    const code = await runDomains(
      [...argv, '--region', region, '--endpoint-url', h.server.url],
      io,
      undefined,
      confirmer,
    );
    return { code, out, err };
  }

  beforeEach(() => {
    h.server.reset();
    const rest = h.server.state.createRestApi({ name: 'Pets' });
    rest.stages.set('prod', { stageName: 'prod' });
    restId = String(rest.wire.id);
    const http = h.server.state.createApi({ name: 'Orders', protocolType: 'HTTP' });
    http.stages.set('$default', { stageName: '$default' });
    httpId = String(http.wire.apiId);
    h.server.state.addDomainName({ domainName: 'api.example.com', certificateName: 'cert' }, [
      { key: '', apiId: restId, stage: 'prod' },
    ]);
    h.server.state.addDomainName({ domainName: 'edge.example.com', endpointType: 'EDGE' });
  });

  it('lists the domains with their settings and mappings, as text and as JSON', async () => {
    const text = await h.run(process.cwd(), 'domains');
    assert.equal(text.code, 0, text.err);
    assert.match(
      text.out,
      /^api\.example\.com {2}REGIONAL {2}d-[a-z0-9]+\.execute-api\.eu-west-1\.amazonaws\.com {2}TLS_1_2 {2}certificate cert {2}mutual TLS off {2}BASE_PATH_MAPPING_ONLY\n {2}\(none\) {2}-> [a-z0-9]+ \/ prod\n/,
    );
    assert.match(text.out, /edge\.example\.com {2}EDGE {2}d[a-z0-9]+\.cloudfront\.net[^\n]*\n {2}no API mappings\n$/);
    const json = await h.run(process.cwd(), 'domains', '--format', 'json');
    const parsed = JSON.parse(json.out) as { name: string; mappings: { basePath: string; apiId: string }[] }[];
    assert.deepEqual(
      parsed.map((d) => [d.name, d.mappings.map((m) => `${m.basePath}>${m.apiId}`)]),
      [
        ['api.example.com', [`>${restId}`]],
        ['edge.example.com', []],
      ],
    );
  });

  it('map: prints the plan, asks, and creates the mapping only when confirmed', async () => {
    const no = answering(false);
    const refused = await domains(
      no,
      'map',
      'api.example.com',
      '--api-id',
      httpId,
      '--stage',
      '$default',
      '--base-path',
      'orders/v1',
    );
    assert.equal(refused.code, 1);
    assert.match(refused.out, /add mapping orders\/v1 -> HTTP API Orders/);
    assert.match(refused.out, /API Gateway v2 CreateApiMapping/);
    assert.match(
      no.asked[0] ?? '',
      /Map stage '\$default' of [a-z0-9]+ to https:\/\/api\.example\.com\/orders\/v1 in eu-west-1\?/,
    );
    assert.match(refused.err, /not confirmed; nothing was changed/);
    assert.equal(h.server.state.domainNames.get('api.example.com')!.mappings.size, 1);

    const dry = await domains(
      answering(true),
      'map',
      'api.example.com',
      '--api-id',
      restId,
      '--stage',
      'prod',
      '--base-path',
      'pets',
      '--dry-run',
    );
    assert.equal(dry.code, 0);
    assert.match(dry.out, /API Gateway v1 CreateBasePathMapping/);
    assert.equal(h.server.requests.filter((r) => r.operation === 'CreateBasePathMapping').length, 0);

    const yes = answering(true);
    const made = await domains(
      yes,
      'map',
      'api.example.com',
      '--api-id',
      restId,
      '--stage',
      'prod',
      '--base-path',
      'pets',
    );
    assert.equal(made.code, 0, made.err);
    assert.match(made.err, /mapped: https:\/\/api\.example\.com\/pets/);
    assert.equal(h.server.state.domainNames.get('api.example.com')!.mappings.get('pets')?.apiId, restId);
  });

  it('map refuses a taken base path, an HTTP stage on an edge domain, a missing domain, and an unconfirmable run', async () => {
    const taken = await domains(
      answering(true),
      'map',
      'api.example.com',
      '--api-id',
      restId,
      '--stage',
      'prod',
      '--yes',
    );
    assert.equal(taken.code, 1);
    assert.match(taken.err, /base path \(none\) of api\.example\.com is already mapped/);
    const edge = await domains(
      answering(true),
      'map',
      'edge.example.com',
      '--api-id',
      httpId,
      '--stage',
      '$default',
      '--yes',
    );
    assert.equal(edge.code, 1);
    assert.match(edge.err, /edge-optimized domain name: HTTP APIs can be mapped only to regional custom domain names/);
    const missing = await domains(
      answering(true),
      'map',
      'nope.example.com',
      '--api-id',
      restId,
      '--stage',
      'prod',
      '--yes',
    );
    assert.equal(missing.code, 1);
    assert.match(
      missing.err,
      /no custom domain name nope\.example\.com in eu-west-1: the domains are api\.example\.com, edge\.example\.com/,
    );
    const pipe = await h.run(process.cwd(), 'domains', 'map', 'api.example.com', '--api-id', restId, '--stage', 'prod');
    assert.equal(pipe.code, 2);
    assert.match(pipe.err, /the input is not a terminal, so the mapping cannot be confirmed/);
    const usage = await h.run(process.cwd(), 'domains', 'map', 'api.example.com', '--stage', 'prod');
    assert.equal(usage.code, 2);
    assert.match(usage.err, /--api-id is required/);
    assert.equal(h.server.requests.filter((r) => r.method === 'POST').length, 0, 'nothing created');
  });

  it('says why when AWS refuses the listing', async () => {
    h.server.fail('apigateway:GetDomainNames', { errorType: 'AccessDeniedException' });
    const denied = await h.run(process.cwd(), 'domains');
    assert.equal(denied.code, 1);
    assert.match(denied.err, /^apigw domains: .*GetDomainNames/);
  });
});
