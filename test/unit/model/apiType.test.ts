import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readDefinition } from '../../../src/model';
import type { ApiType } from '../../../src/model';
import { nodeFileSystem } from '../../../src/shared/nodeFileSystem';
import { fixture } from '../helpers/paths';

async function typeOf(parts: string[], apiType?: ApiType): Promise<[string, string]> {
  const result = await readDefinition(fixture('model', ...parts), { fs: nodeFileSystem, apiType });
  if (!result.ok) throw new Error(result.failure.error.message);
  const api = result.definition.apis[0];
  return [api?.type ?? '', api?.typeReason ?? ''];
}

test('the apiType option overrides everything', async () => {
  assert.deepEqual(await typeOf(['type', 'restOnly.yaml'], 'HTTP'), ['HTTP', 'Set to HTTP by the apiType option.']);
});

test('the CloudFormation resource type decides', async () => {
  assert.deepEqual(await typeOf(['sam', 'include.yaml']), [
    'REST',
    "Declared by the AWS::ApiGateway::RestApi resource 'RestApi', a REST API.",
  ]);
  assert.deepEqual(await typeOf(['cfn', 'websocket.yaml']), [
    'WEBSOCKET',
    "The AWS::ApiGatewayV2::Api resource 'ChatApi' has ProtocolType WEBSOCKET.",
  ]);
  assert.deepEqual(await typeOf(['type', 'v2NoProtocol.yaml']), [
    'HTTP',
    "The AWS::ApiGatewayV2::Api resource 'Api' has no ProtocolType: HTTP, as for an imported OpenAPI body.",
  ]);
});

test('Swagger 2.0 is REST', async () => {
  assert.deepEqual(await typeOf(['openapi', 'swagger20.yaml']), [
    'REST',
    'Swagger 2.0 definitions are REST APIs (HTTP APIs import only OpenAPI 3).',
  ]);
});

test('HTTP-API-only features make an OpenAPI 3 document HTTP', async () => {
  assert.deepEqual(await typeOf(['type', 'httpOnly.yaml']), [
    'HTTP',
    'Uses features only HTTP APIs have: payloadFormatVersion.',
  ]);
});

test('REST-only features make it REST', async () => {
  assert.deepEqual(await typeOf(['type', 'restOnly.yaml']), [
    'REST',
    'Uses features only REST APIs have: requestTemplates, MOCK integrations.',
  ]);
});

test('both kinds of features: REST, naming the conflict', async () => {
  assert.deepEqual(await typeOf(['type', 'mixed.yaml']), [
    'REST',
    'REST, because it uses REST-only features (x-amazon-apigateway-binary-media-types) as well as HTTP-API-only ones ' +
      '(x-amazon-apigateway-cors), which a REST import ignores. Set apiType to override.',
  ]);
});

test('neither: REST by default, saying so', async () => {
  assert.deepEqual(await typeOf(['type', 'plain.yaml']), [
    'REST',
    'REST by default: the definition uses no feature specific to REST or HTTP APIs. Set apiType to override.',
  ]);
});
