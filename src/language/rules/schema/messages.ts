// Turns one (collapsed) ajv error into a diagnostic: a readable message that says what to do, a stable
// code, and the range of what is wrong (the key for an unknown property, the value otherwise).
import type { ErrorObject } from 'ajv';
import type { PropertyNode, SourceNode } from '../../../model/sourceNode';
import type { Diagnostic } from '../../../shared/diagnostic';
import type { Range } from '../../../shared/range';
import { allowed, typesOf } from './collapse';
import { type InstanceSite, isIntrinsicKey, lastProperty } from './instance';
import { dictOf } from '../../../shared/dict';

export const schemaCodes = [
  'apigw.schema.missingProperty',
  'apigw.schema.unknownProperty',
  'apigw.schema.invalidPath',
  'apigw.schema.invalidResponseCode',
  'apigw.schema.type',
  'apigw.schema.enum',
  'apigw.schema.invalidValue',
] as const;

/** The diagnostic for one error, or undefined when it must not be shown (a value CloudFormation computes). */
export function toDiagnostic(error: ErrorObject, site: InstanceSite): Diagnostic | undefined {
  const node = site.node;
  if (node === undefined || site.inIntrinsic || isPlaceholder(node)) return undefined;
  const label = labelOf(site.segments, site.inList);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return unknownProperty(site, String(params['additionalProperty']), label);
    case 'required': {
      const range = site.property?.keyRange ?? node.range;
      const oneOf = Array.isArray(params['oneOf']) ? (params['oneOf'] as string[]) : [];
      const message =
        oneOf.length > 1
          ? `${capital(label)} needs one of the properties ${oneOf.map((n) => `'${n}'`).join(', ')}. Add one.`
          : `${capital(label)} is missing the required property '${String(params['missingProperty'])}'. Add it.`;
      return make(range, 'apigw.schema.missingProperty', message);
    }
    case 'type': {
      const types = typesOf(error).map(typeName);
      return make(
        node.range,
        'apigw.schema.type',
        `${capital(label)} must be ${orList(types)}, not ${describe(node)}.`,
      );
    }
    case 'enum': {
      const values = allowed(error).map((v) => JSON.stringify(v));
      const message =
        values.length === 1
          ? `${capital(label)} must be ${values[0] ?? ''}, not ${describe(node)}.`
          : `${capital(label)} must be one of ${values.join(', ')}, not ${describe(node)}.`;
      return make(node.range, 'apigw.schema.enum', message);
    }
    default:
      return make(node.range, 'apigw.schema.invalidValue', `${capital(label)} ${readable(error)}.`);
  }
}

function unknownProperty(site: InstanceSite, key: string, label: string): Diagnostic | undefined {
  const node = site.node;
  // `$default` is an HTTP API's catch-all route; `$schema` is allowed in API Gateway models (JSON Schema draft 4).
  if (isIntrinsicKey(key) || key === '$default' || key === '$schema' || node?.kind !== 'object') return undefined;
  const property: PropertyNode | undefined = lastProperty(node.properties, key);
  const range = property?.keyRange ?? node.range;
  const parent = site.segments[site.segments.length - 1];
  const grandParent = site.segments[site.segments.length - 2];
  if (site.segments.length === 1 && parent === 'paths') {
    return make(
      range,
      'apigw.schema.invalidPath',
      `The path '${key}' must start with '/' (or be an 'x-' extension). Write '/${key.replace(/^\/*/, '')}'.`,
    );
  }
  if (parent === 'responses' && grandParent !== 'components') {
    return make(
      range,
      'apigw.schema.invalidResponseCode',
      `'${key}' is not a response code: use an HTTP status code such as 200, a range such as 2XX (OpenAPI 3), or 'default'.`,
    );
  }
  return make(
    range,
    'apigw.schema.unknownProperty',
    `${capital(label)} does not allow the property '${key}'. Check its spelling, remove it, or prefix it with 'x-' to make it an extension.`,
  );
}

/** A string holding a `${...}` placeholder that CloudFormation (Fn::Sub) or a stage variable fills in. */
function isPlaceholder(node: SourceNode): boolean {
  return node.kind === 'scalar' && typeof node.value === 'string' && node.value.includes('${');
}

/**
 * Structure problems are warnings: API Gateway's importer accepts many definitions that break the OpenAPI
 * schema (a missing `info.version`, empty `responses`), but other tools reject them.
 */
function make(range: Range, code: string, message: string): Diagnostic {
  return { range, severity: 'warning', code, message };
}

/** "the document root", "'info'", "item 2 of 'parameters'", "the operation 'get' of '/pets'"... */
export function labelOf(segments: readonly string[], inList: boolean): string {
  const last = segments[segments.length - 1];
  if (last === undefined) return 'the document root';
  if (inList) {
    const owner = segments[segments.length - 2];
    return `item ${Number(last) + 1} of ${owner === undefined ? 'the list' : `'${owner}'`}`;
  }
  const owner = segments[segments.length - 2];
  if (owner === 'paths') return `the path '${last}'`;
  return `'${last}'`;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function typeName(type: string): string {
  const names: Record<string, string> = dictOf({
    object: 'a mapping',
    array: 'a list',
    string: 'a string',
    number: 'a number',
    integer: 'an integer',
    boolean: 'true or false',
    null: 'null',
  });
  return names[type] ?? type;
}

function orList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? 'something else';
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1] ?? ''}`;
}

/** What a node holds, for "must be X, not Y". */
function describe(node: SourceNode): string {
  if (node.kind === 'object') return 'a mapping';
  if (node.kind === 'array') return 'a list';
  const value = node.value;
  if (value === null) return 'null (an empty value)';
  if (typeof value === 'string')
    return `the string ${JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value)}`;
  return `${typeof value === 'number' ? 'the number' : ''} ${String(value)}`.trim();
}

function readable(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'pattern':
      return `must match the pattern ${String(params['pattern'])}`;
    case 'minItems':
      return Number(params['limit']) === 1
        ? 'must not be an empty list'
        : `must have at least ${String(params['limit'])} items`;
    case 'minProperties':
      return Number(params['limit']) === 1
        ? 'must not be empty'
        : `must have at least ${String(params['limit'])} properties`;
    case 'uniqueItems':
      return `must not hold the same item twice (items ${Number(params['j']) + 1} and ${Number(params['i']) + 1} are equal): remove one`;
    case 'not':
      return 'is not allowed here';
    case 'oneOf':
    case 'anyOf':
      return 'does not match any of the forms allowed here';
    default:
      return error.message ?? 'is not valid';
  }
}
