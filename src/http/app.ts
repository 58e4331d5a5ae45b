// The HTTP request listener: every request is logged, gets the security headers and passes the browser guard and CORS;
// tRPC over HTTP at /trpc and the REST routes are answered on the bare Node request, and express serves the rest: the
// pages, the documents, and 404s.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { AnyRouter } from '@trpc/server';
import express, { type Router } from 'express';
import { restAdapter, sendError, sendRestError, unknownRoute } from '#rest/index.ts';
import { createContext, type ContextDeps } from '../trpc/context.ts';
import type { BrowserPolicy, MetricsAccess } from '../config.ts';
import type { Logger } from '../logger.ts';
import { browserGuard } from './browser-guard.ts';
import { corsHandler } from './cors.ts';
import { familyOf } from './families.ts';
import { metricsRouter } from './metrics-route.ts';
import { livePageRouter } from './live-page.ts';
import { clientAddress, rateLimit } from './rate-limit.ts';
import { requestLocals, requestLog } from './request-log.ts';
import { securityHeaders } from './security-headers.ts';
import { isTrpcUrl, trpcHttpHandler } from './trpc-http.ts';

const TRPC_MAX_BODY = 1024 * 1024;
const TRPC_METHODS = ['GET', 'POST'];

/** Paths whose requests the rate limit never counts: the health routes and the probes. */
const UNLIMITED = ['/api/health', '/livez', '/readyz'];

function pathOf(url: string): string {
  return url.split('?', 1)[0]!;
}

function expressApp(documents: Router, domainRoutes: Router[], deps: ContextDeps, metricsAccess: MetricsAccess) {
  const app = express();
  app.disable('x-powered-by');
  // Paths are exact: `/API/users` is no route, rather than a way around the rate limit.
  app.set('case sensitive routing', true);
  app.use(metricsRouter(deps.services.metrics, metricsAccess));
  // Aurora only: the game servers behind HubGW share a few addresses and must never be throttled as one client.
  app.use(/^\/api(?!\/v1(\/|$))/, rateLimit(deps.services.rateLimiter, UNLIMITED));
  app.use(livePageRouter());
  for (const routes of domainRoutes) app.use(routes);
  app.use(documents);
  app.use(unknownRoute);
  app.use(sendError);
  return app;
}

export function createRequestListener(
  router: AnyRouter,
  domainRoutes: Router[],
  deps: ContextDeps,
  log: Logger,
  metricsAccess: MetricsAccess,
  browsers: BrowserPolicy,
): RequestListener {
  const startRequest = requestLog(log, deps.services.metrics);
  const secure = securityHeaders();
  const rest = restAdapter(router, deps, { unlimited: UNLIMITED });
  const app = expressApp(rest.documents, domainRoutes, deps, metricsAccess);
  const trpc = trpcHttpHandler({
    router,
    maxBodySize: TRPC_MAX_BODY,
    log: (res) => requestLocals(res).log,
    createContext: (req: IncomingMessage, res: ServerResponse) => {
      const locals = requestLocals(res);
      return createContext(deps, {
        headers: req.headers,
        address: clientAddress(req),
        transport: 'http',
        log: locals.log,
        requestId: locals.requestId,
      });
    },
  });
  const guard = browserGuard(browsers);
  const allowCors = corsHandler(browsers.corsOrigins, (url) =>
    isTrpcUrl(url) ? TRPC_METHODS : rest.methods(pathOf(url)),
  );
  return (req, res) => {
    const locals = startRequest(req, res);
    secure(req, res);
    const url = req.url ?? '/';
    const trpcCall = isTrpcUrl(url);
    if (trpcCall) locals.route = '/trpc';
    const refusal = guard.request(req);
    // Refused in the format of whoever would have answered: tRPC's envelope, or the path's family's body.
    if (refusal && trpcCall) trpc(req, res, refusal);
    else if (refusal) sendRestError(refusal, res, familyOf(pathOf(url)), locals.log);
    else
      allowCors(req, res, () => {
        if (trpcCall) trpc(req, res);
        else if (!rest.routes(req, res, locals)) app(req, res);
      });
  };
}
