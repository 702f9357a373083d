import type { ErrorObject } from 'ajv';
import type { ValueEdit } from '../../../model/parse/incremental';
import type { SourceNode } from '../../../model/sourceNode';
import { getProperty, toValue } from '../../../model/parse';
import { documentValueAt } from '../../../model/parse/documentValue';
import { apiTypesKey } from '../../modelView';
import { modelErrors, modelErrorsAfterEdit } from './modelSchemaCheck';
import type { Rule, RuleContext } from '../rule';
import { findBodies, isSwagger, operationsOf } from './bodies';
import { locate } from './instancePath';
import { report } from './values';

/**
 * REST API models are JSON Schema draft 4: API Gateway imports every `definitions` / `components.schemas` entry
 * (and an operation's inline request body schema) as a model and refuses one that is not a valid draft 4
 * schema; the mock runtime could not validate bodies against it either. Checked against the draft 4
 * meta-schema (unknown keywords are allowed; values computed at deploy time and `$ref`s are not judged).
 * After a one-value edit the other models' verdicts are kept (by node: the edited tree is the previous one,
 * updated), and the model holding the edited value is checked again (modelSchemaCheck.ts). Not 'tracked': it
 * runs after every edit (over the previous version's list of models, unless the edit can change it) and so need
 * not mark what it reads, which lets a first check take a JSON document's models from its JSON.parse value.
 */
export const modelsRule: Rule = {
  id: 'extensions.models',
  codes: ['apigw.model.invalidSchema'],
  model: 'apiTypes',
  check(ctx) {
    checkModels(ctx, undefined, undefined);
  },
  checkAfterEdit(ctx, previous, edit) {
    return checkModels(ctx, previous as ModelsState | undefined, edit);
  },
};

/** Every model's check; after a one-value edit, with the previous version's state. */
function checkModels(ctx: RuleContext, before: ModelsState | undefined, edit: ValueEdit | undefined): ModelsState {
  const apiTypes = apiTypesKey(ctx.definition);
  // After an edit, a model not checked before (a $ref edited to it) is built alone: the document's JSON.parse
  // value would be a parse of the whole new text.
  const valueOf = (model: SourceNode): unknown =>
    edit === undefined ? documentValueAt(ctx.document, model) : toValue(model);
  const checks: Checks = { valueOf, verdicts: new Map() };
  if (before !== undefined && edit !== undefined) Object.assign(checks, { before: before.verdicts, edit });
  // Which schemas are models depends on keys, `$ref`s, the version and the API types only.
  const sameTargets =
    before !== undefined &&
    edit !== undefined &&
    before.apiTypes === apiTypes &&
    !TARGET_VALUES.test(edit.scalar.pointer);
  const targets = sameTargets ? before.targets : modelTargets(ctx);
  for (const target of targets) checkModel(ctx, checks, target);
  return { verdicts: checks.verdicts, targets, apiTypes };
}

/** Values that decide which schemas are models (besides keys, which no one-value edit changes). */
const TARGET_VALUES = /\/(?:\$ref|openapi|swagger|Type|ProtocolType)$/;

/** A schema checked as a model: an entry of the models, or an operation's inline request body schema. */
interface Target {
  what: string;
  written: SourceNode;
  at: { file: string; range: SourceNode['range'] };
}

/** What a version's check leaves for the next. */
interface ModelsState {
  verdicts: Verdicts;
  targets: Target[];
  apiTypes: string;
}

/** The meta-schema errors of each model node checked in a version. */
type Verdicts = Map<SourceNode, ErrorObject[]>;

/** This version's verdicts, and those of the previous version with the edit between the two. */
interface Checks {
  /** The plain value of a model (documentValueAt). */
  valueOf(model: SourceNode): unknown;
  verdicts: Verdicts;
  before?: Verdicts;
  edit?: ValueEdit;
  /** The edited value's pointer and its parents' (made on first use). */
  holders?: Set<string>;
}

