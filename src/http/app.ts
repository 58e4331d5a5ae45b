// The HTTP request listener: every request is logged, gets the security headers and passes the browser guard and CORS;
// tRPC over HTTP at /trpc and the transport's routes are answered on the bare Node request, and express serves the
// rest: the metrics, the pages, the transport's documents, and 404s.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { AnyRouter } from '@trpc/server';
import express, { type ErrorRequestHandler, type RequestHandler, type Router } from 'express';
import { createContext, type ContextDeps } from '../trpc/context.ts';
import type { PolicyTable } from '../trpc/policy-table.ts';
import type { BrowserPolicy, MetricsAccess } from '../config.ts';
import type { Logger } from '../logger.ts';
import { browserGuard } from './browser-guard.ts';
import { corsHandler } from './cors.ts';
import { metricsRouter } from './metrics-route.ts';
import { limitRequest } from './rate-limit.ts';
import { requestLocals, requestLog } from './request-log.ts';
import { securityHeaders } from './security-headers.ts';
import type { HttpTransport } from './transport.ts';
import { isTrpcUrl, trpcHttpHandler } from './trpc-http.ts';

const TRPC_MAX_BODY = 1024 * 1024;
const TRPC_METHODS = ['GET', 'POST'];

export interface RequestListenerSetup {
  router: AnyRouter;
  policies: PolicyTable;
  transport: HttpTransport;
  /** Express routes served ahead of the transport's fallback: the live page, the domain's files. */
  pages: Router[];
  deps: ContextDeps;
  log: Logger;
  metricsAccess: MetricsAccess;
  browsers: BrowserPolicy;
}

function pathOf(url: string): string {
  return url.split('?', 1)[0]!;
}

/** A request no route serves is counted when its path lies in a family whose calls are counted. */
function limitUnrouted(policies: PolicyTable, deps: ContextDeps): RequestHandler {
  return (req, res, next) => {
    if (!policies.limitsUnrouted(req.path)) return next();
    limitRequest(deps.services.rateLimiter, requestLocals(res).client, res).then(
      (refusal) => next(refusal ?? undefined),
      next,
    );
  };
}

function expressApp({ policies, transport, pages, deps, metricsAccess }: RequestListenerSetup) {
  const app = express();
  app.disable('x-powered-by');
  // Paths are exact: `/API/users` is no route, rather than a way around the rate limit.
  app.set('case sensitive routing', true);
  app.use(metricsRouter(deps.services.metrics, metricsAccess));
  app.use(limitUnrouted(policies, deps));
  for (const page of pages) app.use(page);
  app.use(transport.fallback);
  // At the top, not inside the fallback: express hands an error only to error handlers it has not passed yet.
  app.use(((error, req, res, _next) =>
    transport.refuse(error, req.path, res, requestLocals(res).log)) satisfies ErrorRequestHandler);
  return app;
}

export function createRequestListener(setup: RequestListenerSetup): RequestListener {
  const { router, transport, deps, log, browsers } = setup;
  const startRequest = requestLog(log, deps.services.metrics, setup.policies, deps.services.clientAddress);
  const secure = securityHeaders();
  const app = expressApp(setup);
  const trpc = trpcHttpHandler({
    router,
    maxBodySize: TRPC_MAX_BODY,
    log: (res) => requestLocals(res).log,
    createContext: (req: IncomingMessage, res: ServerResponse) => {
      const locals = requestLocals(res);
      return createContext(deps, {
        headers: req.headers,
        address: locals.client,
        transport: 'http',
        log: locals.log,
        requestId: locals.requestId,
      });
    },
  });
  const guard = browserGuard(browsers);
  const allowCors = corsHandler(browsers.corsOrigins, (url) =>
    isTrpcUrl(url) ? TRPC_METHODS : transport.methods(pathOf(url)),
  );
  return (req, res) => {
    const locals = startRequest(req, res);
    secure(req, res);
    const url = req.url ?? '/';
    const trpcCall = isTrpcUrl(url);
    if (trpcCall) locals.route = '/trpc';
    const refusal = guard.request(req);
    // Refused in the format of whoever would have answered: tRPC's envelope, or the transport's for the path.
    if (refusal && trpcCall) trpc(req, res, refusal);
    else if (refusal) transport.refuse(refusal, pathOf(url), res, locals.log);
    else
      allowCors(req, res, () => {
        if (trpcCall) trpc(req, res);
        else if (!transport.serve(req, res, locals)) app(req, res);
      });
  };
}
