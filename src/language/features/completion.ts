// Completion while typing: keys (OpenAPI's common objects, extension fields from the JSON Schemas), enum
// values, a whole x-amazon-apigateway-integration per type, `$ref` targets and security scheme names.
import {
  type CompletionItem,
  CompletionItemKind,
  type CompletionList,
  InsertTextFormat,
  InsertTextMode,
} from 'vscode-languageserver-types';
import type { SourceNode } from '../../model/sourceNode';
import type { Position } from '../../shared/range';
import type { TextDocument, ValidationOptions } from '../document';
import { extensionSchemas, type JsonSchema, subschemaAt } from '../rules/extensions/schemaIndex';
import { type Cursor, cursorAt, splitLines } from './cursor';
import type { FeatureServices } from './featureServices';
import { integrationSnippets } from './integrationSnippets';
import { nodeAtPath, type PathSegment } from './nodeAt';
import { type KeyKind, openApiEnum, openApiKeys } from './openApiKeys';
import { type OpenApiPlace, type Place, placeOf } from './place';
import { refTargets } from './refTargets';
import { templateAt } from './templateAt';
import { templateCompletions } from './templateCompletion';
import { escapeSnippet, needsYamlQuotes, renderJson, renderYaml } from './snippets';

const empty: CompletionList = { isIncomplete: false, items: [] };

export async function complete(
  services: FeatureServices,
  document: TextDocument,
  position: Position,
  options: ValidationOptions,
): Promise<CompletionList> {
  const template = await templateAt(services, document, position, options);
  if (template !== undefined) return { isIncomplete: false, items: templateCompletions(template) };
  const parsed = services.documents.document(document);
  const { result } = await services.documents.definition(document, options.target);
  const definition = result.ok ? result.definition : undefined;
  const cursor = cursorAt(document.text, parsed.format, splitLines(document.text), position);
  const root = parsed.root;
  const objectPath = cursor.at === 'key' ? cursor.path : cursor.path.slice(0, -1);
  const place = placeOf(root, document.text, objectPath, definition, options.target);
  if (place === undefined) return empty;
  const items =
    cursor.at === 'key'
      ? keyItems(cursor, place, existingKeys(nodeAtPath(root, cursor.path)), root)
      : valueItems(cursor, place, root);
  return { isIncomplete: false, items };
}

function existingKeys(node: SourceNode | undefined): Set<string> {
  return new Set(node?.kind === 'object' ? node.properties.map((p) => p.key) : []);
}

const locationOf: Partial<Record<OpenApiPlace, string>> = {
  root: 'root',
  pathItem: 'pathItem',
  operation: 'operation',
  securityScheme: 'securityScheme',
  components: 'components',
};

function keyItems(cursor: Cursor, place: Place, existing: Set<string>, root: SourceNode | undefined): CompletionItem[] {
  const items: CompletionItem[] = [];
  const add = (key: string, kind: KeyKind, detail: string, documentation?: string): void => {
    if (existing.has(key) && key !== cursor.prefix) return;
    items.push(keyItem(cursor, key, kind, detail, documentation));
  };
  if (place.extension !== undefined) {
    const schema = subschemaAt(place.extension.name, place.extension.path);
    for (const [key, sub] of Object.entries(propertiesOf(schema))) {
      if (!allowedFor(sub, place.apiType)) continue;
      add(key, kindOf(sub), `${place.extension.name} field`, descriptionOf(sub));
    }
    return items;
  }
  if (place.openApi === 'securityRequirement') return schemeItems(cursor, place, root);
  for (const [key, kind] of Object.entries(openApiKeys(place.openApi, place.version))) add(key, kind, 'OpenAPI');
  const location = locationOf[place.openApi];
  if (location === undefined) return items;
  for (const info of extensionSchemas.values()) {
    if (!(info.locations as readonly string[]).includes(location)) continue;
    if (place.apiType !== 'WEBSOCKET' && !info.apiTypes.includes(place.apiType)) continue;
    add(
      info.name,
      kindOf(info.schema),
      `API Gateway extension (${info.apiTypes.join(', ')})`,
      descriptionOf(info.schema),
    );
  }
  if (place.openApi === 'operation' && !existing.has('x-amazon-apigateway-integration')) {
    items.push(...integrationItems(cursor, place));
  }
  return items;
}

