/**
 * A sample value for a JSON Schema (OpenAPI flavour), to prefill the Invoke panel: the schema's own
 * `example` / `default` / `enum` first, else a value of the right type. Pure; bounded in depth.
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
    case 'array':
      return [sampleValue(schema.items, depth + 1)];
    case 'integer':
      return typeof schema.minimum === 'number' ? Math.ceil(schema.minimum) : 1;
    case 'number':
      return typeof schema.minimum === 'number' ? schema.minimum : 1.5;
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
      return 'string'.padEnd(min, 'x');
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
