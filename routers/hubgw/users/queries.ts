// The game account linked to a website user name; names match without regard to case.
import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import { AppError } from '#src/errors.ts';
import { db } from '../../shared/database.ts';

export async function getGameId(em: EntityManager, name: string) {
  const link = await db(em)
    .selectFrom('UserLink')
    .select('gameId')
    .where(sql`lower(name)`, '=', name.toLowerCase())
    .executeTakeFirst();
  if (!link) throw new AppError('not_found', `User '${name}' not found`, { name });
  return { game_id: link.gameId };
}
