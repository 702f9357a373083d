import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { missingParameters } from '../../../../src/extension/deploy/templateParameters';

const at = { start: { line: 3, character: 4 }, end: { line: 3, character: 20 } };
const missing = (name: string) => ({
  range: at,
  severity: 'error' as const,
  code: 'apigw.deploy.missingParameter',
  message: `The body of 'PetsApi' uses the template parameter ${name} (line 4), which has no value and no Default: give it a value (--parameter ${name}=VALUE).`,
  data: { parameter: name },
});

describe('template parameters to ask for', () => {
  it('names each parameter the body uses without a value, once', () => {
    assert.deepEqual(missingParameters([missing('BackendUrl'), missing('Stage'), missing('BackendUrl')]), [
      'BackendUrl',
      'Stage',
    ]);
  });

  it('asks nothing when other problems stop the deploy too (they are shown instead)', () => {
    const other = {
      range: at,
      severity: 'error' as const,
      code: 'apigw.deploy.unresolvedIntrinsic',
      message: 'uses Ref MyFunction',
    };
    assert.equal(missingParameters([missing('A'), other]), undefined);
    assert.equal(missingParameters([]), undefined);
    assert.equal(missingParameters([{ ...missing('A'), data: {} }]), undefined);
  });

  it("reads the name from the diagnostic's data, never from its message", () => {
    assert.deepEqual(missingParameters([{ ...missing('Stage'), message: 'Reworded: no value for this one.' }]), [
      'Stage',
    ]);
    assert.deepEqual(missingParameters([{ ...missing('Stage'), message: 'uses the template parameter Other' }]), [
      'Stage',
    ]);
  });
});
