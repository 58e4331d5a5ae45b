// The methods a REST path answers, whichever method a request used: what a CORS preflight for that path allows.
import { routeMatcher } from './match.ts';
import type { RestRoute } from './routes.ts';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** Null for a path no route has. */
export type MethodsOf = (path: string) => string[] | null;

export function pathMethods(routes: RestRoute[]): MethodsOf {
  const match = routeMatcher(routes);
  return (path) => {
    const methods = METHODS.filter((method) => match(method, path) !== null);
    return methods.length === 0 ? null : methods;
  };
}