function integrationItems(cursor: Cursor, place: Place): CompletionItem[] {
  const name = 'x-amazon-apigateway-integration';
  return integrationSnippets(place.apiType).map((snippet, i) => {
    const indent = ' '.repeat(cursor.indent);
    const newText =
      cursor.format === 'yaml'
        ? `${name}:\n${renderYaml(snippet.body, `${indent}  `)}`
        : `"${name}": ${renderJson(snippet.body, jsonIndent(cursor), '  ')}`;
    return {
      label: `${name} (${snippet.type})`,
      kind: CompletionItemKind.Snippet,
      detail: snippet.description,
      filterText: cursor.format === 'json' && cursor.quoted ? `"${name}"` : name,
      sortText: `1${i}`,
      insertTextFormat: InsertTextFormat.Snippet,
      insertTextMode: InsertTextMode.asIs,
      textEdit: { range: cursor.replace, newText: cursor.format === 'json' ? `${newText}$0` : newText },
    };
  });
}

function jsonIndent(cursor: Cursor): string {
  return ' '.repeat(Math.max(0, cursor.replace.start.character));
}

function keyItem(cursor: Cursor, key: string, kind: KeyKind, detail: string, documentation?: string): CompletionItem {
  const item: CompletionItem = {
    label: key,
    kind: CompletionItemKind.Property,
    detail,
    filterText: cursor.format === 'json' && cursor.quoted ? `"${key}"` : key,
    sortText: `0${key}`,
    insertTextFormat: InsertTextFormat.Snippet,
    insertTextMode: InsertTextMode.asIs,
    textEdit: { range: cursor.replace, newText: keyText(cursor, key, kind) },
  };
  if (documentation !== undefined) item.documentation = { kind: 'markdown', value: documentation };
  return item;
}

function keyText(cursor: Cursor, key: string, kind: KeyKind): string {
  if (cursor.format === 'json') {
    const written = escapeSnippet(JSON.stringify(key));
    if (cursor.hasColon) return written;
    const value = kind === 'object' ? '{$1}' : kind === 'array' ? '[$1]' : kind === 'string' ? '"$1"' : '$1';
    return `${written}: ${value}`;
  }
  const written = escapeSnippet(needsYamlQuotes(key) ? `'${key}'` : key);
  if (cursor.hasColon) return written;
  const inner = ' '.repeat(cursor.indent + 2);
  if (kind === 'object') return `${written}:\n${inner}$0`;
  if (kind === 'array') return `${written}:\n${inner}- $0`;
  return `${written}: $0`;
}

function schemeItems(cursor: Cursor, place: Place, root: SourceNode | undefined): CompletionItem[] {
  const apiPath = place.base === 0 ? [] : ([] as PathSegment[]);
  const apiRoot = place.base === 0 ? root : nodeAtPath(root, cursor.path.slice(0, place.base));
  const schemes = nodeAtPath(
    apiRoot,
    place.version === 2 ? [...apiPath, 'securityDefinitions'] : [...apiPath, 'components', 'securitySchemes'],
  );
  if (schemes?.kind !== 'object') return [];
  return schemes.properties.map(({ key }) => {
    const written = cursor.format === 'json' ? JSON.stringify(key) : needsYamlQuotes(key) ? `'${key}'` : key;
    const newText = cursor.hasColon ? escapeSnippet(written) : `${escapeSnippet(written)}: [$0]`;
    return {
      label: key,
      kind: CompletionItemKind.Reference,
      detail: 'Security scheme',
      filterText: cursor.format === 'json' && cursor.quoted ? JSON.stringify(key) : key,
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range: cursor.replace, newText },
    };
  });
}

