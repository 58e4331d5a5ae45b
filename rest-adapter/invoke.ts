// One REST call: checks the route's credential, reads the input, calls the procedure, writes the status.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import { callTRPCProcedure, type AnyRouter } from '@trpc/server';
import { z } from 'zod';
import { accessRefusal } from '#src/auth.ts';
import { createContext, type Context, type ContextDeps } from '#src/trpc/context.ts';
import type { RequestLocals } from '#src/http/request-log.ts';
import { withoutAbsentNulls, withoutBlankParameters } from './lenient-input.ts';
import type { RestRoute } from './routes.ts';
import { sendJson } from './send-json.ts';

/** The call's context; refused here, before the body is read, so a caller without credentials never has it parsed. */
export function authenticate(
  route: RestRoute,
  deps: ContextDeps,
  req: IncomingMessage,
  { log, requestId, client }: RequestLocals,
): Context {
  const context = createContext(deps, {
    headers: req.headers,
    address: client,
    transport: 'rest',
    log,
    requestId,
  });
  const { credential } = route.policy;
  if (credential !== null && !context.identity[credential]) {
    // Refused before the procedure runs, so counted here as the call's outcome.
    const refusal = accessRefusal(credential);
    deps.services.metrics.countCall(route.procedurePath, 'rest', refusal);
    throw refusal;
  }
  return context;
}

/**
 * Path parameters win over body fields, body fields over query fields; a JSON array body is the input itself. A
 * route without input ignores whatever comes (a cache-buster, a `{}` body); blank query parameters and nulls that
 * mean "not given" are dropped (see lenient-input.ts).
 */
export function inputOf(route: RestRoute, search: string, params: Record<string, string>, body: unknown): unknown {
  if (route.input === null) return undefined;
  const query = withoutBlankParameters(parseQuery(search));
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

export async function invoke(
  route: RestRoute,
  router: AnyRouter,
  context: Context,
  input: unknown,
  res: ServerResponse,
): Promise<void> {
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
    // A received file has served its call (its procedure read what it keeps), whatever the outcome.
    if (context.upload) await context.services.uploads.discard(context.upload.tempPath);
  }
  if (route.status === 204) {
    res.writeHead(204).end();
    return;
  }
  sendJson(res, route.status, result);
}
