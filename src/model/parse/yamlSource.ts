import { scalarNode } from './scalarNode';
import type * as YamlLibrary from 'yaml';
import type { Alias, CST, Document, Node as YamlNode, YAMLError } from 'yaml';
import type { Diagnostic } from '../../shared/diagnostic';
import type { PropertyNode, ScalarNode, SourceNode } from '../sourceNode';
import { CFN_TAGS, intrinsicValuePointer, splitGetAtt, wrapIntrinsic } from './cfnTags';
import { DuplicateKeys } from './duplicateKeys';
import { anchoredScalars, type ParsedTree } from './parsedTree';
import { childPointer } from './pointer';
import { type LineTable, trimEnd } from './positions';
import { parseYamlFast } from './yamlFastPath';
import { intrinsicTagStart } from './yamlFastScalars';

/** At most this many values are produced by expanding YAML aliases (bounds "billion laughs" documents). */
export const MAX_ALIAS_VALUES = 100_000;

/**
 * Parses YAML (1.2, core schema) into a SourceNode tree; syntax errors and warnings become problems. Texts in
 * the block-style subset that API definitions use are read by the fast path (yamlFastPath.ts), which gives
 * the same tree; everything else, and every text with a problem other than duplicate keys, by `yaml`.
 */
export function parseYaml(file: string, text: string, lines: LineTable): ParsedTree {
  return parseYamlFast(file, text, lines) ?? parseYamlFull(file, text, lines);
}

/**
 * `yaml`, required by parseYamlFull's first call: the fast path reads most definitions without it, and a workspace
 * scan of such definitions (and activation, which loads the model) need not load the library (~5 ms).
 */
let Y: typeof YamlLibrary;

/** parseYaml through `yaml` only (the reference the fast path must equal). */
export function parseYamlFull(file: string, text: string, lines: LineTable): ParsedTree {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use (see Y).
  Y ??= require('yaml') as typeof YamlLibrary;
  const tokens = new Y.Parser().parse(text);
  const cst = Array.from(tokens);
  const depth = cstDepth(cst);
  if (depth > MAX_DEPTH) return { problems: [tooDeep(lines)] };
  const doc = composeFirst(cst, text.length);
  const problems: Diagnostic[] = [];
  for (const error of doc.errors) problems.push(yamlProblem(error, 'error', lines));
  for (const warning of doc.warnings) {
    const problem = warningProblem(warning, lines);
    if (problem) problems.push(problem);
  }
  const converter = new YamlConverter(file, text, lines, doc, problems);
  const contents = doc.contents;
  const root = contents ? converter.convert(contents, '', 0) : undefined;
  const tree: ParsedTree = root ? { root, problems } : { problems };
  if (converter.aliased) tree.aliased = true;
  return tree;
}

/**
 * Deeper nesting is refused before yaml composes the document: its composer recurses per level, and a stack
 * overflow inside it can leave V8 unable to compile regular expressions for the rest of the process.
 */
export const MAX_DEPTH = 400;

const COMPOSE_OPTIONS = { uniqueKeys: false, prettyErrors: false, version: '1.2', schema: 'core' } as const;

/** parseDocument, from CST tokens already made: the first document, and an error if there are more. */
function composeFirst(cst: CST.Token[], length: number): Document {
  const composer = new Y.Composer(COMPOSE_OPTIONS);
  let doc: Document | undefined;
  for (const next of composer.compose(cst, true, length)) {
    if (!doc) doc = next;
    else {
      const message = 'The file holds more than one YAML document (---); only the first is read.';
      doc.errors.push(new Y.YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', message));
      break;
    }
  }
  return doc ?? new Y.Document(null, COMPOSE_OPTIONS);
}

/** The deepest nesting of collections in the CST, computed without recursion. */
function cstDepth(cst: CST.Token[]): number {
  let max = 0;
  const stack: [CST.Token | undefined | null, number][] = cst.map((token) => [token, 0]);
  while (stack.length > 0) {
    const [token, depth] = stack.pop() as [CST.Token | undefined | null, number];
    if (!token) continue;
    if (depth > max) max = depth;
    if (max > MAX_DEPTH) return max;
    if (token.type === 'document') stack.push([token.value, depth]);
    else if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      for (const item of token.items) {
        const entry = item as { key?: CST.Token | null; value?: CST.Token };
        stack.push([entry.key, depth + 1], [entry.value, depth + 1]);
      }
    }
  }
  return max;
}

