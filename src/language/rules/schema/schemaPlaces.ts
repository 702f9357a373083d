// Where in the official schema the value at a place of a definition is checked, so that after an edit only the
// entry holding it (a path item, a component, a schema's property, a fixed property such as `info`) is validated
// again.

/** Keywords that look only at the value's own keys and type, never at values below it. */
const SHALLOW = new Set([
  'type',
  'properties',
  'patternProperties',
  'additionalProperties',
  'required',
  'minProperties',
  'maxProperties',
  'description',
  'title',
  '$schema',
  'id',
  '$id',
  'definitions',
  'default',
  'example',
  'format',
  'readOnly',
  'deprecated',
]);

export interface SchemaPlace {
  /** How many segments of the instance path lead to the map entry. */
  depth: number;
  /** JSON pointer, into the root schema, of the schema that checks that entry. */
  schemaPointer: string;
}

type Schema = Record<string, unknown>;

/**
 * The deepest entry (reached through `properties`, `patternProperties` or `additionalProperties`) on the way to the
 * place `segments`, such that every schema above it only looks at keys and types: then errors inside the entry come
 * from the entry's schema alone, and no error outside it depends on what is inside. Undefined when there is
 * none (the whole definition must be validated again).
 */
export function schemaPlaceOf(root: object, segments: readonly string[]): SchemaPlace | undefined {
  let schema: unknown = root;
  let pointer = '';
  let best: SchemaPlace | undefined;
  for (let i = 0; i < segments.length; i++) {
    const resolved = followRefs(root, schema, pointer);
    if (resolved === undefined || !Object.keys(resolved.schema).every((k) => SHALLOW.has(k))) break;
    ({ pointer } = resolved);
    const current = resolved.schema;
    const segment = segments[i] as string;
    const patterns = Object.keys(asSchema(current.patternProperties) ?? {}).filter((p) =>
      new RegExp(p, 'u').test(segment),
    );
    const properties = asSchema(current.properties);
    if (properties !== undefined && Object.hasOwn(properties, segment)) {
      if (patterns.length > 0) break; // both apply
      schema = properties[segment];
      pointer += `/properties/${escape(segment)}`;
      // A fixed property of a schema that only looks at keys and types is as separate as a map entry.
      best = { depth: i + 1, schemaPointer: pointer };
      continue;
    }
    if (patterns.length > 1) break;
    const pattern = patterns[0];
    if (pattern !== undefined) {
      schema = asSchema(current.patternProperties)?.[pattern];
      pointer += `/patternProperties/${escape(pattern)}`;
    } else if (asSchema(current.additionalProperties) !== undefined) {
      schema = current.additionalProperties;
      pointer += '/additionalProperties';
    } else break;
    best = { depth: i + 1, schemaPointer: pointer };
  }
  return best;
}

/** A schema that is only a local `$ref`, followed to what it names. */
function followRefs(root: object, schema: unknown, pointer: string): { schema: Schema; pointer: string } | undefined {
  let current = asSchema(schema);
  let at = pointer;
  for (let hops = 0; current !== undefined && hops < 32; hops++) {
    const ref = current.$ref;
    if (ref === undefined) return { schema: current, pointer: at };
    if (typeof ref !== 'string' || !ref.startsWith('#/') || Object.keys(current).length !== 1) return undefined;
    at = ref.slice(1);
    current = asSchema(lookup(root, at));
  }
  return undefined;
}

function lookup(root: object, pointer: string): unknown {
  let node: unknown = root;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = asSchema(node)?.[key];
  }
  return node;
}

function asSchema(value: unknown): Schema | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Schema) : undefined;
}

function escape(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Every schemaPointer that schemaPlaceOf can give for `root` (to compile their validators ahead). */
export function schemaPlacePointers(root: object): string[] {
  const found = new Set<string>();
  const pending: Array<{ schema: unknown; pointer: string }> = [{ schema: root, pointer: '' }];
  const visited = new Set<string>();
  while (pending.length > 0) {
    const { schema, pointer } = pending.pop() as { schema: unknown; pointer: string };
    const resolved = followRefs(root, schema, pointer);
    if (resolved === undefined || visited.has(resolved.pointer)) continue;
    visited.add(resolved.pointer);
    if (!Object.keys(resolved.schema).every((k) => SHALLOW.has(k))) continue;
    const children: Array<{ schema: unknown; pointer: string }> = [];
    for (const [key, child] of Object.entries(asSchema(resolved.schema.properties) ?? {}))
      children.push({ schema: child, pointer: `${resolved.pointer}/properties/${escape(key)}` });
    for (const [pattern, child] of Object.entries(asSchema(resolved.schema.patternProperties) ?? {}))
      children.push({ schema: child, pointer: `${resolved.pointer}/patternProperties/${escape(pattern)}` });
    if (asSchema(resolved.schema.additionalProperties) !== undefined)
      children.push({
        schema: resolved.schema.additionalProperties,
        pointer: `${resolved.pointer}/additionalProperties`,
      });
    for (const child of children) {
      found.add(child.pointer);
      pending.push(child);
    }
  }
  return [...found].sort();
}
