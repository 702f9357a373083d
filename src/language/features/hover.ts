// Hover: the documentation of an extension and of each of its fields (from the JSON Schemas, with the API
// types that support it), and for a `$ref` a summary of what it points to.
import { type Hover, MarkupKind } from 'vscode-languageserver-types';
import path from 'node:path';
import type { SourceNode } from '../../model/sourceNode';
import type { Position } from '../../shared/range';
import type { TextDocument, ValidationOptions } from '../document';
import { apiTypesOf, extensionSchemas, subschemaAt } from '../rules/extensions/schemaIndex';
import { descriptionOf } from './completion';
import type { FeatureServices } from './featureServices';
import { nodeAt } from './nodeAt';
import { placeOf } from './place';
import { templateAt } from './templateAt';
import { templateHover } from './templateHover';

export async function hover(
  services: FeatureServices,
  document: TextDocument,
  position: Position,
  options: ValidationOptions,
): Promise<Hover | null> {
  const template = await templateAt(services, document, position, options);
  if (template !== undefined) return templateHover(template);
  const parsed = services.documents.document(document);
  const at = nodeAt(parsed, position);
  const property = at.property;
  if (property === undefined) return null;
  const { result, sources } = await services.documents.definition(document, options.target);
  if (property.key === '$ref' && !at.onKey && sources !== undefined && at.parent !== undefined) {
    const target = sources.resolve(at.parent);
    if (target === undefined || target === at.parent) return null;
    return {
      contents: { kind: MarkupKind.Markdown, value: refSummary(property.value, target) },
      range: property.value.range,
    };
  }
  if (!at.onKey) return null;
  const definition = result.ok ? result.definition : undefined;
  const place = placeOf(parsed.root, document.text, at.path, definition, options.target);
  const extension = place?.extension;
  if (extension !== undefined) {
    const schema = subschemaAt(extension.name, extension.path);
    const info = extensionSchemas.get(extension.name);
    if (schema === undefined || info === undefined) return null;
    const types = extension.path.length === 0 ? info.apiTypes : (apiTypesOf(schema) ?? info.apiTypes);
    const title =
      extension.path.length === 0 ? `**${extension.name}**` : `**${extension.path.join('.')}** (${extension.name})`;
    const lines = [title, '', descriptionOf(schema) ?? '', '', `Supported by: ${typesText(types)}.`];
    return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range: property.keyRange };
  }
  return null;
}

function typesText(types: readonly string[]): string {
  const names = types.map((t) => `${t} APIs`);
  return names.length > 1
    ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
    : (names[0] ?? 'no API type');
}

function refSummary(ref: SourceNode, target: SourceNode): string {
  const where = `${path.basename(target.file)}:${target.range.start.line + 1}`;
  const name = target.pointer.split('/').pop()?.replace(/~1/g, '/').replace(/~0/g, '~') ?? '';
  const lines = [`**${name || String(ref.kind === 'scalar' ? ref.value : '')}** — ${where}`];
  const text = (key: string): string | undefined => {
    if (target.kind !== 'object') return undefined;
    const value = [...target.properties].reverse().find((p) => p.key === key)?.value;
    return value?.kind === 'scalar' && value.value !== null ? String(value.value) : undefined;
  };
  const summary = text('summary') ?? text('title');
  const description = text('description');
  const type = text('type');
  if (summary !== undefined) lines.push('', summary);
  if (description !== undefined) lines.push('', description);
  if (type !== undefined) lines.push('', `type: \`${type}\``);
  if (target.kind === 'object' && summary === undefined && description === undefined) {
    const keys = target.properties.map((p) => p.key).slice(0, 8);
    if (keys.length > 0) lines.push('', `Fields: ${keys.map((k) => `\`${k}\``).join(', ')}`);
  }
  return lines.join('\n');
}
