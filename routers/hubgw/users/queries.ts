// The game account linked to a website user name; names match without regard to case.
import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import { db } from '../../shared/database.ts';
import { notFound } from '../errors.ts';

export async function getGameId(em: EntityManager, name: string) {
  const link = await db(em)
    .selectFrom('UserLink')
    .select('gameId')
    .where(sql`lower(name)`, '=', name.toLowerCase())
    .executeTakeFirst();
  if (!link) throw notFound('User', name, { name });
  return { game_id: link.gameId };
}
