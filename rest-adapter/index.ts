// Mounts the REST families, the OpenAPI document and the reference page on an express app.
import type { AnyRouter } from '@trpc/server';
import { Router } from 'express';
import type { ContextDeps } from '#src/trpc/context.ts';
import { docsRouter } from './docs.ts';
import { authenticate, invoke } from './invoke.ts';
import { jsonBody } from './json-body.ts';
import { multipartOrJsonBody } from './multipart-body.ts';
import { buildOpenApiDocument } from './openapi.ts';
import { collectRoutes } from './routes.ts';

export { sendError, unknownRoute } from './errors.ts';

export function restRouter(appRouter: AnyRouter, deps: ContextDeps): Router {
  const routes = collectRoutes(appRouter);
  const document = buildOpenApiDocument(appRouter, routes);
  const rest = Router({ caseSensitive: true });
  rest.get('/openapi.json', (_req, res) => res.json(document));
  rest.use(docsRouter());
  for (const route of routes) {
    rest[route.method](
      route.expressPath,
      authenticate(route, deps),
      route.multipart ? multipartOrJsonBody(deps) : jsonBody,
      invoke(route, appRouter),
    );
  }
  return rest;
}
