import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultStageName, stageNameProblem } from '../../../../src/extension/deploy/stageNames';

describe('stage names as API Gateway accepts them', () => {
  it('takes letters, digits, hyphens and underscores up to 128 characters', () => {
    for (const name of ['prod', 'dev-2', 'v1_beta', 'A', 'x'.repeat(128)]) {
      assert.equal(stageNameProblem('REST', name), undefined, name);
      assert.equal(stageNameProblem('HTTP', name), undefined, name);
    }
  });

  it('refuses other characters, naming them, an empty name and a long one', () => {
    assert.equal(
      stageNameProblem('REST', 'my stage.1'),
      "A stage name may only have letters, digits, - and _ (not ' ', '.').",
    );
    assert.match(stageNameProblem('HTTP', 'v1.0') ?? '', /not '\.'\), or be \$default\.$/);
    assert.match(stageNameProblem('REST', '') ?? '', /^Name the stage/);
    assert.match(stageNameProblem('REST', 'x'.repeat(129)) ?? '', /at most 128 characters \(this one has 129\)/);
  });

  it('takes $default for HTTP APIs only', () => {
    assert.equal(stageNameProblem('HTTP', '$default'), undefined);
    assert.match(stageNameProblem('REST', '$default') ?? '', /HTTP APIs only/);
    assert.match(stageNameProblem('WEBSOCKET', '$default') ?? '', /HTTP APIs only/);
  });

  it('offers the template stage, else $default (HTTP) or dev', () => {
    assert.equal(defaultStageName('REST', 'Prod'), 'Prod');
    assert.equal(defaultStageName('REST', undefined), 'dev');
    assert.equal(defaultStageName('HTTP', undefined), '$default');
    assert.equal(defaultStageName('REST', 'bad name'), 'dev', 'a declared name AWS would refuse is not offered');
  });
});
