import type { SourceNode } from '../sourceNode';
import { refOf, resolve, type BuildContext } from './context';

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
  return out;
}
