import type { ErrorObject } from 'ajv';
import { documentValue } from '../../model/parse/documentValue';
import type { ValueEdit } from '../../model/parse/incremental';
import type { SourceNode } from '../../model/sourceNode';
import { type ApiRoot, findApiRoots, type SchemaVersion } from '../openApi/apiRoots';
import type { Rule, RuleContext } from './rule';
import { collapseErrors } from './schema/collapse';
import { findInstance, lastProperty, refAt, splitInstancePath } from './schema/instance';
import { schemaCodes, toDiagnostic } from './schema/messages';
import { schemaPlaceOf } from './schema/schemaPlaces';
import { rootSchema, schemaErrors, schemaErrorsAt } from './schema/validators';

/** What one API root's check leaves for the next version: its plain value and ajv's raw errors. */
interface RootRun {
  node: SourceNode;
  version: SchemaVersion;
  value: unknown;
  errors: ErrorObject[];
}

/**
 * The structure of each OpenAPI 2.0 / 3.0 / 3.1 definition in the document (its root, or the inline bodies of
 * a template's APIs) against the official JSON Schemas. Values CloudFormation computes are never flagged.
 * After a one-value edit only the map entry holding the value (a path item, a component...) is validated again.
 */
export const openApiSchemaRule: Rule = {
  id: 'openApiSchema',
  codes: ['apigw.schema.unsupportedVersion', ...schemaCodes],
  check(context) {
    checkRoots(context, undefined, undefined);
  },
  checkAfterEdit(context, previous, edit) {
    return checkRoots(context, previous as RootRun[] | undefined, edit);
  },
};

function checkRoots(context: RuleContext, previous: RootRun[] | undefined, edit: ValueEdit | undefined): RootRun[] {
  const runs: RootRun[] = [];
  for (const root of findApiRoots(context.document)) {
    const version = root.schema;
    if (version === undefined) {
      reportUnsupported(context, root);
      continue;
    }
    const before = previous?.find((r) => r.node === root.node && r.version === version);
    const run = (before && edit && afterEdit(before, edit)) ?? {
      node: root.node,
      version,
      ...validateWhole(version, documentValue(context.document, root.node)),
    };
    runs.push(run);
    const errors = run.errors.filter(
      // The version itself was checked above ('3.0' is accepted by API Gateway, not by the schema).
      (e) => e.instancePath !== '/openapi' && e.instancePath !== '/swagger',
    );
    for (const error of collapseErrors(errors, (path) => refAt(root.node, path))) {
      const diagnostic = toDiagnostic(error, findInstance(root.node, error.instancePath));
      if (diagnostic !== undefined) context.report(diagnostic);
    }
  }
  return runs;
}

function validateWhole(version: SchemaVersion, value: unknown): { value: unknown; errors: ErrorObject[] } {
  return { value, errors: schemaErrors(version, value) };
}

/**
 * The run after `edit`, made from the one before: the plain value patched, and ajv's errors inside the map entry
 * holding the edited value replaced by that entry's errors. Undefined when it must be validated whole.
 */
function afterEdit(before: RootRun, edit: ValueEdit): RootRun | undefined {
  const { scalar } = edit;
  const base = before.node.pointer;
  if (!scalar.pointer.startsWith(`${base}/`) || scalar.file !== before.node.file) return before; // not in this API
  const instancePath = scalar.pointer.slice(base.length);
  const segments = splitInstancePath(instancePath);
  // A value a duplicated key hides (or a place toValue spells otherwise): validated whole, to be safe.
  if (nodeAt(before.node, segments) !== scalar) return undefined;
  const value = patched(before.value, segments, scalar.value);
  if (value === undefined) return undefined;
  // OpenAPI 3.1's schema (dynamic references) is always validated whole.
  const place = before.version === '3.1' ? undefined : schemaPlaceOf(rootSchema(before.version), segments);
  if (place === undefined) return { ...before, ...validateWhole(before.version, value) };
  const entrySegments = segments.slice(0, place.depth);
  const entryPath = instancePath
    .split('/')
    .slice(0, place.depth + 1)
    .join('/');
  const inside = (e: ErrorObject) => e.instancePath === entryPath || e.instancePath.startsWith(`${entryPath}/`);
  const entryErrors = schemaErrorsAt(before.version, place.schemaPointer, valueAt(value, entrySegments)).map((e) => ({
    ...e,
    instancePath: entryPath + e.instancePath,
  }));
  const errors: ErrorObject[] = [];
  let placed = false;
  for (const e of before.errors) {
    if (!inside(e)) errors.push(e);
    else if (!placed) {
      errors.push(...entryErrors);
      placed = true;
    }
  }
  if (!placed) errors.push(...entryErrors);
  return { ...before, value, errors };
}

/** The node at the segments below `root`, the way toValue sees it (with duplicate keys, the last one). */
function nodeAt(root: SourceNode, segments: readonly string[]): SourceNode | undefined {
  let node: SourceNode | undefined = root;
  for (const segment of segments) {
    if (node?.kind === 'object') node = lastProperty(node.properties, segment)?.value;
    else if (node?.kind === 'array') node = node.items[Number(segment)];
    else return undefined;
  }
  return node;
}

/** The plain value with the value at `segments` replaced (in place: the value belongs to the run). */
function patched(root: unknown, segments: readonly string[], next: unknown): unknown {
  let holder: unknown = root;
  for (const segment of segments.slice(0, -1)) holder = child(holder, segment);
  const last = segments[segments.length - 1];
  if (typeof holder !== 'object' || holder === null || last === undefined) return undefined;
  Object.defineProperty(holder, last, { value: next, enumerable: true, writable: true, configurable: true });
  return root;
}

function valueAt(root: unknown, segments: readonly string[]): unknown {
  let value = root;
  for (const segment of segments) value = child(value, segment);
  return value;
}

function child(value: unknown, segment: string): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  return Object.hasOwn(value, segment) ? (value as Record<string, unknown>)[segment] : undefined;
}

function reportUnsupported(context: RuleContext, root: ApiRoot): void {
  const what = root.kind === 'swagger' ? `Swagger version '${root.version}'` : `OpenAPI version '${root.version}'`;
  context.report({
    range: root.versionNode.range,
    severity: 'error',
    code: 'apigw.schema.unsupportedVersion',
    message: `${what} is not one API Gateway imports: write '${root.kind === 'swagger' ? '2.0' : '3.0.1'}' (OpenAPI 3.0.x or Swagger 2.0), so the structure can be checked.`,
  });
}
