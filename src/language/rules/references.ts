import type { Rule } from './rule';

/**
 * What the model found while reading: unresolved, circular and remote `$ref`s (in this file and in the files
 * it refers to), SAM / CloudFormation bodies that cannot be read. The model already checked every `$ref`
 * once (against the right base for bodies embedded in templates); this rule reports what it found.
 */
export const referencesRule: Rule = {
  id: 'references',
  codes: [
    'apigw.ref.unresolved',
    'apigw.ref.circular',
    'apigw.ref.remote',
    'apigw.cfn.bodyUnreadable',
    'apigw.cfn.remoteBody',
    'apigw.cfn.unknownApi',
    // Syntax problems of the files this one refers to.
    'apigw.parse.yamlSyntax',
    'apigw.parse.jsonSyntax',
    'apigw.parse.duplicateKey',
    'apigw.parse.unknownTag',
  ],
  reuse: 'tracked',
  check(context) {
    const { document, definition } = context;
    if (definition === undefined) return;
    const own = new Set(document.problems);
    for (const problem of definition.problems) {
      // The entry's own parse problems are the syntax rule's; other files' parse problems are reported here.
      if (own.has(problem) || (problem.file === undefined && problem.code.startsWith('apigw.parse.'))) continue;
      context.report(problem);
    }
  },
};
