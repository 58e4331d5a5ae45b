// Homes as the API shows them; the plugin reads them on its hot path.
import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import type { Home } from '#entities/hubgw/home.ts';
import { compiledQuery, db, type Param, type Stored } from '../../shared/database.ts';
import type { HomeResponse } from './schemas.ts';
import { locationOf } from '../schemas.ts';
import { notFound } from '../errors.ts';

export function toHome(home: Stored<typeof Home>): HomeResponse {
  return {
    id: home.id,
    player_uuid: home.playerUuid,
    name: home.name,
    ...locationOf(home),
    is_public: home.isPublic,
    created_at: home.createdAt.toISOString(),
    updated_at: home.updatedAt.toISOString(),
  };
}

const homesOf = compiledQuery((db, param: Param<{ playerUuid: string }>) =>
  db.selectFrom('Home').selectAll().where('playerUuid', '=', param('playerUuid')).orderBy('name'),
);

export async function listHomes(em: EntityManager, playerUuid: string) {
  const rows = await homesOf.execute(em, { playerUuid });
  return { homes: rows.map(toHome), total: rows.length };
}

/** Names match without regard to case, through the unique index on (player_uuid, lower(name)). */
export async function getHome(em: EntityManager, playerUuid: string, name: string): Promise<HomeResponse> {
  const found = await db(em)
    .selectFrom('Home')
    .selectAll()
    .where('playerUuid', '=', playerUuid)
    .where(sql`lower(name)`, '=', name.toLowerCase())
    .executeTakeFirst();
  if (!found) throw notFound('Home', name, { player_uuid: playerUuid, name });
  return toHome(found);
}
