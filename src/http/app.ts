// The express application: request logging, tRPC over HTTP at /trpc, the REST families and their 404s.
import type { AnyRouter } from '@trpc/server';
import express, { type Express, type RequestHandler, type Router } from 'express';
import helmet from 'helmet';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import { restRouter, sendError, unknownRoute } from '#rest/index.ts';
import { createContext, type ContextDeps } from '../trpc/context.ts';
import type { MetricsAccess } from '../config.ts';
import type { Logger } from '../logger.ts';
import { metricsRouter } from './metrics-route.ts';
import { livePageRouter } from './live-page.ts';
import { clientAddress, rateLimit } from './rate-limit.ts';
import { requestLocals, requestLog } from './request-log.ts';

const TRPC_MAX_BODY = 1024 * 1024;

/** Aurora paths whose requests the rate limit never counts. */
const UNLIMITED = ['/health'];

/**
 * helmet's headers. Its CSP asks browsers to upgrade insecure requests, which over plain HTTP on a LAN address sends
 * every asset to an https port nobody serves, so that directive goes only with requests that came over TLS.
 */
function securityHeaders(): RequestHandler {
  const overTls = helmet();
  const overPlainHttp = helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } });
  return (req, res, next) => (req.secure ? overTls : overPlainHttp)(req, res, next);
}

export function createApp(
  router: AnyRouter,
  domainRoutes: Router[],
  deps: ContextDeps,
  log: Logger,
  metricsAccess: MetricsAccess,
): Express {
  const app = express();
  app.disable('x-powered-by');
  // Paths are exact: `/API/users` is no route, rather than a way around the rate limit.
  app.set('case sensitive routing', true);
  app.use(securityHeaders());
  app.use(requestLog(log, deps.services.metrics));
  app.use(metricsRouter(deps.services.metrics, metricsAccess));
  app.use(
    '/trpc',
    (_req, res, next) => {
      requestLocals(res).route = '/trpc';
      next();
    },
    createExpressMiddleware({
      router,
      maxBodySize: TRPC_MAX_BODY,
      createContext: ({ req, res }) => {
        const { log: requestLogger, requestId } = requestLocals(res);
        return createContext(deps, {
          headers: req.headers,
          address: clientAddress(req),
          transport: 'http',
          log: requestLogger,
          requestId,
        });
      },
      onError: ({ error, ctx, path }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR') (ctx?.log ?? log).error({ err: error, path }, 'procedure failed');
      },
    }),
  );
  // Aurora only: the game servers behind HubGW share a few addresses and must never be throttled as one client.
  app.use(/^\/api(?!\/v1(\/|$))/, rateLimit(deps.services.rateLimiter, UNLIMITED));
  app.use(livePageRouter());
  for (const routes of domainRoutes) app.use(routes);
  app.use(restRouter(router, deps));
  app.use(unknownRoute);
  app.use(sendError);
  return app;
}
