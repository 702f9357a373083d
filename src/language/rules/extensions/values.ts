import type { Range } from '../../../shared/range';
import type { Diagnostic, Severity } from '../../../shared/diagnostic';
import type { ObjectNode, SourceNode } from '../../../model/sourceNode';
import { isIntrinsic } from '../../../model/parse';
import type { RuleContext } from '../rule';

/**
 * A value computed when the template is deployed or the definition is rendered: a CloudFormation intrinsic,
 * or a string with a `${...}` placeholder (Fn::Sub, Terraform templatefile...). Such values are never judged.
 */
export function isComputed(node: SourceNode | undefined): boolean {
  if (node === undefined) return false;
  if (isIntrinsic(node)) return true;
  return node.kind === 'scalar' && typeof node.value === 'string' && hasPlaceholder(node.value);
}

/** `${...}` that is not an API Gateway stage variable reference (`${stageVariables.x}` is resolved at run time). */
export function hasPlaceholder(text: string): boolean {
  for (const match of text.matchAll(/\$\{([^}]*)\}/g)) {
    if (!/^stageVariables\.[A-Za-z0-9_]+$/.test(match[1] ?? '')) return true;
  }
  return false;
}

/** Reports a diagnostic at a range of a node's file (the file is named when it is not the checked one). */
export function report(
  ctx: RuleContext,
  at: { file: string; range: Range },
  severity: Severity,
  code: string,
  message: string,
): void {
  const diagnostic: Diagnostic = { range: at.range, severity, code, message };
  if (at.file !== ctx.document.file) diagnostic.file = at.file;
  ctx.report(diagnostic);
}

/** The range of a property's key in an object node (the last one when duplicated). */
export function keyRange(parent: ObjectNode, key: string): Range | undefined {
  for (let i = parent.properties.length - 1; i >= 0; i--) {
    const property = parent.properties[i];
    if (property?.key === key) return property.keyRange;
  }
  return undefined;
}

/** Where to point for a property: its key, else the whole parent. */
export function keyAt(parent: ObjectNode, key: string): { file: string; range: Range } {
  return { file: parent.file, range: keyRange(parent, key) ?? parent.range };
}

/** A scalar as text (numbers such as `1.0` keep their decimal); undefined for structures and null. */
export function scalarText(node: SourceNode | undefined): string | undefined {
  if (node?.kind !== 'scalar' || node.value === null) return undefined;
  if (typeof node.value === 'number') return Number.isInteger(node.value) ? node.value.toFixed(1) : String(node.value);
  return String(node.value);
}

/** Human form of a value for messages: quoted text, or its JSON, shortened. */
export function show(node: SourceNode | undefined): string {
  if (node === undefined) return 'nothing';
  if (node.kind === 'object') return 'an object';
  if (node.kind === 'array') return 'a list';
  if (typeof node.value === 'string')
    return `'${node.value.length > 60 ? `${node.value.slice(0, 57)}...` : node.value}'`;
  return String(node.value);
}

/** A scalar as written (numbers plainly: `200` → '200'); undefined for structures and null. */
export function plainText(node: SourceNode | undefined): string | undefined {
  return node?.kind === 'scalar' && node.value !== null ? String(node.value) : undefined;
}
