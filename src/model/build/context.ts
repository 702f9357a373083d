import type { Diagnostic, Severity } from '../../shared/diagnostic';
import type { ObjectNode, SourceNode } from '../sourceNode';
import type { SourceSet } from '../parse';
import type { SourceLocation } from '../gatewayApi';
import { getProperty, locOf } from '../parse';

/**
 * What every builder needs: the loaded files (to resolve `$ref`s) and the list problems are added to.
 * `bodyRoot` is set while building an OpenAPI body embedded in a template, so that local `#/...` refs
 * resolve against the body (as API Gateway does) rather than against the template's root.
 */
export interface BuildContext {
  set: SourceSet;
  problems: Diagnostic[];
  bodyRoot?: SourceNode;
  /** Every body written inside the template (their local refs are checked here, not by SourceSet). */
  embeddedBodies?: SourceNode[];
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

/** The node after following `$ref`s (undefined for a broken ref; the problem is then recorded once). */
export function resolve(ctx: BuildContext, node: SourceNode | undefined): SourceNode | undefined {
  if (node === undefined) return undefined;
  const ref = refOf(node);
  if (ref === undefined) return node;
  if (ctx.bodyRoot !== undefined && ref.startsWith('#') && node.file === ctx.bodyRoot.file) {
    return resolveInBody(ctx, node, ctx.bodyRoot);
  }
  return ctx.set.resolve(node);
}

/** The `$ref` string of a reference object, else undefined. */
export function refOf(node: SourceNode | undefined): string | undefined {
  const ref = getProperty(node, '$ref');
  return ref?.kind === 'scalar' && typeof ref.value === 'string' ? ref.value : undefined;
}

function resolveInBody(ctx: BuildContext, start: SourceNode, bodyRoot: SourceNode): SourceNode | undefined {
  const seen = new Set<SourceNode>();
  const chain: string[] = [];
  let node: SourceNode | undefined = start;
  for (let ref = refOf(node); node !== undefined && ref !== undefined; ref = refOf(node)) {
    if (!ref.startsWith('#')) return ctx.set.resolve(node);
    const at = getProperty(node, '$ref') ?? node;
    if (seen.has(node)) {
      addProblem(ctx, at, 'error', 'apigw.ref.circular', `Circular $ref: ${[...chain, ref].join(' → ')}`);
      return undefined;
    }
    seen.add(node);
    chain.push(ref);
    const target = lookupInBody(bodyRoot, ref);
    if (typeof target === 'string') {
      if (builtInModel.test(ref)) return undefined;
      addProblem(ctx, at, 'error', 'apigw.ref.unresolved', `Cannot resolve $ref '${ref}': ${target}`);
      return undefined;
    }
    node = target;
  }
  return node;
}

/**
 * Every REST API has the models 'Empty' and 'Error' without declaring them, and API Gateway imports refs to
 * them; such a ref resolves to nothing here but is not an error.
 */
export const builtInModel = /^#\/(components\/schemas|definitions)\/(Empty|Error)$/;

/** The node a local ref names inside an embedded API body, or why there is none. */
function lookupInBody(bodyRoot: SourceNode, ref: string): SourceNode | string {
  let node: SourceNode | undefined = bodyRoot;
  const segments = ref.slice(1).split('/').slice(1).map(unescapePointer);
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] ?? '';
    const next: SourceNode | undefined =
      node?.kind === 'array' ? node.items[Number(segment)] : getProperty(node, segment);
    if (next === undefined) {
      const under = segments
        .slice(0, i)
        .map((s) => `/${s}`)
        .join('');
      return `'${segment}' does not exist under '#${under}' of the API body.`;
    }
    node = next;
  }
  return node ?? bodyRoot;
}

function unescapePointer(segment: string): string {
  let s = segment;
  try {
    s = decodeURIComponent(segment);
  } catch {
    // keep it as written
  }
  return s.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Checks every local `$ref` of an embedded body (SourceSet resolves them against the template's root). */
export function checkBodyRefs(ctx: BuildContext, bodyRoot: SourceNode): void {
  const stack: SourceNode[] = [bodyRoot];
  while (stack.length > 0) {
    const node = stack.pop() as SourceNode;
    if (node.kind === 'array') stack.push(...node.items);
    if (node.kind !== 'object') continue;
    if (refOf(node)?.startsWith('#')) resolveInBody(ctx, node, bodyRoot);
    stack.push(...node.properties.map((p) => p.value));
  }
}

/** True for a problem SourceSet reported about a local ref inside an embedded body (checked by checkBodyRefs). */
export function isEmbeddedRefProblem(ctx: BuildContext, d: Diagnostic): boolean {
  if (d.file !== undefined && d.file !== ctx.set.entry.file) return false;
  if (!/^(Cannot resolve \$ref '#|Circular \$ref: #)/.test(d.message)) return false;
  return (ctx.embeddedBodies ?? []).some((b) => contains(b.range, d.range));
}

function contains(outer: Diagnostic['range'], inner: Diagnostic['range']): boolean {
  const before = (a: Diagnostic['range']['start'], b: Diagnostic['range']['start']): boolean =>
    a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
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
