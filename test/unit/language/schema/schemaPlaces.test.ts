import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { schemaPlaceOf } from '../../../../src/language/rules/schema/schemaPlaces';
import { rootSchema } from '../../../../src/language/rules/schema/validators';

// After an edit only the map entry holding the edited value is validated again: these are the entries.
describe('schemaPlaceOf', () => {
  it('finds the operation of a value under paths (OpenAPI 3.0)', () => {
    const place = schemaPlaceOf(rootSchema('3.0'), ['paths', '/pets', 'get', 'summary']);
    assert.deepEqual(place, {
      depth: 3,
      schemaPointer: '/definitions/PathItem/patternProperties/^(get|put|post|delete|options|head|patch|trace)$',
    });
  });

  it('stops at the path item for a value of the path item itself', () => {
    const place = schemaPlaceOf(rootSchema('3.0'), ['paths', '/pets', 'summary']);
    assert.deepEqual(place, { depth: 2, schemaPointer: '/definitions/Paths/patternProperties/^\\~1' });
  });

  it('goes down to a property of a component schema', () => {
    const place = schemaPlaceOf(rootSchema('3.0'), ['components', 'schemas', 'Pet', 'properties', 'id', 'type']);
    assert.equal(place?.depth, 3);
    assert.match(place?.schemaPointer ?? '', /^\/definitions\/Components\/properties\/schemas\/patternProperties\//);
  });

  it('finds the path item in Swagger 2.0', () => {
    const place = schemaPlaceOf(rootSchema('2.0'), ['paths', '/pets', 'get', 'description']);
    assert.equal(place?.depth, 2);
  });

  it('has no entry for a value of the root object (the whole definition is validated again)', () => {
    assert.equal(schemaPlaceOf(rootSchema('3.0'), ['openapi']), undefined);
    assert.equal(schemaPlaceOf(rootSchema('3.0'), ['info', 'title']), undefined);
  });
});
