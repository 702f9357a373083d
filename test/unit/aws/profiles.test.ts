import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { listProfiles, profileKind, profileRegion } from '../../../src/aws/profiles';

function writeFiles(config: string, credentials: string): { configFile: string; credentialsFile: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apigw-profiles-'));
  const configFile = path.join(dir, 'config');
  const credentialsFile = path.join(dir, 'credentials');
  fs.writeFileSync(configFile, config);
  fs.writeFileSync(credentialsFile, credentials);
  return { configFile, credentialsFile };
}

const config = `
[profile zeta]
role_arn = arn:aws:iam::123456789012:role/deployer
source_profile = default
region = eu-west-1

[default]
region = us-east-1

[profile dev-sso]
sso_session = corp
sso_account_id = 123456789012
sso_role_name = Developer
region = eu-central-1

[profile legacy-sso]
sso_start_url = https://corp.awsapps.com/start
sso_region = us-east-1
sso_account_id = 123456789012
sso_role_name = Developer

[profile tool]
credential_process = /usr/local/bin/creds --json

[profile ci]
role_arn = arn:aws:iam::123456789012:role/ci
web_identity_token_file = /var/run/token

[profile bare]
output = json

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = us-east-1

[services local]
api_gateway =
  endpoint_url = http://127.0.0.1:4566
`;

const credentials = `
[default]
aws_access_key_id = AKIDEXAMPLE
aws_secret_access_key = wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY

[keys-only]
aws_access_key_id = AKIDEXAMPLE2
aws_secret_access_key = secret2
region = ap-south-1
`;

test('profiles of both files: kinds, regions, sources, default first then by name', async () => {
  const files = writeFiles(config, credentials);
  const profiles = await listProfiles(files);
  assert.deepEqual(
    profiles.map((p) => p.name),
    ['default', 'bare', 'ci', 'dev-sso', 'keys-only', 'legacy-sso', 'tool', 'zeta'],
  );
  const byName = Object.fromEntries(profiles.map((p) => [p.name, p]));
  assert.deepEqual(byName['default'], {
    name: 'default',
    kind: 'static',
    region: 'us-east-1',
    sources: ['config', 'credentials'],
  });
  assert.equal(byName['zeta']?.kind, 'role');
  assert.equal(byName['zeta']?.region, 'eu-west-1');
  assert.equal(byName['dev-sso']?.kind, 'sso');
  assert.equal(byName['legacy-sso']?.kind, 'sso');
  assert.equal(byName['tool']?.kind, 'process');
  assert.equal(byName['ci']?.kind, 'web-identity');
  assert.equal(byName['bare']?.kind, 'other');
  assert.equal(byName['bare']?.region, undefined);
  assert.deepEqual(byName['keys-only'], {
    name: 'keys-only',
    kind: 'static',
    region: 'ap-south-1',
    sources: ['credentials'],
  });
  // sso-session and services sections are not profiles.
  assert.ok(!profiles.some((p) => p.name.includes('corp') || p.name.includes('local')));
  // Secrets never reach the result.
  assert.ok(!JSON.stringify(profiles).includes('wJalrXUtnFEMI'));
});

test('profileRegion reads the config region, undefined for an unknown profile', async () => {
  const files = writeFiles(config, credentials);
  assert.equal(await profileRegion('dev-sso', files), 'eu-central-1');
  assert.equal(await profileRegion('tool', files), undefined);
  assert.equal(await profileRegion('no-such-profile', files), undefined);
});

test('AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE are honoured, and edits are seen at once', async () => {
  const files = writeFiles('[profile from-env]\nregion = sa-east-1\n', '');
  const saved = { config: process.env['AWS_CONFIG_FILE'], credentials: process.env['AWS_SHARED_CREDENTIALS_FILE'] };
  process.env['AWS_CONFIG_FILE'] = files.configFile;
  process.env['AWS_SHARED_CREDENTIALS_FILE'] = files.credentialsFile;
  try {
    assert.deepEqual(await listProfiles(), [
      { name: 'from-env', kind: 'other', region: 'sa-east-1', sources: ['config'] },
    ]);
    fs.appendFileSync(files.configFile, '[profile added]\nregion = us-west-2\n');
    assert.deepEqual(
      (await listProfiles()).map((p) => p.name),
      ['added', 'from-env'],
    );
  } finally {
    for (const [key, value] of [
      ['AWS_CONFIG_FILE', saved.config],
      ['AWS_SHARED_CREDENTIALS_FILE', saved.credentials],
    ] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
});

test('missing files give no profiles, not an error', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apigw-profiles-'));
  assert.deepEqual(
    await listProfiles({ configFile: path.join(dir, 'nope'), credentialsFile: path.join(dir, 'nope2') }),
    [],
  );
});

test('profileKind follows the SDK order: a role with keys is a role, keys beat SSO fields', () => {
  assert.equal(
    profileKind({
      role_arn: 'r',
      credential_source: 'Environment',
      aws_access_key_id: 'a',
      aws_secret_access_key: 'b',
    }),
    'role',
  );
  assert.equal(profileKind({ aws_access_key_id: 'a', aws_secret_access_key: 'b', sso_session: 's' }), 'static');
  assert.equal(profileKind({ role_arn: 'r' }), 'other');
});

test("a profile named like an Object member ('constructor', 'toString') is an ordinary profile", async () => {
  const files = writeFiles(
    '[profile toString]\nregion = us-east-2\n',
    '[constructor]\naws_access_key_id = A\naws_secret_access_key = B\n',
  );
  assert.deepEqual(await listProfiles(files), [
    { name: 'constructor', kind: 'static', sources: ['credentials'] },
    { name: 'toString', kind: 'other', region: 'us-east-2', sources: ['config'] },
  ]);
});

test('the region comes from the config file before the credentials file, as the SDK reads it', async () => {
  const files = writeFiles(
    '[profile both]\nregion = eu-north-1\n',
    '[both]\nregion = us-east-1\naws_access_key_id = A\naws_secret_access_key = B\n',
  );
  assert.equal((await listProfiles(files))[0]?.region, 'eu-north-1');
  assert.equal(await profileRegion('both', files), 'eu-north-1');
});
