// Hover inside a mapping template: the documentation of `$input`, `$util`, `$context` and `$stageVariables`
// and of the member under the cursor (`$input.path`, `$context.identity.sourceIp`, a stage variable's value).
import { type Hover, MarkupKind } from 'vscode-languageserver-types';
import { contextDoc, inputMembers, rootDocs, utilMembers } from '../../vtl/builtinDocs';
import type { TemplateAtCursor } from './templateAt';

const reference = /\$!?\{?(input|util|context|stageVariables)\b((?:\.[A-Za-z_][\w-]*)*)/g;

/** The hover for the reference segment under the cursor, or null when the cursor is not on one. */
export function templateHover(at: TemplateAtCursor): Hover | null {
  const lineStart = at.text.lastIndexOf('\n', at.offset - 1) + 1;
  const lineEnd = at.text.indexOf('\n', at.offset);
  const line = at.text.slice(lineStart, lineEnd < 0 ? at.text.length : lineEnd);
  for (const match of line.matchAll(reference)) {
    const root = match[1] ?? '';
    const names = (match[2] ?? '').split('.').slice(1);
    const rootStart = lineStart + match.index;
    const rootEnd = rootStart + match[0].length - (match[2] ?? '').length;
    if (at.offset >= rootStart && at.offset <= rootEnd) return hoverOf(at, rootDoc(root), rootStart, rootEnd);
    let start = rootEnd;
    for (let i = 0; i < names.length; i++) {
      const name = names[i] ?? '';
      start += 1; // the dot
      const end = start + name.length;
      if (at.offset >= start && at.offset <= end) {
        const text = memberDoc(at, root, names.slice(0, i + 1));
        return text === undefined ? null : hoverOf(at, text, start, end);
      }
      start = end;
    }
  }
  return null;
}

function hoverOf(at: TemplateAtCursor, markdown: string, start: number, end: number): Hover {
  return {
    contents: { kind: MarkupKind.Markdown, value: markdown },
    range: at.toDocument(at.rangeOf(start, end)),
  };
}

function rootDoc(root: string): string {
  return [`**$${root}**`, '', rootDocs[root] ?? ''].join('\n');
}

function memberDoc(at: TemplateAtCursor, root: string, path: string[]): string | undefined {
  const [name = ''] = path;
  if (root === 'input' || root === 'util') {
    if (path.length !== 1) return undefined;
    const member = (root === 'input' ? inputMembers : utilMembers).find((m) => m.name === name);
    return member && [`**$${root}.${member.signature}**`, '', member.documentation].join('\n');
  }
  if (root === 'context') {
    const text = contextDoc(path);
    return text && [`**$context.${path.join('.')}**`, '', text].join('\n');
  }
  if (path.length !== 1) return undefined;
  if (!Object.prototype.hasOwnProperty.call(at.stageVariables, name)) {
    return `**$stageVariables.${name}**\n\nA stage variable; no value for it is known here.`;
  }
  const value = at.stageVariables[name];
  const valueText = value === undefined ? 'set by the stage' : `\`${value}\` on this stage`;
  return `**$stageVariables.${name}**\n\nStage variable: ${valueText}.`;
}
