import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  alwaysExcluded,
  isCandidateName,
  isExcluded,
  isExcludedAnchored,
} from '../../../src/extension/workspace/globs';

test('folders that never hold definitions are excluded at any depth', () => {
  assert.equal(isExcluded('node_modules/pkg/openapi.yaml', alwaysExcluded), true);
  assert.equal(isExcluded('app/.aws-sam/build/template.yaml', alwaysExcluded), true);
  assert.equal(isExcluded('infra/cdk.out/Stack.template.json', alwaysExcluded), true);
  assert.equal(isExcluded('api/openapi.yaml', alwaysExcluded), false);
  assert.equal(isExcluded('distribution/openapi.yaml', alwaysExcluded), false);
});

test('user globs: **, *, ?, braces and bare file-name patterns', () => {
  assert.equal(isExcluded('a/generated/x/api.json', ['**/generated/**']), true);
  assert.equal(isExcluded('a/generator/api.json', ['**/generated/**']), false);
  assert.equal(isExcluded('specs/pets.bundle.json', ['*.bundle.json']), true);
  assert.equal(isExcluded('specs/pets.json', ['*.bundle.json']), false);
  assert.equal(isExcluded('v1/api.yaml', ['v?/api.{yaml,yml}']), true);
  assert.equal(isExcluded('v10/api.yaml', ['v?/api.{yaml,yml}']), false);
  assert.equal(isExcluded('top.yaml', ['*.yaml']), true);
  assert.equal(isExcluded('a/b.c.yaml', ['a/b.c.yaml']), true);
  assert.equal(isExcluded('a/bxc.yaml', ['a/b.c.yaml']), false, 'a dot is literal');
});

test('Windows separators are treated as /', () => {
  assert.equal(isExcluded('a\\generated\\api.json', ['**/generated/**']), true);
});

test('candidate files are YAML, JSON and .template files', () => {
  for (const name of ['a/openapi.yaml', 'b.yml', 'c.JSON', 'stack.template'])
    assert.equal(isCandidateName(name), true, name);
  for (const name of ['a.ts', 'yaml', 'b.yaml.bak']) assert.equal(isCandidateName(name), false, name);
});

test('isExcludedAnchored applies files.exclude as the full scan does: anchored at the folder unless ** starts it', () => {
  assert.equal(isExcludedAnchored('hidden-by-files-exclude/api.yaml', ['**/hidden-by-files-exclude']), true);
  assert.equal(isExcludedAnchored('a/hidden-by-files-exclude/api.yaml', ['**/hidden-by-files-exclude']), true);
  assert.equal(isExcludedAnchored('build/api.yaml', ['build']), true);
  assert.equal(isExcludedAnchored('src/build/api.yaml', ['build']), false);
  assert.equal(isExcludedAnchored('x/api.yaml', ['./x/']), true);
  assert.equal(isExcludedAnchored('real/api.yaml', ['**/.git', '**/*.tmp']), false);
  assert.equal(isExcludedAnchored('real/api.yaml', []), false);
});
