import type { Rule } from './rule';
import { extensionRules } from './extensions';

/** Structural rules (syntax, OpenAPI schema, refs, operations, paths). */
export const coreRules: readonly Rule[] = [];

export const allRules: readonly Rule[] = [...coreRules, ...extensionRules];
