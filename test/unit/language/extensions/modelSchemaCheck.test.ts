// A model's meta-schema verdict after a one-value edit, checked on the smallest subschema holding the edit,
// must equal the verdict of a check of the whole model: for edits in every kind of subschema place.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseSource } from '../../../../src/model';
import { getProperty } from '../../../../src/model/parse';
import type { ScalarNode, SourceNode } from '../../../../src/model/sourceNode';
import { modelErrors, modelErrorsAfterEdit } from '../../../../src/language/rules/extensions/modelSchemaCheck';

const model = (text: string): SourceNode => {
  const root = parseSource('/virtual/model.yaml', text).root;
  const found = getProperty(root, 'Model');
  assert.ok(found, 'the text has a Model');
  return found;
};

function scalarAt(node: SourceNode, pointer: string): ScalarNode {
  const stack = [node];
  while (stack.length > 0) {
    const n = stack.pop() as SourceNode;
    if (n.pointer === pointer && n.kind === 'scalar') return n;
    if (n.kind === 'array') stack.push(...n.items);
    else if (n.kind === 'object') stack.push(...n.properties.map((p) => p.value));
  }
  throw new Error(`no scalar at ${pointer}`);
}

/** [before, after, pointer of the edited scalar] */
const cases: Array<[string, string, string]> = [
  ['properties: {a: {type: string}}', 'properties: {a: {type: strng}}', '/Model/properties/a/type'],
  ['properties: {a: {type: string}}', 'properties: {a: {type: number}}', '/Model/properties/a/type'],
  ['items: {type: string}', 'items: {type: strin}', '/Model/items/type'],
  ['items: [{type: string}, {type: object}]', 'items: [{type: string}, {type: objec}]', '/Model/items/1/type'],
  ['allOf: [{type: object}]', 'allOf: [{type: objectx}]', '/Model/allOf/0/type'],
  ['anyOf: [{not: {type: a}}]', 'anyOf: [{not: {type: string}}]', '/Model/anyOf/0/not/type'],
  ['anyOf: [{not: {type: string}}]', 'anyOf: [{not: {type: strin}}]', '/Model/anyOf/0/not/type'],
  [
    'patternProperties: {"^x": {type: string}}',
    'patternProperties: {"^x": {type: sting}}',
    '/Model/patternProperties/^x/type',
  ],
  ['dependencies: {a: [b]}', 'dependencies: {a: [c]}', '/Model/dependencies/a/0'],
  ['dependencies: {a: {type: string}}', 'dependencies: {a: {type: strig}}', '/Model/dependencies/a/type'],
  ['additionalProperties: {type: string}', 'additionalProperties: {type: strig}', '/Model/additionalProperties/type'],
  ['properties: {a: {enum: [x]}}', 'properties: {a: {enum: [y]}}', '/Model/properties/a/enum/0'],
  ['properties: {a: {required: [x]}}', 'properties: {a: {required: [y]}}', '/Model/properties/a/required/0'],
  ['properties: {"a/b": {type: string}}', 'properties: {"a/b": {type: strin}}', '/Model/properties/a~1b/type'],
  ['definitions: {d: {type: string}}', 'definitions: {d: {type: strin}}', '/Model/definitions/d/type'],
  ['type: object', 'type: objet', '/Model/type'],
  ['x-extra: {type: string}', 'x-extra: {type: strin}', '/Model/x-extra/type'],
  ['properties: {a: {$schema: x}}', 'properties: {a: {$schema: y}}', '/Model/properties/a/$schema'],
  [
    'properties: {a: {$schema: x, type: string}}',
    'properties: {a: {$schema: x, type: strin}}',
    '/Model/properties/a/type',
  ],
];

describe('model verdict after an edit', () => {
  for (const [before, after, pointer] of cases) {
    it(`${before} → ${after}`, () => {
      const old = model(`Model: {type: object, ${before}}\n`);
      const edited = model(`Model: {type: object, ${after}}\n`);
      const expected = modelErrors(edited);
      const actual = modelErrorsAfterEdit(edited, modelErrors(old), scalarAt(edited, pointer));
      assert.deepEqual(actual, expected);
    });
  }

  it('checks the whole model when it had errors before', () => {
    const edited = model('Model: {type: objet, properties: {a: {type: string}}}\n');
    const errors = modelErrorsAfterEdit(edited, modelErrors(edited), scalarAt(edited, '/Model/properties/a/type'));
    assert.ok(errors.length > 0);
    assert.equal(errors[0]?.instancePath, '/type');
  });

  it('says a model that is not an object must be one', () => {
    assert.equal(modelErrors(model('Model: 5\n'))[0]?.message, 'must be an object');
  });
});
