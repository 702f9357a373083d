// `yaml` is loaded only when the full YAML parser runs: reading a definition the fast path reads (a workspace
// scan of the usual definitions) does not load it. This file must import nothing that imports `yaml`.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { parseSource } from '../../../../src/model/parse';

const yamlLoaded = (): boolean =>
  Object.keys(require.cache).some((file) => /[\\/]node_modules[\\/]yaml[\\/]/.test(file));

it('the fast path reads a definition without loading yaml; the full parser loads it', () => {
  const fast = parseSource('/work/api.yaml', "openapi: 3.0.1\ninfo:\n  title: T\n  version: '1'\npaths: {}\n");
  assert.equal(fast.root?.kind, 'object');
  assert.equal(yamlLoaded(), false);
  // An anchor and an alias: the fast path declines, the full parser reads it.
  const full = parseSource('/work/api.yaml', 'a: &x 1\nb: *x\n');
  assert.equal(full.root?.kind, 'object');
  assert.equal(yamlLoaded(), true);
});
