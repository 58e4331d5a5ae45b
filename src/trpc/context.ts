// What every procedure call sees: the ORM, the caller's identity and a request-scoped logger.
import type { IncomingHttpHeaders } from 'node:http';
import type { Orm } from '../database.ts';
import type { Logger } from '../logger.ts';
import type { Identify, Identity } from '../auth.ts';

/** The time every rule that depends on it reads, so tests can move it. */
export type Clock = () => Date;

export interface Context {
  orm: Orm;
  identity: Identity;
  log: Logger;
  requestId: string;
  now: Clock;
}

export interface ContextDeps {
  orm: Orm;
  identify: Identify;
  clock: Clock;
}

export function createContext(deps: ContextDeps, headers: IncomingHttpHeaders, log: Logger, requestId: string): Context {
  return { orm: deps.orm, identity: deps.identify(headers), log, requestId, now: deps.clock };
}
