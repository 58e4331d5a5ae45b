// The REST families: their routes, served ahead of express, and the OpenAPI document and reference page, on express.
import { createHash } from 'node:crypto';
import type { AnyRouter } from '@trpc/server';
import { Router } from 'express';
import type { ContextDeps } from '#src/trpc/context.ts';
import { docsRouter } from './docs.ts';
import { restHandler, type RestHandler, type RestHandlerOptions } from './handler.ts';
import { buildOpenApiDocument } from './openapi.ts';
import { routeMatcher } from './match.ts';
import { collectRoutes } from './routes.ts';

export { sendError, sendRestError, unknownRoute } from './errors.ts';
export type { RestHandler };

export interface RestAdapter {
  routes: RestHandler;
  /** The methods a REST path answers, for CORS preflights; null for a path no route has. */
  methods: (path: string) => string[] | null;
  /** `/openapi.json` and `/docs`. */
  documents: Router;
}

export function restAdapter(appRouter: AnyRouter, deps: ContextDeps, options: RestHandlerOptions): RestAdapter {
  const routes = collectRoutes(appRouter);
  const document = buildOpenApiDocument(appRouter, routes);
  // The document never changes while the server runs: serialised and tagged once, then every answer shares one buffer.
  const serialised = Buffer.from(JSON.stringify(document));
  const etag = `"${createHash('sha256').update(serialised).digest('base64url')}"`;
  const documents = Router({ caseSensitive: true });
  documents.get('/openapi.json', (_req, res) => {
    res.type('application/json').set('ETag', etag).send(serialised);
  });
  documents.use(docsRouter());
  const matcher = routeMatcher(routes);
  return {
    routes: restHandler(appRouter, matcher, deps, options),
    methods: (path) => {
      const allowed = matcher.allowed(path);
      return allowed.length === 0 ? null : allowed;
    },
    documents,
  };
}
