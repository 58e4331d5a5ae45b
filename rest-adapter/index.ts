// The REST transport: the procedures' routes, served ahead of express, and on express the OpenAPI document, the
// reference page and the 404; each error in the format of the family it belongs to.
import { createHash } from 'node:crypto';
import { Router } from 'express';
import type { HttpTransport, HttpTransportFactory } from '#src/http/transport.ts';
import { docsRouter } from './docs.ts';
import { type ErrorFormats, formatOf } from './error-format.ts';
import { sendRestError, unknownRoute } from './errors.ts';
import { restHandler } from './handler.ts';
import { buildOpenApiDocument, type DocumentText } from './openapi.ts';
import { routeMatcher } from './match.ts';
import { collectRoutes } from './routes.ts';

export interface RestAdapterOptions {
  formats: ErrorFormats;
  document: DocumentText;
}

export function restAdapter({ formats, document: text }: RestAdapterOptions): HttpTransportFactory {
  return ({ router, deps, policies }): HttpTransport => {
    const routes = collectRoutes(router);
    const lookup = {
      ofFamily: (family: string) => formatOf(formats, family),
      ofPath: (path: string) => formatOf(formats, policies.familyOfPath(path).name),
    };
    const document = buildOpenApiDocument(router, routes, formats, text);
    // The document never changes while the server runs: serialised and tagged once, then every answer shares one buffer.
    const serialised = Buffer.from(JSON.stringify(document));
    const etag = `"${createHash('sha256').update(serialised).digest('base64url')}"`;
    const fallback = Router({ caseSensitive: true });
    fallback.get('/openapi.json', (_req, res) => {
      res.type('application/json').set('ETag', etag).send(serialised);
    });
    fallback.use(docsRouter());
    fallback.use(unknownRoute);
    const matcher = routeMatcher(routes);
    return {
      serve: restHandler(router, matcher, deps, lookup),
      methods: (path) => {
        const allowed = matcher.allowed(path);
        return allowed.length === 0 ? null : allowed;
      },
      refuse: (error, path, res, log) => sendRestError(error, res, lookup.ofPath(path), log),
      fallback,
    };
  };
}
