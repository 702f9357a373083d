// Reduces ajv's raw errors to the ones worth showing. A `oneOf` / `anyOf` failure makes ajv report every
// alternative's errors (see groupOf for how an alternative is told). Alternatives that a discriminator rules out (a
// single-valued `in` / `type` that does not match, or the wrong JSON type) are dropped; the Reference
// alternative is dropped when the value has no `$ref` (and is the only one kept when it has); what remains at
// one place is merged (types, enum values, "needs one of" required properties).
import type { ErrorObject } from 'ajv';

const wrappers = new Set(['oneOf', 'anyOf', 'allOf', 'if', 'then', 'else', '$ref']);

/**
 * Which alternative an error comes from: the schema object that applies at the error's place (ajv's
 * `parentSchema`, with `verbose: true`), or for an error on a direct property the schema that declares it.
 * Identified by object identity, so it works through `$ref`s and `id`-scoped sub-schemas alike.
 */
const owners = new WeakMap<object, object>();
/** Each `oneOf` / `anyOf` alternative schema, to the list it is one of (mergeKey). */
const alternativesOf = new WeakMap<object, object>();
const ids = new WeakMap<object, number>();
let nextId = 1;

/** Records, once per schema, which schema object declares each property schema, and each alternative's list. */
export function indexSchema(schema: unknown): void {
  const stack: unknown[] = [schema];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null || seen.has(node)) continue;
    seen.add(node);
    const properties = (node as { properties?: unknown }).properties;
    if (typeof properties === 'object' && properties !== null) {
      for (const child of Object.values(properties as Record<string, unknown>))
        if (typeof child === 'object' && child !== null) owners.set(child, node);
    }
    for (const keyword of ['oneOf', 'anyOf']) {
      const list = (node as Record<string, unknown>)[keyword];
      if (Array.isArray(list))
        for (const item of list as unknown[])
          if (typeof item === 'object' && item !== null) alternativesOf.set(item, list);
    }
    for (const value of Object.values(node as Record<string, unknown>)) stack.push(value);
  }
}

function idOf(schema: object): number {
  let id = ids.get(schema);
  if (id === undefined) {
    id = nextId++;
    ids.set(schema, id);
  }
  return id;
}

/**
 * The alternatives (as `id@place`) an error belongs to: the schema that applies where it is, and the schema
 * that declares that place as a property (so an error on `in` also belongs to the parameter's alternative).
 */
function groupsOf(e: ErrorObject): string[] {
  const parent = e.parentSchema;
  if (typeof parent !== 'object' || parent === null) return [];
  const groups = [`${idOf(parent)}@${e.instancePath}`];
  const owner = owners.get(parent);
  if (owner !== undefined && e.instancePath !== '') groups.push(`${idOf(owner)}@${parentOf(e.instancePath)}`);
  return groups;
}

/** The alternative a discriminator rules out: its own schema for a type error, the declaring one for `in`/`type`. */
function ruledOutBy(e: ErrorObject): string | undefined {
  if (!isDiscriminator(e)) return undefined;
  const groups = groupsOf(e);
  return e.keyword === 'type' ? groups[0] : groups[1];
}

function isReferenceError(e: ErrorObject): boolean {
  const parent = e.parentSchema as { required?: unknown; properties?: Record<string, unknown> } | undefined;
  if (parent === undefined) return false;
  const required = Array.isArray(parent.required) ? parent.required : [];
  return required.includes('$ref') || e.instancePath.endsWith('/$ref');
}

/** `hasRef(instancePath)`: whether the value at that place is a `{ $ref }` object. */
export function collapseErrors(errors: readonly ErrorObject[], hasRef: (path: string) => boolean): ErrorObject[] {
  let kept = dropReferenceNoise(errors, hasRef);
  kept = dropDiscriminated(kept);
  const specific = kept.filter((e) => !wrappers.has(e.keyword));
  kept = specific.length > 0 ? specific : kept.slice(0, 1);
  return mergeAtSamePlace(kept);
}

/** '/a/b' → ['/a/b', '/a', '']. */
function selfAndAncestors(path: string): string[] {
  const result = [path];
  for (let i = path.lastIndexOf('/'); i >= 0; i = path.lastIndexOf('/', i - 1)) {
    result.push(path.slice(0, i));
    if (i === 0) break;
  }
  return result;
}

function parentOf(path: string): string {
  return path.slice(0, Math.max(0, path.lastIndexOf('/')));
}

function dropReferenceNoise(errors: readonly ErrorObject[], hasRef: (path: string) => boolean): ErrorObject[] {
  const refPlaces = new Set<string>();
  for (const e of errors) if (isReferenceError(e) && hasRef(e.instancePath)) refPlaces.add(e.instancePath);
  return errors.filter((e) => {
    if (isReferenceError(e)) return refPlaces.has(e.instancePath);
    // A `$ref` object is meant as a reference: the other alternatives' complaints about it are noise.
    return !selfAndAncestors(e.instancePath).some((p) => refPlaces.has(p));
  });
}