function tooDeep(lines: LineTable): Diagnostic {
  return {
    range: lines.rangeOf(0, 0),
    severity: 'error',
    code: 'apigw.parse.yamlSyntax',
    message: `YAML syntax error: the document is nested more than ${MAX_DEPTH} levels deep, so it is not read.`,
  };
}

function yamlProblem(error: YAMLError, severity: 'error' | 'warning', lines: LineTable): Diagnostic {
  const [start, end] = error.pos;
  const firstLine = /call stack/i.test(error.message)
    ? 'the document is nested too deeply to be read.'
    : (error.message.split('\n')[0] ?? error.message);
  return {
    range: lines.rangeOf(start, Math.max(start, end)),
    severity,
    code: 'apigw.parse.yamlSyntax',
    message: `YAML syntax error: ${firstLine}`,
  };
}

function warningProblem(warning: YAMLError, lines: LineTable): Diagnostic | undefined {
  const unresolved = /^Unresolved tag: (\S+)/.exec(warning.message);
  if (!unresolved)
    return { ...yamlProblem(warning, 'warning', lines), message: `YAML: ${warning.message.split('\n')[0]}` };
  const tag = unresolved[1] ?? '';
  if (CFN_TAGS.has(tag)) return undefined;
  return {
    range: lines.rangeOf(warning.pos[0], warning.pos[1]),
    severity: 'warning',
    code: 'apigw.parse.unknownTag',
    message:
      `Unknown tag '${tag}': its value is read as if it had no tag. CloudFormation knows only its intrinsic ` +
      `function tags (!Ref, !Sub, !GetAtt, ...); remove the tag or use one of those.`,
  };
}

class YamlConverter {
  private aliasValues = 0;
  private aliasDepth = 0;
  private aliasLimitReported = false;
  /** Whether an alias was expanded into a copy of its anchored node. */
  aliased = false;
  private readonly active = new Set<YamlNode>();
  private anchors: AnchorIndex | undefined;

  constructor(
    private readonly file: string,
    private readonly text: string,
    private readonly lines: LineTable,
    private readonly doc: Document,
    private readonly problems: Diagnostic[],
  ) {}

  /** Converts one YAML node; `at` is the offset used when the node has no range (an empty value). */
  convert(node: unknown, pointer: string, at: number): SourceNode {
    if (this.aliasDepth > 0 && ++this.aliasValues > MAX_ALIAS_VALUES) return this.aliasLimit(pointer, at);
    if (Y.isAlias(node)) return this.convertAlias(node, pointer);
    const yamlNode = node as YamlNode | null | undefined;
    const range = yamlNode?.range;
    if (!yamlNode || !range) return this.scalar(pointer, at, at, null);
    const tag = yamlNode.tag;
    if (tag !== undefined && CFN_TAGS.has(tag)) {
      let inner = this.convertAnchored(yamlNode, intrinsicValuePointer(pointer, tag));
      if (tag === '!GetAtt' && inner.kind === 'scalar') inner = splitGetAtt(inner, this.text, this.lines);
      return wrapIntrinsic(tag, this.tagStart(tag, range[0]), inner, pointer, this.lines);
    }
    const converted = this.convertAnchored(yamlNode, pointer);
    if (tag !== undefined && !tag.startsWith('tag:yaml.org,2002:')) converted.tag = tag;
    return converted;
  }

  /** An anchored collection is "in progress" while converted, so an alias to it from inside becomes null. */
  private convertAnchored(node: YamlNode, pointer: string): SourceNode {
    if (!node.anchor) return this.convertUntagged(node, pointer);
    if (Y.isScalar(node)) {
      const scalar = this.convertUntagged(node, pointer);
      anchoredScalars.add(scalar);
      return scalar;
    }
    this.active.add(node);
    try {
      return this.convertUntagged(node, pointer);
    } finally {
      this.active.delete(node);
    }
  }

  private convertUntagged(node: YamlNode, pointer: string): SourceNode {
    const range = node.range ?? [0, 0, 0];
    const offset = range[0];
    const end = trimEnd(this.text, offset, range[1]);
    const file = this.file;
    const length = end - offset;
    // Object literals written out in full (no spread of a shared base): one allocation per node, on big files.
    const at = this.lines.rangeOf(offset, end);
    if (Y.isMap(node)) {
      return {
        kind: 'object',
        file,
        pointer,
        range: at,
        offset,
        length,
        properties: this.properties(node.items, pointer),
      };
    }
    if (Y.isSeq(node)) {
      const items = node.items.map((item, i) => this.convert(item, childPointer(pointer, i), end));
      return { kind: 'array', file, pointer, range: at, offset, length, items };
    }
    const value = Y.isScalar(node) ? scalarValue(node.value, node.source) : null;
    return scalarNode(file, pointer, at, offset, length, value);
  }

