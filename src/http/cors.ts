// CORS for the origins in CORS_ORIGINS, by the cors package: a preflight answers 204 with the methods its path has,
// and every answer to a listed origin may be read, its request id and rate-limit headers included.
import type { IncomingMessage, ServerResponse } from 'node:http';
import cors from 'cors';

/** What a dashboard sends: the admin token, the HubGW key, JSON, its own request id, and tRPC's streaming link's. */
const ALLOWED_HEADERS = ['Authorization', 'X-API-Key', 'Content-Type', 'X-Request-Id', 'trpc-accept'];
const EXPOSED_HEADERS = ['X-Request-Id', 'RateLimit', 'RateLimit-Policy', 'Retry-After'];
/** Spares a dashboard most preflights, and a change to CORS_ORIGINS still reaches browsers within minutes. */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/** The methods a request's path answers; null for a path the server does not know: the standard set is allowed. */
export type PathMethods = (url: string) => string[] | null;

export type Cors = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

export function corsHandler(origins: string[], methodsOf: PathMethods): Cors {
  if (origins.length === 0) return (_req, _res, next) => next();
  const options: cors.CorsOptions = {
    origin: origins,
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: EXPOSED_HEADERS,
    maxAge: PREFLIGHT_MAX_AGE_SECONDS,
  };
  // Only a preflight says which methods are allowed, so only a preflight looks its path up.
  return cors<IncomingMessage>((req, callback) => {
    const methods = req.method === 'OPTIONS' ? methodsOf(req.url ?? '/') : null;
    callback(null, methods ? { ...options, methods } : options);
  });
}
