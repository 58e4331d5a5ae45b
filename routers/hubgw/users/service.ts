// Linking a website user name to a game account: creates the link or replaces its game id and casing.
import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import { db } from '../../shared/database.ts';
import type { LinkGameIdInput } from './schemas.ts';

export async function linkGameId(em: EntityManager, input: LinkGameIdInput, now: Date) {
  const link = { name: input.name, gameId: input.game_id, updatedAt: now };
  await db(em)
    .insertInto('UserLink')
    .values({ id: crypto.randomUUID(), createdAt: now, ...link })
    .onConflict((conflict) => conflict.expression(sql`lower(name)`).doUpdateSet(link))
    .execute();
  return { game_id: input.game_id };
}
