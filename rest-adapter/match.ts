// Finds the REST route a request names, with find-my-way (Fastify's radix router), matching as express did: exact in
// case, one trailing slash optional, and a parameter a whole non-empty segment, percent-decoded. Fixed segments win
// over parameters. find-my-way matched 1.7× faster (median) than the list scan it replaced (BENCHMARKS.md, #28).
import FindMyWay, { type HTTPMethod } from 'find-my-way';
import type { RestRoute } from './routes.ts';

export interface RouteMatch {
  route: RestRoute;
  params: Record<string, string>;
}

/** The order an Allow header or a preflight lists methods in. */
const METHOD_ORDER = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

export interface RouteMatcher {
  /** The route `method` names at `path`, or null. */
  match(method: string, path: string): RouteMatch | null;
  /** The methods some route serves at `path` (HEAD with GET), for a 405's Allow; empty when no route has the path. */
  allowed(path: string): string[];
}

interface Store {
  route: RestRoute;
}

/**
 * Whether the route's fixed segments are written in `path` as they are, not percent-encoded: find-my-way decodes
 * the whole path before it matches, express never matched `/api/%69tems` to `/api/items`.
 */
function fixedSegmentsLiteral(route: RestRoute, path: string): boolean {
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  const segments = trimmed.slice(1).split('/');
  return route.segments.every((segment, i) => typeof segment !== 'string' || segment === segments[i]);
}

export function routeMatcher(routes: RestRoute[]): RouteMatcher {
  // No length limit on a parameter (find-my-way's default is 100): a long name is the procedure's 400, not a 404.
  const router = FindMyWay({
    caseSensitive: true,
    ignoreTrailingSlash: true,
    maxParamLength: Number.POSITIVE_INFINITY,
  });
  for (const route of routes) {
    const pattern = route.path.replace(/\{(\w+)\}/g, ':$1');
    // A HEAD request is answered by the GET route, whose body Node leaves out.
    const methods: HTTPMethod[] = route.method === 'get' ? ['GET', 'HEAD'] : [route.method.toUpperCase() as HTTPMethod];
    for (const method of methods) router.on(method, pattern, () => undefined, { route } satisfies Store);
  }

  function match(method: string, path: string): RouteMatch | null {
    // The path is what precedes `?`: find-my-way would also cut it at a `#`, which express kept in the segment.
    if (path.charCodeAt(0) !== 47 /* '/' */) return null;
    const given = path.includes('#') ? path.replaceAll('#', '%23') : path;
    const found = router.find(method as HTTPMethod, given);
    if (!found) return null;
    const { route } = found.store as Store;
    const params = found.params as Record<string, string>;
    for (const name in params) if (params[name] === '') return null;
    if (given.includes('%') && !fixedSegmentsLiteral(route, path)) return null;
    return { route, params: { ...params } };
  }

  return {
    match,
    allowed: (path) => METHOD_ORDER.filter((method) => match(method, path) !== null),
  };
}
