import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  InvokeTargetMemory,
  invokeTargetKey,
  parseTargetKey,
  type KeyedStore,
} from '../../../../src/extension/awsInvoke/invokeMemory';

function store(): KeyedStore & { map: Map<string, unknown> } {
  const map = new Map<string, unknown>();
  return {
    map,
    keys: () => [...map.keys()],
    get: <T>(key: string) => map.get(key) as T | undefined,
    update: (key: string, value: unknown) => {
      if (value === undefined) map.delete(key);
      else map.set(key, value);
      return Promise.resolve();
    },
  };
}

const place = { region: 'eu-west-1' };

describe('the AWS targets Invoke on AWS remembers', () => {
  it('remembers a target per definition, API and place', async () => {
    const s = store();
    const memory = new InvokeTargetMemory(s);
    let changes = 0;
    memory.onDidChange(() => changes++);
    await memory.remember('apis\\pets.yaml', 'Pets', place, {
      kind: 'REST',
      apiId: 'abc123',
      stage: 'prod',
      apiName: 'Pets',
    });
    assert.equal(changes, 1);
    assert.deepEqual(memory.get('apis/pets.yaml', 'Pets', place), {
      kind: 'REST',
      apiId: 'abc123',
      stage: 'prod',
      apiName: 'Pets',
    });
    assert.equal(memory.get('apis/pets.yaml', 'Pets', { region: 'us-east-1' }), undefined);
    assert.equal(memory.get('apis/pets.yaml', 'Other', place), undefined);
    assert.deepEqual(parseTargetKey(invokeTargetKey('apis/pets.yaml', 'Pets', place)), {
      place: '@eu-west-1',
      definition: 'apis/pets.yaml',
      apiName: 'Pets',
    });
  });

  it('tells, without a place, whether this memory or the deploy memory holds a target (for the CodeLens)', () => {
    const s = store();
    const memory = new InvokeTargetMemory(s);
    assert.equal(memory.hasAny('pets.yaml', 'Pets'), false);
    // As src/extension/deploy/targetMemory.ts writes it after a deploy.
    s.map.set('apigw.deploy.target:["dev@eu-west-1","pets.yaml","Pets"]', {
      kind: 'HTTP',
      apiId: 'h1',
      stage: '$default',
    });
    assert.equal(memory.hasAny('pets.yaml', 'Pets'), true);
    assert.equal(memory.hasAny('pets.yaml', 'Cats'), false);
    s.map.set('apigw.invokeOnAws.target:not json', { kind: 'REST', apiId: 'x' });
    assert.equal(parseTargetKey('apigw.invokeOnAws.target:not json'), undefined);
    assert.equal(parseTargetKey('something.else'), undefined);
  });

  it('reads where Deploy deployed the API at the place, REST and HTTP only', () => {
    const s = store();
    const memory = new InvokeTargetMemory(s);
    const dev = { region: 'eu-west-1', profile: 'dev', endpointUrl: 'http://127.0.0.1:4566' };
    s.map.set('apigw.deploy.target:["dev@eu-west-1 http://127.0.0.1:4566","apis/pets.yaml","Pets"]', {
      kind: 'REST',
      apiId: 'abc123',
      apiName: 'Pets',
      stage: 'prod',
      mode: 'merge',
    });
    s.map.set('apigw.deploy.target:["dev@eu-west-1 http://127.0.0.1:4566","apis/pets.yaml","Chat"]', {
      kind: 'WEBSOCKET',
      apiId: 'ws1',
      stage: 'prod',
    });
    assert.deepEqual(memory.deployed('apis/pets.yaml', 'Pets', dev), {
      kind: 'REST',
      apiId: 'abc123',
      stage: 'prod',
      apiName: 'Pets',
    });
    assert.equal(memory.deployed('apis/pets.yaml', 'Pets', { region: 'eu-west-1' }), undefined);
    assert.equal(memory.deployed('apis/pets.yaml', 'Chat', dev), undefined);
    assert.equal(memory.get('apis/pets.yaml', 'Pets', dev), undefined, 'the deploy memory is not the invoke memory');
  });

  it('ignores what was stored by hand or by an older version', () => {
    const s = store();
    s.map.set(invokeTargetKey('pets.yaml', 'Pets', place), { kind: 'WEBSOCKET', apiId: 'abc' });
    s.map.set(invokeTargetKey('pets.yaml', 'Cats', place), { kind: 'REST', apiId: '../x' });
    s.map.set(invokeTargetKey('pets.yaml', 'Dogs', place), { kind: 'REST', apiId: 'ok1', stage: '' });
    const memory = new InvokeTargetMemory(s);
    assert.equal(memory.get('pets.yaml', 'Pets', place), undefined);
    assert.equal(memory.get('pets.yaml', 'Cats', place), undefined);
    assert.equal(memory.get('pets.yaml', 'Dogs', place), undefined);
  });
});
