import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stringify } from 'yaml';
import { compareWebSocketWithDeployed, compareWithDeployed, parseExport } from '../../../../src/aws/deploy/drift';
import { deployedWebSocketShape } from '../../../../src/aws/deploy/websocketShape';
import { AwsError } from '../../../../src/aws/types';
import { chatTemplate, ok, plain, prepare, prepareFile, readFixture, setAt } from './helpers';

test('no drift: a definition and the export of what was deployed from it read the same (JSON or YAML export, either view)', async () => {
  const local = await prepareFile('examples/pets-rest/openapi.yaml');
  const exported = readFixture('awsDeploy', 'pets-rest.export.json');
  const json = compareWithDeployed(local, exported, 'json');
  assert.equal(json.same, true);
  assert.deepEqual(json.changes, []);
  assert.equal(json.localText, json.deployedText);
  const yaml = compareWithDeployed(local, stringify(JSON.parse(exported)), 'yaml');
  assert.equal(yaml.same, true);
  assert.match(yaml.localText, /^components:\n {2}schemas:\n/);
  const http = compareWithDeployed(
    await prepareFile('examples/notes-http/openapi.json'),
    readFixture('awsDeploy', 'notes-http.export.json'),
  );
  assert.equal(http.same, true);
});

test('drift: an edit to the definition shows in the texts and as the change a deploy would make', async () => {
  const local = await prepareFile('examples/pets-rest/openapi.yaml');
  const body = plain(local.body);
  const edited = { ...local, body };
  setAt(body, ['paths', '/pets', 'get', 'x-amazon-apigateway-integration', 'timeoutInMillis'], 5000);
  setAt(body, ['paths', '/health'], undefined);
  const drift = compareWithDeployed(edited, readFixture('awsDeploy', 'pets-rest.export.json'), 'json');
  assert.equal(drift.same, false);
  assert.match(drift.localText, /"timeoutInMillis": 5000/);
  assert.doesNotMatch(drift.deployedText, /"timeoutInMillis"/);
  assert.deepEqual(
    drift.changes.map((c) => `${c.action} ${c.category} ${c.key}${c.detail ? ` (${c.detail})` : ''}`),
    ['remove route GET /health', 'change integration GET /pets (timeoutInMillis)'],
  );
});

test('a Swagger 2.0 definition against an OpenAPI 3 export says which export to take; bad exports are told', async () => {
  const local = ok(
    await prepare({ '/w/s.yaml': 'swagger: "2.0"\ninfo: { title: s, version: "1" }\npaths: {}\n' }, '/w/s.yaml'),
  );
  const drift = compareWithDeployed(local, '{"openapi": "3.0.1", "info": {"title": "s"}, "paths": {}}');
  assert.match(drift.notes[0] ?? '', /export the API as swagger/);
  assert.throws(
    () => parseExport('[1, 2]'),
    (e: unknown) => e instanceof AwsError && /not an OpenAPI document/.test(e.problem.message),
  );
  assert.throws(
    () => parseExport('a: [1, 2'),
    (e: unknown) => e instanceof AwsError && /could not be read/.test(e.problem.message),
  );
});

test('WebSocket drift compares the template’s settings with the deployed parts', async () => {
  const local = ok(await prepare({ '/w/ws.yaml': chatTemplate }, '/w/ws.yaml', { logicalId: 'Chat' }));
  assert.throws(() => compareWithDeployed(local, '{}'), AwsError);
  const shape = deployedWebSocketShape({
    api: { Name: 'chat', RouteSelectionExpression: '$request.body.action' },
    routes: [{ RouteId: 'r1', RouteKey: '$connect', AuthorizationType: 'NONE', Target: 'integrations/i1' }],
    integrations: [{ IntegrationId: 'i1', IntegrationType: 'AWS_PROXY', IntegrationUri: 'arn:changed' }],
    routeResponses: new Map(),
    integrationResponses: new Map(),
    authorizers: [],
  });
  const drift = compareWebSocketWithDeployed(local, shape, 'json');
  assert.equal(drift.same, false);
  assert.deepEqual(
    drift.changes.map((c) => `${c.action} ${c.category} ${c.key}`),
    ['change integration $connect', 'add route sendMessage'],
  );
});
