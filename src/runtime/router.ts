import type { GatewayApi, Route } from '../model';
import type { MatchedRoute } from './types';

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
}

type Segment = { kind: 'literal'; text: string } | { kind: 'param'; name: string } | { kind: 'greedy'; name: string };

export class Router {
  private readonly compiled: Compiled[];
  private readonly defaultRoute: Route | undefined;

  constructor(api: GatewayApi) {
    this.compiled = api.routes
      .filter((r) => r.path.startsWith('/'))
      .map((route) => {
        const segments = parseTemplate(route.path);
        return { route, segments, score: segments.map(rank) };
      });
    this.defaultRoute = api.type === 'HTTP' ? api.routes.find((r) => r.path === '$default') : undefined;
  }

  match(method: string, path: string): RouteOutcome {
    const parts = splitPath(path);
    const candidates: { c: Compiled; params: Record<string, string> }[] = [];
    for (const c of this.compiled) {
      const params = matchSegments(c.segments, parts);
      if (params !== undefined) candidates.push({ c, params });
    }
    if (candidates.length > 1) candidates.sort((a, b) => compareScores(a.c.score, b.c.score));
    const upper = method.toUpperCase();
    for (const { c, params } of candidates) {
      if (c.route.method === upper) return this.matched(c.route, params);
    }
    for (const { c, params } of candidates) {
      if (c.route.method === 'ANY') return this.matched(c.route, params);
    }
    if (this.defaultRoute !== undefined) return this.matched(this.defaultRoute, {});
    const first = candidates[0];
    return first === undefined ? { kind: 'noRoute' } : { kind: 'noMethod', path: first.c.route.path };
  }

  private matched(route: Route, pathParameters: Record<string, string>): RouteOutcome {
    const routeKey = route.path === '$default' ? '$default' : `${route.method} ${route.path}`;
    return { kind: 'matched', match: { route, resourcePath: route.path, routeKey, pathParameters } };
  }
}

function parseTemplate(template: string): Segment[] {
  return splitPath(template).map((text): Segment => {
    const param = /^\{([^}]+)\}$/.exec(text)?.[1];
    if (param === undefined) return { kind: 'literal', text };
    return param.endsWith('+') ? { kind: 'greedy', name: param.slice(0, -1) } : { kind: 'param', name: param };
  });
}

function splitPath(path: string): string[] {
  return path.split('/').filter((s) => s !== '');
}

function matchSegments(segments: Segment[], parts: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
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
