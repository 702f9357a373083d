import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readDefinition } from '../../../src/model';
import type { DefinitionFile, GatewayApi } from '../../../src/model';
import { nodeFileSystem } from '../../../src/shared/nodeFileSystem';
import { fixture } from '../helpers/paths';

async function read(): Promise<DefinitionFile> {
  const result = await readDefinition(fixture('model', 'sam', 'globals.yaml'), { fs: nodeFileSystem });
  if (!result.ok) throw new Error(result.failure.error.message);
  return result.definition;
}

function api(definition: DefinitionFile, logicalId: string): GatewayApi {
  const found = definition.apis.find((a) => a.source.logicalId === logicalId);
  assert.ok(found, `no API ${logicalId}`);
  return found;
}

test('Globals.Api applies to explicit and implicit APIs; the resource wins, mappings merge', async () => {
  const definition = await read();
  assert.deepEqual(definition.problems, []);
  const explicit = api(definition, 'ExplicitApi');
  assert.deepEqual(explicit.cors?.allowOrigins, ['https://own.example']);
  assert.deepEqual(explicit.stage?.name, 'live');
  assert.deepEqual(explicit.stage?.variables, { region: 'eu-west-1', table: 'pets' });
  assert.deepEqual(
    explicit.authorizers.map((a) => [a.name, a.type]),
    [['TokenAuth', 'token']],
  );
  const implicit = api(definition, 'ServerlessRestApi');
  assert.deepEqual(implicit.cors?.allowOrigins, ['https://global.example']);
  assert.equal(implicit.cors?.loc.pointer, '/Globals/Api/Cors');
  assert.deepEqual(implicit.stage, {
    name: 'Prod',
    variables: { region: 'eu-west-1' },
    loc: implicit.stage?.loc,
  });
  assert.equal(implicit.stage?.loc.pointer, '/Globals/Api/Variables');
  assert.deepEqual(implicit.security, [{ TokenAuth: [] }]);
});

test('Globals.HttpApi applies to the implicit HTTP API, which is deployed to $default', async () => {
  const http = api(await read(), 'ServerlessHttpApi');
  assert.deepEqual(http.cors?.allowOrigins, ['https://http.example']);
  assert.equal(http.stage?.name, '$default');
  assert.equal(http.routes[0]?.apiKeyRequired, false);
});

test('Auth.ApiKeyRequired is inherited by function events unless the event says otherwise', async () => {
  const definition = await read();
  assert.deepEqual(
    [...api(definition, 'ServerlessRestApi').routes, ...api(definition, 'ExplicitApi').routes].map((r) => [
      `${r.method} ${r.path}`,
      r.apiKeyRequired,
      r.authorizerNames,
      r.loc.range.start.line,
    ]),
    [
      ['GET /locked', true, ['TokenAuth'], 32],
      ['GET /open', false, [], 37],
      ['POST /explicit', true, ['TokenAuth'], 45],
    ],
  );
});

test("an API's Auth.ApiKeyRequired also requires a key on the methods of its DefinitionBody", async () => {
  const result = await readDefinition(fixture('model', 'sam', 'apiKeyBody.yaml'), { fs: nodeFileSystem });
  assert.ok(result.ok);
  assert.deepEqual(result.definition.problems, []);
  assert.deepEqual(
    result.definition.apis[0]?.routes.map((r) => [r.method, r.path, r.apiKeyRequired]),
    [['GET', '/items', true]],
  );
});
