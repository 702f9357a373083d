import type { ErrorObject } from 'ajv';
import type { SourceNode } from '../../../model/sourceNode';
import { show } from './values';
import { dictOf } from '../../../shared/dict';

/** A schema error in words: what is wrong with which field of which extension, and what to write instead. */
export function describeSchemaError(
  extension: string,
  error: ErrorObject,
  segments: string[],
  node: SourceNode | undefined,
): string {
  const field = segments.length === 0 ? extension : `'${segments.join('.')}' of ${extension}`;
  const parent = error.parentSchema;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type':
      return `${capitalize(field)} must be ${typeWords(params['type'])}, not ${show(node)}.`;
    case 'enum':
    case 'x-apigw-enum-ci': {
      const allowed = (error.schema as unknown[]).filter((v) => typeof v === 'string').join(', ');
      if (error.propertyName !== undefined) {
        return `'${error.propertyName}' is not a valid key of ${field}: use one of ${allowed}.`;
      }
      return `${capitalize(field)} must be one of ${allowed}; ${show(node)} is not.`;
    }
    case 'required':
      return `${capitalize(field)} is missing the required field '${String(params['missingProperty'])}': add it.`;
    case 'additionalProperties': {
      const known = Object.keys((parent?.['properties'] as object | undefined) ?? {});
      const hint = known.length > 0 ? ` Its fields are: ${known.join(', ')}.` : '';
      return `'${String(params['additionalProperty'])}' is not a field of ${field}, so API Gateway ignores it: check the spelling or remove it.${hint}`;
    }
    case 'minimum':
      return `${capitalize(field)} must be at least ${String(params['limit'])}; it is ${show(node)}.`;
    case 'maximum':
      return `${capitalize(field)} must be at most ${String(params['limit'])}; it is ${show(node)}.`;
    case 'maxLength':
      return `${capitalize(field)} must be at most ${String(params['limit'])} characters long.`;
    case 'pattern': {
      const hint =
        typeof parent?.['x-apigw-pattern-hint'] === 'string'
          ? parent['x-apigw-pattern-hint']
          : `text matching ${String(params['pattern'])}`;
      return `${capitalize(field)} must be ${hint}; ${show(node)} is not.`;
    }
    default:
      return `${capitalize(field)} ${error.message ?? 'is not valid'}.`;
  }
}

function typeWords(type: unknown): string {
  const names: Record<string, string> = dictOf({
    string: 'a string',
    number: 'a number',
    integer: 'an integer',
    boolean: 'true or false',
    object: 'an object (a mapping)',
    array: 'a list',
    null: 'null',
  });
  const list = String(type).split(',');
  return list.map((t) => names[t] ?? t).join(' or ');
}

function capitalize(text: string): string {
  return text.startsWith("'") ? `The field ${text}` : text;
}
