import type { NamedExample } from '../gatewayApi';
import { getProperty, toValue } from '../parse';
import type { SourceNode } from '../sourceNode';
import { entriesOf, refOf, resolve, type BuildContext } from './context';

/** Where each object of an inlined schema was written (the `$ref` target's node for an inlined reference). */
const origins = new WeakMap<object, SourceNode>();

/**
 * The node an object of an inlined schema (inlineSchema) was read from: with a validator's schema path it says
 * at which line a failing keyword is written, also inside `$ref`s and in other files.
 */
export function schemaOrigin(schema: unknown): SourceNode | undefined {
  return schema !== null && typeof schema === 'object' ? origins.get(schema) : undefined;
}

/**
 * A schema as plain data with every `$ref` inlined (so a validator needs nothing else). A reference back into
 * a schema being inlined (recursion) becomes `{}` (anything), and a broken `$ref` too: SourceSet reports it.
 */
export function inlineSchema(ctx: BuildContext, node: SourceNode | undefined, seen: SourceNode[] = []): unknown {
  if (node === undefined) return undefined;
  if (refOf(node) !== undefined) {
    const target = resolve(ctx, node);
    if (target === undefined || seen.includes(target) || seen.length > 64) return {};
    return inlineSchema(ctx, target, [...seen, target]);
  }
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'array') return node.items.map((item) => inlineSchema(ctx, item, seen));
  // eslint-disable-next-line no-restricted-syntax -- JSON-like data (for ajv, YAML and tests): look keys up with ownValue
  const out: Record<string, unknown> = {};
  for (const p of node.properties) out[p.key] = inlineSchema(ctx, p.value, seen);
  origins.set(out, node);
  return out;
}

/**
 * The examples an OpenAPI parameter, media type or header gives: `example` (named "example") and each entry of
 * `examples` (an Example Object's `value`, `$ref`s followed; one with only an `externalValue` is left out).
 */
export function examplesOf(ctx: BuildContext, node: SourceNode | undefined, exampleKey = 'example'): NamedExample[] {
  const examples: NamedExample[] = [];
  const single = getProperty(node, exampleKey);
  if (single !== undefined) examples.push({ name: 'example', value: toValue(single) });
  for (const [name, written] of entriesOf(ctx, getProperty(node, 'examples'))) {
    const value = getProperty(resolve(ctx, written), 'value');
    if (value !== undefined) examples.push({ name, value: toValue(value) });
  }
  return examples;
}
