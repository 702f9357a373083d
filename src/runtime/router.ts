import type { GatewayApi, Route } from '../model';
import { upperCase } from './text';
import type { MatchedRoute } from './types';
import { fastDict } from './fastDict';

/**
 * Routing as API Gateway does it. A path template's segments are literals, `{name}` (one segment) or a final
 * `{name+}` (one or more segments). Among the routes whose path matches, the most specific wins: segment by
 * segment a literal beats a parameter, which beats a greedy parameter; then an exact method beats `ANY`.
 * HTTP APIs fall back to the `$default` route.
 */
export type RouteOutcome =
  { kind: 'matched'; match: MatchedRoute } | { kind: 'noRoute' } | { kind: 'noMethod'; path: string };

interface Compiled {
  route: Route;
  segments: Segment[];
  /** Specificity, segment by segment (see compareScores). */
  score: number[];
  /** Whether the last segment is greedy (else only paths with as many segments can match). */
  greedy: boolean;
  routeKey: string;
}

type Segment = { kind: 'literal'; text: string } | { kind: 'param'; name: string } | { kind: 'greedy'; name: string };

export class Router {
  private readonly compiled: Compiled[];
  /**
   * Routes whose segments are all literal, by their segments joined with '/' (in definition order): a path
   * that matches one exactly has no more specific route, so one with the request's own method wins at once.
   */
  private readonly literal = new Map<string, Compiled[]>();
  private readonly defaultRoute: Route | undefined;
  /** The last request that matched a literal route: the same method and path match it again without a look-up. */
  private last: { method: string; path: string; c: Compiled } | undefined;

  constructor(api: GatewayApi) {
    this.compiled = api.routes
      .filter((r) => r.path.startsWith('/'))
      .map((model) => {
        const route = fastRoute(model);
        const segments = parseTemplate(route.path);
        return {
          route,
          segments,
          score: segments.map(rank),
          greedy: segments.at(-1)?.kind === 'greedy',
          routeKey: routeKeyOf(route),
        };
      });
    for (const c of this.compiled) {
      if (!c.segments.every((s) => s.kind === 'literal')) continue;
      const key = `/${c.segments.map((s) => (s.kind === 'literal' ? s.text : '')).join('/')}`;
      const list = this.literal.get(key);
      if (list === undefined) this.literal.set(key, [c]);
      else list.push(c);
    }
    const defaultRoute = api.type === 'HTTP' ? api.routes.find((r) => r.path === '$default') : undefined;
    this.defaultRoute = defaultRoute === undefined ? undefined : fastRoute(defaultRoute);
  }

  match(method: string, path: string): RouteOutcome {
    const last = this.last;
    if (last !== undefined && last.path === path && last.method === method) {
      return matched(last.c.route, last.c.routeKey, {});
    }
    const upper = upperCase(method);
    const exact = this.literal.get(literalKey(path));
    if (exact !== undefined) {
      for (const c of exact) {
        if (c.route.method !== upper) continue;
        this.last = { method, path, c };
        return matched(c.route, c.routeKey, {});
      }
    }
    const parts = splitPath(path);
    const candidates: { c: Compiled; params: Record<string, string> }[] = [];
    for (const c of this.compiled) {
      if (!c.greedy && c.segments.length !== parts.length) continue;
      const params = matchSegments(c.segments, parts);
      if (params !== undefined) candidates.push({ c, params });
    }
    if (candidates.length > 1) candidates.sort((a, b) => compareScores(a.c.score, b.c.score));
    for (const { c, params } of candidates) {
      if (c.route.method === upper) return matched(c.route, c.routeKey, params);
    }
    for (const { c, params } of candidates) {
      if (c.route.method === 'ANY') return matched(c.route, c.routeKey, params);
    }
    if (this.defaultRoute !== undefined) return matched(this.defaultRoute, '$default', {});
    const first = candidates[0];
    return first === undefined ? { kind: 'noRoute' } : { kind: 'noMethod', path: first.c.route.path };
  }
}

/**
 * A copy of a route (its integration and integration responses too) whose fields the engine reads fast: the
 * model drops undefined fields with `delete`, which leaves its objects in dictionary mode, slow to read on
 * every request. Matches hand out the copy; nothing in the runtime compares routes by identity.
 */
function fastRoute(route: Route): Route {
  const integration = route.integration;
  if (integration === undefined) return { ...route };
  return { ...route, integration: { ...integration, responses: integration.responses.map((r) => ({ ...r })) } };
}

function routeKeyOf(route: Route): string {
  return route.path === '$default' ? '$default' : `${route.method} ${route.path}`;
}

function matched(route: Route, routeKey: string, pathParameters: Record<string, string>): RouteOutcome {
  return { kind: 'matched', match: { route, resourcePath: route.path, routeKey, pathParameters } };
}

/**
 * The path as `literal` is keyed: '/' and its segments joined with '/'. Most paths already are (one leading
 * slash, no empty segment, no trailing slash): they are their own key, without splitting or a new string.
 */
function literalKey(path: string): string {
  const last = path.length - 1;
  let clean = path.charCodeAt(0) === 47 && (last === 0 || path.charCodeAt(last) !== 47);
  for (let i = 1; clean && i < last; i++) if (path.charCodeAt(i) === 47 && path.charCodeAt(i + 1) === 47) clean = false;
  return clean ? path : `/${splitPath(path).join('/')}`;
}

function parseTemplate(template: string): Segment[] {
  return splitPath(template).map((text): Segment => {
    const param = /^\{([^}]+)\}$/.exec(text)?.[1];
    if (param === undefined) return { kind: 'literal', text };
    return param.endsWith('+') ? { kind: 'greedy', name: param.slice(0, -1) } : { kind: 'param', name: param };
  });
}

/** The path's non-empty segments (one pass, without the array of empty ones `split` would make first). */
function splitPath(path: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i <= path.length; i++) {
    if (i === path.length || path.charCodeAt(i) === 47) {
      if (i > start) parts.push(path.slice(start, i));
      start = i + 1;
    }
  }
  return parts;
}

function matchSegments(segments: Segment[], parts: string[]): Record<string, string> | undefined {
  // Named by the definition: a fast record (templates, mappings and the integration request go through it).
  const params = fastDict<string>();
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const part = parts[i];
    if (segment.kind === 'greedy') {
      if (part === undefined || i !== segments.length - 1) return undefined;
      params[segment.name] = parts.slice(i).join('/');
      return params;
    }
    if (part === undefined) return undefined;
    if (segment.kind === 'literal' && segment.text !== part) return undefined;
    if (segment.kind === 'param') params[segment.name] = part;
  }
  return parts.length === segments.length ? params : undefined;
}

function rank(segment: Segment): number {
  return segment.kind === 'literal' ? 0 : segment.kind === 'param' ? 1 : 2;
}

/** Lower is more specific: compared segment by segment, and a longer literal match wins. */
function compareScores(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 3;
    const y = b[i] ?? 3;
    if (x !== y) return x - y;
  }
  return 0;
}
