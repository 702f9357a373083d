// Completion inside a mapping template: `$input.`, `$util.`, `$context.` (and its maps, `$context.identity.`...),
// `$stageVariables.` members with their documentation, the variables themselves after `$`, and property names
// of the request model inside `$input.path('$.` / `$input.json('$.`.
import { type CompletionItem, CompletionItemKind, InsertTextFormat, MarkupKind } from 'vscode-languageserver-types';
import { contextMembers, inputMembers, rootDocs, utilMembers, type BuiltinMember } from '../../vtl/builtinDocs';
import { followSteps, propertiesOf, rootOf, simplePathSteps } from '../../vtl/check/modelPaths';
import type { TemplateAtCursor } from './templateAt';

const jsonPathBefore = /\$!?\{?input\.(?:path|json)\(\s*(['"])(\$[^'"]*)$/;
const memberBefore = /\$!?\{?([A-Za-z_][\w-]*)((?:\.[A-Za-z_][\w-]*)*)\.([\w-]*)$/;
const rootBefore = /\$!?\{?([A-Za-z_][\w-]*)?$/;

/** The completion items at the cursor of a template ([] when the cursor is not after a reference). */
export function templateCompletions(at: TemplateAtCursor): CompletionItem[] {
  const before = at.text.slice(Math.max(0, at.offset - 2000), at.offset);
  const path = jsonPathBefore.exec(before);
  if (path !== null) return jsonPathItems(at, path[2] ?? '$');
  const member = memberBefore.exec(before);
  if (member !== null) {
    const chain = (member[2] ?? '').split('.').filter((s) => s !== '');
    return memberItems(at, member[1] ?? '', chain, member[3] ?? '');
  }
  const root = rootBefore.exec(before);
  if (root !== null) return rootItems(at, root[1] ?? '');
  return [];
}

function memberItems(at: TemplateAtCursor, root: string, chain: string[], prefix: string): CompletionItem[] {
  if (root === 'input' && chain.length === 0) return inputMembers.map((m) => builtinItem(at, prefix, '$input', m));
  if (root === 'util' && chain.length === 0) return utilMembers.map((m) => builtinItem(at, prefix, '$util', m));
  if (root === 'context') {
    const owner = ['$context', ...chain].join('.');
    return (contextMembers(at.apiType, chain) ?? []).map((m) => builtinItem(at, prefix, owner, m));
  }
  if (root === 'stageVariables' && chain.length === 0) {
    return Object.entries(at.stageVariables).map(([name, value]) => ({
      label: name,
      kind: CompletionItemKind.Variable,
      detail: value === undefined ? 'stage variable' : `stage variable = ${value}`,
      textEdit: { range: replaceRange(at, prefix), newText: name },
    }));
  }
  return [];
}

function builtinItem(at: TemplateAtCursor, prefix: string, owner: string, member: BuiltinMember): CompletionItem {
  const takesArguments = member.kind === 'method' && !member.signature.endsWith('()');
  const newText = member.kind !== 'method' ? member.name : takesArguments ? `${member.name}($1)` : `${member.name}()`;
  const item: CompletionItem = {
    label: member.name,
    kind:
      member.kind === 'method'
        ? CompletionItemKind.Method
        : member.kind === 'object'
          ? CompletionItemKind.Module
          : CompletionItemKind.Property,
    detail: `${owner}.${member.signature}`,
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: { range: replaceRange(at, prefix), newText },
  };
  if (member.documentation !== '') item.documentation = { kind: MarkupKind.Markdown, value: member.documentation };
  return item;
}

function rootItems(at: TemplateAtCursor, prefix: string): CompletionItem[] {
  return Object.entries(rootDocs).map(([name, documentation]) => ({
    label: name,
    kind: CompletionItemKind.Variable,
    detail: `$${name}`,
    documentation: { kind: MarkupKind.Markdown, value: documentation },
    textEdit: { range: replaceRange(at, prefix), newText: name },
  }));
}

/** `$input.path('$.owner.` → the properties of `owner` in the request model. */
function jsonPathItems(at: TemplateAtCursor, written: string): CompletionItem[] {
  const dot = written.lastIndexOf('.');
  if (dot < 0) return [];
  const prefix = written.slice(dot + 1);
  if (!/^[\w-]*$/.test(prefix)) return [];
  const root = rootOf(at.bodySchema, undefined);
  const steps = simplePathSteps(written.slice(0, dot));
  if (root === undefined || steps === undefined) return [];
  const located = followSteps(root, steps).located;
  const properties = located === undefined ? undefined : propertiesOf(located.schema);
  if (properties === undefined) return [];
  return [...properties].map(([name, schema]) => {
    const item: CompletionItem = {
      label: name,
      kind: CompletionItemKind.Field,
      detail: `${located?.path ?? '$'}.${name}${typeText(schema)}`,
      textEdit: { range: replaceRange(at, prefix), newText: name },
    };
    const description = (schema as { description?: unknown } | undefined)?.description;
    if (typeof description === 'string') item.documentation = { kind: MarkupKind.Markdown, value: description };
    return item;
  });
}

function typeText(schema: unknown): string {
  const type = (schema as { type?: unknown } | undefined)?.type;
  return typeof type === 'string' ? `: ${type}` : '';
}

function replaceRange(at: TemplateAtCursor, prefix: string): ReturnType<TemplateAtCursor['toDocument']> {
  return at.toDocument(at.rangeOf(at.offset - prefix.length, at.offset));
}
