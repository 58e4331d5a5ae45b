// The server's own state: its version, how long it has run, whether the database answers, its live connections.
import type { EntityManager } from '@mikro-orm/sql';
import type { Clock, Services } from '#src/trpc/context.ts';
import { checkDatabase } from './database-check.ts';
import type { ServerStatus } from './schemas.ts';

export async function getServerStatus(em: EntityManager, now: Clock, services: Services): Promise<ServerStatus> {
  return {
    version: services.version,
    uptimeSeconds: Math.floor((now().getTime() - services.startedAt.getTime()) / 1000),
    database: await checkDatabase(services.domain.databaseCheck, em),
    liveConnections: services.liveConnections(),
  };
}
