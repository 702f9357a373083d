import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatPlan } from '../../../../src/aws/deploy/formatPlan';
import { planDeploy } from '../../../../src/aws/deploy/planner';
import { shapeFromDocument } from '../../../../src/aws/deploy/shape';
import type { DeploySource } from '../../../../src/aws/deploy/types';
import { AwsError, type DeployedStage, type DeployTarget } from '../../../../src/aws/types';
import { plain, prepareFile, readFixture, setAt } from './helpers';

const restExport = (): unknown => JSON.parse(readFixture('awsDeploy', 'pets-rest.export.json'));
const httpExport = (): unknown => JSON.parse(readFixture('awsDeploy', 'notes-http.export.json'));

const stage = (name: string, variables: Record<string, string> = {}, autoDeploy?: boolean): DeployedStage => ({
  apiId: 'a1b2c3d4e5',
  name,
  invokeUrl: `https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com/${name}`,
  variables,
  ...(autoDeploy === undefined ? {} : { autoDeploy }),
});

const rest = (extra: Partial<DeployTarget> = {}): DeployTarget => ({
  kind: 'REST',
  stage: 'prod',
  failOnWarnings: true,
  ...extra,
});
const http = (extra: Partial<DeployTarget> = {}): DeployTarget => ({
  kind: 'HTTP',
  stage: 'prod',
  failOnWarnings: true,
  ...extra,
});
const ops = (plan: { steps: Array<{ operation: string }> }): string[] => plan.steps.map((s) => s.operation);

test('REST, new API: ImportRestApi with the import parameters, then CreateDeployment to the stage with its variables', async () => {
  const source = await prepareFile('examples/pets-rest/openapi.yaml');
  const plan = planDeploy(
    source,
    undefined,
    rest({ endpointType: 'REGIONAL', basepath: 'split', variables: { quotesHost: 'q.example.com' } }),
  );
  assert.equal(plan.kind, 'create');
  assert.deepEqual(ops(plan), ['ImportRestApi', 'CreateDeployment']);
  assert.deepEqual(plain(plan.steps[0]?.input), {
    failOnWarnings: true,
    parameters: { basepath: 'split', endpointConfigurationTypes: 'REGIONAL' },
  });
  assert.deepEqual(plain(plan.steps[1]?.input), {
    restApiId: '{ref:api}',
    stageName: 'prod',
    variables: { quotesHost: 'q.example.com' },
  });
  assert.equal(plan.steps[0]?.changesApi, true);
  assert.equal(plan.steps[1]?.changesStage, true);
  assert.equal(plan.body, source.bodyText);
  assert.equal(plan.changes.filter((c) => c.category === 'route' && c.action === 'add').length, 6);
  const text = formatPlan(plan);
  assert.match(
    text.split('\n')[0]!,
    /^Create REST API "Pets REST API" and deploy it to stage prod: 6 route\(s\), 2 step\(s\)\.$/,
  );
  assert.match(text, /\n {2}\+ GET \/pets: aws_proxy POST arn:aws:apigateway/);
  assert.match(text, /\nStage\n {2}\+ prod: variables quotesHost\n/);
  assert.match(
    text,
    /\nSteps\n {2}1\. Create REST API "Pets REST API" from the definition \(ImportRestApi\)\n {2}2\. Deploy to stage prod \(CreateDeployment\)\n/,
  );
});

test('REST, the export of the same API with the stage in place: no change, no steps', async () => {
  const source = await prepareFile('examples/pets-rest/openapi.yaml');
  const plan = planDeploy(
    source,
    { shape: shapeFromDocument(restExport(), 'REST'), stage: stage('prod') },
    rest({ apiId: 'a1b2c3d4e5' }),
  );
  assert.deepEqual(plain(plan.changes), []);
  assert.equal(plan.kind, 'noChange');
  assert.deepEqual(plan.steps, []);
  assert.match(
    formatPlan(plan),
    /^No change: REST API "Pets REST API" \(a1b2c3d4e5\) stage prod already matches the definition\.\n$/,
  );
});

