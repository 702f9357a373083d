import { getProperty } from '../../model/parse';
import type { SourceDocument, SourceNode } from '../../model/sourceNode';
import type { Range } from '../../shared/range';
import { findApiRoots } from '../openApi/apiRoots';
import { type PathSite, pathsOf } from '../openApi/operations';
import { lineText } from '../text';
import type { Rule, RuleContext } from './rule';

/**
 * Path templates and `in: path` parameters agree: every `{name}` (or greedy `{name+}`) of a path is declared
 * by the path item or by each operation, and every declared path parameter appears in the path.
 */
export const pathParametersRule: Rule = {
  id: 'pathParameters',
  codes: ['apigw.path.undeclaredParameter', 'apigw.path.unknownParameter'],
  reuse: 'tracked',
  model: 'apiTypes',
  check(context) {
    for (const root of findApiRoots(context.document)) {
      for (const site of pathsOf(root.node, (n) => context.resolve(n))) checkPath(context, site);
    }
  },
};

interface Declared {
  name: string;
  /** Where to point when it is not in the path: the name, or the `$ref` that brings the parameter in. */
  at: SourceNode;
}

/** `{id}` and `{proxy+}` → 'id', 'proxy', with where each is written in the path. */
export function templateParameters(path: string): Array<{ name: string; start: number; end: number }> {
  const found: Array<{ name: string; start: number; end: number }> = [];
  for (const match of path.matchAll(/\{([^{}]*)\}/g)) {
    found.push({ name: (match[1] ?? '').replace(/\+$/, ''), start: match.index, end: match.index + match[0].length });
  }
  return found;
}

function checkPath(context: RuleContext, site: PathSite): void {
  const inTemplate = templateParameters(site.path);
  const names = new Set(inTemplate.map((p) => p.name));
  const shared = declaredIn(context, getProperty(site.item, 'parameters'));
  for (const p of shared) if (!names.has(p.name)) reportUnknown(context, p, site.path);
  const missing = new Map<string, string[]>();
  for (const operation of site.operations) {
    const own = declaredIn(context, getProperty(operation.node, 'parameters'));
    for (const p of own) if (!names.has(p.name)) reportUnknown(context, p, site.path);
    const declared = new Set([...shared, ...own].map((p) => p.name));
    for (const { name } of inTemplate) {
      if (declared.has(name)) continue;
      missing.set(name, [...(missing.get(name) ?? []), operation.method]);
    }
  }
  for (const p of inTemplate) {
    const methods = missing.get(p.name);
    if (methods === undefined) continue;
    missing.delete(p.name);
    const which = methods.length === site.operations.length ? 'its operations' : methods.join(', ');
    context.report({
      range: placeInKey(context.document, site.keyRange, site.path, p.start, p.end),
      severity: 'warning',
      code: 'apigw.path.undeclaredParameter',
      message: `The path parameter '${p.name}' of '${site.path}' is not declared for ${which}: OpenAPI requires the declaration, and without it method.request.path.${p.name} cannot be mapped or validated, though API Gateway imports the definition (SAM-style Lambda proxy APIs rely on that). Add a parameter with name: ${p.name}, in: path, required: true to the path's parameters (or to each operation's).`,
    });
  }
}

function reportUnknown(context: RuleContext, p: Declared, path: string): void {
  context.report({
    range: p.at.range,
    severity: 'warning',
    code: 'apigw.path.unknownParameter',
    message: `The path parameter '${p.name}' is not in the path '${path}': add {${p.name}} to the path, or change its 'in' (query, header...) or remove it.`,
  });
}

/** The `in: path` parameters of a `parameters` list, `$ref`s followed. */
function declaredIn(context: RuleContext, list: SourceNode | undefined): Declared[] {
  const resolved = context.resolve(list);
  if (resolved?.kind !== 'array') return [];
  const declared: Declared[] = [];
  for (const item of resolved.items) {
    const parameter = context.resolve(item);
    if (asText(getProperty(parameter, 'in')) !== 'path') continue;
    const nameNode = getProperty(parameter, 'name');
    const name = asText(nameNode);
    if (name === undefined || nameNode === undefined) continue;
    declared.push({ name, at: parameter === item ? nameNode : (getProperty(item, '$ref') ?? item) });
  }
  return declared;
}

function asText(node: SourceNode | undefined): string | undefined {
  return node?.kind === 'scalar' && typeof node.value === 'string' ? node.value : undefined;
}

/** The range of `path[start, end)` inside the key as written (after a quote when the key is quoted). */
function placeInKey(document: SourceDocument, keyRange: Range, path: string, start: number, end: number): Range {
  if (keyRange.start.line !== keyRange.end.line) return keyRange;
  const line = lineText(document, keyRange.start.line);
  const written = line.slice(keyRange.start.character, keyRange.end.character);
  const at = written.indexOf(path);
  if (at < 0) return keyRange;
  const base = keyRange.start.character + at;
  return {
    start: { line: keyRange.start.line, character: base + start },
    end: { line: keyRange.start.line, character: base + end },
  };
}
