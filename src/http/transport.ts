// What the HTTP listener hands requests to besides tRPC: a transport the entry point gives the server (the REST
// adapter), built once the server knows its procedures, their policies and what their calls need.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AnyRouter } from '@trpc/server';
import type { Router } from 'express';
import type { Logger } from '../logger.ts';
import type { ContextDeps } from '../trpc/context.ts';
import type { PolicyTable } from '../trpc/policy-table.ts';
import type { RequestLocals } from './request-log.ts';

export interface HttpTransport {
  /** Answers the request and returns true when one of its routes serves it; returns false, untouched, otherwise. */
  serve(req: IncomingMessage, res: ServerResponse, locals: RequestLocals): boolean;
  /** The methods a path answers, for CORS preflights; null for a path none of its routes has. */
  methods(path: string): string[] | null;
  /** Ends a request with `error` in the format of whoever answers `path`: a refusal before routing, any failure. */
  refuse(error: unknown, path: string, res: ServerResponse, log: Logger): void;
  /** Served by express after every page: the transport's documents, then its 404. */
  fallback: Router;
}

export interface TransportSetup {
  router: AnyRouter;
  deps: ContextDeps;
  policies: PolicyTable;
}

export type HttpTransportFactory = (setup: TransportSetup) => HttpTransport;
