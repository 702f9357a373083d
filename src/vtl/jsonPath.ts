import { isMap, javaEquals, isNumber, markJsonList, numberOf, type Value } from './values';

/**
 * JSONPath as API Gateway evaluates it in `$input.path` / `$input.json`: `$`, `.name`, `['name']`, `[n]`
 * (negative counts from the end), `[a,b]`, `[start:end]`, `*`, `..name` and filters `[?(@.a op value)]`.
 * A definite path gives one value (null when missing); a path with a wildcard, deep scan, slice, union or
 * filter gives a list of what it matched.
 */
type Segment =
  | { kind: 'name'; names: string[] }
  | { kind: 'index'; indexes: number[] }
  | { kind: 'slice'; start: number | undefined; end: number | undefined }
  | { kind: 'wildcard' }
  | { kind: 'deep'; name: string | undefined }
  | { kind: 'filter'; path: Segment[]; operator: string | undefined; operand: Value };

export interface CompiledPath {
  segments: Segment[];
  definite: boolean;
}

export type PathParseResult = { ok: true; path: CompiledPath } | { ok: false; message: string };

const cache = new Map<string, PathParseResult>();

export function parseJsonPath(text: string): PathParseResult {
  let cached = cache.get(text);
  if (!cached) {
    cached = parseUncached(text);
    if (cache.size > 1000) cache.clear();
    cache.set(text, cached);
  }
  return cached;
}

class PathError extends Error {}

function parseUncached(text: string): PathParseResult {
  try {
    const trimmed = text.trim();
    if (!trimmed.startsWith('$')) throw new PathError("a JSONPath starts with '$' (the whole body)");
    const { segments, pos } = parseSegments(trimmed, 1, false);
    if (pos < trimmed.length) throw new PathError(`unexpected '${trimmed[pos]}' at character ${pos + 1}`);
    const definite = segments.every((s) =>
      s.kind === 'name' ? s.names.length === 1 : s.kind === 'index' && s.indexes.length === 1,
    );
    return { ok: true, path: { segments, definite } };
  } catch (error) {
    if (!(error instanceof PathError)) throw error;
    return { ok: false, message: `invalid JSONPath '${text}': ${error.message}` };
  }
}

const namePattern = /^[A-Za-z0-9_\-$@]+/;

function parseSegments(text: string, from: number, inFilter: boolean): { segments: Segment[]; pos: number } {
  const segments: Segment[] = [];
  let pos = from;
  while (pos < text.length) {
    const c = text[pos];
    if (c === '.' && text[pos + 1] === '.') {
      pos += 2;
      if (text[pos] === '*') {
        segments.push({ kind: 'deep', name: undefined });
        pos++;
        continue;
      }
      const m = namePattern.exec(text.slice(pos));
      if (!m) throw new PathError(`expected a name after '..' at character ${pos + 1}`);
      segments.push({ kind: 'deep', name: m[0] });
      pos += m[0].length;
    } else if (c === '.') {
      pos++;
      if (text[pos] === '*') {
        segments.push({ kind: 'wildcard' });
        pos++;
        continue;
      }
      const m = namePattern.exec(text.slice(pos));
      if (!m) throw new PathError(`expected a name after '.' at character ${pos + 1}`);
      segments.push({ kind: 'name', names: [m[0]] });
      pos += m[0].length;
    } else if (c === '[') {
      const close = findClose(text, pos);
      segments.push(parseBracket(text.slice(pos + 1, close).trim(), pos));
      pos = close + 1;
    } else if (inFilter) {
      break;
    } else {
      throw new PathError(`unexpected '${c}' at character ${pos + 1}`);
    }
  }
  return { segments, pos };
}

function findClose(text: string, open: number): number {
  let quote: string | undefined;
  let depth = 0;
  for (let p = open; p < text.length; p++) {
    const c = text[p];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return p;
  }
  throw new PathError(`'[' at character ${open + 1} is never closed`);
}

function parseBracket(inner: string, at: number): Segment {
  if (inner === '*') return { kind: 'wildcard' };
  if (inner.startsWith('?')) return parseFilter(inner, at);
  const parts = inner.split(',').map((p) => p.trim());
  if (parts.every((p) => /^'.*'$|^".*"$/.test(p))) return { kind: 'name', names: parts.map((p) => p.slice(1, -1)) };
  if (parts.every((p) => /^-?\d+$/.test(p))) return { kind: 'index', indexes: parts.map(Number) };
  const slice = /^(-?\d*):(-?\d*)$/.exec(inner);
  if (slice) {
    return {
      kind: 'slice',
      start: slice[1] ? Number(slice[1]) : undefined,
      end: slice[2] ? Number(slice[2]) : undefined,
    };
  }
  throw new PathError(
    `cannot read '[${inner}]' at character ${at + 1}: use ['name'], [index], [start:end], [*] or [?(@.name == value)]`,
  );
}

