// The outline: for an API definition its info, paths with their operations (method + path), components and
// other top-level sections; for a template its resources, with the API body of each API resource inside.
import { type DocumentSymbol, SymbolKind } from 'vscode-languageserver-types';
import type { PropertyNode, SourceNode } from '../../model/sourceNode';
import type { Range } from '../../shared/range';
import type { TextDocument } from '../document';
import { operationKeys } from '../openApi/operations';
import type { FeatureServices } from './featureServices';

export function symbols(services: FeatureServices, document: TextDocument): DocumentSymbol[] {
  const root = services.documents.document(document).root;
  if (root?.kind !== 'object') return [];
  return root.properties.map((p) => (p.key === 'Resources' ? resources(p) : section(p)));
}

function symbol(
  name: string,
  kind: SymbolKind,
  property: PropertyNode,
  children?: DocumentSymbol[],
  detail?: string,
): DocumentSymbol {
  const result: DocumentSymbol = {
    name: name === '' ? '""' : name,
    kind,
    range: spanOf(property),
    selectionRange: property.keyRange,
  };
  if (detail !== undefined) result.detail = detail;
  if (children !== undefined && children.length > 0) result.children = children;
  return result;
}

function spanOf(property: PropertyNode): Range {
  const end = property.value.range.end;
  const keyEnd = property.keyRange.end;
  const after = end.line > keyEnd.line || (end.line === keyEnd.line && end.character >= keyEnd.character);
  return { start: property.keyRange.start, end: after ? end : keyEnd };
}

function section(property: PropertyNode): DocumentSymbol {
  const value = property.value;
  switch (property.key) {
    case 'info':
      return symbol('info', SymbolKind.Module, property, [], scalarOf(value, 'title'));
    case 'paths':
      return symbol('paths', SymbolKind.Namespace, property, propertiesOf(value).map(pathSymbol));
    case 'components':
      return symbol(
        'components',
        SymbolKind.Namespace,
        property,
        propertiesOf(value).map(named(SymbolKind.Namespace, SymbolKind.Struct)),
      );
    case 'definitions':
    case 'parameters':
    case 'responses':
    case 'securityDefinitions':
      return symbol(property.key, SymbolKind.Namespace, property, propertiesOf(value).map(leaf(SymbolKind.Struct)));
    default:
      return symbol(property.key, kindOf(value), property);
  }
}

function pathSymbol(property: PropertyNode): DocumentSymbol {
  const operations = propertiesOf(property.value)
    .filter((p) => operationKeys[p.key] !== undefined)
    .map((p) =>
      symbol(
        `${operationKeys[p.key] ?? p.key} ${property.key}`,
        SymbolKind.Method,
        p,
        [],
        scalarOf(p.value, 'operationId'),
      ),
    );
  return symbol(property.key, SymbolKind.Namespace, property, operations);
}

function named(kind: SymbolKind, childKind: SymbolKind): (p: PropertyNode) => DocumentSymbol {
  return (p) => symbol(p.key, kind, p, propertiesOf(p.value).map(leaf(childKind)));
}

function leaf(kind: SymbolKind): (p: PropertyNode) => DocumentSymbol {
  return (p) => symbol(p.key, kind, p);
}

function resources(property: PropertyNode): DocumentSymbol {
  const children = propertiesOf(property.value).map((resource) => {
    const type = scalarOf(resource.value, 'Type');
    const properties = propertiesOf(resource.value).find((p) => p.key === 'Properties')?.value;
    const body = propertiesOf(properties).find((p) => p.key === 'DefinitionBody' || p.key === 'Body');
    const inner =
      body?.value.kind === 'object'
        ? [symbol(body.key, SymbolKind.Namespace, body, propertiesOf(body.value).map(section))]
        : [];
    return symbol(resource.key, SymbolKind.Object, resource, inner, type);
  });
  return symbol('Resources', SymbolKind.Namespace, property, children);
}

function propertiesOf(node: SourceNode | undefined): PropertyNode[] {
  return node?.kind === 'object' ? node.properties : [];
}

function scalarOf(node: SourceNode | undefined, key: string): string | undefined {
  const value = [...propertiesOf(node)].reverse().find((p) => p.key === key)?.value;
  return value?.kind === 'scalar' && typeof value.value === 'string' ? value.value : undefined;
}

function kindOf(node: SourceNode): SymbolKind {
  if (node.kind === 'array') return SymbolKind.Array;
  if (node.kind === 'object') return SymbolKind.Object;
  if (typeof node.value === 'number') return SymbolKind.Number;
  if (typeof node.value === 'boolean') return SymbolKind.Boolean;
  return SymbolKind.String;
}
