// Turns a part of a parsed definition (a SourceNode tree) into the plain JSON that is sent to API Gateway:
// CloudFormation pseudo parameters and given parameter values are substituted in `Ref`, `Fn::Sub` and
// `Fn::Join`; `$ref`s to other files are written inline (local `#/` refs of the body stay, API Gateway resolves
// them); any other intrinsic is reported with its line, because only CloudFormation can compute it.
import path from 'node:path';
import type { Diagnostic, DiagnosticData } from '../../shared/diagnostic';
import { dict } from '../../shared/dict';
import type { SourceNode, SourceSet } from '../../model';
import { getProperty } from '../../model/parse';

/** What `Ref` and `${...}` may name: pseudo parameters and template parameters, by name. */
export interface IntrinsicValues {
  /** `AWS::Region`, `AWS::AccountId`... → value; undefined means known but not available (e.g. no account id). */
  pseudo: ReadonlyMap<string, string | undefined>;
  /** Template parameters with their given (or `Default`) value; undefined: declared but without a value. */
  parameters: ReadonlyMap<string, string | undefined>;
  /** Why a pseudo parameter has no value, by name (shown in the diagnostic). */
  pseudoReasons?: ReadonlyMap<string, string>;
}

export interface MaterializeContext {
  set: SourceSet;
  /** The body's root: local `#/` refs inside it stay as written; refs anywhere else are written inline. */
  bodyRoot?: SourceNode;
  values: IntrinsicValues;
  /** Problems found (each with `file`), in document order. */
  diagnostics: Diagnostic[];
  /** Names the value in messages: 'The API body', 'The stage name'. */
  what: string;
}

/** Marks a value removed by `Ref: AWS::NoValue`. */
const NO_VALUE = Symbol('AWS::NoValue');
/** Deeper than this is refused (recursion over user input is bounded). */
const MAX_DEPTH = 400;
/** More than this many inlined external refs on one path is called circular. */
const MAX_INLINE = 64;

export const unresolvedIntrinsicCode = 'apigw.deploy.unresolvedIntrinsic';
/** A template parameter the body uses has no value and no Default; `data.parameter` names it. */
export const missingParameterCode = 'apigw.deploy.missingParameter';

/** The plain value of `node`; problems go to `ctx.diagnostics` (the value is then incomplete). */
export function materialize(node: SourceNode, ctx: MaterializeContext): unknown {
  const value = walk(node, ctx, 0, []);
  return value === NO_VALUE ? undefined : value;
}

function walk(node: SourceNode, ctx: MaterializeContext, depth: number, inlining: string[]): unknown {
  if (depth > MAX_DEPTH) {
    report(ctx, node, 'apigw.deploy.tooDeep', `${ctx.what} is nested more than ${MAX_DEPTH} levels deep here.`);
    return undefined;
  }
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'array') {
    const items: unknown[] = [];
    for (const item of node.items) {
      const v = walk(item, ctx, depth + 1, inlining);
      if (v !== NO_VALUE) items.push(v);
    }
    return items;
  }
  const intrinsic = intrinsicName(node);
  if (intrinsic !== undefined) return evaluate(intrinsic, node, ctx, depth, inlining);
  const ref = getProperty(node, '$ref');
  if (ref?.kind === 'scalar' && typeof ref.value === 'string' && !keepsRef(node, ref.value, ctx)) {
    return inline(node, ref.value, ctx, depth, inlining);
  }
  const out = dict<unknown>();
  for (const { key, value } of node.properties) {
    const v = walk(value, ctx, depth + 1, inlining);
    if (v !== NO_VALUE) out[key] = v;
  }
  return out;
}

/** `Ref`, `Condition` or `Fn::*` when it is the only key of the object. */
function intrinsicName(node: SourceNode): string | undefined {
  if (node.kind !== 'object' || node.properties.length !== 1) return undefined;
  const key = node.properties[0]?.key ?? '';
  return key === 'Ref' || key === 'Condition' || key.startsWith('Fn::') ? key : undefined;
}

