import type { ExplorerNode } from '../explorer/nodes';

const kinds = new Set([
  'file',
  'api',
  'authorizers',
  'route',
  'integration',
  'authorizer',
  'template',
  'parameter',
  'problem',
]);

/** The explorer node a command was invoked on (from a tree menu or a TreeItem command), if any. */
export function asExplorerNode(arg: unknown): ExplorerNode | undefined {
  if (typeof arg !== 'object' || arg === null) return undefined;
  const kind = (arg as { kind?: unknown }).kind;
  return typeof kind === 'string' && kinds.has(kind) ? (arg as ExplorerNode) : undefined;
}
