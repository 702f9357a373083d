import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { runDeploy } from '../../../../src/cli/commands/deploy';
import type { Confirmer } from '../../../../src/cli/aws/confirm';
import type { CliIo } from '../../../../src/cli/io';
import { fixturesDir } from '../../helpers/paths';
import { region, useCliServer } from './harness';

const dir = path.join(fixturesDir, 'cli', 'deploy');

/** A confirmer that answers `answer` and records the question. */
function answering(answer: boolean, interactive = true): Confirmer & { asked: string[] } {
  const asked: string[] = [];
  return { interactive, asked, ask: (q) => (asked.push(q), Promise.resolve(answer)) };
}

describe('apigw deploy', () => {
  const h = useCliServer();

  async function deploy(confirmer: Confirmer, ...argv: string[]) {
    let out = '';
    let err = '';
    const io: CliIo = { out: (t) => (out += t), err: (t) => (err += t), cwd: dir };
    const code = await runDeploy([...argv, '--region', region, '--endpoint-url', h.server.url], io, confirmer);
    return { code, out, err };
  }

  it('--dry-run prints a create plan first and changes nothing', async () => {
    const before = h.server.requests.length;
    const { code, out } = await deploy(answering(false, false), 'pets.yaml', '--stage', 'prod', '--dry-run');
    assert.equal(code, 0);
    assert.match(out.split('\n')[0]!, /^create\b/i);
    assert.match(out, /GET \/pets/);
    const writes = h.server.requests.slice(before).filter((r) => r.method !== 'GET');
    assert.deepEqual(writes, [], 'a dry run sends no write');
    assert.equal(h.server.state.restApis.size, 0);
  });

  it('--description names the deployment the deploy creates (the stage history shows it)', async () => {
    const { code, out, err } = await deploy(
      answering(false, false),
      'pets.yaml',
      '--stage',
      'beta',
      '--description',
      'release 42',
      '--yes',
    );
    assert.equal(code, 0, err);
    const apiId = /Deployed API 'Deploy Pets' \((\w+)\)/.exec(out)?.[1] ?? '';
    const record = h.server.state.restApis.get(apiId);
    assert.deepEqual(
      [...(record?.deployments.values() ?? [])].map((d) => d.wire.description),
      ['release 42'],
    );
    h.server.state.restApis.delete(apiId);
  });

  it('refuses to change anything in a pipe without --yes', async () => {
    await assert.rejects(
      deploy(answering(true, false), 'pets.yaml', '--stage', 'prod'),
      /input is not a terminal.*--dry-run.*--yes/,
    );
    assert.equal(h.server.state.restApis.size, 0);
  });

  it('asks on a terminal, and a "no" changes nothing (exit 1)', async () => {
    const confirmer = answering(false);
    const { code, err } = await deploy(confirmer, 'pets.yaml', '--stage', 'prod');
    assert.equal(code, 1);
    assert.match(confirmer.asked[0]!, /create API 'Deploy Pets'.*stage 'prod' in eu-west-1/);
    assert.match(err, /not confirmed; nothing was changed/);
    assert.equal(h.server.state.restApis.size, 0);
  });

  let restApiId = '';
  it('--yes imports the REST API, deploys the stage, prints the invoke URL; then no drift and an update plan', async () => {
    const { code, out, err } = await deploy(answering(false, false), 'pets.yaml', '--stage', 'prod', '--yes');
    assert.equal(code, 0, err);
    const match = /Deployed API 'Deploy Pets' \((\w+)\) to stage prod: (\S+)/.exec(out);
    assert.ok(match, out);
    restApiId = match[1]!;
    assert.equal(match[2], `https://${restApiId}.execute-api.eu-west-1.amazonaws.com/prod`);
    assert.match(err, /\[1\/2\] .*\n\[2\/2\] /);
    const ops = h.server.requests.map((r) => r.operation);
    assert.ok(ops.includes('ImportRestApi') && ops.includes('CreateDeployment'));

    const again = await deploy(
      answering(false, false),
      'pets.yaml',
      '--stage',
      'prod',
      '--api-id',
      restApiId,
      '--dry-run',
    );
    assert.equal(again.code, 0);
    assert.match(again.out.split('\n')[0]!, /no change/i);
  });

  it('--format json prints the plan and the outcome', async () => {
    const { code, out } = await deploy(
      answering(false, false),
      'notes-http.yaml',
      '--stage',
      '$default',
      '--yes',
      '--format',
      'json',
    );
    assert.equal(code, 0);
    const json = JSON.parse(out) as {
      plan: { kind: string; steps: { operation: string }[] };
      outcome: { ok: boolean; apiId: string; invokeUrl: string };
    };
    assert.equal(json.plan.kind, 'create');
    assert.deepEqual(
      json.plan.steps.map((s) => s.operation),
      ['ImportApi', 'CreateStage'],
    );
    assert.equal(json.outcome.ok, true);
    assert.match(
      json.outcome.invokeUrl,
      new RegExp(`^https://${json.outcome.apiId}\\.execute-api\\.eu-west-1\\.amazonaws\\.com/?$`),
    );
  });

  it('a failure between import and deployment says the API was updated but not deployed (exit 3)', async () => {
    // The SDK makes AWS_MAX_ATTEMPTS (3) attempts: all of them fail.
    h.server.fail('CreateDeployment', { errorType: 'InternalServerError', times: 3 });
    const { code, err } = await deploy(answering(false, false), 'pets.yaml', '--stage', 'prod', '--yes');
    assert.equal(code, 3, err);
    assert.match(err, /CreateDeployment: InternalServerError; retrying \(attempt 2\)/);
    assert.match(err, /not deployed to stage prod/i);
    assert.match(err, /run .*again/i);
  });

  it('refuses a definition with errors and sends nothing', async () => {
    const before = h.server.requests.length;
    const { code, err } = await deploy(answering(true), 'with-error.yaml', '--stage', 'prod', '--yes');
    assert.equal(code, 1);
    assert.match(err, /with-error\.yaml:11:7: error apigw\.integration\.missingUri/);
    assert.match(err, /1 error\(s\); nothing was sent to AWS/);
    assert.equal(h.server.requests.length, before);
  });

  it('stops at an intrinsic only CloudFormation can compute, naming it and its line', async () => {
    const { code, err } = await deploy(answering(true), 'sam-getatt.yaml', '--stage', 'prod', '--dry-run');
    assert.equal(code, 1);
    assert.match(err, /sam-getatt\.yaml:22:\d+: error apigw\.deploy\.unresolvedIntrinsic: .*PetsFunction\.Arn/);
  });

  it('fills AWS::Region and AWS::AccountId (from STS) and --parameter values', async () => {
    const { code, out, err } = await deploy(
      answering(false, false),
      'sam-region.yaml',
      '--stage',
      'prod',
      '--parameter',
      'FunctionName=pets',
      '--yes',
      '--format',
      'json',
    );
    assert.equal(code, 0, err);
    const apiId = (JSON.parse(out) as { outcome: { apiId: string } }).outcome.apiId;
    const body =
      h.server.requests.find((r) => r.operation === 'ImportRestApi' && r.body.includes('Sam Region Pets'))?.body ?? '';
    assert.match(
      body,
      /arn:aws:apigateway:eu-west-1:lambda:path\/2015-03-31\/functions\/arn:aws:lambda:eu-west-1:123456789012:function:pets\/invocations/,
    );
    assert.ok(h.server.requests.some((r) => r.operation === 'GetCallerIdentity'));
    assert.ok(apiId);
  });

  it('a missing parameter value stops the deploy with what to do', async () => {
    const { code, err } = await deploy(answering(true), 'sam-region.yaml', '--stage', 'prod', '--dry-run');
    assert.equal(code, 1);
    assert.match(err, /FunctionName/);
  });

  it('an API id that does not exist is a clear message, nothing changed', async () => {
    const { code, err } = await deploy(
      answering(true),
      'pets.yaml',
      '--stage',
      'prod',
      '--api-id',
      'nope000000',
      '--yes',
    );
    assert.equal(code, 1);
    assert.match(err, /^apigw deploy: .*nope000000/m);
    assert.doesNotMatch(err, /\n\s+at /);
  });

  it('a stage name AWS rejects is refused before anything is sent', async () => {
    const { code, err } = await deploy(answering(true), 'pets.yaml', '--stage', 'pro d', '--yes');
    assert.equal(code, 1);
    assert.match(err, /stage/i);
  });

  it('expired credentials say so and what to do', async () => {
    h.server.fail('*', {
      errorType: 'ExpiredTokenException',
      status: 403,
      message: 'The security token included in the request is expired',
    });
    const { code, err } = await deploy(answering(true), 'pets.yaml', '--stage', 'prod', '--api-id', restApiId, '--yes');
    assert.equal(code, 1);
    assert.match(err, /expired/i);
  });

  it('usage errors: no stage, bad mode, bad parameter', async () => {
    const io: CliIo = { out: () => undefined, err: () => undefined, cwd: dir };
    await assert.rejects(runDeploy(['pets.yaml'], io), /--stage NAME/);
    await assert.rejects(
      runDeploy(['pets.yaml', '--stage', 'p', '--mode', 'replace'], io),
      /--mode must be overwrite or merge/,
    );
    await assert.rejects(
      runDeploy(['pets.yaml', '--stage', 'p', '--parameter', 'novalue'], io),
      /--parameter must be NAME=VALUE/,
    );
  });
});

