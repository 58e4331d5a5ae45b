// Serves the REST routes on the bare Node request, ahead of express: the route, its rate limit, the credential, the
// body, the call, and the family's error body when any of them fails.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AnyRouter } from '@trpc/server';
import type { ContextDeps } from '#src/trpc/context.ts';
import { limitRequest } from '#src/http/rate-limit.ts';
import type { RequestLocals } from '#src/http/request-log.ts';
import { readBody } from './body.ts';
import type { ErrorFormat } from './error-format.ts';
import { methodNotAllowed, sendRestError } from './errors.ts';
import { authenticate, inputOf, invoke } from './invoke.ts';
import type { RouteMatch, RouteMatcher } from './match.ts';

export interface ErrorFormatLookup {
  /** The format of a route's family. */
  ofFamily(family: string): ErrorFormat;
  /** The format of the family a path no route serves belongs to. */
  ofPath(path: string): ErrorFormat;
}

/** Answers the request and returns true when a REST route matches it; returns false, untouched, when none does. */
export type RestHandler = (req: IncomingMessage, res: ServerResponse, locals: RequestLocals) => boolean;

export function restHandler(
  router: AnyRouter,
  matcher: RouteMatcher,
  deps: ContextDeps,
  formats: ErrorFormatLookup,
): RestHandler {
  async function serve(
    { route, params }: RouteMatch,
    search: string,
    req: IncomingMessage,
    res: ServerResponse,
    locals: RequestLocals,
  ): Promise<void> {
    if (route.policy.rateLimited) {
      const refusal = await limitRequest(deps.services.rateLimiter, locals.client, res);
      if (refusal) throw refusal;
    }
    const context = authenticate(route, deps, req, locals);
    const { body, upload } = await readBody(route, req, res, deps.services);
    // Only the adapter puts a received file in a call's context, and only in the context of the call that received it.
    await invoke(route, router, upload ? { ...context, upload } : context, inputOf(route, search, params, body), res);
  }

  return (req, res, locals) => {
    const url = req.url ?? '/';
    const query = url.indexOf('?');
    const path = query === -1 ? url : url.slice(0, query);
    const search = query === -1 ? '' : url.slice(query + 1);
    const method = req.method ?? 'GET';
    const found = matcher.match(method, path);
    if (!found) {
      const allowed = matcher.allowed(path);
      if (allowed.length === 0) return false;
      locals.route = '(method not allowed)';
      res.setHeader('Allow', allowed.join(', '));
      sendRestError(methodNotAllowed(method, path, allowed), res, formats.ofPath(path), locals.log);
      return true;
    }
    locals.route = found.route.documentPath;
    serve(found, search, req, res, locals).catch((error: unknown) =>
      sendRestError(error, res, formats.ofFamily(found.route.family), locals.log),
    );
    return true;
  };
}
