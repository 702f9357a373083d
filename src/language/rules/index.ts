import type { Rule } from './rule';
import { extensionRules } from './extensions';
import { duplicateRoutesRule } from './duplicateRoutes';
import { openApiSchemaRule } from './openApiSchema';
import { operationIdsRule } from './operationIds';
import { pathParametersRule } from './pathParameters';
import { referencesRule } from './references';
import { syntaxRule } from './syntax';
import { templatesRule } from './templates';

/** Structural rules (syntax, OpenAPI schema, refs, operations, paths). */
export const coreRules: readonly Rule[] = [
  syntaxRule,
  referencesRule,
  openApiSchemaRule,
  operationIdsRule,
  pathParametersRule,
  duplicateRoutesRule,
  templatesRule,
];

export const allRules: readonly Rule[] = [...coreRules, ...extensionRules];
