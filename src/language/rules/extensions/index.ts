import type { Rule } from '../rule';

/** Rules for the x-amazon-apigateway-* extensions, integrations, security and import compatibility. */
export const extensionRules: readonly Rule[] = [];
