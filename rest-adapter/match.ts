// Finds the REST route a request names, matching as express did: exact in case, one trailing slash optional, and a
// parameter a whole non-empty segment, percent-decoded. Routes come sorted, so fixed segments win over parameters.
import type { RestRoute } from './routes.ts';

export interface RouteMatch {
  route: RestRoute;
  params: Record<string, string>;
}

/** Null when the segment is not valid percent-encoding; express answers that request, as it always has. */
function decoded(segment: string): string | null {
  if (!segment.includes('%')) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

function matchSegments(route: RestRoute, segments: string[]): Record<string, string> | null {
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const expected = route.segments[i]!;
    const given = segments[i]!;
    if (typeof expected === 'string') {
      if (expected !== given) return null;
      continue;
    }
    if (given === '') return null;
    const value = decoded(given);
    if (value === null) return null;
    params[expected.name] = value;
  }
  return params;
}

/** The order an Allow header or a preflight lists methods in. */
const METHOD_ORDER = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

export interface RouteMatcher {
  /** The route `method` names at `path`, or null. */
  match(method: string, path: string): RouteMatch | null;
  /** The methods some route serves at `path` (HEAD with GET), for a 405's Allow; empty when no route has the path. */
  allowed(path: string): string[];
}

function segmentsOf(path: string): string[] {
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  return trimmed.slice(1).split('/');
}

function matchIn(candidates: RestRoute[], segments: string[]): RouteMatch | null {
  for (const route of candidates) {
    if (route.segments.length !== segments.length) continue;
    const params = matchSegments(route, segments);
    if (params) return { route, params };
  }
  return null;
}

export function routeMatcher(routes: RestRoute[]): RouteMatcher {
  const byMethod = new Map<string, RestRoute[]>();
  for (const route of routes) {
    const method = route.method.toUpperCase();
    const same = byMethod.get(method) ?? [];
    same.push(route);
    byMethod.set(method, same);
  }
  // A HEAD request is answered by the GET route, whose body Node leaves out.
  byMethod.set('HEAD', byMethod.get('GET') ?? []);
  return {
    match(method, path) {
      const candidates = byMethod.get(method);
      return candidates ? matchIn(candidates, segmentsOf(path)) : null;
    },
    allowed(path) {
      const segments = segmentsOf(path);
      return METHOD_ORDER.filter((method) => matchIn(byMethod.get(method) ?? [], segments));
    },
  };
}
