// What every procedure call sees: the ORM, the caller's identity and a request-scoped logger.
import type { IncomingHttpHeaders } from 'node:http';
import type { Orm } from '../database.ts';
import type { Logger } from '../logger.ts';
import type { Identify, Identity } from '../auth.ts';
import type { EventBus } from '../events/bus.ts';
import type { ItemAssets, Upload } from '../item-assets.ts';
import type { TtlCache } from '../ttl-cache.ts';

/** The time every rule that depends on it reads, so tests can move it. */
export type Clock = () => Date;

/** Process-wide state procedures share: started once with the server. */
export interface Services {
  startedAt: Date;
  activityCache: TtlCache<unknown>;
  itemAssets: ItemAssets;
  events: EventBus;
  /** Open live WebSocket connections on this instance. */
  liveConnections: () => number;
  /** How often the live stats subscription sends a snapshot. */
  statsIntervalMs: number;
}

export interface Context {
  orm: Orm;
  identity: Identity;
  log: Logger;
  requestId: string;
  now: Clock;
  services: Services;
  /** An image the REST adapter received with a multipart request; never set from a procedure's input. */
  upload: Upload | null;
}

export interface ContextDeps {
  orm: Orm;
  identify: Identify;
  clock: Clock;
  services: Services;
}

export function createContext(deps: ContextDeps, headers: IncomingHttpHeaders, log: Logger, requestId: string): Context {
  return { orm: deps.orm, identity: deps.identify(headers), log, requestId, now: deps.clock, services: deps.services, upload: null };
}
