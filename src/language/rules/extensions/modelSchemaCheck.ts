import { draft4 } from 'apigw-precompiled:openapi-validators';
import type { ErrorObject } from 'ajv';
import { getProperty, toValue } from '../../../model/parse';
import { unescapeSegment } from '../../../model/parse/pointer';
import type { ScalarNode, SourceNode } from '../../../model/sourceNode';

/**
 * ajv's errors for a model (its first error: allErrors is off) against the draft 4 meta-schema; `schema` is its
 * plain value when the caller has it (toValue(model) otherwise).
 */
export function modelErrors(model: SourceNode, schema: unknown = toValue(model)): ErrorObject[] {
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) {
    return [{ instancePath: '', schemaPath: '', keyword: 'type', params: {}, message: 'must be an object' }];
  }
  return metaSchemaErrors(withoutDraft(schema));
}

/**
 * The schema without its `$schema`: it names the draft, and API Gateway models are draft 4 whatever it says
 * (ajv would check against the meta-schema it names, and throws for one it does not know).
 */
function withoutDraft(schema: unknown): unknown {
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return schema;
  const { $schema: _ignored, ...rest } = schema as Record<string, unknown>;
  return rest;
}

function metaSchemaErrors(schema: unknown): ErrorObject[] {
  try {
    // The meta-schema's validator compiled when the project is built (schema/precompile.ts): what ajv's
    // validateSchema does for a schema without `$schema`, without compiling the meta-schema first.
    return draft4(schema) === true ? [] : [...(draft4.errors ?? [])];
  } catch {
    return [];
  }
}

/**
 * modelErrors of a model after a one-value edit of `scalar` inside it, given its errors before. The
 * meta-schema judges each subschema by its own keywords and its subschemas only, so a model valid before stays
 * valid when the smallest subschema holding the edit is valid; anything else is checked whole (which also
 * gives exactly the error a whole check gives). A subschema's own `$schema` is left out as the model's is (a
 * whole check reads it as a plain string).
 */
export function modelErrorsAfterEdit(model: SourceNode, before: ErrorObject[], scalar: ScalarNode): ErrorObject[] {
  if (before.length === 0) {
    const sub = subschemaHolding(model, scalar.pointer.slice(model.pointer.length));
    if (sub !== model && sub !== undefined && metaSchemaErrors(withoutDraft(toValue(sub))).length === 0) return [];
  }
  return modelErrors(model);
}

/** Keywords whose value is a map of subschemas (draft 4). */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions', 'dependencies']);
/** Keywords whose value is a subschema (when it is an object). */
const SCHEMA_VALUES = new Set(['additionalProperties', 'additionalItems', 'not', 'items']);
/** Keywords whose value is a list of subschemas (`items` may be one too). */
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf', 'items']);

/** The deepest subschema of `schema` on the way to `path` (a JSON pointer below it), `schema` itself at least. */
function subschemaHolding(schema: SourceNode, path: string): SourceNode | undefined {
  const segments = path.split('/').slice(1).map(unescapeSegment);
  let deepest = schema;
  let at = 0;
  while (at < segments.length && deepest.kind === 'object') {
    const keyword = segments[at] ?? '';
    const value = getProperty(deepest, keyword);
    let next: SourceNode | undefined;
    if (SCHEMA_MAPS.has(keyword) && value?.kind === 'object') {
      next = getProperty(value, segments[at + 1] ?? '');
      at += 2;
    } else if (SCHEMA_LISTS.has(keyword) && value?.kind === 'array') {
      next = value.items[Number(segments[at + 1])];
      at += 2;
    } else if (SCHEMA_VALUES.has(keyword)) {
      next = value;
      at += 1;
    }
    if (next?.kind !== 'object') return deepest;
    deepest = next;
  }
  return deepest;
}
