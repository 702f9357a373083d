// Quick fixes for the service's own diagnostics: declare a missing path parameter, add a field the
// integration type requires, replace an invalid enum value (one action per allowed value).
import {
  type CodeAction,
  CodeActionKind,
  type Diagnostic as LspDiagnostic,
  type TextEdit,
} from 'vscode-languageserver-types';
import type { ObjectNode, SourceDocument } from '../../model/sourceNode';
import type { Diagnostic } from '../../shared/diagnostic';
import type { Range } from '../../shared/range';
import type { TextDocument } from '../document';
import { addItemEdit, addPropertyEdit, type Plain, yamlScalarText } from './edits';
import { type FeatureServices, uriOf } from './featureServices';
import { nodeAt, nodeAtPath } from './nodeAt';
import { dictOf } from '../../shared/dict';

export function codeActions(
  services: FeatureServices,
  document: TextDocument,
  _range: Range,
  diagnostics: readonly Diagnostic[],
): CodeAction[] {
  const parsed = services.documents.document(document);
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.file !== undefined && diagnostic.file !== document.file) continue;
    for (const { title, edit } of fixesFor(parsed, diagnostic)) {
      actions.push({
        title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [toLsp(diagnostic)],
        edit: { changes: { [uriOf(document.file, document)]: [edit] } },
      });
    }
  }
  return actions;
}

const severities = { error: 1, warning: 2, information: 3, hint: 4 } as const;

function toLsp(diagnostic: Diagnostic): LspDiagnostic {
  return {
    range: diagnostic.range,
    severity: severities[diagnostic.severity],
    code: diagnostic.code,
    source: 'apigw',
    message: diagnostic.message,
  };
}

interface Fix {
  title: string;
  edit: TextEdit;
}

function fixesFor(document: SourceDocument, diagnostic: Diagnostic): Fix[] {
  switch (diagnostic.code) {
    case 'apigw.path.undeclaredParameter':
      return declareParameter(document, diagnostic);
    case 'apigw.integration.missingType':
    case 'apigw.integration.missingUri':
    case 'apigw.integration.missingHttpMethod':
    case 'apigw.integration.missingConnectionId':
      return addRequiredField(document, diagnostic);
    case 'apigw.extension.invalidValue':
    case 'apigw.schema.enum':
      return replaceEnum(document, diagnostic);
    default:
      return [];
  }
}

function declareParameter(document: SourceDocument, diagnostic: Diagnostic): Fix[] {
  const name = /^The path parameter '([^']*)'/.exec(diagnostic.message)?.[1];
  const at = nodeAt(document, diagnostic.range.start);
  const item = at.property?.value;
  if (name === undefined || !at.onKey || item?.kind !== 'object' || item.properties.length === 0) return [];
  const swagger = apiRootOf(document, at.path.slice(0, -2))?.properties.some((p) => p.key === 'swagger') ?? false;
  const parameter: Plain = swagger
    ? { name, in: 'path', required: true, type: 'string' }
    : { name, in: 'path', required: true, schema: { type: 'string' } };
  const list = [...item.properties].reverse().find((p) => p.key === 'parameters')?.value;
  const edit =
    list?.kind === 'array' && list.items.length > 0
      ? addItemEdit(document, list, parameter)
      : list === undefined
        ? addPropertyEdit(document, item, 'parameters', [parameter])
        : undefined;
  return edit === undefined ? [] : [{ title: `Declare the path parameter '${name}'`, edit }];
}

function apiRootOf(document: SourceDocument, path: (string | number)[]): ObjectNode | undefined {
  const node = nodeAtPath(document.root, path);
  return node?.kind === 'object' ? node : undefined;
}

const uriExamples: Record<string, string> = dictOf({
  aws_proxy:
    'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:my-function/invocations',
  aws: 'arn:aws:apigateway:us-east-1:sqs:path/123456789012/my-queue',
  http: 'https://example.com/',
  http_proxy: 'https://example.com/{proxy}',
});

function addRequiredField(document: SourceDocument, diagnostic: Diagnostic): Fix[] {
  const at = nodeAt(document, diagnostic.range.start);
  const integration =
    at.onKey && at.property?.value.kind === 'object' && at.property.key.startsWith('x-amazon-apigateway-')
      ? at.property.value
      : at.parent;
  if (integration === undefined) return [];
  const add = (key: string, value: Plain, title: string): Fix[] => {
    const edit = addPropertyEdit(document, integration, key, value);
    return edit === undefined ? [] : [{ title, edit }];
  };
  const typeNode = [...integration.properties].reverse().find((p) => p.key === 'type')?.value;
  const type = typeNode?.kind === 'scalar' ? String(typeNode.value).toLowerCase() : '';
  switch (diagnostic.code) {
    case 'apigw.integration.missingType': {
      const choices = /\(([^)]*)\)/.exec(diagnostic.message)?.[1] ?? 'aws_proxy, aws, http_proxy, http or mock';
      return choices
        .split(/, | or /)
        .filter((t) => /^[a-z_]+$/.test(t))
        .flatMap((t) => add('type', t, `Add type: ${t}`));
    }
    case 'apigw.integration.missingUri':
      return add('uri', uriExamples[type] ?? 'https://example.com/', "Add a 'uri' (edit the example)");
    case 'apigw.integration.missingHttpMethod': {
      const method = /add POST/.test(diagnostic.message) ? 'POST' : 'GET';
      return add('httpMethod', method, `Add httpMethod: ${method}`);
    }
    default:
      return add('connectionId', '${stageVariables.vpcLinkId}', "Add a 'connectionId' (edit the VPC link ID)");
  }
}

function replaceEnum(document: SourceDocument, diagnostic: Diagnostic): Fix[] {
  const listed = /must be one of (.+?); /.exec(diagnostic.message)?.[1];
  if (listed === undefined) return [];
  const at = nodeAt(document, diagnostic.range.start);
  const node = at.node;
  if (at.onKey || node?.kind !== 'scalar') return [];
  const quote = document.text[node.offset];
  return listed
    .split(', ')
    .filter((v) => v !== '' && v !== String(node.value))
    .map((value) => {
      const newText =
        document.format === 'json' || quote === '"'
          ? JSON.stringify(value)
          : quote === "'"
            ? `'${value.replace(/'/g, "''")}'`
            : yamlScalarText(value);
      return { title: `Change to '${value}'`, edit: { range: node.range, newText } };
    });
}