test('REST, update (overwrite): changed integration, removed and added routes, a model, then PutRestApi and CreateDeployment', async () => {
  const source = await prepareFile('examples/pets-rest/openapi.yaml');
  const deployed = restExport();
  setAt(deployed, ['paths', '/pets', 'get', 'x-amazon-apigateway-integration', 'uri'], 'arn:old');
  setAt(deployed, ['paths', '/old'], { delete: { 'x-amazon-apigateway-integration': { type: 'mock' } } });
  setAt(deployed, ['paths', '/health'], undefined);
  setAt(deployed, ['components', 'schemas', 'Pets'], undefined);
  const plan = planDeploy(
    source,
    { shape: shapeFromDocument(deployed, 'REST'), stage: stage('prod') },
    rest({ apiId: 'a1b2c3d4e5' }),
  );
  assert.equal(plan.kind, 'update');
  assert.deepEqual(
    plan.changes.map((c) => `${c.action} ${c.category} ${c.key}${c.detail ? ` (${c.detail})` : ''}`),
    [
      'remove route DELETE /old',
      'add route GET /health (mock)',
      'change integration GET /pets (uri)',
      'add model Pets',
    ],
  );
  assert.deepEqual(ops(plan), ['PutRestApi', 'CreateDeployment']);
  assert.deepEqual(plain(plan.steps[0]?.input), {
    restApiId: 'a1b2c3d4e5',
    mode: 'overwrite',
    failOnWarnings: true,
    parameters: {},
  });
  const text = formatPlan(plan);
  assert.match(
    text.split('\n')[0]!,
    /^Update REST API "Pets REST API" \(a1b2c3d4e5\) stage prod: 4 changes, 2 step\(s\)\.$/,
  );
  assert.match(
    text,
    /\nRoutes\n {2}- DELETE \/old\n {2}\+ GET \/health: mock\n\nIntegrations\n {2}~ GET \/pets \(uri\)\n\nModels\n {2}\+ Pets\n/,
  );
});

test('REST, merge mode: nothing is removed, and a note names what stays', async () => {
  const source = await prepareFile('examples/pets-rest/openapi.yaml');
  const deployed = restExport();
  setAt(deployed, ['paths', '/old'], { delete: {} });
  const plan = planDeploy(
    source,
    { shape: shapeFromDocument(deployed, 'REST'), stage: stage('prod') },
    rest({ apiId: 'a1b2c3d4e5', mode: 'merge' }),
  );
  assert.deepEqual(plan.changes, []);
  assert.equal(plan.kind, 'noChange');
  assert.match(
    plan.notes.join('\n'),
    /merge.*never removes: 1 deployed part\(s\) not in the definition stay \(route DELETE \/old\)/,
  );
});

test('REST: only the stage variables differ → one CreateDeployment; the stage is missing → CreateDeployment creates it', async () => {
  const source = await prepareFile('examples/pets-rest/openapi.yaml');
  const shape = shapeFromDocument(restExport(), 'REST');
  const target = rest({ apiId: 'a1b2c3d4e5', variables: { quotesHost: 'new.example.com', legacyHost: 'l' } });
  const plan = planDeploy(
    source,
    { shape, stage: stage('prod', { quotesHost: 'old.example.com', legacyHost: 'l', extra: 'x' }) },
    target,
  );
  assert.equal(plan.kind, 'update');
  assert.deepEqual(
    plan.changes.map((c) => [c.action, c.category, c.key, c.detail]),
    [['change', 'stage', 'prod', 'variables quotesHost']],
  );
  assert.deepEqual(ops(plan), ['CreateDeployment']);
  const missing = planDeploy(source, { shape }, rest({ apiId: 'a1b2c3d4e5' }));
  assert.deepEqual(
    missing.changes.map((c) => [c.action, c.category, c.key]),
    [['add', 'stage', 'prod']],
  );
  assert.deepEqual(ops(missing), ['CreateDeployment']);
});

