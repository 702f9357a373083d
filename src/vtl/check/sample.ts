/**
 * A sample value for a JSON Schema (the method's model), to render a template with: every property present,
 * two items in every list (so separators between items are exercised), `example` / `default` / `enum` /
 * `const` values where the schema gives them. A value of unknown type is the number 1, which reads as valid
 * JSON both inside and outside quotes, so it never causes a false "invalid JSON" report.
 */
import { dictOf } from '../../shared/dict';

const asSchema = (v: unknown): Record<string, unknown> | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

const maxDepth = 8;

const formats: Record<string, string> = dictOf({
  'date-time': '2024-01-01T00:00:00Z',
  date: '2024-01-01',
  time: '00:00:00',
  email: 'user@example.com',
  uuid: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
  uri: 'https://example.com/',
  hostname: 'example.com',
  ipv4: '192.0.2.1',
});

export function sampleFromSchema(schema: unknown, depth = 0): unknown {
  const s = asSchema(schema);
  if (s === undefined || depth > maxDepth) return 1;
  for (const key of ['const', 'example', 'default']) if (s[key] !== undefined) return s[key];
  const examples = s['examples'];
  if (Array.isArray(examples) && examples.length > 0) return examples[0];
  const values = s['enum'];
  if (Array.isArray(values) && values.length > 0) return values[0];
  const allOf = s['allOf'];
  if (Array.isArray(allOf)) return mergeSamples(allOf.map((part) => sampleFromSchema(part, depth + 1)));
  for (const key of ['oneOf', 'anyOf']) {
    const options = s[key];
    if (Array.isArray(options) && options.length > 0) return sampleFromSchema(options[0], depth + 1);
  }
  const type = Array.isArray(s['type']) ? (s['type'] as unknown[]).find((t) => t !== 'null') : s['type'];
  if (type === 'object' || (type === undefined && asSchema(s['properties']))) return sampleObject(s, depth);
  if (type === 'array') {
    const item = sampleFromSchema(s['items'], depth + 1);
    return [item, item];
  }
  if (type === 'string') return formats[String(s['format'])] ?? 'string';
  if (type === 'integer' || type === 'number') return typeof s['minimum'] === 'number' ? s['minimum'] : 1;
  if (type === 'boolean') return true;
  if (type === 'null') return null;
  return 1;
}

function sampleObject(s: Record<string, unknown>, depth: number): Record<string, unknown> {
  // eslint-disable-next-line no-restricted-syntax -- JSON-like data (for ajv, YAML and tests): look keys up with ownValue
  const out: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(asSchema(s['properties']) ?? {})) {
    out[name] = sampleFromSchema(property, depth + 1);
  }
  return out;
}

function mergeSamples(parts: unknown[]): unknown {
  const objects = parts.filter((p) => asSchema(p) !== undefined) as Record<string, unknown>[];
  if (objects.length === 0) return parts[0] ?? 1;
  return Object.assign({}, ...objects) as Record<string, unknown>;
}

/**
 * A sample text value for a request parameter: its example / default / enum value, else `1` (parameters are
 * often declared as strings and used as numbers, and `1` reads as valid JSON quoted or not).
 */
export function sampleParameter(schema: unknown): string {
  const s = asSchema(schema) ?? {};
  const given = s['example'] ?? s['default'] ?? (Array.isArray(s['enum']) ? (s['enum'] as unknown[])[0] : undefined);
  if (given === undefined || given === null) return '1';
  return typeof given === 'string' ? given : JSON.stringify(given);
}