/** True when an error rules its alternative out (see the file comment). */
function isDiscriminator(e: ErrorObject): boolean {
  if (e.keyword === 'type') return true;
  const property = e.instancePath.slice(e.instancePath.lastIndexOf('/') + 1);
  if (property !== 'in' && property !== 'type') return false;
  return e.keyword === 'const' || (e.keyword === 'enum' && allowed(e).length === 1);
}

function dropDiscriminated(errors: readonly ErrorObject[]): ErrorObject[] {
  const ruledOut = new Set<string>();
  for (const e of errors) {
    const group = ruledOutBy(e);
    if (group !== undefined) ruledOut.add(group);
  }
  if (ruledOut.size === 0) return [...errors];
  const survivors = errors.filter((e) => !groupsOf(e).some((g) => ruledOut.has(g)));
  // Where every alternative was ruled out, what rules them out is the message (merged into one list later).
  const covered = new Set<string>();
  for (const e of survivors)
    if (!wrappers.has(e.keyword)) for (const p of selfAndAncestors(e.instancePath)) covered.add(p);
  const restored = errors.filter((e) => {
    const group = ruledOutBy(e);
    return group !== undefined && !covered.has(group.slice(group.indexOf('@') + 1));
  });
  return [...survivors, ...restored];
}

/** One error per place and kind: duplicates removed, types, enum values and alternative requirements merged. */
function mergeAtSamePlace(errors: readonly ErrorObject[]): ErrorObject[] {
  const byKey = new Map<string, ErrorObject>();
  for (const e of errors) {
    const key = mergeKey(e);
    const previous = byKey.get(key);
    if (previous === undefined) byKey.set(key, e.keyword === 'const' ? asEnum(e) : e);
    else byKey.set(key, merged(previous, e));
  }
  const result = [...byKey.values()];
  // `not` ("must NOT be valid") says nothing more when something else is wrong at the same place.
  const places = new Set(result.filter((e) => e.keyword !== 'not').map((e) => e.instancePath));
  return result.filter((e) => e.keyword !== 'not' || !places.has(e.instancePath));
}

function mergeKey(e: ErrorObject): string {
  if (e.keyword === 'type' || e.keyword === 'enum' || e.keyword === 'const') return `${e.instancePath}|value`;
  if (e.keyword === 'required' && /\/(oneOf|anyOf)\/\d+\/required$/.test(e.schemaPath)) {
    // The list the alternative is one of, by identity: ajv's schemaPath starts at the $ref'd definition when
    // refs are not inlined, so two definitions' `oneOf`s (a parameter's SchemaXORContent and ParameterLocation)
    // would look alike.
    const list =
      typeof e.parentSchema === 'object' && e.parentSchema !== null ? alternativesOf.get(e.parentSchema) : undefined;
    const group = list === undefined ? e.schemaPath.replace(/\/\d+\/required$/, '') : `#${idOf(list)}`;
    return `${e.instancePath}|required-one-of|${group}`;
  }
  return `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
}

function asEnum(e: ErrorObject): ErrorObject {
  return { ...e, keyword: 'enum', params: { allowedValues: [(e.params as { allowedValue?: unknown }).allowedValue] } };
}

function merged(a: ErrorObject, b: ErrorObject): ErrorObject {
  if (a.keyword === 'required') {
    const names = [...missingOf(a), ...missingOf(b)].filter((n, i, all) => all.indexOf(n) === i);
    return { ...a, params: { missingProperty: names[0] ?? '', oneOf: names } };
  }
  if (a.keyword === 'type' && b.keyword === 'type') {
    return { ...a, params: { type: [...new Set([...typesOf(a), ...typesOf(b)])].join(',') } };
  }
  if (a.keyword === 'type' || b.keyword === 'type')
    return a.keyword === 'type' ? (b.keyword === 'const' ? asEnum(b) : b) : a;
  const values = [...allowed(a), ...allowed(b.keyword === 'const' ? asEnum(b) : b)];
  const unique = values.filter((v, i) => values.findIndex((w) => JSON.stringify(w) === JSON.stringify(v)) === i);
  return { ...a, params: { allowedValues: unique } };
}

function missingOf(e: ErrorObject): string[] {
  const params = e.params as { missingProperty?: string; oneOf?: string[] };
  return params.oneOf ?? (params.missingProperty === undefined ? [] : [params.missingProperty]);
}

export function typesOf(e: ErrorObject): string[] {
  const type = (e.params as { type?: string | string[] }).type;
  return (Array.isArray(type) ? type : String(type ?? '').split(',')).filter((t) => t !== '');
}

export function allowed(e: ErrorObject): unknown[] {
  const values = (e.params as { allowedValues?: unknown[] }).allowedValues;
  return Array.isArray(values) ? values : [];
}
