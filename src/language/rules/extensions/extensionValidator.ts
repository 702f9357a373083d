import Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { extensionSchemas, type JsonSchema } from './schemaIndex';

/**
 * Compiles the extension schemas with ajv (draft-07). Enums marked `x-apigw-case-insensitive` are checked
 * ignoring case, as API Gateway does (`aws_proxy` and `AWS_PROXY` are the same); the `x-apigw-*`
 * annotations are known keywords. Compiled once, on first use.
 */
let ajv: Ajv | undefined;
const compiled = new Map<string, ValidateFunction>();

const caseInsensitiveEnum = 'x-apigw-enum-ci';

function instance(): Ajv {
  if (ajv !== undefined) return ajv;
  const created = new Ajv({ allErrors: true, verbose: true, strict: false });
  created.addKeyword({
    keyword: caseInsensitiveEnum,
    schemaType: 'array',
    validate: (values: unknown[], data: unknown) =>
      typeof data !== 'string' || values.some((v) => typeof v === 'string' && v.toLowerCase() === data.toLowerCase()),
  });
  for (const keyword of [
    'x-apigw-api-types',
    'x-apigw-locations',
    'x-apigw-case-insensitive',
    'x-apigw-pattern-hint',
  ]) {
    created.addKeyword({ keyword });
  }
  for (const info of extensionSchemas.values()) created.addSchema(prepare(info.schema) as object, `${info.name}.json`);
  ajv = created;
  return created;
}

/** A copy of the schema in which case-insensitive enums use the custom keyword. */
function prepare(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(prepare);
  if (typeof schema !== 'object' || schema === null) return schema;
  const source = schema as JsonSchema;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(source)) {
    if (key === 'enum' && source['x-apigw-case-insensitive'] === true) out[caseInsensitiveEnum] = value;
    else if (key === '$id') continue;
    else out[key] = prepare(value);
  }
  return out;
}

/** The schema errors of an extension's value; undefined when the extension has no schema. */
export function validateExtension(name: string, value: unknown): ErrorObject[] | undefined {
  if (!extensionSchemas.has(name)) return undefined;
  let validate = compiled.get(name);
  if (validate === undefined) {
    validate = instance().getSchema(`${name}.json`);
    if (validate === undefined) return undefined;
    compiled.set(name, validate);
  }
  return validate(value) ? [] : [...(validate.errors ?? [])];
}
