// What every procedure call sees: the ORM, the caller's identity and a request-scoped logger.
import type { IncomingHttpHeaders } from 'node:http';
import type { Orm } from '../database/open.ts';
import type { Logger } from '../logger.ts';
import type { Identify, Identity } from '../auth.ts';
import type { Outbound } from '../events/backpressure.ts';
import type { EventBus } from '../events/bus.ts';
import type { Upload, UploadDir } from '../uploads.ts';
import type { RateLimiter } from '../rate-limiter.ts';
import type { ServerMetrics } from '../metrics/server-metrics.ts';
import type { StorageFloor } from '../storage-floor.ts';
import type { ClientAddress } from '../http/client-address.ts';

/** The time every rule that depends on it reads, so tests can move it. */
export type Clock = () => Date;

/**
 * What the domain starts beside the server for its procedures. Empty here: each domain module that starts something
 * declares its part by declaration merging, so the server knows their names and types without knowing the domain.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by declaration merging
export interface DomainServices {}

/** Process-wide state procedures share: started once with the server. */
export interface Services {
  /** The package's version, as its package.json gives it. */
  version: string;
  startedAt: Date;
  /** Drops cached data on every instance on this database. */
  clearCaches: () => Promise<void>;
  /** Where the REST adapter puts received files until a procedure moves them on. */
  uploads: UploadDir;
  domain: DomainServices;
  events: EventBus;
  /** The paths of the mutations whose committed calls are live events. */
  announced: ReadonlySet<string>;
  /** Open live WebSocket connections on this instance. */
  liveConnections: () => number;
  /** True from the moment the server starts to shut down: it finishes what it has and takes nothing new. */
  shuttingDown: () => boolean;
  /** How often the live stats subscription sends a snapshot. */
  statsIntervalMs: number;
  /** The address a request comes from: its peer's, or with TRUST_PROXY the client X-Forwarded-For names. */
  clientAddress: ClientAddress;
  /** The per-client request limit, shared by every transport. */
  rateLimiter: RateLimiter;
  metrics: ServerMetrics;
  /** Refuses writes while the disk under the database is nearly full. */
  storage: StorageFloor;
}

/** How a call arrived: REST routes (whose limit the HTTP layer counts), tRPC over HTTP, or tRPC over WebSocket. */
export type Transport = 'rest' | 'http' | 'ws';

export interface Caller {
  headers: IncomingHttpHeaders;
  /** The client's network address, which the rate limit counts by. */
  address: string;
  transport: Transport;
  log: Logger;
  requestId: string;
  /** The WebSocket a call came over, for a subscription's backpressure. */
  socket?: Outbound;
}

export interface Context {
  orm: Orm;
  identity: Identity;
  address: string;
  transport: Transport;
  log: Logger;
  requestId: string;
  now: Clock;
  services: Services;
  /** An image the REST adapter received with a multipart request; never set from a procedure's input. */
  upload: Upload | null;
  socket: Outbound | null;
}

export interface ContextDeps {
  orm: Orm;
  identify: Identify;
  clock: Clock;
  services: Services;
}

export function createContext(
  deps: ContextDeps,
  { headers, address, transport, log, requestId, socket }: Caller,
): Context {
  return {
    orm: deps.orm,
    identity: deps.identify(headers),
    address,
    transport,
    log,
    requestId,
    now: deps.clock,
    services: deps.services,
    upload: null,
    socket: socket ?? null,
  };
}
