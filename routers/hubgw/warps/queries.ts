// Warps as the API shows them: one by name, or a filtered page ordered by name.
import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import type { Warp } from '#entities/hubgw/warp.ts';
import type { AppError } from '#src/errors.ts';
import { db, type Db, type Stored } from '../../shared/database.ts';
import { containing, pageWithTotal } from '#src/database/queries.ts';
import { locationOf, pageMeta } from '../schemas.ts';
import type { ListWarpsInput, WarpResponse } from './schemas.ts';
import { notFound } from '../errors.ts';

export function toWarp(row: Stored<typeof Warp>): WarpResponse {
  return {
    id: row.id,
    player_uuid: row.playerUuid,
    name: row.name,
    ...locationOf(row),
    is_public: row.isPublic,
    description: row.description ?? null,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

export function warpNotFound(name: string): AppError {
  return notFound('Warp', name, { name });
}

/** Names are unique without regard to case, through the unique index on lower(name). */
export function byName(query: Db, name: string) {
  return query.selectFrom('Warp').selectAll().where(sql`lower(name)`, '=', name.toLowerCase());
}

export async function getWarp(em: EntityManager, name: string): Promise<WarpResponse> {
  const found = await byName(db(em), name).executeTakeFirst();
  if (!found) throw warpNotFound(name);
  return toWarp(found);
}

export async function listWarps(em: EntityManager, filter: ListWarpsInput) {
  const filtered = db(em)
    .selectFrom('Warp')
    .$if(filter.name !== undefined, (query) => query.where('name', 'ilike', containing(filter.name!)))
    .$if(filter.world !== undefined, (query) => query.where('world', '=', filter.world!))
    .$if(filter.is_public !== undefined, (query) => query.where('isPublic', '=', filter.is_public!));
  // The count apart from the page, not as a window over it: a window makes PostgreSQL read and sort every matching
  // row for every page, where the page alone reads its rows in the index's order.
  const { rows, total } = await pageWithTotal(filtered, (query) =>
    query
      .selectAll()
      .orderBy(sql`lower(name)`)
      .orderBy('id')
      .limit(filter.size)
      .offset((filter.page - 1) * filter.size),
  );
  return { warps: rows.map(toWarp), ...pageMeta(total, filter.page, filter.size) };
}
