// The process probes, outside both families: /livez says the process serves and touches nothing else; /readyz says
// it should be sent traffic: the database answers, its migrations (applied before the port opened) are in place, and
// no shutdown has begun.
import type { EntityManager } from '@mikro-orm/sql';
import { AppError } from '#src/errors.ts';
import type { Services } from '#src/trpc/context.ts';
import { assertDatabaseUp } from '../shared/health.ts';

export function notReady(reason: 'shutting down' | 'database: down'): AppError {
  return AppError.explained('unavailable', 'Not ready', reason);
}

export async function assertReady(em: EntityManager, services: Services): Promise<{ status: 'ready'; database: 'up' }> {
  if (services.shuttingDown()) throw notReady('shutting down');
  // Bounded by the check itself: a readiness probe never waits on a stuck database for longer than a second.
  const database = await assertDatabaseUp(em).catch(() => {
    throw notReady('database: down');
  });
  if (services.shuttingDown()) throw notReady('shutting down');
  return { status: 'ready', database };
}
