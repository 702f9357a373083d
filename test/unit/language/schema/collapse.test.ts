import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLanguageService } from '../../../../src/language';
import { nodeFileSystem } from '../../../../src/shared/nodeFileSystem';

// ajv does not inline the official schemas' $refs (validators.ts), so errors from two $ref'd definitions have
// schema paths that start alike ('#/oneOf/0/required'): each oneOf's "needs one of" stays its own.
describe('collapsed schema errors', () => {
  it("keeps a parameter's schema-or-content choice apart from its location's required property", async () => {
    const text = [
      'openapi: 3.0.1',
      "info: {title: t, version: '1'}",
      'paths:',
      '  /a/{id}:',
      '    get:',
      '      parameters:',
      '        - name: id',
      '          in: path',
      '      responses:',
      "        '200': {description: ok}",
      '',
    ].join('\n');
    const diagnostics = await createLanguageService({ fs: nodeFileSystem }).validate({
      file: '/virtual/collapse.yaml',
      text,
    });
    const messages = diagnostics.filter((d) => d.code === 'apigw.schema.missingProperty').map((d) => d.message);
    assert.deepEqual(messages.sort(), [
      "Item 1 of 'parameters' is missing the required property 'required'. Add it.",
      "Item 1 of 'parameters' needs one of the properties 'schema', 'content'. Add one.",
    ]);
  });
});
