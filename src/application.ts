// What the entry point gives the server to serve: the domain, what it persists, the transport beside tRPC and the
// pages. The server knows none of them by name.
import type { Router } from 'express';
import type { Domain } from './domain.ts';
import type { HttpTransportFactory } from './http/transport.ts';
import type { Persistence } from './database/orm-options.ts';

export interface Application {
  domain: Domain;
  persistence: Persistence;
  /** The transport that answers what is not tRPC: the REST routes, their documents and 404s. */
  transport: HttpTransportFactory;
  /** Express routes served ahead of the transport's fallback, such as the live page. */
  pages: Router[];
}
