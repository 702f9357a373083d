import type { ObjectNode, PropertyNode, SourceNode } from '../../../model/sourceNode';
import { extensionHoldersOf } from '../../../model/parse/extensionHolders';
import { toValue } from '../../../model/parse';
import type { Rule, RuleContext } from '../rule';
import { type ApiBody, findBodies } from './bodies';
import { validateExtension } from './extensionValidator';
import { PropertyIndex, locate } from './instancePath';
import { describeSchemaError } from './schemaMessages';
import { apiTypesOf, extensionSchema, extensionSchemas, type ExtensionLocation, subschemaAt } from './schemaIndex';
import { report } from './values';
import { dictOf } from '../../../shared/dict';

const prefix = 'x-amazon-apigateway-';
const methods = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', `${prefix}any-method`]);

/**
 * Every `x-amazon-apigateway-*` extension of every API body: a known name, written where API Gateway reads
 * it, for an API type that imports it, and a value that its schema in schemas/ accepts (computed values
 * skipped). Fields limited to one API type (`requestTemplates` on an HTTP API...) are reported too.
 */
export const extensionValuesRule: Rule = {
  id: 'extensions.values',
  codes: [
    'apigw.extension.unknown',
    'apigw.extension.misplaced',
    'apigw.extension.wrongApiType',
    'apigw.extension.invalidValue',
    'apigw.extension.unknownField',
  ],
  reuse: 'tracked',
  model: 'apiTypes',
  check(ctx) {
    const root = ctx.document.root;
    // When the parser recorded the objects with an extension key (strict JSON), only those are visited: a walk
    // of every node took 25-30 ms on GitHub's 12 MB definition, which has none.
    const holders = root === undefined ? undefined : extensionHoldersOf(root);
    for (const body of findBodies(ctx)) {
      if (body.type === 'WEBSOCKET') continue;
      if (holders === undefined) walk(ctx, body, body.root, 'root');
      else checkHolders(ctx, body, holders);
    }
  },
};

/** What walk checks, from the recorded holders: each extension with its place, in the walk's (document) order. */
function checkHolders(ctx: RuleContext, body: ApiBody, holders: readonly ObjectNode[]): void {
  const found: Array<{ property: PropertyNode; place: Place }> = [];
  for (const holder of holders) {
    const place = holder.file === body.root.file ? placeOf(body.root, holder) : undefined;
    if (place === undefined) continue;
    for (const property of holder.properties) if (property.key.startsWith(prefix)) found.push({ property, place });
  }
  // walk checks a key before the value under it and after the values of the keys before it: document order.
  found.sort((a, b) => compareStart(a.property.keyRange.start, b.property.keyRange.start));
  for (const { property, place } of found) checkExtension(ctx, body, property, place);
}

function compareStart(a: { line: number; character: number }, b: { line: number; character: number }): number {
  return a.line - b.line || a.character - b.character;
}

/** The place walk would give `target` going down from `root`; undefined when `target` is not under `root`. */
function placeOf(root: SourceNode, target: ObjectNode): Place | undefined {
  let node: SourceNode | undefined = root;
  let place = 'root' as Place;
  while (node !== target) {
    if (node === undefined || node.kind === 'scalar') return undefined;
    if (node.kind === 'array') {
      place = place === 'server' || place === 'tag' ? place : 'other';
      node = containing(node.items, (item) => item, target.offset);
    } else {
      const property = containing(node.properties, (p) => p.value, target.offset);
      if (property === undefined) return undefined;
      place = childPlace(place, property.key);
      node = property.value;
    }
  }
  return place;
}

/** The child whose value holds `offset` (children are in document order: a binary search). */
function containing<T>(children: readonly T[], valueOf: (child: T) => SourceNode, offset: number): T | undefined {
  let low = 0;
  let high = children.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (valueOf(children[mid] as T).offset <= offset) low = mid;
    else high = mid - 1;
  }
  const child = children[low];
  if (child === undefined) return undefined;
  const value = valueOf(child);
  return value.offset <= offset && offset < value.offset + value.length ? child : undefined;
}

type Place = ExtensionLocation | 'other';

function walk(ctx: RuleContext, body: ApiBody, node: SourceNode, place: Place): void {
  if (node.kind === 'array') {
    for (const item of node.items) walk(ctx, body, item, place === 'server' || place === 'tag' ? place : 'other');
    return;
  }
  if (node.kind !== 'object') return;
  for (const property of node.properties) {
    if (property.key.startsWith(prefix)) checkExtension(ctx, body, property, place);
    walk(ctx, body, property.value, childPlace(place, property.key));
  }
}

