import type { Diagnostic, Severity } from '../../shared/diagnostic';
import type { ObjectNode, SourceNode } from '../sourceNode';
import type { SourceSet } from '../parse';
import type { SourceLocation } from '../gatewayApi';
import { getProperty, locOf } from '../parse';

/** What every builder needs: the loaded files (to resolve `$ref`s) and the list problems are added to. */
export interface BuildContext {
  set: SourceSet;
  problems: Diagnostic[];
}

export function addProblem(
  ctx: BuildContext,
  node: SourceNode,
  severity: Severity,
  code: string,
  message: string,
): void {
  const d: Diagnostic = { range: node.range, severity, code, message };
  if (node.file !== ctx.set.entry.file) d.file = node.file;
  ctx.problems.push(d);
}

/**
 * The node after following `$ref`s (undefined for a broken ref, whose problem SourceSet records once). Local
 * refs inside a template's inline body resolve against that body, as API Gateway imports it.
 */
export function resolve(ctx: BuildContext, node: SourceNode | undefined): SourceNode | undefined {
  return ctx.set.resolve(node);
}

/** The `$ref` string of a reference object, else undefined. */
export function refOf(node: SourceNode | undefined): string | undefined {
  const ref = getProperty(node, '$ref');
  return ref?.kind === 'scalar' && typeof ref.value === 'string' ? ref.value : undefined;
}

/** The properties of an object node (none for anything else), after resolving the node itself. */
export function entriesOf(ctx: BuildContext, node: SourceNode | undefined): Array<[string, SourceNode]> {
  const resolved = resolve(ctx, node);
  if (resolved?.kind !== 'object') return [];
  return resolved.properties.map((p) => [p.key, p.value]);
}

/** The items of an array node (none for anything else). */
export function itemsOf(node: SourceNode | undefined): SourceNode[] {
  return node?.kind === 'array' ? node.items : [];
}

export function asObject(node: SourceNode | undefined): ObjectNode | undefined {
  return node?.kind === 'object' ? node : undefined;
}

export function locOrUndefined(node: SourceNode | undefined): SourceLocation | undefined {
  return node === undefined ? undefined : locOf(node);
}
