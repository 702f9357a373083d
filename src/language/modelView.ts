import type { DefinitionFile, GatewayApi } from '../model';

/** What a rule with `model: 'apiTypes'` sees of each API of the model (rule.ts). */
export type ApiTypeView = Pick<GatewayApi, 'type' | 'typeReason'> & {
  source: Pick<GatewayApi['source'], 'logicalId'>;
  loc: Pick<GatewayApi['loc'], 'pointer'>;
};

/**
 * The model as a rule with `model: 'apiTypes'` is given it: each API's type, typeReason, logical id and place,
 * nothing else (a rule reading more would read undefined, which the fixtures' expected findings would show).
 */
export function apiTypesView(definition: DefinitionFile | undefined): DefinitionFile | undefined {
  if (definition === undefined) return undefined;
  const apis: ApiTypeView[] = definition.apis.map((api) => ({
    type: api.type,
    typeReason: api.typeReason,
    source: api.source.logicalId === undefined ? {} : { logicalId: api.source.logicalId },
    loc: { pointer: api.loc.pointer },
  }));
  return { ...definition, apis: apis as GatewayApi[], problems: [] };
}

/** A key equal for two models exactly when their apiTypesView's APIs are equal. */
export function apiTypesKey(definition: DefinitionFile | undefined): string {
  if (definition === undefined) return '';
  return JSON.stringify(definition.apis.map((a) => [a.type, a.typeReason, a.source.logicalId ?? null, a.loc.pointer]));
}