/** '/a/b/c' → '/a/b/c', '/a/b', '/a', '' (a model holds the edit when its pointer is one of them). */
function pointerAndParents(pointer: string): Set<string> {
  const found = new Set<string>([pointer]);
  for (let at = pointer.lastIndexOf('/'); at >= 0; at = pointer.lastIndexOf('/', at - 1)) {
    found.add(pointer.slice(0, at));
    if (at === 0) break;
  }
  return found;
}

/** The model's errors: the previous verdict when the edit is elsewhere, else checked (again). */
function verdictOf(checks: Checks, model: SourceNode): ErrorObject[] {
  let errors = checks.verdicts.get(model);
  if (errors !== undefined) return errors;
  const before = checks.before?.get(model);
  const scalar = checks.edit?.scalar;
  if (before === undefined || scalar === undefined) errors = modelErrors(model, checks.valueOf(model));
  else {
    checks.holders ??= pointerAndParents(scalar.pointer);
    const holds = model.file === scalar.file && checks.holders.has(model.pointer);
    errors = holds ? modelErrorsAfterEdit(model, before, scalar) : before;
  }
  checks.verdicts.set(model, errors);
  return errors;
}

function modelTargets(ctx: RuleContext): Target[] {
  const targets: Target[] = [];
  for (const body of findBodies(ctx)) {
    if (body.type !== 'REST') continue;
    const holder = isSwagger(body)
      ? getProperty(body.root, 'definitions')
      : getProperty(ctx.resolve(getProperty(body.root, 'components')), 'schemas');
    const models = ctx.resolve(holder);
    if (models?.kind === 'object') {
      for (const { key, keyRange, value } of models.properties) {
        if (!key.startsWith('x-'))
          targets.push({ what: `The model '${key}'`, written: value, at: { file: models.file, range: keyRange } });
      }
    }
    if (isSwagger(body)) continue;
    for (const operation of operationsOf(ctx, body)) {
      const content = ctx.resolve(getProperty(ctx.resolve(getProperty(operation.node, 'requestBody')), 'content'));
      if (content?.kind !== 'object') continue;
      for (const { key, value } of content.properties) {
        const schemaKey = ctx.resolve(value);
        const schema = getProperty(schemaKey, 'schema');
        if (schema === undefined || schemaKey?.kind !== 'object' || getProperty(schema, '$ref') !== undefined) continue;
        const at = schemaKey.properties.find((p) => p.key === 'schema')?.keyRange ?? schemaKey.range;
        targets.push({
          what: `The ${key} request body schema of ${operation.method} ${operation.path}`,
          written: schema,
          at: { file: schemaKey.file, range: at },
        });
      }
    }
  }
  return targets;
}

function checkModel(ctx: RuleContext, checks: Checks, { what, written, at }: Target): void {
  const node = ctx.resolve(written);
  if (node === undefined || getProperty(written, '$ref') !== undefined) return;
  for (const error of verdictOf(checks, node)) {
    const found = locate(node, at.range, error.instancePath);
    if (found.opaque) continue;
    const place = found.segments.length > 0 ? ` at '${found.segments.join('.')}'` : '';
    report(
      ctx,
      { file: found.node?.file ?? at.file, range: found.segments.length > 0 ? found.keyRange : at.range },
      'error',
      'apigw.model.invalidSchema',
      `${what} is not a valid JSON Schema (draft 4)${place}: it ${error.message ?? 'is invalid'}${describeParams(error)}. API Gateway refuses to import the model, and the mock cannot validate bodies against it: fix the schema.`,
    );
    return;
  }
}

function describeParams(error: ErrorObject): string {
  const allowed = (error.params as { allowedValues?: unknown[] }).allowedValues;
  return Array.isArray(allowed) ? ` (${allowed.map((v) => JSON.stringify(v)).join(', ')})` : '';
}