function parseFilter(inner: string, at: number): Segment {
  const m = /^\?\s*\(\s*@(.*?)\s*(?:(==|!=|<=|>=|<|>)\s*(.+?))?\s*\)$/.exec(inner);
  if (!m) throw new PathError(`cannot read the filter '[${inner}]' at character ${at + 1}: write [?(@.name == value)]`);
  const { segments } = parseSegments(m[1] ?? '', 0, false);
  let operand: Value = null;
  if (m[3] !== undefined) {
    const raw = m[3].trim();
    if (/^'.*'$|^".*"$/.test(raw)) operand = raw.slice(1, -1);
    else if (raw === 'true' || raw === 'false') operand = raw === 'true';
    else if (raw === 'null') operand = null;
    else if (/^-?\d+(\.\d+)?$/.test(raw)) operand = Number(raw);
    else throw new PathError(`cannot compare with '${raw}' in a filter: use a 'string', a number, true, false or null`);
  }
  return { kind: 'filter', path: segments, operator: m[2], operand };
}

/**
 * Evaluates a parsed path: a definite path gives its one value (undefined when it matches nothing), any other
 * the list of matches.
 */
export function evaluateJsonPath(path: CompiledPath, root: Value): Value | undefined {
  let current: Value[] = [root];
  for (const segment of path.segments) {
    const next: Value[] = [];
    for (const node of current) step(segment, node, next);
    current = next;
  }
  // Several matches come back as a JSON array (as from API Gateway's JSONPath), which prints as JSON.
  return path.definite ? current[0] : markJsonList(current);
}

function step(segment: Segment, node: Value, out: Value[]): void {
  switch (segment.kind) {
    case 'name':
      if (isMap(node)) for (const name of segment.names) if (node.has(name)) out.push(node.get(name) ?? null);
      return;
    case 'index':
      if (Array.isArray(node)) {
        for (const i of segment.indexes) {
          const index = i < 0 ? node.length + i : i;
          if (index >= 0 && index < node.length) out.push(node[index] ?? null);
        }
      }
      return;
    case 'slice':
      if (Array.isArray(node)) out.push(...node.slice(segment.start, segment.end));
      return;
    case 'wildcard':
      if (Array.isArray(node)) out.push(...node);
      else if (isMap(node)) out.push(...node.values());
      return;
    case 'deep':
      deepScan(segment.name, node, out, 0);
      return;
    case 'filter': {
      const items = Array.isArray(node) ? node : isMap(node) ? [...node.values()] : [];
      for (const item of items) if (matches(segment, item)) out.push(item);
      return;
    }
  }
}

function deepScan(name: string | undefined, node: Value, out: Value[], depth: number): void {
  if (depth > 512) return;
  if (isMap(node)) {
    for (const [key, value] of node) {
      if (name === undefined || key === name) out.push(value);
      deepScan(name, value, out, depth + 1);
    }
  } else if (Array.isArray(node)) {
    for (const value of node) {
      if (name === undefined) out.push(value);
      deepScan(name, value, out, depth + 1);
    }
  }
}

function matches(filter: Extract<Segment, { kind: 'filter' }>, item: Value): boolean {
  let values: Value[] = [item];
  for (const segment of filter.path) {
    const next: Value[] = [];
    for (const v of values) step(segment, v, next);
    values = next;
  }
  if (values.length === 0) return false;
  const value = values[0] ?? null;
  if (filter.operator === undefined) return value !== null && value !== false;
  const operand = filter.operand;
  if (filter.operator === '==')
    return (
      javaEquals(value, operand) || (isNumber(value) && isNumber(operand) && numberOf(value) === numberOf(operand))
    );
  if (filter.operator === '!=')
    return !(
      javaEquals(value, operand) ||
      (isNumber(value) && isNumber(operand) && numberOf(value) === numberOf(operand))
    );
  if (isNumber(value) && isNumber(operand)) {
    const a = numberOf(value);
    const b = numberOf(operand);
    return filter.operator === '<'
      ? a < b
      : filter.operator === '<='
        ? a <= b
        : filter.operator === '>'
          ? a > b
          : a >= b;
  }
  if (typeof value === 'string' && typeof operand === 'string') {
    return filter.operator === '<'
      ? value < operand
      : filter.operator === '<='
        ? value <= operand
        : filter.operator === '>'
          ? value > operand
          : value >= operand;
  }
  return false;
}