  private properties(items: unknown[], pointer: string): PropertyNode[] {
    const properties: PropertyNode[] = [];
    const seen = new DuplicateKeys(this.problems);
    for (const pair of items) {
      if (!Y.isPair(pair)) continue;
      const keyNode = (Y.isAlias(pair.key) ? this.aliasTarget(pair.key) : pair.key) as YamlNode | null;
      const keyRange = pair.key && (pair.key as YamlNode).range ? (pair.key as YamlNode).range : undefined;
      const keyStart = keyRange?.[0] ?? 0;
      const keyEnd = keyRange ? trimEnd(this.text, keyStart, keyRange[1]) : keyStart;
      const key = this.keyText(keyNode, keyStart, keyEnd);
      const property = {
        key,
        keyRange: this.lines.rangeOf(keyStart, keyEnd),
        value: this.convert(pair.value, childPointer(pointer, key), keyEnd),
      };
      seen.add(property);
      properties.push(property);
    }
    return properties;
  }

  private keyText(node: YamlNode | null, start: number, end: number): string {
    if (Y.isScalar(node)) {
      if (typeof node.value === 'string') return node.value;
      return typeof node.source === 'string' ? node.source : String(node.value);
    }
    return this.text.slice(start, end);
  }

  private convertAlias(alias: YamlNode & { source: string }, pointer: string): SourceNode {
    const range = alias.range ?? [0, 0, 0];
    const target = this.aliasTarget(alias);
    if (!target || this.active.has(target)) return this.scalar(pointer, range[0], range[1], null);
    this.active.add(target);
    this.aliased = true;
    this.aliasDepth++;
    try {
      const copy = this.convert(target, pointer, range[0]);
      const end = trimEnd(this.text, range[0], range[1]);
      return { ...copy, range: this.lines.rangeOf(range[0], end), offset: range[0], length: end - range[0] };
    } finally {
      this.aliasDepth--;
      this.active.delete(target);
    }
  }

  private aliasTarget(alias: unknown): YamlNode | undefined {
    if (!Y.isAlias(alias)) return undefined;
    this.anchors ??= new AnchorIndex(this.doc);
    return this.anchors.target(alias);
  }

  private aliasLimit(pointer: string, at: number): ScalarNode {
    if (!this.aliasLimitReported) {
      this.aliasLimitReported = true;
      this.problems.push({
        range: this.lines.rangeOf(at, at),
        severity: 'error',
        code: 'apigw.parse.aliasLimit',
        message:
          `YAML aliases here expand to more than ${MAX_ALIAS_VALUES} values, so the rest are left out ` +
          `(this looks like an "alias bomb"). Write the repeated parts out, or use fewer nested aliases.`,
      });
    }
    return this.scalar(pointer, at, at, null);
  }

  private tagStart(tag: string, valueStart: number): number {
    return intrinsicTagStart(this.text, tag, valueStart);
  }

  private scalar(pointer: string, start: number, end: number, value: ScalarNode['value']): ScalarNode {
    return scalarNode(this.file, pointer, this.lines.rangeOf(start, end), start, end - start, value);
  }
}

function scalarValue(value: unknown, source: string | undefined): ScalarNode['value'] {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString();
  return source ?? null; // e.g. !!binary: the text as written
}

/**
 * Which anchored node each alias names: the last node with that anchor before the alias, in document order.
 * Built in one pass (yaml's own `Alias.resolve` walks the whole document for every alias).
 */
class AnchorIndex {
  private readonly anchored = new Map<string, { order: number; node: YamlNode }[]>();
  private readonly aliasOrder = new Map<Alias, number>();

  constructor(doc: Document) {
    let order = 0;
    Y.visit(doc, {
      Node: (_key, node) => {
        order++;
        if (Y.isAlias(node)) this.aliasOrder.set(node, order);
        else if (node.anchor) {
          const list = this.anchored.get(node.anchor) ?? [];
          list.push({ order, node });
          this.anchored.set(node.anchor, list);
        }
      },
    });
  }

  target(alias: Alias): YamlNode | undefined {
    const order = this.aliasOrder.get(alias) ?? Number.MAX_SAFE_INTEGER;
    const list = this.anchored.get(alias.source) ?? [];
    for (let i = list.length - 1; i >= 0; i--) {
      const entry = list[i];
      if (entry && entry.order < order) return entry.node;
    }
    return undefined;
  }
}