/** A local ref inside the body stays; a ref to another file (or written in another file) is inlined. */
function keepsRef(holder: SourceNode, ref: string, ctx: MaterializeContext): boolean {
  if (/^[a-z][a-z0-9+.-]+:/i.test(ref)) return true; // a URL: API Gateway fetches nothing either, leave it
  if (!ref.startsWith('#')) return false;
  const root = ctx.bodyRoot;
  if (root === undefined) return false;
  return holder.file === root.file && (holder.pointer + '/').startsWith(root.pointer + '/');
}

function inline(holder: SourceNode, ref: string, ctx: MaterializeContext, depth: number, inlining: string[]): unknown {
  const id = `${holder.file}#${holder.offset}`;
  if (inlining.includes(id) || inlining.length >= MAX_INLINE) {
    const message = `${ctx.what} has a circular $ref '${ref}' through another file, which cannot be written inline for API Gateway: move the schema into this file's components.`;
    report(ctx, holder, 'apigw.deploy.circularRef', message);
    return undefined;
  }
  const target = ctx.set.resolve(holder);
  if (target === undefined || target === holder) {
    const where = path.basename(holder.file);
    report(
      ctx,
      holder,
      'apigw.deploy.unresolvedRef',
      `${ctx.what} has a $ref '${ref}' (in ${where}) that cannot be resolved.`,
    );
    return undefined;
  }
  return walk(target, ctx, depth + 1, [...inlining, id]);
}

function evaluate(fn: string, node: SourceNode, ctx: MaterializeContext, depth: number, inlining: string[]): unknown {
  const arg = node.kind === 'object' ? node.properties[0]?.value : undefined;
  if (arg === undefined) return undefined;
  if (fn === 'Ref') return evaluateRef(arg, node, ctx);
  if (fn === 'Fn::Sub') return evaluateSub(arg, node, ctx, depth, inlining);
  if (fn === 'Fn::Join') return evaluateJoin(arg, node, ctx, depth, inlining);
  unsupported(ctx, node, fn, describeArgument(fn, arg));
  return undefined;
}

function evaluateRef(arg: SourceNode, node: SourceNode, ctx: MaterializeContext): unknown {
  const name = arg.kind === 'scalar' && typeof arg.value === 'string' ? arg.value : undefined;
  if (name === undefined) {
    unsupported(ctx, node, 'Ref', 'a computed name');
    return undefined;
  }
  if (name === 'AWS::NoValue') return NO_VALUE;
  const value = lookup(name, node, ctx, 'Ref');
  return value ?? undefined;
}

/** The value of a pseudo parameter or parameter; undefined (reported) otherwise. */
function lookup(name: string, node: SourceNode, ctx: MaterializeContext, fn: string): string | undefined {
  const { pseudo, parameters, pseudoReasons } = ctx.values;
  if (pseudo.has(name)) {
    const value = pseudo.get(name);
    if (value === undefined) {
      const reason = pseudoReasons?.get(name) ?? 'its value is not known here';
      report(ctx, node, unresolvedIntrinsicCode, `${ctx.what} uses ${name} (line ${lineOf(node)}), but ${reason}.`);
    }
    return value;
  }
  if (name.startsWith('AWS::')) {
    unsupported(ctx, node, fn, name);
    return undefined;
  }
  if (parameters.has(name)) {
    const value = parameters.get(name);
    if (value === undefined) {
      const message = `${ctx.what} uses the template parameter ${name} (line ${lineOf(node)}), which has no value and no Default: give it a value (--parameter ${name}=VALUE).`;
      report(ctx, node, missingParameterCode, message, { parameter: name });
    }
    return value;
  }
  const message = `${ctx.what} uses ${fn === 'Ref' ? `Ref ${name}` : `\${${name}} in Fn::Sub`} (line ${lineOf(node)}): ${name} is a resource of the template, whose id only CloudFormation knows. Deploy the template with CloudFormation / SAM, or write the value.`;
  report(ctx, node, unresolvedIntrinsicCode, message);
  return undefined;
}