function valueItems(cursor: Cursor, place: Place, root: SourceNode | undefined): CompletionItem[] {
  const key = String(cursor.path[cursor.path.length - 1] ?? '');
  if (key === '$ref') return refItems(cursor, place, root);
  let values: readonly unknown[] | undefined;
  let documentation: (value: unknown) => string | undefined = () => undefined;
  if (place.extension !== undefined) {
    const schema = subschemaAt(place.extension.name, [...place.extension.path, key]);
    values = enumOf(schema);
    documentation = () => descriptionOf(schema);
  } else if (typeof cursor.path[cursor.path.length - 1] === 'string' && extensionSchemas.has(key)) {
    const schema = extensionSchemas.get(key)?.schema;
    values = enumOf(schema);
    documentation = () => descriptionOf(schema);
  } else {
    values = openApiEnum(place.openApi, key, place.version);
  }
  return (values ?? []).map((value, i) => valueItem(cursor, value, i, documentation(value)));
}

function valueItem(cursor: Cursor, value: unknown, index: number, documentation?: string): CompletionItem {
  const written = writeValue(cursor, value);
  const item: CompletionItem = {
    label: String(value),
    kind: CompletionItemKind.EnumMember,
    filterText: written,
    sortText: String(index).padStart(3, '0'),
    textEdit: { range: cursor.replace, newText: written },
  };
  if (documentation !== undefined) item.documentation = { kind: 'markdown', value: documentation };
  return item;
}

function writeValue(cursor: Cursor, value: unknown): string {
  if (cursor.format === 'json') return JSON.stringify(value);
  if (typeof value !== 'string') return String(value);
  if (cursor.quoted) return `'${value.replace(/'/g, "''")}'`;
  return needsYamlQuotes(value) ? `'${value.replace(/'/g, "''")}'` : value;
}

function refItems(cursor: Cursor, place: Place, root: SourceNode | undefined): CompletionItem[] {
  const apiRoot = nodeAtPath(root, cursor.path.slice(0, place.base));
  const context = [...cursor.path].reverse().find((s) => typeof s === 'string' && s !== '$ref');
  return refTargets(apiRoot, place.version, String(context ?? '')).map((target, i) => {
    const written =
      cursor.format === 'json' ? JSON.stringify(target.pointer) : `'${target.pointer.replace(/'/g, "''")}'`;
    return {
      label: target.pointer,
      kind: target.section ? CompletionItemKind.Folder : CompletionItemKind.Reference,
      detail: target.detail,
      filterText: written,
      sortText: `${target.rank}${String(i).padStart(5, '0')}`,
      textEdit: { range: cursor.replace, newText: written },
    };
  });
}

function propertiesOf(schema: JsonSchema | undefined): Record<string, JsonSchema> {
  const properties = schema?.['properties'];
  return typeof properties === 'object' && properties !== null ? (properties as Record<string, JsonSchema>) : {};
}

function allowedFor(schema: JsonSchema, apiType: Place['apiType']): boolean {
  const types = schema['x-apigw-api-types'];
  return apiType === 'WEBSOCKET' || !Array.isArray(types) || types.includes(apiType);
}

export function kindOf(schema: JsonSchema | undefined): KeyKind {
  const type = schema?.['type'];
  if (type === 'object' || type === 'array' || type === 'string') return type;
  if (schema?.['properties'] !== undefined || schema?.['$ref'] !== undefined) return 'object';
  return 'other';
}

function enumOf(schema: JsonSchema | undefined): readonly unknown[] | undefined {
  const values = schema?.['enum'];
  if (Array.isArray(values))
    return (values as unknown[]).filter((v, _i, all) => typeof v === 'string' || !all.includes(String(v)));
  return schema?.['type'] === 'boolean' ? [true, false] : undefined;
}

export function descriptionOf(schema: JsonSchema | undefined): string | undefined {
  const description = schema?.['description'];
  return typeof description === 'string' ? description : undefined;
}