describe('apigw diff', () => {
  const h = useCliServer();
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'apigw-diff-'));

  it('says no drift after a deploy (exit 0), then shows the change after an edit (exit 1)', async () => {
    const file = path.join(cwd, 'pets.yaml');
    fs.copyFileSync(path.join(dir, 'pets.yaml'), file);
    const deployed = await h.run(cwd, 'deploy', 'pets.yaml', '--stage', 'prod', '--yes', '--format', 'json');
    assert.equal(deployed.code, 0, deployed.err);
    const apiId = (JSON.parse(deployed.out) as { outcome: { apiId: string } }).outcome.apiId;
    const same = await h.run(cwd, 'diff', 'pets.yaml', '--api-id', apiId, '--stage', 'prod');
    assert.equal(same.err, '');
    assert.equal(same.out, `No drift: pets.yaml matches ${apiId} stage prod.\n`);
    assert.equal(same.code, 0);

    fs.writeFileSync(
      file,
      fs.readFileSync(file, 'utf8') +
        `  /owners:\n    get:\n      responses:\n        '200':\n          description: ok\n      x-amazon-apigateway-integration:\n        type: mock\n        requestTemplates:\n          application/json: '{"statusCode": 200}'\n        responses:\n          default:\n            statusCode: '200'\n`,
    );
    const changed = await h.run(cwd, 'diff', 'pets.yaml', '--api-id', apiId, '--stage', 'prod');
    assert.equal(changed.code, 1);
    assert.match(changed.out, /^Drift: pets\.yaml differs/);
    assert.match(changed.out, /\+ route GET \/owners/);
    assert.match(changed.out, /^\+\+\+ local: pets\.yaml/m);
    assert.match(changed.out, /^\+\s+\/owners:/m);
  });

  it('needs --api-id and a stage for REST', async () => {
    const io: CliIo = { out: () => undefined, err: () => undefined, cwd: dir };
    const { runDiff } = await import('../../../../src/cli/commands/diff');
    await assert.rejects(runDiff(['pets.yaml'], io), /--api-id ID/);
    const r = await h.run(dir, 'diff', 'pets.yaml', '--api-id', 'abc');
    assert.equal(r.code, 1);
    assert.match(r.err, /stage/);
  });
});
