// The validators of the official OpenAPI 2.0 and 3.0 schemas and of the draft 4 meta-schema, compiled when the
// project is built (precompile.ts, through the esbuild plugin in scripts/precompiledValidators.mjs).
declare module 'apigw-precompiled:openapi-validators' {
  import type { ValidateFunction } from 'ajv';
  interface PrecompiledSchema {
    /** The whole schema's validator. */
    whole: ValidateFunction;
    /** The validator of each place schemaPlaceOf can name, by its schema pointer. */
    places: Record<string, ValidateFunction>;
  }
  export const v2: PrecompiledSchema;
  export const v3: PrecompiledSchema;
  /** The draft 4 meta-schema's validator (API Gateway models are draft 4 JSON Schemas). */
  export const draft4: ValidateFunction;
}
