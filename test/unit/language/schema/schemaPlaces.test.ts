import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { schemaPlaceOf } from '../../../../src/language/rules/schema/schemaPlaces';
import { rootSchema } from '../../../../src/language/rules/schema/validators';

// After an edit only the entry holding the edited value is validated again: these are the entries.
describe('schemaPlaceOf', () => {
  it('finds the value of an operation under paths (OpenAPI 3.0)', () => {
    const place = schemaPlaceOf(rootSchema('3.0'), ['paths', '/pets', 'get', 'summary']);
    assert.deepEqual(place, { depth: 4, schemaPointer: '/definitions/Operation/properties/summary' });
    // The parameters list's schema looks at its items (items, uniqueItems): the whole list is the entry.
    assert.deepEqual(schemaPlaceOf(rootSchema('3.0'), ['paths', '/pets', 'get', 'parameters', '0', 'name']), {
      depth: 4,
      schemaPointer: '/definitions/Operation/properties/parameters',
    });
  });

  it('finds a value of the path item itself', () => {
    const place = schemaPlaceOf(rootSchema('3.0'), ['paths', '/pets', 'summary']);
    assert.deepEqual(place, { depth: 3, schemaPointer: '/definitions/PathItem/properties/summary' });
  });

  it('goes down to a property of a component schema', () => {
    const place = schemaPlaceOf(rootSchema('3.0'), ['components', 'schemas', 'Pet', 'properties', 'id', 'type']);
    assert.equal(place?.depth, 3);
    assert.match(place?.schemaPointer ?? '', /^\/definitions\/Components\/properties\/schemas\/patternProperties\//);
  });

  it('finds the value of an operation in Swagger 2.0', () => {
    const place = schemaPlaceOf(rootSchema('2.0'), ['paths', '/pets', 'get', 'description']);
    assert.deepEqual(place, { depth: 4, schemaPointer: '/definitions/operation/properties/description' });
  });

  it('stops at a fixed property of a schema that looks only at keys and types (the root, Info)', () => {
    assert.deepEqual(schemaPlaceOf(rootSchema('3.0'), ['openapi']), { depth: 1, schemaPointer: '/properties/openapi' });
    assert.deepEqual(schemaPlaceOf(rootSchema('3.0'), ['info', 'title']), {
      depth: 2,
      schemaPointer: '/definitions/Info/properties/title',
    });
    assert.deepEqual(schemaPlaceOf(rootSchema('2.0'), ['info', 'description'])?.depth, 2);
  });

  it('has no entry below a schema that looks at values (oneOf, not): the whole definition is validated again', () => {
    const root = { properties: { a: { oneOf: [{ type: 'string' }, { type: 'number' }] } } };
    assert.deepEqual(schemaPlaceOf(root, ['a']), { depth: 1, schemaPointer: '/properties/a' });
    assert.deepEqual(schemaPlaceOf({ not: { required: ['a'] }, properties: { a: {} } }, ['a']), undefined);
  });
});
