import type { SourceNode } from '../model';
import { toValue } from '../model/parse';

/**
 * A SAM / CloudFormation template as plain values (intrinsics in their long form), for the few properties the
 * runtime reads beyond the model (function handlers, stage method settings).
 */
export function templateValue(root: SourceNode | undefined): Record<string, unknown> {
  return root === undefined ? {} : record(toValue(root));
}

/** `v` when it is a mapping, else an empty one: lets readers walk optional properties without checks. */
export function record(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}
