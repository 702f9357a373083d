import AjvDraft04 from 'ajv-draft-04';
import type { ErrorObject } from 'ajv';
import type { SourceNode } from '../../../model/sourceNode';
import { getProperty, toValue } from '../../../model/parse';
import type { Rule, RuleContext } from '../rule';
import { findBodies, isSwagger, operationsOf } from './bodies';
import { locate } from './instancePath';
import { report } from './values';

/**
 * REST API models are JSON Schema draft 4: API Gateway imports every `definitions` / `components.schemas` entry
 * (and an operation's inline request body schema) as a model and refuses one that is not a valid draft 4
 * schema; the mock runtime could not validate bodies against it either. Checked against the draft 4
 * meta-schema (unknown keywords are allowed; values computed at deploy time and `$ref`s are not judged).
 */
export const modelsRule: Rule = {
  id: 'extensions.models',
  codes: ['apigw.model.invalidSchema'],
  reuse: 'tracked',
  check(ctx) {
    for (const body of findBodies(ctx)) {
      if (body.type !== 'REST') continue;
      const holder = isSwagger(body)
        ? getProperty(body.root, 'definitions')
        : getProperty(ctx.resolve(getProperty(body.root, 'components')), 'schemas');
      const models = ctx.resolve(holder);
      if (models?.kind === 'object') {
        for (const { key, keyRange, value } of models.properties) {
          if (!key.startsWith('x-'))
            checkModel(ctx, `The model '${key}'`, value, { file: models.file, range: keyRange });
        }
      }
      if (isSwagger(body)) continue;
      for (const operation of operationsOf(ctx, body)) {
        const content = ctx.resolve(getProperty(ctx.resolve(getProperty(operation.node, 'requestBody')), 'content'));
        if (content?.kind !== 'object') continue;
        for (const { key, value } of content.properties) {
          const schemaKey = ctx.resolve(value);
          const schema = getProperty(schemaKey, 'schema');
          if (schema === undefined || schemaKey?.kind !== 'object' || getProperty(schema, '$ref') !== undefined)
            continue;
          const at = schemaKey.properties.find((p) => p.key === 'schema')?.keyRange ?? schemaKey.range;
          checkModel(ctx, `The ${key} request body schema of ${operation.method} ${operation.path}`, schema, {
            file: schemaKey.file,
            range: at,
          });
        }
      }
    }
  },
};

let ajv: AjvDraft04 | undefined;

function metaSchemaErrors(schema: unknown): ErrorObject[] {
  ajv ??= new AjvDraft04({ strict: false, validateFormats: false, logger: false, allErrors: false });
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) {
    return [{ instancePath: '', schemaPath: '', keyword: 'type', params: {}, message: 'must be an object' }];
  }
  // `$schema` names the draft; API Gateway models are draft 4 whatever it says.
  const { $schema: _ignored, ...rest } = schema as Record<string, unknown>;
  try {
    return ajv.validateSchema(rest) === true ? [] : (ajv.errors ?? []);
  } catch {
    return [];
  }
}

function checkModel(
  ctx: RuleContext,
  what: string,
  written: SourceNode,
  at: { file: string; range: SourceNode['range'] },
): void {
  const node = ctx.resolve(written);
  if (node === undefined || getProperty(written, '$ref') !== undefined) return;
  for (const error of metaSchemaErrors(toValue(node))) {
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
