// Gives each request an id and a child logger, and when the response ends logs one line and counts it in the
// metrics. No headers are logged.
import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import type { Logger } from '../logger.ts';
import type { ServerMetrics } from '../metrics/server-metrics.ts';
import { familyOf } from './families.ts';

const REQUEST_ID = /^[\w.:-]{1,128}$/;

export interface RequestLocals {
  requestId: string;
  log: Logger;
  /** The route template that served the request, set by whatever matched it: `/api/v1/homes/{player_uuid}`. */
  route?: string;
}

export function requestLocals(res: Response): RequestLocals {
  return res.locals as RequestLocals;
}

function incomingId(req: Request): string | null {
  const id = req.headers['x-request-id'];
  return typeof id === 'string' && REQUEST_ID.test(id) ? id : null;
}

/** The metrics' route label: a template, never the raw path, so that ids in paths never become labels. */
function routeTemplate(req: Request, res: Response): string {
  const given = requestLocals(res).route;
  if (given !== undefined) return given;
  const matched: unknown = req.route?.path;
  if (typeof matched === 'string') return matched.replace(/:(\w+)/g, '{$1}');
  if (Array.isArray(matched) && matched.includes(req.path)) return req.path;
  return '(unmatched)';
}

/** The metrics' family label: an API family, `trpc`, or `server` for the server's own pages. */
function familyLabel(path: string): string {
  if (path === '/api' || path.startsWith('/api/')) return familyOf(path);
  return path.startsWith('/trpc/') ? 'trpc' : 'server';
}

export function requestLog(log: Logger, metrics: ServerMetrics): RequestHandler {
  return (req, res, next) => {
    const requestId = incomingId(req) ?? randomUUID();
    const started = process.hrtime.bigint();
    const child = log.child({ reqId: requestId });
    Object.assign(res.locals, { requestId, log: child } satisfies RequestLocals);
    res.setHeader('X-Request-Id', requestId);
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      // The original URL's path: under a mount such as /trpc, req.path is only the part after it.
      const path = req.originalUrl.split('?', 1)[0]!;
      const labels = {
        family: familyLabel(path),
        route: routeTemplate(req, res),
        method: req.method,
        status: String(res.statusCode),
      };
      metrics.httpRequests.inc(labels);
      metrics.httpDuration.observe(labels, seconds);
      child.info({ method: req.method, path, status: res.statusCode, ms: Math.round(seconds * 1e4) / 10 }, 'request');
    });
    next();
  };
}
