// The database check both health routes and the readiness probe share: a round trip to the database, answered
// within a second either way.
import { setTimeout as sleep } from 'node:timers/promises';
import type { EntityManager } from '@mikro-orm/sql';
import { z } from 'zod';
import { databaseAnswers } from '#src/database/open.ts';
import { AppError } from '#src/errors.ts';

/** A database that has not answered by then cannot serve now, whatever it is doing (a stuck statement, say). */
const CHECK_WITHIN_MS = 1000;

/** Resolves once `check` does; rejects when it fails or has not settled within `ms`. */
async function within(check: Promise<unknown>, ms: number): Promise<void> {
  const timer = new AbortController();
  try {
    await Promise.race([
      check,
      sleep(ms, undefined, { signal: timer.signal }).then(() => Promise.reject(new Error(`no answer within ${ms} ms`))),
    ]);
  } finally {
    timer.abort();
  }
}

export const databaseCheck = z
  .literal('up')
  .meta({ description: 'The database answered a query; when it does not, health answers 503' });

/** Resolves when the database answers; otherwise throws the 503 every route gives while it is down. */
export async function assertDatabaseUp(em: EntityManager): Promise<'up'> {
  try {
    await within(databaseAnswers(em, CHECK_WITHIN_MS), CHECK_WITHIN_MS);
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