test('HTTP: ImportApi then CreateStage with auto-deploy; ReimportApi then UpdateStage and CreateDeployment; auto-deploy stages need no deployment', async () => {
  const source = await prepareFile('examples/notes-http/openapi.json');
  const created = planDeploy(source, undefined, http({ basepath: 'ignore', variables: { a: 'b' } }));
  assert.deepEqual(ops(created), ['ImportApi', 'CreateStage']);
  assert.deepEqual(plain(created.steps[0]?.input), { FailOnWarnings: true, Basepath: 'ignore' });
  assert.deepEqual(plain(created.steps[1]?.input), {
    ApiId: '{ref:api}',
    StageName: 'prod',
    AutoDeploy: true,
    StageVariables: { a: 'b' },
  });

  const deployed = httpExport();
  setAt(deployed, ['paths', '/status', 'get', 'x-amazon-apigateway-integration', 'uri'], 'https://old.example.com');
  const shape = shapeFromDocument(deployed, 'HTTP');
  const updated = planDeploy(
    source,
    { shape, stage: stage('prod', { a: 'old' }, false) },
    http({ apiId: 'q1w2e3r4t5', variables: { a: 'b' } }),
  );
  assert.deepEqual(ops(updated), ['ReimportApi', 'UpdateStage', 'CreateDeployment']);
  assert.deepEqual(plain(updated.steps[0]?.input), { ApiId: 'q1w2e3r4t5', FailOnWarnings: true });
  assert.deepEqual(plain(updated.steps[2]?.input), { ApiId: 'q1w2e3r4t5', StageName: 'prod' });
  assert.deepEqual(
    updated.changes.map((c) => `${c.action} ${c.category} ${c.key}`),
    ['change integration GET /status', 'change stage prod'],
  );

  const auto = planDeploy(
    source,
    { shape, stage: stage('$default', {}, true) },
    http({ apiId: 'q1w2e3r4t5', stage: '$default' }),
  );
  assert.deepEqual(ops(auto), ['ReimportApi']);
  assert.match(auto.notes.join(' '), /deploys automatically/);

  const same = planDeploy(
    source,
    { shape: shapeFromDocument(httpExport(), 'HTTP'), stage: stage('prod') },
    http({ apiId: 'q1w2e3r4t5' }),
  );
  assert.equal(same.kind, 'noChange');
  assert.deepEqual(ops(same), []);

  const noStage = planDeploy(
    source,
    { shape: shapeFromDocument(httpExport(), 'HTTP') },
    http({ apiId: 'q1w2e3r4t5', stage: 'beta' }),
  );
  assert.deepEqual(ops(noStage), ['CreateStage']);
});

test('bad targets are refused before anything is planned, each with a clear message', async () => {
  const source = await prepareFile('examples/notes-http/openapi.json');
  const refused = (target: DeployTarget): string => {
    try {
      planDeploy(source, undefined, target);
    } catch (error) {
      assert.ok(error instanceof AwsError);
      assert.equal(error.problem.kind, 'badRequest');
      return error.problem.message;
    }
    return assert.fail('not refused');
  };
  assert.match(
    refused(http({ stage: 'prod stage' })),
    /stage name 'prod stage' is not one API Gateway accepts.*or '\$default'/,
  );
  assert.match(refused(http({ stage: '' })), /No stage name is given/);
  assert.match(refused(rest({ stage: '$default' })), /The definition is a HTTP API, but the target is a REST API/);
  assert.match(refused(http({ variables: { 'bad name': 'x' } })), /stage variable name 'bad name' is not valid/);
  assert.match(
    refused(http({ variables: { v: 'has space' } })),
    /value of stage variable 'v' is not one API Gateway accepts/,
  );
  assert.match(refused(http({ apiId: 'no/such' })), /'no\/such' is not an API id/);
});

test('an API whose definition could not be read shows everything as added, and says so', async () => {
  const source: DeploySource = await prepareFile('examples/notes-http/openapi.json');
  const plan = planDeploy(source, { stage: stage('prod') }, http({ apiId: 'q1w2e3r4t5' }));
  assert.equal(plan.kind, 'update');
  assert.ok(plan.changes.every((c) => c.action === 'add'));
  assert.match(plan.notes.join(' '), /could not be read, so every part shows as added/);
  assert.deepEqual(ops(plan), ['ReimportApi', 'CreateDeployment']);
});
