import { findApiRoots } from '../openApi/apiRoots';
import { pathsOf } from '../openApi/operations';
import { getProperty } from '../../model/parse';
import type { ScalarNode } from '../../model/sourceNode';
import type { Rule } from './rule';

/** Every operationId of one definition is unique (OpenAPI requires it; SDK generation and exports rely on it). */
export const operationIdsRule: Rule = {
  id: 'operationIds',
  codes: ['apigw.operation.duplicateId'],
  reuse: 'tracked',
  model: 'apiTypes',
  check(context) {
    const { document } = context;
    for (const root of findApiRoots(document)) {
      const first = new Map<string, { node: ScalarNode; where: string }>();
      for (const path of pathsOf(root.node, (n) => context.resolve(n))) {
        for (const operation of path.operations) {
          const id = getProperty(operation.node, 'operationId');
          if (id?.kind !== 'scalar' || typeof id.value !== 'string') continue;
          const where = `${operation.method} ${path.path}`;
          const previous = first.get(id.value);
          if (previous === undefined) {
            first.set(id.value, { node: id, where });
            continue;
          }
          context.report({
            range: id.range,
            severity: 'warning',
            code: 'apigw.operation.duplicateId',
            message: `The operationId '${id.value}' is already used by ${previous.where} (line ${previous.node.range.start.line + 1}): operationIds must be unique. Rename one of them.`,
          });
        }
      }
    }
  },
};
