import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readDefinition } from '../../../src/model';
import { nodeFileSystem } from '../../../src/shared/nodeFileSystem';
import { fixture } from '../helpers/paths';

// API Gateway does not treat the items of a `security` list as OpenAPI alternatives: a REST method has one
// authorizer and one "API key required" flag, and the import sets that flag when ANY requirement names the
// API-key scheme. SAM relies on it: `Auth.ApiKeyRequired` with an authorizer becomes
// `security: [{MyAuthorizer: []}, {api_key: []}]`, and the deployed method requires both.
test('a route requires an API key when any of its security requirements names the API-key scheme', async () => {
  const result = await readDefinition(fixture('model', 'openapi', 'securityAlternatives.yaml'), {
    fs: nodeFileSystem,
  });
  assert.ok(result.ok);
  const { apis, problems } = result.definition;
  assert.deepEqual(problems, []);
  assert.deepEqual(
    apis[0]?.routes.map((r) => [r.path, r.apiKeyRequired, r.authorizerNames]),
    [
      ['/either', true, ['cognito']],
      ['/both', true, ['cognito']],
      ['/cognito', false, ['cognito']],
      ['/inherited', true, []],
      ['/open', false, []],
    ],
  );
});
