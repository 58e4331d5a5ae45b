// The express application: request logging, tRPC over HTTP at /trpc, the REST families and their 404s.
import type { AnyRouter } from '@trpc/server';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import { restRouter, sendError, unknownRoute } from '#rest/index.ts';
import { createContext, type ContextDeps } from '../trpc/context.ts';
import type { Logger } from '../logger.ts';
import { rateLimit, type RateLimitOptions } from './rate-limit.ts';
import { requestLocals, requestLog } from './request-log.ts';

const TRPC_MAX_BODY = 1024 * 1024;

export function createApp(router: AnyRouter, deps: ContextDeps, log: Logger, limits: RateLimitOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(helmet());
  app.use(requestLog(log));
  app.use(
    '/trpc',
    createExpressMiddleware({
      router,
      maxBodySize: TRPC_MAX_BODY,
      createContext: ({ req, res }) => {
        const { log: requestLogger, requestId } = requestLocals(res);
        return createContext(deps, req.headers, requestLogger, requestId);
      },
      onError: ({ error, ctx, path }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR') (ctx?.log ?? log).error({ err: error, path }, 'procedure failed');
      },
    }),
  );
  // Aurora only: the game servers behind HubGW share a few addresses and must never be throttled as one client.
  app.use(/^\/api(?!\/v1(\/|$))/, rateLimit(limits));
  app.use(restRouter(router, deps));
  app.use(unknownRoute);
  app.use(sendError);
  return app;
}
