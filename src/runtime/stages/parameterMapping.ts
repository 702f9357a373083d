import { contextValues, firstHeader } from '../requestContext';
import type { Exchange, IntegrationCall } from '../types';

/**
 * Request parameter mapping. REST: `integration.request.(header|querystring|path).NAME` from
 * `method.request.(header|querystring|path|multivalueheader|multivaluequerystring).NAME`, `method.request.body`
 * (optionally with a JSONPath), `'literal'`, `stageVariables.NAME` or `context.NAME`. HTTP APIs:
 * `(append|overwrite|remove):(header|querystring).NAME` and `overwrite:path` from `$request.*`, `$context.*`,
 * `$stageVariables.*` and static text.
 */
export function applyRequestParameters(ex: Exchange, call: IntegrationCall, mappings: Record<string, unknown>): void {
  for (const target in mappings) {
    const source = mappings[target];
    if (typeof source !== 'string') continue;
    if (ex.served.api.type === 'REST') applyRest(ex, call, target, source);
    else applyHttp(ex, call, target, source);
  }
}

function applyRest(ex: Exchange, call: IntegrationCall, target: string, source: string): void {
  const t = /^integration\.request\.(header|querystring|path)\.(.+)$/.exec(target);
  if (!t) return;
  const value = restSource(ex, source);
  if (value === undefined) return;
  const name = t[2]!;
  if (t[1] === 'header') call.headers[name] = value;
  else if (t[1] === 'querystring') call.query[name] = [value];
  else call.pathParameters[name] = value;
}

export function restSource(ex: Exchange, source: string): string | undefined {
  const literal = /^'(.*)'$/s.exec(source);
  if (literal) return literal[1];
  const m = /^method\.request\.(header|querystring|path|multivalueheader|multivaluequerystring)\.(.+)$/.exec(source);
  if (m) {
    const name = m[2]!;
    switch (m[1]) {
      case 'header':
        return firstHeader(ex.request.headers, name);
      case 'multivalueheader':
        return ex.request.headers[name.toLowerCase()]?.join(',');
      case 'querystring':
        return ex.query[name]?.[0];
      case 'multivaluequerystring':
        return ex.query[name]?.join(',');
      default:
        return ex.match?.pathParameters[name];
    }
  }
  if (source === 'method.request.body') return ex.request.body.toString('utf8');
  const jsonPath = /^method\.request\.body\.(.+)$/.exec(source)?.[1];
  if (jsonPath !== undefined) return bodyPath(ex, jsonPath);
  const stageVariable = /^stageVariables\.(.+)$/.exec(source)?.[1];
  if (stageVariable !== undefined) return ex.served.stageVariables[stageVariable];
  const context = /^context\.(.+)$/.exec(source)?.[1];
  if (context !== undefined) return contextPath(ex, context);
  return undefined;
}

function applyHttp(ex: Exchange, call: IntegrationCall, target: string, source: string): void {
  const t = /^(append|overwrite|remove):(header|querystring|path)(?:\.(.+))?$/.exec(target);
  if (!t) return;
  const [, action, where, rawName] = t;
  if (where === 'path') {
    if (action === 'overwrite') call.pathOverride = httpValue(ex, source);
    return;
  }
  const name = where === 'header' ? rawName?.toLowerCase() : rawName;
  if (name === undefined) return;
  if (where === 'header') {
    if (action === 'remove') delete call.headers[name];
    else if (action === 'overwrite' || call.headers[name] === undefined) call.headers[name] = httpValue(ex, source);
    else call.headers[name] = `${call.headers[name]},${httpValue(ex, source)}`;
    return;
  }
  if (action === 'remove') delete call.query[name];
  else if (action === 'overwrite') call.query[name] = [httpValue(ex, source)];
  else (call.query[name] ??= []).push(httpValue(ex, source));
}

/** `$request.header.x`, `$request.querystring.x`, `$request.path.x`, `$request.path`, `$request.body.x`, `${context.x}`... in text. */
function httpValue(ex: Exchange, source: string): string {
  return source.replace(
    /\$\{?(request\.(?:header|querystring|path|multivalueheader|multivaluequerystring|body)(?:\.[A-Za-z0-9_.\-$[\]]+)?|context\.[A-Za-z0-9_.]+|stageVariables\.[A-Za-z0-9_]+)\}?/g,
    (_, expr: string) => {
      const [kind, where, ...rest] = expr.split('.');
      const name = rest.join('.');
      if (kind === 'context') return contextPath(ex, [where, ...rest].join('.')) ?? '';
      if (kind === 'stageVariables') return ex.served.stageVariables[where ?? ''] ?? '';
      if (where === 'path') return name === '' ? ex.path : (ex.match?.pathParameters[name] ?? '');
      if (where === 'header') return firstHeader(ex.request.headers, name) ?? '';
      if (where === 'multivalueheader') return ex.request.headers[name.toLowerCase()]?.join(',') ?? '';
      if (where === 'querystring') return ex.query[name]?.[0] ?? '';
      if (where === 'multivaluequerystring') return ex.query[name]?.join(',') ?? '';
      return name === '' ? ex.request.body.toString('utf8') : (bodyPath(ex, name) ?? '');
    },
  );
}

function contextPath(ex: Exchange, dotted: string): string | undefined {
  let value: unknown = contextValues(ex);
  for (const part of dotted.split('.'))
    value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A simple JSONPath into the JSON body (`$.a.b`, `a.b`, `a[0]`). */
function bodyPath(ex: Exchange, jsonPath: string): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(ex.request.body.toString('utf8'));
  } catch {
    return undefined;
  }
  const parts = jsonPath
    .replace(/^\$\.?/, '')
    .split(/\.|\[(\d+)\]/)
    .filter((p) => p !== undefined && p !== '');
  for (const part of parts)
    value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
  return value === undefined ? undefined : typeof value === 'string' ? value : JSON.stringify(value);
}
