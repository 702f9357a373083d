import { findApiRoots, apiTypeOf } from '../openApi/apiRoots';
import { pathsOf } from '../openApi/operations';
import type { Range } from '../../shared/range';
import type { Rule, RuleContext } from './rule';

/**
 * Routes API Gateway cannot tell apart: parameter names do not distinguish paths, so `/pets/{id}` and
 * `/pets/{petId}` with the same method are one route. A REST API also refuses two differently named
 * parameters at the same place of sibling paths (a resource has at most one variable child).
 */
export const duplicateRoutesRule: Rule = {
  id: 'duplicateRoutes',
  codes: ['apigw.route.duplicate', 'apigw.route.conflictingParameter'],
  reuse: 'tracked',
  model: 'apiTypes',
  check(context) {
    for (const root of findApiRoots(context.document)) {
      const sites = pathsOf(root.node, (n) => context.resolve(n));
      const seen = new Map<string, { path: string; range: Range }>();
      const duplicated = new Set<string>();
      for (const site of sites) {
        for (const operation of site.operations) {
          const key = `${operation.method} ${shapeOf(site.path)}`;
          const first = seen.get(key);
          if (first === undefined) {
            seen.set(key, { path: site.path, range: operation.keyRange });
          } else if (first.path !== site.path) {
            duplicated.add(site.path);
            context.report({
              range: operation.keyRange,
              severity: 'error',
              code: 'apigw.route.duplicate',
              message: `${operation.method} ${site.path} is the same route as ${operation.method} ${first.path} (line ${first.range.start.line + 1}): API Gateway does not tell paths apart by parameter names. Merge the two operations or use one path.`,
            });
          }
        }
      }
      if (apiTypeOf(root, context) === 'REST')
        checkSiblingParameters(
          context,
          sites.filter((s) => !duplicated.has(s.path)),
        );
    }
  },
};

/** '/pets/{petId}/toys/{proxy+}' → '/pets/{}/toys/{+}'. */
function shapeOf(path: string): string {
  return path.replace(/\{[^{}]*?(\+?)\}/g, '{$1}');
}

/** REST: at one place under the same parent, every path names its parameter the same way. */
function checkSiblingParameters(context: RuleContext, sites: ReturnType<typeof pathsOf>): void {
  const names = new Map<string, { name: string; path: string; range: Range }>();
  const reported = new Set<string>();
  for (const site of sites) {
    if (site.operations.length === 0) continue;
    const segments = site.path.split('/');
    for (let i = 0; i < segments.length; i++) {
      const match = /^\{([^{}]*?)\+?\}$/.exec(segments[i] ?? '');
      if (!match) continue;
      const parent = shapeOf(segments.slice(0, i).join('/'));
      const name = match[1] ?? '';
      const first = names.get(parent);
      if (first === undefined) {
        names.set(parent, { name, path: site.path, range: site.keyRange });
      } else if (first.name !== name && !reported.has(`${parent}|${name}`)) {
        reported.add(`${parent}|${name}`);
        context.report({
          range: site.keyRange,
          severity: 'error',
          code: 'apigw.route.conflictingParameter',
          message: `'${site.path}' names its parameter {${name}} where '${first.path}' (line ${first.range.start.line + 1}) names it {${first.name}}: a REST API resource has only one variable child. Use the same name in both paths.`,
        });
      }
    }
  }
}
