// Serves one REST route: checks the family's credential, reads the input, calls the procedure, writes the status.
import { callTRPCProcedure, type AnyRouter } from '@trpc/server';
import type { Request, RequestHandler } from 'express';
import { z } from 'zod';
import { accessRefusal } from '#src/auth.ts';
import { createContext, type ContextDeps } from '#src/trpc/context.ts';
import { clientAddress } from '#src/http/rate-limit.ts';
import { requestLocals } from '#src/http/request-log.ts';
import { callContext, keepCallContext } from './call-context.ts';
import { withoutAbsentNulls, withoutBlankParameters } from './lenient-input.ts';
import type { RestRoute } from './routes.ts';

/** Runs before the body is read, so a caller without credentials never gets its body parsed. */
export function authenticate(route: RestRoute, deps: ContextDeps): RequestHandler {
  return (req, res, next) => {
    const locals = requestLocals(res);
    const { log, requestId } = locals;
    locals.route = route.documentPath;
    const context = createContext(deps, {
      headers: req.headers,
      address: clientAddress(req),
      transport: 'rest',
      log,
      requestId,
    });
    keepCallContext(res, context);
    if (route.protect && !context.identity[route.family]) {
      // Refused before the procedure runs, so counted here as the call's outcome.
      const refusal = accessRefusal(route.family);
      deps.services.metrics.countCall(route.procedurePath, 'rest', refusal);
      throw refusal;
    }
    next();
  };
}

/**
 * Path parameters win over body fields, body fields over query fields; a JSON array body is the input itself. A
 * route without input ignores whatever comes (a cache-buster, a `{}` body); blank query parameters and nulls that
 * mean "not given" are dropped (see lenient-input.ts).
 */
function inputOf(route: RestRoute, req: Request): unknown {
  if (route.input === null) return undefined;
  const body: unknown = req.body;
  const params = req.params as Record<string, string>;
  const query = withoutBlankParameters(req.query as Record<string, unknown>);
  const hasObjectBody = typeof body === 'object' && body !== null && !Array.isArray(body);
  let input: unknown;
  if (Array.isArray(body)) input = body;
  // An object input gets `{}` even from a request with no parameters at all.
  else if (
    !(route.input instanceof z.ZodObject) &&
    !hasObjectBody &&
    Object.keys(params).length === 0 &&
    Object.keys(query).length === 0
  )
    input = undefined;
  else input = { ...query, ...(hasObjectBody ? body : {}), ...params };
  return withoutAbsentNulls(route.input, input);
}

export function invoke(route: RestRoute, router: AnyRouter): RequestHandler {
  return async (req, res) => {
    const input = inputOf(route, req);
    const context = callContext(res);
    let result: unknown;
    try {
      result = await callTRPCProcedure({
        router,
        path: route.procedurePath,
        type: route.type,
        ctx: context,
        getRawInput: async () => input,
        signal: undefined,
        batchIndex: 0,
      });
    } finally {
      // An upload the procedure did not install (it failed, or never asked for one) must not stay on disk.
      if (context.upload) await context.services.uploads.discard(context.upload.tempPath);
    }
    if (route.status === 204) {
      res.status(204).end();
      return;
    }
    // Written directly: express's send() would also weigh ETags and freshness, which API responses never use.
    const body = JSON.stringify(result);
    res
      .writeHead(route.status, {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Length': Buffer.byteLength(body),
      })
      .end(body);
  };
}
