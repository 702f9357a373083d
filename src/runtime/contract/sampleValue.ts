/**
 * A sample value for a JSON Schema (OpenAPI flavour), to prefill the Invoke panel and to make `apigw test`'s
 * requests: the schema's own `example` / `default` / `enum` first, else a value of the right type (within
 * `minimum` / `maximum`, `minLength` / `maxLength`, `minItems`). Pure; bounded in depth.
 */
export function sampleValue(schema: unknown, depth = 0): unknown {
  if (!isObject(schema) || depth > 8) return null;
  if ('example' in schema) return schema.example;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if ('default' in schema) return schema.default;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  if ('const' in schema) return schema.const;
  for (const key of ['allOf', 'oneOf', 'anyOf'] as const) {
    const list = schema[key];
    if (Array.isArray(list) && list.length > 0) {
      if (key !== 'allOf') return sampleValue(list[0], depth + 1);
      const merged = list.map((part) => sampleValue(part, depth + 1));
      return merged.every(isObject) ? Object.assign({}, ...merged) : (merged[0] ?? null);
    }
  }
  switch (typeOf(schema)) {
    case 'object':
      return sampleObject(schema, depth);
    case 'array': {
      const count = typeof schema.minItems === 'number' && schema.minItems > 1 ? Math.min(schema.minItems, 100) : 1;
      return Array.from({ length: count }, () => sampleValue(schema.items, depth + 1));
    }
    case 'integer':
      if (typeof schema.minimum === 'number') return Math.ceil(schema.minimum);
      return typeof schema.maximum === 'number' && schema.maximum < 1 ? Math.floor(schema.maximum) : 1;
    case 'number':
      if (typeof schema.minimum === 'number') return schema.minimum;
      return typeof schema.maximum === 'number' && schema.maximum < 1.5 ? schema.maximum : 1.5;
    case 'boolean':
      return true;
    case 'string':
      return sampleString(schema);
    default:
      return null;
  }
}

/** A sample as the text a user edits: strings as they are, everything else as JSON. */
export function sampleText(schema: unknown): string {
  const value = sampleValue(schema);
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function sampleObject(schema: Record<string, unknown>, depth: number): Record<string, unknown> {
  // eslint-disable-next-line no-restricted-syntax -- JSON-like data (for ajv, YAML and tests): look keys up with ownValue
  const out: Record<string, unknown> = {};
  const properties = isObject(schema.properties) ? schema.properties : {};
  for (const [name, property] of Object.entries(properties)) out[name] = sampleValue(property, depth + 1);
  return out;
}

function sampleString(schema: Record<string, unknown>): string {
  switch (schema.format) {
    case 'date-time':
      return '2024-01-01T00:00:00Z';
    case 'date':
      return '2024-01-01';
    case 'email':
      return 'user@example.com';
    case 'uuid':
      return '00000000-0000-4000-8000-000000000000';
    case 'uri':
    case 'url':
      return 'https://example.com';
    default: {
      const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
      const text = 'string'.padEnd(min, 'x');
      return typeof schema.maxLength === 'number' && schema.maxLength < text.length
        ? text.slice(0, Math.max(schema.maxLength, min))
        : text;
    }
  }
}

function typeOf(schema: Record<string, unknown>): string | undefined {
  const type: unknown = Array.isArray(schema.type) ? (schema.type as unknown[]).find((t) => t !== 'null') : schema.type;
  if (typeof type === 'string') return type;
  if (isObject(schema.properties)) return 'object';
  if (schema.items !== undefined) return 'array';
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
