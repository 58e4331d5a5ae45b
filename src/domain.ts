// What the server serves, given to it by the entry point: the procedures, and what they need started beside them.
import type { AnyRouter } from '@trpc/server';
import type { EntityManager } from '@mikro-orm/sql';
import type { Router } from 'express';
import type { Orm } from './database/open.ts';
import type { Logger } from './logger.ts';
import type { DomainServices } from './trpc/context.ts';

export interface DomainStart {
  orm: Orm;
  dataDir: string;
  log: Logger;
  /** Registers what to drop when any instance on the database is asked to clear its caches. */
  onClearCaches(listener: () => void): void;
  /** Runs `listener` whenever any instance sends the signal `name`, and after a reconnect of the listener. */
  onSignal(name: string, listener: () => void): void;
  /**
   * Sends the signal `name` to the other instances once the transaction `em` runs in commits; this instance acts on
   * its own change at that commit.
   */
  signalIn(em: EntityManager, name: string): Promise<void>;
  /** How many bytes of the files the domain serves it may keep in memory (ASSET_CACHE_MB); 0 keeps none. */
  assetCacheBytes: number;
}

export interface StartedDomain {
  /** Reaches every call as `ctx.services.domain`. */
  services: DomainServices;
  /** Express routes served beside the transport's (files, say), ahead of its 404. */
  routes: Router[];
}

export interface Domain {
  router: AnyRouter;
  /** Runs once the database is open and before the port opens: prepares what the procedures rely on. */
  start(context: DomainStart): Promise<StartedDomain>;
}
