import type { SourceNode } from '../sourceNode';
import type { Intrinsic, MaybeIntrinsic } from '../gatewayApi';
import { isIntrinsic, toValue } from '../parse';

/** A string, a number or boolean written as a string, or an intrinsic function kept as written. */
export function maybeIntrinsic(node: SourceNode | undefined): MaybeIntrinsic<string> | undefined {
  if (node === undefined) return undefined;
  if (node.kind === 'scalar') return node.value === null ? undefined : String(node.value);
  if (isIntrinsic(node)) return toValue(node) as Intrinsic;
  return undefined;
}

/** A plain string (numbers and booleans as written); undefined for intrinsics and structures. */
export function plainString(node: SourceNode | undefined): string | undefined {
  if (node?.kind !== 'scalar' || node.value === null) return undefined;
  return String(node.value);
}

/** A version such as '1.0' or '2.0': YAML reads `1.0` as the number 1, which must not become '1'. */
export function versionString(node: SourceNode | undefined): string | undefined {
  if (node?.kind === 'scalar' && typeof node.value === 'number') {
    return Number.isInteger(node.value) ? node.value.toFixed(1) : String(node.value);
  }
  return plainString(node);
}

export function numberOf(node: SourceNode | undefined): number | undefined {
  if (node?.kind !== 'scalar') return undefined;
  const n = typeof node.value === 'number' ? node.value : typeof node.value === 'string' ? Number(node.value) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

export function booleanOf(node: SourceNode | undefined): boolean | undefined {
  if (node?.kind !== 'scalar') return undefined;
  if (typeof node.value === 'boolean') return node.value;
  if (node.value === 'true') return true;
  if (node.value === 'false') return false;
  return undefined;
}

/** Strings of an array (a single string counts as one; a comma-separated string is not split). */
export function stringList(node: SourceNode | undefined): string[] {
  if (node === undefined) return [];
  if (node.kind === 'array') return node.items.map(plainString).filter((s): s is string => s !== undefined);
  const s = plainString(node);
  return s === undefined ? [] : [s];
}

/** A mapping of names to strings or intrinsics (request / response parameters, stage variables). */
export function stringMap(node: SourceNode | undefined): Record<string, MaybeIntrinsic<string>> {
  // eslint-disable-next-line no-restricted-syntax -- JSON-like data (for ajv, YAML and tests): look keys up with ownValue
  const out: Record<string, MaybeIntrinsic<string>> = {};
  if (node?.kind !== 'object' || isIntrinsic(node)) return out;
  for (const p of node.properties) {
    const v = maybeIntrinsic(p.value);
    if (v !== undefined) out[p.key] = v;
  }
  return out;
}

/** Like stringMap, but intrinsics are shown as text (for maps the model types as plain strings). */
export function plainStringMap(node: SourceNode | undefined): Record<string, string> {
  // eslint-disable-next-line no-restricted-syntax -- JSON-like data (for ajv, YAML and tests): look keys up with ownValue
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(stringMap(node))) out[k] = describeValue(v) ?? '';
  return out;
}

/**
 * A short human-readable form of a value that may be an intrinsic: a string as is, `Fn::Sub`'s template,
 * `!Ref X`, `!GetAtt A.B`, compact JSON for anything else.
 */
export function describeValue(v: MaybeIntrinsic<string> | undefined): string | undefined {
  if (v === undefined || typeof v === 'string') return v;
  const sub = v['Fn::Sub'];
  if (typeof sub === 'string') return sub;
  if (Array.isArray(sub) && typeof sub[0] === 'string') return sub[0];
  const ref = v['Ref'];
  if (typeof ref === 'string' && Object.keys(v).length === 1) return `!Ref ${ref}`;
  const getAtt = v['Fn::GetAtt'];
  if (Array.isArray(getAtt) && getAtt.every((p) => typeof p === 'string')) return `!GetAtt ${getAtt.join('.')}`;
  if (typeof getAtt === 'string') return `!GetAtt ${getAtt}`;
  return JSON.stringify(v);
}

export function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** The object without its undefined properties, so that models compare and print cleanly. */
export function dropUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as Array<keyof T>) {
    if (value[key] === undefined) delete value[key];
  }
  return value;
}
