import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { placeKey, TargetMemory, targetKey, type TargetStore } from '../../../../src/extension/deploy/targetMemory';

function memoryStore(): TargetStore & { values: Map<string, unknown> } {
  const values = new Map<string, unknown>();
  return {
    values,
    get: <T>(key: string) => values.get(key) as T | undefined,
    update: (key: string, value: unknown) => {
      if (value === undefined) values.delete(key);
      else values.set(key, value);
      return Promise.resolve();
    },
  };
}

const place = { region: 'eu-west-1' };

describe('remembered deploy targets', () => {
  it('keys a target by place, workspace-relative definition and API name', () => {
    assert.equal(placeKey({ region: 'eu-west-1' }), '@eu-west-1');
    assert.equal(placeKey({ profile: 'dev', region: 'us-east-1' }), 'dev@us-east-1');
    assert.equal(
      placeKey({ region: 'eu-west-1', endpointUrl: 'http://127.0.0.1:4566' }),
      '@eu-west-1 http://127.0.0.1:4566',
    );
    assert.equal(
      targetKey('pets-rest\\openapi.yaml', 'Pets', place),
      targetKey('pets-rest/openapi.yaml', 'Pets', place),
      'the same on every OS',
    );
    const keys = new Set([
      targetKey('a/openapi.yaml', 'Pets', place),
      targetKey('a/openapi.yaml', 'Orders', place),
      targetKey('b/openapi.yaml', 'Pets', place),
      targetKey('a/openapi.yaml', 'Pets', { region: 'us-east-1' }),
      targetKey('a/openapi.yaml', 'Pets', { profile: 'prod', region: 'eu-west-1' }),
    ]);
    assert.equal(keys.size, 5);
    // A name with the separator in it cannot be mistaken for another definition + name.
    assert.notEqual(targetKey('a', 'b|c', place), targetKey('a|b', 'c', place));
  });

  it('remembers, offers and forgets a target per definition and API', async () => {
    const store = memoryStore();
    const memory = new TargetMemory(store);
    assert.equal(memory.get('pets/openapi.yaml', 'Pets', place), undefined);
    await memory.remember('pets/openapi.yaml', 'Pets', place, {
      kind: 'REST',
      apiId: 'a1b2c3',
      stage: 'prod',
      mode: 'merge',
      apiName: 'Pets',
    });
    assert.deepEqual(memory.get('pets/openapi.yaml', 'Pets', place), {
      kind: 'REST',
      apiId: 'a1b2c3',
      stage: 'prod',
      mode: 'merge',
      apiName: 'Pets',
    });
    assert.equal(
      memory.get('pets/openapi.yaml', 'Pets', { region: 'us-east-1' }),
      undefined,
      'another region has its own',
    );
    assert.equal(memory.get('pets/openapi.yaml', 'Other', place), undefined);
    await memory.forget('pets/openapi.yaml', 'Pets', place);
    assert.equal(memory.get('pets/openapi.yaml', 'Pets', place), undefined);
    assert.equal(store.values.size, 0);
  });

  it('ignores stored values it did not write', () => {
    const store = memoryStore();
    const memory = new TargetMemory(store);
    const key = targetKey('x.yaml', 'X', place);
    for (const bad of [
      null,
      'a1b2',
      { kind: 'SOAP', apiId: 'a', stage: 's' },
      { kind: 'REST', apiId: '../x', stage: 's' },
      { kind: 'HTTP', apiId: 'a1', stage: '' },
      { kind: 'REST', apiId: 'a1', stage: 'p', mode: 'replace' },
    ]) {
      store.values.set(key, bad);
      assert.equal(memory.get('x.yaml', 'X', place), undefined, JSON.stringify(bad));
    }
  });
});
