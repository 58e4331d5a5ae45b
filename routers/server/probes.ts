// The process probes, outside both families: /livez says the process serves and touches nothing else; /readyz says
// it should be sent traffic: the database answers, its migrations (applied before the port opened) are in place, and
// no shutdown has begun.
import type { EntityManager } from '@mikro-orm/sql';
import { AppError } from '#src/errors.ts';
import type { Services } from '#src/trpc/context.ts';
import { assertDatabaseUp } from '../shared/health.ts';

/** A readiness check never waits on a stuck database for longer than a probe waits for its answer. */
const DATABASE_WAIT_MS = 2000;

export function notReady(reason: 'shutting down' | 'database: down'): AppError {
  return AppError.explained('unavailable', 'Not ready', reason);
}

function withinWait<T>(check: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('the database did not answer in time')), DATABASE_WAIT_MS);
  });
  return Promise.race([check, late]).finally(() => clearTimeout(timer));
}

export async function assertReady(em: EntityManager, services: Services): Promise<{ status: 'ready'; database: 'up' }> {
  if (services.shuttingDown()) throw notReady('shutting down');
  const database = await withinWait(assertDatabaseUp(em)).catch(() => {
    throw notReady('database: down');
  });
  if (services.shuttingDown()) throw notReady('shutting down');
  return { status: 'ready', database };
}
