import { toValue } from '../../model/parse';
import { findApiRoots } from '../openApi/apiRoots';
import type { Rule } from './rule';
import { collapseErrors } from './schema/collapse';
import { findInstance, refAt } from './schema/instance';
import { schemaCodes, toDiagnostic } from './schema/messages';
import { schemaErrors } from './schema/validators';

/**
 * The structure of each OpenAPI 2.0 / 3.0 / 3.1 definition in the document (its root, or the inline bodies of
 * a template's APIs) against the official JSON Schemas. Values CloudFormation computes are never flagged.
 */
export const openApiSchemaRule: Rule = {
  id: 'openApiSchema',
  codes: ['apigw.schema.unsupportedVersion', ...schemaCodes],
  check(context) {
    const { document } = context;
    for (const root of findApiRoots(document)) {
      if (root.schema === undefined) {
        const what =
          root.kind === 'swagger' ? `Swagger version '${root.version}'` : `OpenAPI version '${root.version}'`;
        context.report({
          range: root.versionNode.range,
          severity: 'error',
          code: 'apigw.schema.unsupportedVersion',
          message: `${what} is not one API Gateway imports: write '${root.kind === 'swagger' ? '2.0' : '3.0.1'}' (OpenAPI 3.0.x or Swagger 2.0), so the structure can be checked.`,
        });
        continue;
      }
      const errors = schemaErrors(root.schema, toValue(root.node)).filter(
        // The version itself was checked above ('3.0' is accepted by API Gateway, not by the schema).
        (e) => e.instancePath !== '/openapi' && e.instancePath !== '/swagger',
      );
      for (const error of collapseErrors(errors, (path) => refAt(root.node, path))) {
        const diagnostic = toDiagnostic(error, findInstance(root.node, error.instancePath));
        if (diagnostic !== undefined) context.report(diagnostic);
      }
    }
  },
};
