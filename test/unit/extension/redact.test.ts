import assert from 'node:assert/strict';
import { test } from 'node:test';
import { redact } from '../../../src/extension/logging/redact';

test('Authorization headers and API keys are redacted', () => {
  assert.equal(redact('Authorization: Bearer abc.def'), 'Authorization: <redacted>');
  assert.equal(redact('{"x-api-key":"k123"}'), '{"x-api-key":"<redacted>"}');
});

test('AWS access keys, secrets, tokens and JWTs are redacted', () => {
  assert.equal(redact('key AKIAABCDEFGHIJKLMNOP used'), 'key <redacted-access-key> used');
  assert.equal(redact('aws_secret_access_key=wJalrXUtnFEMI/K7MDENG'), 'aws_secret_access_key=<redacted>');
  assert.equal(redact('{"password": "hunter2", "user": "bob"}'), '{"password": "<redacted>", "user": "bob"}');
  assert.equal(redact('got eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.sig'), 'got <redacted-jwt>');
});

test('ordinary log lines are unchanged', () => {
  const line = 'Scanning 12 candidate files for API definitions in /work/pets-rest/openapi.yaml';
  assert.equal(redact(line), line);
});
