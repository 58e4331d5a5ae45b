// The database check both health routes share: a round trip through the pool, bounded by its connect timeout.
import type { EntityManager } from '@mikro-orm/sql';
import { z } from 'zod';
import { AppError } from '#src/errors.ts';

export const databaseCheck = z
  .literal('up')
  .meta({ description: 'The database answered a query; when it does not, health answers 503' });

/** Resolves when the database answers; otherwise throws the 503 every route gives while it is down. */
export async function assertDatabaseUp(em: EntityManager): Promise<'up'> {
  try {
    await em.execute('select 1');
    return 'up';
  } catch {
    throw databaseDown();
  }
}

/** What health answers while the database does not. */
export function databaseDown(): AppError {
  return new AppError(
    'unavailable',
    'The database is unavailable; try again shortly',
    { database: 'down' },
    { explanation: 'database: down' },
  );
}