function evaluateSub(arg: SourceNode, node: SourceNode, ctx: MaterializeContext, depth: number, inlining: string[]) {
  let templateNode: SourceNode | undefined = arg;
  const variables = new Map<string, unknown>();
  if (arg.kind === 'array') {
    templateNode = arg.items[0];
    const map = arg.items[1];
    if (map?.kind === 'object') {
      for (const { key, value } of map.properties) variables.set(key, walk(value, ctx, depth + 1, inlining));
    }
  }
  if (templateNode?.kind !== 'scalar' || typeof templateNode.value !== 'string') {
    unsupported(ctx, node, 'Fn::Sub', 'a template that is not a string');
    return undefined;
  }
  let failed = false;
  const text = templateNode.value.replace(/\$\{([^}]*)\}/g, (whole, inner: string) => {
    if (inner.startsWith('!')) return '${' + inner.slice(1) + '}';
    const name = inner.trim();
    if (variables.has(name)) {
      const v = variables.get(name);
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
      failed = true;
      return whole;
    }
    if (/^(stageVariables|context|method|input|util)\./.test(name)) {
      // API Gateway's own variables: CloudFormation reads `${stageVariables.x}` as an attribute of a resource.
      const message = `${ctx.what} writes \${${name}} inside Fn::Sub (line ${lineOf(node)}), which CloudFormation reads as Fn::GetAtt of a resource '${name.split('.')[0]}': write \${!${name}} so that it stays for API Gateway.`;
      report(ctx, node, unresolvedIntrinsicCode, message);
      failed = true;
      return whole;
    }
    if (name.includes('.') && !name.startsWith('AWS::')) {
      unsupported(ctx, node, 'Fn::GetAtt', `${name}, inside Fn::Sub`);
      failed = true;
      return whole;
    }
    const v = lookup(name, node, ctx, 'Fn::Sub');
    if (v === undefined) failed = true;
    return v ?? whole;
  });
  return failed ? undefined : text;
}

function evaluateJoin(arg: SourceNode, node: SourceNode, ctx: MaterializeContext, depth: number, inlining: string[]) {
  const delimiter = arg.kind === 'array' ? arg.items[0] : undefined;
  const list =
    arg.kind === 'array' && arg.items[1] !== undefined ? walk(arg.items[1], ctx, depth + 1, inlining) : undefined;
  if (delimiter?.kind !== 'scalar' || typeof delimiter.value !== 'string' || !Array.isArray(list)) {
    if (list !== undefined) unsupported(ctx, node, 'Fn::Join', 'a list that is not [delimiter, [values]]');
    return undefined;
  }
  if (!list.every((v) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')) return undefined;
  return list.map(String).join(delimiter.value);
}

function unsupported(ctx: MaterializeContext, node: SourceNode, fn: string, detail: string | undefined): void {
  const named = detail === undefined ? fn : `${fn} (${detail})`;
  const message = `${ctx.what} uses ${named} on line ${lineOf(node)}, which only CloudFormation can compute at deploy time: deploy the template with CloudFormation / SAM, or write the value here.`;
  report(ctx, node, unresolvedIntrinsicCode, message);
}

function describeArgument(fn: string, arg: SourceNode): string | undefined {
  if (arg.kind === 'scalar' && arg.value !== null) return String(arg.value);
  if (fn === 'Fn::GetAtt' && arg.kind === 'array') {
    const parts = arg.items.map((i) => (i.kind === 'scalar' ? String(i.value) : '…'));
    return parts.join('.');
  }
  return undefined;
}

function report(ctx: MaterializeContext, node: SourceNode, code: string, message: string, data?: DiagnosticData): void {
  ctx.diagnostics.push({
    range: node.range,
    severity: 'error',
    code,
    message,
    file: node.file,
    ...(data !== undefined ? { data } : {}),
  });
}

function lineOf(node: SourceNode): number {
  return node.range.start.line + 1;
}
