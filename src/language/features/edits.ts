// Text edits that add a property to a mapping or an item to a list, written in the document's own syntax
// (YAML block style with the mapping's indentation, or JSON / YAML flow style).
import type { TextEdit } from 'vscode-languageserver-types';
import type { ArrayNode, ObjectNode, SourceDocument, SourceNode } from '../../model/sourceNode';
import type { Position } from '../../shared/range';
import { lineText } from '../text';
import { needsYamlQuotes } from './snippets';

export type Plain = string | number | boolean | Plain[] | { [key: string]: Plain };

export function addPropertyEdit(
  document: SourceDocument,
  object: ObjectNode,
  key: string,
  value: Plain,
): TextEdit | undefined {
  const last = object.properties[object.properties.length - 1];
  const first = object.properties[0];
  if (last === undefined || first === undefined) return undefined;
  const at = laterOf(last.keyRange.end, last.value.range.end);
  if (isFlow(document, object)) {
    const indent =
      first.keyRange.start.line === object.range.start.line ? '' : ' '.repeat(first.keyRange.start.character);
    const separator = indent === '' ? ' ' : `\n${indent}`;
    return { range: { start: at, end: at }, newText: `,${separator}${JSON.stringify(key)}: ${json(value, indent)}` };
  }
  const indent = ' '.repeat(first.keyRange.start.character);
  return { range: { start: at, end: at }, newText: `\n${yamlProperty(key, value, indent)}` };
}

export function addItemEdit(document: SourceDocument, list: ArrayNode, value: Plain): TextEdit | undefined {
  const last = list.items[list.items.length - 1];
  if (last === undefined) return undefined;
  const at = last.range.end;
  if (isFlow(document, list)) {
    const column = last.range.start.character;
    const inline = last.range.start.line === list.range.start.line;
    const indent = inline ? '' : ' '.repeat(column);
    return { range: { start: at, end: at }, newText: `,${inline ? ' ' : `\n${indent}`}${json(value, indent)}` };
  }
  const dashLine = lineText(document, last.range.start.line);
  const dash = dashLine.lastIndexOf('-', last.range.start.character);
  const indent = ' '.repeat(Math.max(0, dash));
  return { range: { start: at, end: at }, newText: `\n${indent}- ${yamlValue(value, `${indent}  `, true)}` };
}

function isFlow(document: SourceDocument, node: SourceNode): boolean {
  const first = document.text[node.offset];
  return first === '{' || first === '[';
}

function laterOf(a: Position, b: Position): Position {
  return a.line > b.line || (a.line === b.line && a.character >= b.character) ? a : b;
}

export function json(value: Plain, indent: string): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${indent}`);
}

export function yamlScalarText(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  return needsYamlQuotes(value) ? `'${value.replace(/'/g, "''")}'` : value;
}

function yamlProperty(key: string, value: Plain, indent: string): string {
  const written = yamlScalarText(key);
  if (typeof value !== 'object') return `${indent}${written}: ${yamlScalarText(value)}`;
  if (Array.isArray(value) && value.length === 0) return `${indent}${written}: []`;
  return `${indent}${written}:\n${yamlValue(value, `${indent}  `, false)}`;
}

/** A value as YAML lines; `inline` when the first line follows a `- ` already written. */
function yamlValue(value: Plain, indent: string, inline: boolean): string {
  if (typeof value !== 'object') return `${inline ? '' : indent}${yamlScalarText(value)}`;
  if (Array.isArray(value)) {
    const lines = value.map((item) => `${indent}- ${yamlValue(item, `${indent}  `, true)}`);
    return inline ? lines.join('\n').trimStart() : lines.join('\n');
  }
  const lines = Object.entries(value).map(([k, v]) => yamlProperty(k, v, indent));
  return inline ? lines.join('\n').slice(indent.length) : lines.join('\n');
}
