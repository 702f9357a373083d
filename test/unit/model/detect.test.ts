import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeValue, looksLikeApiDefinition } from '../../../src/model';

test('OpenAPI and Swagger roots look like API definitions', () => {
  assert.equal(looksLikeApiDefinition('openapi: 3.0.1\ninfo: {}\n'), true);
  assert.equal(looksLikeApiDefinition('{\n  "openapi": "3.1.0",\n  "paths": {}\n}'), true);
  assert.equal(looksLikeApiDefinition("swagger: '2.0'\n"), true);
});

test('templates with an API resource or a SAM Api event look like API definitions', () => {
  assert.equal(looksLikeApiDefinition('Resources:\n  A:\n    Type: AWS::ApiGatewayV2::Api\n'), true);
  assert.equal(looksLikeApiDefinition('Resources:\n  A:\n    Type: "AWS::Serverless::HttpApi"\n'), true);
  const fn =
    'Resources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties:\n      Events:\n        E:\n          Type: Api\n';
  assert.equal(looksLikeApiDefinition(fn), true);
});

test('other YAML and JSON do not', () => {
  assert.equal(looksLikeApiDefinition('name: app\nversion: 1.0.0\n'), false);
  assert.equal(looksLikeApiDefinition('openapi: 1.0\n'), false);
  assert.equal(looksLikeApiDefinition('Resources:\n  B:\n    Type: AWS::S3::Bucket\n'), false);
  const sqs =
    'Resources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties:\n      Events:\n        E:\n          Type: SQS\n';
  assert.equal(looksLikeApiDefinition(sqs), false);
  assert.equal(looksLikeApiDefinition(`${' '.repeat(70 * 1024)}\nopenapi: 3.0.0\n`), false);
});

test('describeValue shows intrinsics compactly', () => {
  assert.equal(describeValue(undefined), undefined);
  assert.equal(describeValue('plain'), 'plain');
  assert.equal(describeValue({ 'Fn::Sub': 'arn:${AWS::Region}' }), 'arn:${AWS::Region}');
  assert.equal(describeValue({ 'Fn::Sub': ['${A}-x', { A: 'b' }] }), '${A}-x');
  assert.equal(describeValue({ Ref: 'MyFn' }), '!Ref MyFn');
  assert.equal(describeValue({ 'Fn::GetAtt': ['MyFn', 'Arn'] }), '!GetAtt MyFn.Arn');
  assert.equal(describeValue({ 'Fn::Join': ['', ['a', 'b']] }), '{"Fn::Join":["",["a","b"]]}');
});
