// The database check server.status reports, made at most once a second: the procedure is open to anyone, and a
// batch of it must not become a batch of round trips.
import type { EntityManager } from '@mikro-orm/sql';
import { TtlCache } from '#src/ttl-cache.ts';
import { assertDatabaseUp } from '../shared/health.ts';

const CHECK_TTL_MS = 1000;

export type DatabaseCheck = TtlCache<'up' | 'down'>;

declare module '#src/trpc/context.ts' {
  interface DomainServices {
    databaseCheck: DatabaseCheck;
  }
}

export function startDatabaseCheck(): DatabaseCheck {
  return new TtlCache(CHECK_TTL_MS);
}

/** Whether the database answers, as last seen at most a second ago by the wall clock (not the context's). */
export function checkDatabase(cache: DatabaseCheck, em: EntityManager): Promise<'up' | 'down'> {
  return cache.get(
    () => new Date(),
    () => assertDatabaseUp(em).catch(() => 'down' as const),
  );
}
