// Validators of the official OpenAPI 2.0 / 3.0 / 3.1 JSON Schemas, made once per process and only when first
// needed (2.0 and 3.0 compiled when the project is built: precompile.ts); and validators of one place inside them
// (a path item, a component), compiled when first needed, to check again only what an edit changed.
import { v2, v3 } from 'apigw-precompiled:openapi-validators';
import Ajv2020 from 'ajv/dist/2020';
import type Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import type { SchemaVersion } from '../../openApi/apiRoots';
import { indexSchema } from './collapse';
import { officialSchema, placeRef, schemaId, validatorOptions } from './officialSchemas';
import { UNIQUE_ITEMS_LINEAR, uniqueItemsKeyword } from './uniqueItemsLinear';

interface Compiled {
  version: SchemaVersion;
  /**
   * Holds the schema: made with the validator for 3.1; for 2.0 and 3.0 (precompiled) only when a place that was
   * not precompiled is first checked (making it and adding the 3.0 schema took 25-30 ms of a first validation).
   */
  ajv: Ajv | undefined;
  schema: object;
  validate: ValidateFunction;
  /** Validators of places inside the schema, by JSON pointer into it (precompiled ones first). */
  parts: Map<string, ValidateFunction>;
}

const compiled = new Map<SchemaVersion, Compiled>();

function compiledFor(version: SchemaVersion): Compiled {
  let found = compiled.get(version);
  if (found === undefined) {
    const schema = officialSchema(version);
    indexSchema(schema);
    const precompiled = version === '3.0' ? v3 : version === '2.0' ? v2 : undefined;
    const ajv = precompiled === undefined ? newAjv(version) : undefined;
    found = {
      version,
      ajv,
      schema,
      validate: precompiled?.whole ?? ajv!.compile(schema),
      parts: new Map(Object.entries(precompiled?.places ?? {})),
    };
    compiled.set(version, found);
  }
  return found;
}

function newAjv(version: SchemaVersion): Ajv {
  const ajv = version === '3.1' ? new Ajv2020(validatorOptions) : new AjvDraft04(validatorOptions);
  ajv.addKeyword(uniqueItemsKeyword);
  return ajv;
}

/** The ajv that holds the whole schema of `found` (made, with the schema added, on first use for 2.0 / 3.0). */
function ajvWithSchema(found: Compiled): Ajv {
  if (found.ajv === undefined) {
    found.ajv = newAjv(found.version);
    found.ajv.addSchema(found.schema);
  }
  return found.ajv;
}

/** ajv's errors of the last call of `validate`; uniqueItemsLinear's are ajv's `uniqueItems` errors. */
function errorsOf(validate: ValidateFunction, valid: boolean): ErrorObject[] {
  if (valid) return [];
  return (validate.errors ?? []).map((e) => (e.keyword === UNIQUE_ITEMS_LINEAR ? { ...e, keyword: 'uniqueItems' } : e));
}

/** The schema errors of a plain value (from toValue) against the official schema of `version`. */
export function schemaErrors(version: SchemaVersion, value: unknown): ErrorObject[] {
  const { validate } = compiledFor(version);
  return errorsOf(validate, validate(value));
}

/** The root schema of `version` (to find the schema of a place in a definition: schemaPlaces.ts). */
export function rootSchema(version: SchemaVersion): object {
  return compiledFor(version).schema;
}

/**
 * The errors of the value at one place of a definition, against the schema at `schemaPointer` (a JSON pointer
 * into the root schema), with instance paths relative to that value.
 */
export function schemaErrorsAt(version: SchemaVersion, schemaPointer: string, value: unknown): ErrorObject[] {
  const found = compiledFor(version);
  let validate = found.parts.get(schemaPointer);
  if (validate === undefined) {
    // Not a place schemaPlacePointers lists (precompile.ts): compiled here, with the whole schema first (once)
    // so that the place's validator reuses its definitions' functions.
    const ajv = ajvWithSchema(found);
    if (!ajv.getSchema(schemaId(found.schema))) throw new Error(`the official ${version} schema is not known to ajv`);
    validate = ajv.compile({ $ref: placeRef(found.schema, schemaPointer) });
    found.parts.set(schemaPointer, validate);
  }
  return errorsOf(validate, validate(value));
}
