import type { Rule } from './rule';

/** YAML / JSON syntax problems found while parsing: errors, duplicate keys, unknown tags, alias limits. */
export const syntaxRule: Rule = {
  id: 'syntax',
  codes: [
    'apigw.parse.yamlSyntax',
    'apigw.parse.jsonSyntax',
    'apigw.parse.duplicateKey',
    'apigw.parse.unknownTag',
    'apigw.parse.aliasLimit',
    'apigw.parse.tooManyProblems',
  ],
  check(context) {
    for (const problem of context.document.problems) context.report(problem);
  },
};
