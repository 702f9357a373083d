import type { ObjectNode, SourceNode } from '../../../model/sourceNode';
import { getProperty } from '../../../model/parse';
import type { RuleContext } from '../rule';
import { type ApiBody, type Operation, operationsOf } from './bodies';

/** An integration object of a body, with the operation using it (none for a shared HTTP API integration). */
export interface IntegrationSite {
  body: ApiBody;
  node: ObjectNode;
  /** The `x-amazon-apigateway-integration` key, or the name of a shared integration. */
  keyRange: ObjectNode['properties'][number]['keyRange'];
  operation?: Operation;
}

/** Every integration of the body: those of its operations, and HTTP APIs' shared `x-amazon-apigateway-integrations`. */
export function integrationsOf(ctx: RuleContext, body: ApiBody): IntegrationSite[] {
  const sites: IntegrationSite[] = [];
  for (const operation of operationsOf(ctx, body)) {
    const property = [...operation.node.properties].reverse().find((p) => p.key === 'x-amazon-apigateway-integration');
    if (property === undefined) continue;
    const isShared = getProperty(property.value, '$ref') !== undefined;
    const node = ctx.resolve(property.value);
    // A shared integration is checked once, where it is defined.
    if (node?.kind === 'object' && !isShared) sites.push({ body, node, keyRange: property.keyRange, operation });
  }
  const shared = ctx.resolve(
    getProperty(ctx.resolve(getProperty(body.root, 'components')), 'x-amazon-apigateway-integrations'),
  );
  if (shared?.kind === 'object') {
    for (const property of shared.properties) {
      const node = ctx.resolve(property.value);
      if (node?.kind === 'object') sites.push({ body, node, keyRange: property.keyRange });
    }
  }
  return sites;
}

/** The integration's `type`, lower-cased; undefined when missing or computed. */
export function integrationType(node: SourceNode): string | undefined {
  const type = getProperty(node, 'type');
  return type?.kind === 'scalar' && typeof type.value === 'string' ? type.value.toLowerCase() : undefined;
}
