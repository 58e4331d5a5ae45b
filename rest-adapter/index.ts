// The REST families: their routes, served ahead of express, and the OpenAPI document and reference page, on express.
import type { AnyRouter } from '@trpc/server';
import { Router } from 'express';
import type { ContextDeps } from '#src/trpc/context.ts';
import { docsRouter } from './docs.ts';
import { restHandler, type RestHandler, type RestHandlerOptions } from './handler.ts';
import { buildOpenApiDocument } from './openapi.ts';
import { type MethodsOf, pathMethods } from './path-methods.ts';
import { collectRoutes } from './routes.ts';

export { sendError, sendRestError, unknownRoute } from './errors.ts';
export type { RestHandler };

export interface RestAdapter {
  routes: RestHandler;
  /** The methods a REST path answers, for CORS preflights. */
  methods: MethodsOf;
  /** `/openapi.json` and `/docs`. */
  documents: Router;
}

export function restAdapter(appRouter: AnyRouter, deps: ContextDeps, options: RestHandlerOptions): RestAdapter {
  const routes = collectRoutes(appRouter);
  const document = buildOpenApiDocument(appRouter, routes);
  const documents = Router({ caseSensitive: true });
  documents.get('/openapi.json', (_req, res) => res.json(document));
  documents.use(docsRouter());
  return { routes: restHandler(appRouter, routes, deps, options), methods: pathMethods(routes), documents };
}
