import { schemaOrigin, type SourceNode } from '../../model';

/**
 * Where the keyword a validator names is written: `schemaPath` (ajv's `#/properties/items/items/properties/price/type`)
 * is followed through the inlined schema to the object holding the keyword, and that object's origin in the
 * definition (schemaOrigin: also inside `$ref`s and other files) gives the keyword's line — else the line of the
 * nearest enclosing object that has an origin. 1-based line; undefined when nothing on the way has an origin.
 */
export function schemaLine(schema: unknown, schemaPath: string): { file: string; line: number } | undefined {
  const segments = schemaPath
    .replace(/^#\/?/, '')
    .split('/')
    .filter((s) => s !== '')
    .map(decodeSegment);
  let current: unknown = schema;
  let nearest = schemaOrigin(schema);
  for (let i = 0; i < segments.length - 1; i++) {
    const next = step(current, segments[i]!);
    if (next === undefined) break;
    current = next;
    nearest = schemaOrigin(current) ?? nearest;
  }
  const keyword = segments[segments.length - 1];
  const holder = schemaOrigin(current);
  const keywordLine = keyword === undefined ? undefined : propertyLine(holder, keyword);
  if (holder !== undefined && keywordLine !== undefined) return { file: holder.file, line: keywordLine };
  if (nearest === undefined) return undefined;
  return { file: nearest.file, line: nearest.range.start.line + 1 };
}

function step(value: unknown, segment: string): unknown {
  if (Array.isArray(value)) return /^\d+$/.test(segment) ? (value[Number(segment)] as unknown) : undefined;
  if (value === null || typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(value, segment))
    return undefined;
  return (value as Record<string, unknown>)[segment];
}

/** The 1-based line of `key` in an object node (its last occurrence, as a parser keeps it). */
function propertyLine(node: SourceNode | undefined, key: string): number | undefined {
  if (node?.kind !== 'object') return undefined;
  for (let i = node.properties.length - 1; i >= 0; i--) {
    const property = node.properties[i]!;
    if (property.key === key) return property.keyRange.start.line + 1;
  }
  return undefined;
}

/** A schema path segment: percent-encoded, then JSON-pointer escaped (`~1` is `/`, `~0` is `~`). */
function decodeSegment(segment: string): string {
  let text = segment;
  try {
    text = decodeURIComponent(segment);
  } catch {
    // Not percent-encoded after all: keep it as it is.
  }
  return text.replace(/~1/g, '/').replace(/~0/g, '~');
}
