/**
 * A sample value for a JSON Schema (OpenAPI flavour): the schema's own `example` / `examples` / `default` /
 * `const` / first `enum` value when it has one, else a value of the declared type built from its properties.
 * Pure (no `vscode`); bounded in depth so recursive schemas end.
 */

type Schema = Record<string, unknown>;

const isSchema = (value: unknown): value is Schema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const maxDepth = 8;

export function sampleFromSchema(schema: unknown, depth = 0): unknown {
  if (!isSchema(schema) || depth > maxDepth) return null;
  const own = declaredSample(schema);
  if (own !== undefined) return own;
  const allOf = schema['allOf'];
  if (Array.isArray(allOf)) return mergeSamples(allOf.map((part) => sampleFromSchema(part, depth + 1)));
  for (const key of ['oneOf', 'anyOf']) {
    const options = schema[key];
    if (Array.isArray(options) && options.length > 0) return sampleFromSchema(options[0], depth + 1);
  }
  switch (typeOf(schema)) {
    case 'object':
      return objectSample(schema, depth);
    case 'array':
      return [sampleFromSchema(schema['items'], depth + 1)];
    case 'integer':
      return typeof schema['minimum'] === 'number' ? Math.ceil(schema['minimum']) : 1;
    case 'number':
      return typeof schema['minimum'] === 'number' ? schema['minimum'] : 1.5;
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return stringSample(schema);
  }
}

function declaredSample(schema: Schema): unknown {
  if (schema['example'] !== undefined) return schema['example'];
  const examples = schema['examples'];
  if (Array.isArray(examples) && examples.length > 0) return examples[0] as unknown;
  if (schema['default'] !== undefined) return schema['default'];
  if (schema['const'] !== undefined) return schema['const'];
  const values = schema['enum'];
  if (Array.isArray(values) && values.length > 0) return values[0] as unknown;
  return undefined;
}

function typeOf(schema: Schema): string | undefined {
  const type = schema['type'];
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) return type.find((t): t is string => typeof t === 'string' && t !== 'null');
  if (isSchema(schema['properties'])) return 'object';
  if (schema['items'] !== undefined) return 'array';
  return undefined;
}

function objectSample(schema: Schema, depth: number): Record<string, unknown> {
  // eslint-disable-next-line no-restricted-syntax -- JSON-like data (for ajv, YAML and tests): look keys up with ownValue
  const out: Record<string, unknown> = {};
  const properties = schema['properties'];
  if (isSchema(properties)) {
    for (const [name, property] of Object.entries(properties)) out[name] = sampleFromSchema(property, depth + 1);
  }
  return out;
}

function stringSample(schema: Schema): string {
  switch (schema['format']) {
    case 'date-time':
      return '2024-01-01T12:00:00Z';
    case 'date':
      return '2024-01-01';
    case 'email':
      return 'user@example.com';
    case 'uuid':
      return '3fa85f64-5717-4562-b3fc-2c963f66afa6';
    case 'uri':
    case 'url':
      return 'https://example.com';
    default:
      return 'string';
  }
}

/** `allOf`: the parts' object samples merged; a non-object part wins only when nothing else is an object. */
function mergeSamples(parts: unknown[]): unknown {
  const objects = parts.filter(isSchema);
  if (objects.length === 0) return parts[0] ?? null;
  return Object.assign({}, ...objects) as Record<string, unknown>;
}
