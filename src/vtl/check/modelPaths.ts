import { closestName } from './contextVariables';

/**
 * Following property names through a JSON Schema (the method's model, `$ref`s inlined), to check the
 * JSONPaths and property chains a template reads. Unknown shapes (no `properties`, `additionalProperties`,
 * combinators that do not all list properties) are open: nothing is reported under them.
 */

/** One step of a path, with its place in the template text. */
export interface PathStep {
  kind: 'name' | 'item';
  name: string;
  start: number;
  end: number;
}

/** A schema with the words used for it in messages (`Pet`, `'$.owner'`). */
export interface Located {
  schema: Record<string, unknown>;
  label: string;
  /** The path that leads to it, e.g. `$.owner`. */
  path: string;
}

export type StepProblem = { step: PathStep; message: string };

const asSchema = (v: unknown): Record<string, unknown> | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

function branches(schema: Record<string, unknown>): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    const list = schema[key];
    if (Array.isArray(list)) for (const item of list) if (asSchema(item)) out.push(item as Record<string, unknown>);
  }
  return out;
}

function typeOf(schema: Record<string, unknown>): string | undefined {
  const type = schema['type'];
  if (typeof type === 'string') return type;
  if (Array.isArray(type) && type.length === 1 && typeof type[0] === 'string') return type[0];
  return undefined;
}

/** The properties a schema defines, or undefined when it is open (anything may be there). */
export function propertiesOf(schema: Record<string, unknown>): Map<string, unknown> | undefined {
  const extra = schema['additionalProperties'];
  if (extra === true || asSchema(extra) || schema['patternProperties'] !== undefined) return undefined;
  const own = asSchema(schema['properties']);
  const parts = branches(schema);
  if (own === undefined && parts.length === 0) return undefined;
  const all = new Map<string, unknown>(Object.entries(own ?? {}));
  for (const part of parts) {
    const found = propertiesOf(part);
    if (found === undefined) return undefined;
    for (const [k, v] of found) if (!all.has(k)) all.set(k, v);
  }
  return all;
}

function labelOf(schema: Record<string, unknown>, path: string): string {
  return typeof schema['title'] === 'string' && schema['title'] !== '' ? schema['title'] : `'${path}'`;
}

/** Follows one step; reports why it cannot be taken, or gives the schema under it (undefined: unknown). */
export function stepInto(at: Located, step: PathStep): Located | StepProblem | undefined {
  const type = typeOf(at.schema);
  if (step.kind === 'item') {
    const items = asSchema(at.schema['items']);
    const path = `${at.path}[${step.name}]`;
    return type === 'array' && items ? { schema: items, label: labelOf(items, path), path } : undefined;
  }
  const path = `${at.path}.${step.name}`;
  if (type === 'array') {
    return {
      step,
      message: `${at.label} is a list in the model, so it has no property '${step.name}': index it first, like ${at.path}[0].${step.name}`,
    };
  }
  if (type !== undefined && type !== 'object') {
    return { step, message: `${at.label} is a ${type} in the model, so it has no property '${step.name}'` };
  }
  const properties = propertiesOf(at.schema);
  if (properties === undefined) return undefined;
  const found = asSchema(properties.get(step.name));
  if (properties.has(step.name)) return found ? { schema: found, label: labelOf(found, path), path } : undefined;
  const guess = closestName(step.name, properties.keys());
  const names = [...properties.keys()].slice(0, 12).join(', ');
  return {
    step,
    message:
      `${at.label} has no property '${step.name}'` +
      (guess !== undefined ? `: did you mean '${guess}'?` : `: the model defines ${names || 'no properties'}`) +
      ' (fix the name, or add the property to the model)',
  };
}

/** Follows every step; the first problem ends the walk. */
export function followSteps(
  start: Located,
  steps: readonly PathStep[],
): { located: Located | undefined; problem: StepProblem | undefined } {
  let at: Located | undefined = start;
  for (const step of steps) {
    if (at === undefined) return { located: undefined, problem: undefined };
    const next = stepInto(at, step);
    if (next !== undefined && 'message' in next) return { located: undefined, problem: next };
    at = next;
  }
  return { located: at, problem: undefined };
}

/** The root of a payload schema, labelled with the model's name when known. */
export function rootOf(schema: unknown, name: string | undefined): Located | undefined {
  const s = asSchema(schema);
  if (s === undefined) return undefined;
  const title = typeof s['title'] === 'string' && s['title'] !== '' ? s['title'] : undefined;
  return { schema: s, label: name ?? title ?? 'The body', path: '$' };
}

/**
 * The steps of a simple JSONPath (`$.a.b`, `$['a'][0].c`, `$.items[*].id`), with offsets relative to the
 * path text; undefined after anything else (deep scan, filters, slices, unions), which is not followed.
 */
export function simplePathSteps(path: string): PathStep[] | undefined {
  const steps: PathStep[] = [];
  let i = 0;
  while (i < path.length && path[i] === ' ') i++;
  if (path[i] !== '$') return undefined;
  i++;
  while (i < path.length) {
    const rest = path.slice(i);
    const dotted = /^\.([A-Za-z0-9_\-$@]+)/.exec(rest);
    const quoted = /^\[\s*(['"])([^'"]*)\1\s*\]/.exec(rest);
    const index = /^\[\s*(\d+|\*)\s*\]/.exec(rest);
    if (rest.startsWith('..')) return steps;
    if (dotted) steps.push({ kind: 'name', name: dotted[1] ?? '', start: i + 1, end: i + dotted[0].length });
    else if (quoted) steps.push({ kind: 'name', name: quoted[2] ?? '', start: i, end: i + quoted[0].length });
    else if (index) steps.push({ kind: 'item', name: index[1] ?? '', start: i, end: i + index[0].length });
    else if (rest.startsWith('.*')) steps.push({ kind: 'item', name: '*', start: i, end: i + 2 });
    else if (/^\s*$/.test(rest)) return steps;
    else return steps;
    i += (dotted ?? quoted ?? index)?.[0].length ?? 2;
  }
  return steps;
}
