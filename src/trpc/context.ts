// What every procedure call sees: the ORM, the caller's identity and a request-scoped logger.
import type { IncomingHttpHeaders } from 'node:http';
import type { Orm } from '../database.ts';
import type { Logger } from '../logger.ts';
import type { Identify, Identity } from '../auth.ts';

export interface Context {
  orm: Orm;
  identity: Identity;
  log: Logger;
  requestId: string;
}

export interface ContextDeps {
  orm: Orm;
  identify: Identify;
}

export function createContext(deps: ContextDeps, headers: IncomingHttpHeaders, log: Logger, requestId: string): Context {
  return { orm: deps.orm, identity: deps.identify(headers), log, requestId };
}