/** Where the value of `key` sits, given where its parent object sits. */
function childPlace(place: Place, key: string): Place {
  if (place === 'root') {
    if (key === 'paths') return 'paths' as Place;
    if (key === 'components') return 'components';
    if (key === 'securityDefinitions') return 'schemes' as Place;
    if (key === 'servers') return 'server';
    if (key === 'tags') return 'tag';
    return 'other';
  }
  if ((place as string) === 'paths') return key.startsWith('x-') ? 'other' : 'pathItem';
  if (place === 'pathItem') return methods.has(key) ? 'operation' : 'other';
  if (place === 'components') return key === 'securitySchemes' ? ('schemes' as Place) : 'other';
  if ((place as string) === 'schemes') return 'securityScheme';
  return 'other';
}

function checkExtension(ctx: RuleContext, body: ApiBody, property: PropertyNode, place: Place): void {
  const name = property.key;
  const at = { file: property.value.file, range: property.keyRange };
  const info = extensionSchema(name);
  if (info === undefined) {
    const close = closestName(name);
    const hint =
      close === undefined
        ? 'check the spelling; API Gateway ignores extensions it does not know.'
        : `did you mean '${close}'?`;
    report(ctx, at, 'warning', 'apigw.extension.unknown', `'${name}' is not an API Gateway extension: ${hint}`);
    return;
  }
  const apiType = body.type as 'REST' | 'HTTP';
  if (!info.apiTypes.includes(apiType)) {
    const other = info.apiTypes.join(' and ');
    report(
      ctx,
      at,
      'warning',
      'apigw.extension.wrongApiType',
      `${name} is for ${other} APIs only; importing this ${apiType} API ignores it.`,
    );
    return;
  }
  if (place !== 'other' && !(info.locations as string[]).includes(place)) {
    report(
      ctx,
      at,
      'warning',
      'apigw.extension.misplaced',
      `${name} has no effect on ${placeWords(place)}: API Gateway reads it on ${info.locations.map(placeWords).join(' or ')}. Move it there.`,
    );
    return;
  }
  const value = ctx.resolve(property.value) ?? property.value;
  checkValue(ctx, name, value, property);
  checkFieldTypes(ctx, body, name, value, []);
}

function checkValue(ctx: RuleContext, name: string, value: SourceNode, property: PropertyNode): void {
  const errors = validateExtension(name, toValue(value)) ?? [];
  const index = new PropertyIndex();
  for (const error of errors) {
    if (error.keyword === 'propertyNames' || error.keyword === 'if') continue;
    const found = locate(value, property.keyRange, error.instancePath, index);
    if (found.opaque) continue;
    let range =
      error.keyword === 'required' || error.keyword === 'additionalProperties'
        ? found.keyRange
        : (found.node?.range ?? found.keyRange);
    let code = 'apigw.extension.invalidValue';
    let severity: 'error' | 'warning' = 'error';
    if (error.keyword === 'additionalProperties') {
      const holder = found.node;
      const key = String((error.params as Record<string, unknown>)['additionalProperty']);
      if (holder?.kind === 'object') range = index.find(holder, key, 'first')?.keyRange ?? range;
      code = 'apigw.extension.unknownField';
      severity = 'warning';
    }
    if (error.propertyName !== undefined && found.node?.kind === 'object') {
      range = index.find(found.node, error.propertyName, 'first')?.keyRange ?? range;
    }
    report(
      ctx,
      { file: value.file, range },
      severity,
      code,
      describeSchemaError(name, error, found.segments, found.node),
    );
  }
}

/** Fields whose schema names other API types than the body's (e.g. `requestTemplates` in an HTTP API). */
function checkFieldTypes(ctx: RuleContext, body: ApiBody, name: string, node: SourceNode, path: string[]): void {
  if (node.kind !== 'object') return;
  for (const property of node.properties) {
    const here = [...path, property.key];
    const schema = subschemaAt(name, here);
    if (schema === undefined) continue;
    const types = apiTypesOf(schema);
    if (types !== undefined && !types.includes(body.type as 'REST' | 'HTTP')) {
      const message = `'${here.join('.')}' of ${name} is for ${types.join(' and ')} APIs only; importing this ${body.type} API ignores it. Remove it or change the API type.`;
      report(ctx, { file: node.file, range: property.keyRange }, 'warning', 'apigw.extension.wrongApiType', message);
      continue;
    }
    const value = ctx.resolve(property.value);
    if (value?.kind === 'object') checkFieldTypes(ctx, body, name, value, here);
  }
}

function placeWords(place: string): string {
  const words: Record<string, string> = dictOf({
    root: 'the root of the definition',
    pathItem: 'a path',
    operation: 'an operation',
    securityScheme: 'a security scheme',
    components: '`components`',
    server: 'a `servers` entry',
    tag: 'a `tags` entry',
  });
  return words[place] ?? place;
}

/** The known extension name closest to a misspelled one (at most 3 edits away). */
function closestName(name: string): string | undefined {
  let best: string | undefined;
  let bestDistance = 4;
  for (const known of extensionSchemas.keys()) {
    const distance = editDistance(name, known);
    if (distance < bestDistance) [best, bestDistance] = [known, distance];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
