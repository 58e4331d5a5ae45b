// Gives each request an id and a child logger, and when the response ends logs one line and counts it in the
// metrics. No headers are logged. It runs on the bare Node request, before anything routes it.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../logger.ts';
import type { ServerMetrics } from '../metrics/server-metrics.ts';
import type { PolicyTable } from '../trpc/policy-table.ts';
import type { ClientAddress } from './client-address.ts';

const REQUEST_ID = /^[\w.:-]{1,128}$/;

export interface RequestLocals {
  requestId: string;
  /** The client's address (see client-address.ts): what the rate limit counts and the log line names. */
  client: string;
  log: Logger;
  /** The route template that served the request, set by whatever matched it: `/api/v1/homes/{player_uuid}`. */
  route?: string;
}

const locals = new WeakMap<ServerResponse, RequestLocals>();

export function requestLocals(res: ServerResponse): RequestLocals {
  const found = locals.get(res);
  if (!found) throw new Error('a handler ran on a request the request log never saw');
  return found;
}

function incomingId(req: IncomingMessage): string | null {
  const id = req.headers['x-request-id'];
  return typeof id === 'string' && REQUEST_ID.test(id) ? id : null;
}

/** What express leaves on a request whose route it matched. */
type RoutedRequest = IncomingMessage & { route?: { path?: unknown } };

/** The metrics' route label: a template, never the raw path, so that ids in paths never become labels. */
function routeTemplate(req: RoutedRequest, given: string | undefined, path: string): string {
  if (given !== undefined) return given;
  const matched = req.route?.path;
  if (typeof matched === 'string') return matched.replace(/:(\w+)/g, '{$1}');
  if (Array.isArray(matched) && matched.includes(path)) return path;
  return '(unmatched)';
}

/** The metrics' family label: the family the path lies in (the server's own for its pages), or `trpc`. */
function familyLabel(path: string, policies: PolicyTable): string {
  return path.startsWith('/trpc/') ? 'trpc' : policies.familyOfPath(path).name;
}

/** Starts a request's log and metrics, and returns what handlers learn of it. */
export type RequestStart = (req: IncomingMessage, res: ServerResponse) => RequestLocals;

export function requestLog(
  log: Logger,
  metrics: ServerMetrics,
  policies: PolicyTable,
  clientAddress: ClientAddress,
): RequestStart {
  return (req, res) => {
    const requestId = incomingId(req) ?? randomUUID();
    const started = process.hrtime.bigint();
    // Read now: express rewrites req.url while a request passes through a mounted router.
    const path = (req.url ?? '/').split('?', 1)[0]!;
    const child = log.child({ reqId: requestId });
    const client = clientAddress(req);
    const own: RequestLocals = { requestId, client, log: child };
    locals.set(res, own);
    res.setHeader('X-Request-Id', requestId);
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const family = familyLabel(path, policies);
      const route = routeTemplate(req, own.route, path);
      metrics.countRequest(family, route, req.method ?? 'GET', res.statusCode, seconds);
      child.info(
        { method: req.method, path, status: res.statusCode, ms: Math.round(seconds * 1e4) / 10, client },
        'request',
      );
    });
    return own;
  };
}
