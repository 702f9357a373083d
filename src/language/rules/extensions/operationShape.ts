import type { ObjectNode } from '../../../model/sourceNode';
import { getProperty } from '../../../model/parse';
import type { RuleContext } from '../rule';
import type { Operation } from './bodies';
import { scalarString } from './bodies';

/** What an operation declares: its parameters by place, and its responses with their headers. */
export interface OperationShape {
  /** `query:page`, `header:x-id` (header names lower-cased), `path:id`. */
  parameters: Set<string>;
  /** Status code → declared header names (lower-cased). */
  responses: Map<string, Set<string>>;
  responsesNode?: ObjectNode;
}

export function shapeOf(ctx: RuleContext, operation: Operation): OperationShape {
  const parameters = new Set<string>();
  // API Gateway creates the path parameters of the path template on import, declared or not.
  for (const match of operation.path.matchAll(/\{([^}+]+)\+?\}/g)) parameters.add(`path:${match[1] ?? ''}`);
  for (const holder of [operation.pathItem, operation.node]) {
    const list = ctx.resolve(getProperty(holder, 'parameters'));
    if (list?.kind !== 'array') continue;
    for (const item of list.items) {
      const parameter = ctx.resolve(item);
      const name = scalarString(getProperty(parameter, 'name'));
      const where = scalarString(getProperty(parameter, 'in'));
      if (name !== undefined && where !== undefined)
        parameters.add(`${where}:${where === 'header' ? name.toLowerCase() : name}`);
    }
  }
  const responses = new Map<string, Set<string>>();
  const responsesNode = ctx.resolve(getProperty(operation.node, 'responses'));
  if (responsesNode?.kind === 'object') {
    for (const { key, value } of responsesNode.properties) {
      const headers = ctx.resolve(getProperty(ctx.resolve(value), 'headers'));
      const names = headers?.kind === 'object' ? headers.properties.map((p) => p.key.toLowerCase()) : [];
      responses.set(key, new Set(names));
    }
  }
  const shape: OperationShape = { parameters, responses };
  if (responsesNode?.kind === 'object') shape.responsesNode = responsesNode;
  return shape;
}
