import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseConfig } from '../../../src/runtime/config';
import { ipInCidr } from '../../../src/runtime/iam/cidr';
import { evaluatePolicy, globMatches } from '../../../src/runtime/iam/evaluatePolicy';
import { readResourcePolicy } from '../../../src/runtime/iam/readPolicy';
import { iamAuthorization, servedPolicy } from '../../../src/runtime/iam/routeAuth';
import { loadServedApi } from '../../../src/runtime/loadApi';
import { dict } from '../../../src/shared/dict';
import { nodeFileSystem } from '../../../src/shared/nodeFileSystem';

const file = '/project/apigw.config.json';
const message = (data: unknown): string => {
  const result = parseConfig(data, file, '/project');
  assert.equal(result.ok, false, 'the config is refused');
  return result.ok ? '' : result.message;
};
const alice = { accessKeyId: 'AKIALOCALALICE00001', secretAccessKey: 's', arn: 'arn:aws:iam::123456789012:user/alice' };

describe('apigw.config.json "iam" and "region": a malformed value names the field', () => {
  it('reads credentials, the source VPC / endpoint and the region', () => {
    const result = parseConfig(
      {
        region: 'eu-west-1',
        iam: {
          credentials: [
            alice,
            {
              ...alice,
              accessKeyId: 'ASIALOCALBOBSESSION1',
              sessionToken: 't',
              arn: 'arn:aws:sts::123456789012:assumed-role/Dev/bob',
            },
          ],
          sourceVpc: 'vpc-1a2b3c4d',
          sourceVpce: 'vpce-1a2b3c4d',
        },
      },
      file,
      '/project',
    );
    assert.ok(result.ok);
    assert.equal(result.config.region, 'eu-west-1');
    assert.deepEqual(result.config.iam, {
      credentials: [
        { ...alice, accountId: '123456789012', userId: 'alice' },
        {
          ...alice,
          accessKeyId: 'ASIALOCALBOBSESSION1',
          sessionToken: 't',
          arn: 'arn:aws:sts::123456789012:assumed-role/Dev/bob',
          accountId: '123456789012',
          userId: 'Dev:bob',
        },
      ],
      sourceVpc: 'vpc-1a2b3c4d',
      sourceVpce: 'vpce-1a2b3c4d',
    });
  });

  it('names each malformed field', () => {
    assert.match(message({ iam: [] }), /"iam" must be an object like \{"credentials"/);
    assert.match(message({ iam: { credential: [] } }), /"iam"\.credential is not a setting/);
    assert.match(message({ iam: { credentials: {} } }), /"iam\.credentials" must be a list/);
    assert.match(message({ iam: { credentials: ['x'] } }), /"iam\.credentials"\[0\] must be an object/);
    assert.match(
      message({ iam: { credentials: [alice, { ...alice, accessKeyId: 'short' }] } }),
      /"iam\.credentials"\[1\]\.accessKeyId must be an access key id: 16 to 128 letters and digits/,
    );
    assert.match(
      message({ iam: { credentials: [{ ...alice, secretAccessKey: '' }] } }),
      /"iam\.credentials"\[0\]\.secretAccessKey must be a non-empty string/,
    );
    assert.match(
      message({ iam: { credentials: [{ ...alice, sessionToken: 7 }] } }),
      /"iam\.credentials"\[0\]\.sessionToken must be a non-empty string when given/,
    );
    assert.match(
      message({ iam: { credentials: [{ ...alice, arn: 'alice' }] } }),
      /"iam\.credentials"\[0\]\.arn must be the ARN of an IAM user or role.*not "alice"/,
    );
    assert.match(
      message({ iam: { credentials: [{ ...alice, secretKey: 'x' }] } }),
      /"iam\.credentials"\[0\]\.secretKey is not a credential field/,
    );
    assert.match(
      message({ iam: { credentials: [alice, alice] } }),
      /"iam\.credentials"\[1\]\.accessKeyId "AKIALOCALALICE00001" is already the key of "iam\.credentials"\[0\]/,
    );
    assert.match(
      message({ iam: { sourceVpce: 'vpc-1' } }),
      /"iam\.sourceVpce" must be a VPC endpoint id like "vpce-1a2b3c4d"/,
    );
    assert.match(message({ region: 'Europe' }), /"region" must be an AWS Region name like "us-east-1"/);
  });
});

const definition = (policy: string): string => `openapi: 3.0.1
info: {title: Policy, version: '1'}
paths:
  /open:
    get:
      x-amazon-apigateway-integration:
        type: mock
        requestTemplates: {application/json: '{"statusCode": 200}'}
        responses: {default: {statusCode: '200'}}
x-amazon-apigateway-policy:
${policy}
`;

async function load(policy: string) {
  return loadServedApi({ file: '/virtual/policy.yaml', fs: nodeFileSystem, text: definition(policy) });
}

describe('resource policies (x-amazon-apigateway-policy)', () => {
  it('a malformed policy stops the load, naming the field and what it should be', async () => {
    const cases: [string, RegExp][] = [
      [
        `  Statement: [{Effect: Permit, Principal: '*', Action: execute-api:Invoke, Resource: '*'}]`,
        /x-amazon-apigateway-policy\.Statement\[0\]\.Effect must be "Allow" or "Deny", not "Permit"/,
      ],
      [
        `  Statement: [{Effect: Allow, Action: execute-api:Invoke, Resource: '*'}]`,
        /x-amazon-apigateway-policy\.Statement\[0\] needs Principal \(or NotPrincipal\)/,
      ],
      [`  Statement: [{Effect: Allow, Principal: '*', Resource: '*'}]`, /Statement\[0\] needs Action \(or NotAction\)/],
      [
        `  Statement: [{Effect: Allow, Principal: '*', Action: execute-api:Invoke}]`,
        /Statement\[0\] needs Resource \(or NotResource\)/,
      ],
      [
        `  Statement: [{Effect: Allow, Principal: {AWS: alice}, Action: execute-api:Invoke, Resource: '*'}]`,
        /Statement\[0\]\.Principal\.AWS must list "\*", account ids or IAM ARNs, not "alice"/,
      ],
      [
        `  Statement: [{Effect: Allow, Principal: '*', Action: execute-api:Invoke, Resource: '*', Condition: {IpAddress: {aws:SourceIp: [300.1.1.1]}}}]`,
        /Condition\.IpAddress\.aws:SourceIp must list IP addresses or CIDR ranges.*"300\.1\.1\.1"/,
      ],
      [`  Statment: []`, /x-amazon-apigateway-policy\.Statment is not a policy element/],
      [`  Version: '2020-01-01'\n  Statement: []`, /x-amazon-apigateway-policy\.Version must be "2012-10-17"/],
    ];
    for (const [policy, expected] of cases) {
      const loaded = await load(policy);
      assert.equal(loaded.ok, false, policy);
      assert.match(loaded.ok ? '' : loaded.message, expected);
      assert.match(loaded.ok ? '' : loaded.message, /^policy\.yaml: /);
    }
  });

  it('warns of what it cannot evaluate: another account or API id, an unknown operator or key', async () => {
    const loaded = await load(`  Statement:
    - {Effect: Allow, Principal: '*', Action: execute-api:Invoke, Resource: 'arn:aws:execute-api:us-east-1:111122223333:abc123/*'}
    - {Effect: Deny, Principal: '*', Action: execute-api:Invoke, Resource: '*', Condition: {DateGreaterThan: {aws:CurrentTime: '2030-01-01T00:00:00Z'}}}
    - {Effect: Deny, Principal: '*', Action: execute-api:Invoke, Resource: '*', Condition: {StringEquals: {aws:PrincipalTag/team: red}}}`);
    assert.ok(loaded.ok);
    const warnings = loaded.warnings.join('\n');
    assert.match(
      warnings,
      /Statement\[0\]: arn:aws:execute-api:us-east-1:111122223333:abc123\/\* names account 111122223333, API id abc123; the mock serves the API as arn:aws:execute-api:us-east-1:123456789012:local/,
    );
    assert.match(warnings, /Statement\[1\]\.Condition\.DateGreaterThan: the mock does not evaluate this operator/);
    assert.match(
      warnings,
      /Statement\[2\]\.Condition\.StringEquals\.aws:PrincipalTag\/team: the mock does not know this key/,
    );
  });

  it('an HTTP API’s policy is not evaluated (AWS has none for HTTP APIs), with a warning', async () => {
    // A document with x-amazon-apigateway-policy reads as REST (docs/api-type.md): the same API typed HTTP.
    const loaded = await load(`  Statement: [{Effect: Deny, Principal: '*', Action: '*', Resource: '*'}]`);
    assert.ok(loaded.ok);
    const http = servedPolicy({ ...loaded.served.api, type: 'HTTP' }, loaded.served.config);
    assert.deepEqual(http, {
      ok: true,
      warnings: [
        'x-amazon-apigateway-policy: HTTP APIs have no resource policies on AWS, so the mock does not evaluate it.',
      ],
    });
  });

  it('evaluates as IAM does: explicit deny wins, wildcards, NotPrincipal, role sessions, Fn::Sub, IfExists', () => {
    const variables = dict<string>();
    Object.assign(variables, { 'AWS::Region': 'us-east-1', 'AWS::AccountId': '123456789012', Api: 'local' });
    const read = readResourcePolicy(
      {
        Statement: [
          {
            Effect: 'Allow',
            Principal: { AWS: 'arn:aws:iam::123456789012:role/Dev' },
            Action: 'execute-api:*',
            Resource: { 'Fn::Sub': 'arn:aws:execute-api:${AWS::Region}:${AWS::AccountId}:${Api}/*/GET/*' },
          },
          {
            Effect: 'Deny',
            NotPrincipal: { AWS: ['123456789012'] },
            Action: 'execute-api:Invoke',
            Resource: 'execute-api:/*',
            Condition: { StringNotEqualsIfExists: { 'aws:SourceVpce': 'vpce-1' } },
          },
        ],
      },
      'Policy',
      variables,
    );
    assert.ok(read.ok, read.ok ? '' : read.message);
    const base = {
      resource: 'arn:aws:execute-api:us-east-1:123456789012:local/prod/GET/pets/7',
      apiArn: 'arn:aws:execute-api:us-east-1:123456789012:local',
    };
    const session = { principalArn: 'arn:aws:sts::123456789012:assumed-role/Dev/s1', principalAccount: '123456789012' };
    assert.equal(evaluatePolicy(read.policy, { ...base, ...session, context: dict() }).effect, 'allow');
    assert.equal(
      evaluatePolicy(read.policy, {
        ...base,
        ...session,
        resource: base.resource.replace('/GET/', '/POST/'),
        context: dict(),
      }).effect,
      'neither',
    );
    // Anonymous: not the account, so NotPrincipal applies; the key is absent so ...IfExists holds: denied.
    assert.equal(evaluatePolicy(read.policy, { ...base, context: dict() }).effect, 'deny');
    const fromVpce = dict<string>();
    fromVpce['aws:sourcevpce'] = 'vpce-1';
    assert.equal(evaluatePolicy(read.policy, { ...base, context: fromVpce }).effect, 'neither');
  });

  it('matches IAM wildcards and IP ranges', () => {
    assert.ok(globMatches('arn:*:GET/*', 'arn:x:GET/a/b'));
    assert.ok(globMatches('a?c', 'abc'));
    assert.ok(!globMatches('a?c', 'ac'));
    assert.ok(!globMatches('execute-api:/*/POST/*', 'execute-api:/prod/GET/x'));
    assert.ok(ipInCidr('192.0.2.77', '192.0.2.0/24'));
    assert.ok(!ipInCidr('192.0.3.1', '192.0.2.0/24'));
    assert.ok(ipInCidr('::ffff:127.0.0.1', '127.0.0.0/8'));
    assert.ok(ipInCidr('2001:db8::1', '2001:db8::/32'));
    assert.ok(!ipInCidr('2001:db9::1', '2001:db8::/32'));
  });
});

describe('which routes use IAM authorization', () => {
  it('SAM Auth.DefaultAuthorizer AWS_IAM, and a CloudFormation method with AuthorizationType AWS_IAM', async () => {
    const sam = await loadServedApi({
      file: '/virtual/template.yaml',
      fs: nodeFileSystem,
      text: `Transform: AWS::Serverless-2016-10-31
Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: dev
      Auth: {DefaultAuthorizer: AWS_IAM}
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      Runtime: nodejs20.x
      Events:
        Get: {Type: Api, Properties: {RestApiId: !Ref Api, Path: /items, Method: get}}
        Open: {Type: Api, Properties: {RestApiId: !Ref Api, Path: /open, Method: get, Auth: {Authorizer: NONE}}}
`,
    });
    assert.ok(sam.ok, sam.ok ? '' : sam.message);
    const route = (path: string) => sam.served.api.routes.find((r) => r.path === path)!;
    assert.equal(iamAuthorization(sam.served.api, route('/items')), 'authorizer AWS_IAM');
    assert.equal(iamAuthorization(sam.served.api, route('/open')), undefined);
  });
});
