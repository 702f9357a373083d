import type { Rule } from '../rule';
import { extensionValuesRule } from './extensionValuesRule';
import { importRule } from './importRule';
import { integrationResponsesRule } from './integrationResponsesRule';
import { integrationRule } from './integrationRule';
import { modelsRule } from './modelsRule';
import { parameterMappingRule } from './parameterMappingRule';
import { definitionSizeRule, quotaRule } from './quotaRule';
import { securityRule } from './securityRule';

/** Rules for the x-amazon-apigateway-* extensions, integrations, security, import compatibility and quotas. */
export const extensionRules: readonly Rule[] = [
  extensionValuesRule,
  integrationRule,
  integrationResponsesRule,
  parameterMappingRule,
  securityRule,
  modelsRule,
  importRule,
  quotaRule,
  definitionSizeRule,
];
