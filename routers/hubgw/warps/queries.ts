// Warps as the API shows them: one by name, or a filtered page ordered by name.
import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import type { Warp } from '#entities/hubgw/warp.ts';
import type { AppError } from '#src/errors.ts';
import { compiledPerShape, compiledQuery, db, type Db, type Param, type Stored } from '../../shared/database.ts';
import { containingPattern, escapedPattern } from '#src/database/queries.ts';
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

/** A page's values; which of the filters a call gives decides its SQL, so each set of filters is compiled apart. */
interface WarpPage {
  pattern: string;
  world: string;
  isPublic: boolean;
  limit: number;
  offset: number;
}

/** Which filters a call gives. */
interface WarpFilters extends Record<string, boolean> {
  name: boolean;
  world: boolean;
  isPublic: boolean;
}

function filtered(db: Db, param: Param<WarpPage>, filters: WarpFilters) {
  return db
    .selectFrom('Warp')
    .$if(filters.name, (query) => query.where('name', 'ilike', escapedPattern(param('pattern'))))
    .$if(filters.world, (query) => query.where('world', '=', param('world')))
    .$if(filters.isPublic, (query) => query.where('isPublic', '=', param('isPublic')));
}

/** The page and its count for one set of filters: the page in the index's order, the count apart (see listWarps). */
function warpListQueries(filters: WarpFilters) {
  return {
    page: compiledQuery((db, param: Param<WarpPage>) =>
      filtered(db, param, filters)
        .selectAll()
        .orderBy(sql`lower(name)`)
        .orderBy('id')
        .limit(param('limit'))
        .offset(param('offset')),
    ),
    count: compiledQuery((db, param: Param<WarpPage>) =>
      filtered(db, param, filters).select(sql<string>`count(*)`.as('matchCount')),
    ),
  };
}

/** At most eight: each of the three filters is given or not. */
const listQueriesFor = compiledPerShape(warpListQueries);

export async function listWarps(em: EntityManager, filter: ListWarpsInput) {
  const { page, count } = listQueriesFor({
    name: filter.name !== undefined,
    world: filter.world !== undefined,
    isPublic: filter.is_public !== undefined,
  });
  const values: WarpPage = {
    pattern: filter.name === undefined ? '' : containingPattern(filter.name),
    world: filter.world ?? '',
    isPublic: filter.is_public ?? false,
    limit: filter.size,
    offset: (filter.page - 1) * filter.size,
  };
  // The count apart from the page, not as a window over it: a window makes PostgreSQL read and sort every matching
  // row for every page, where the page alone reads its rows in the index's order.
  const [rows, counted] = await Promise.all([page.execute(em, values), count.executeTakeFirstOrThrow(em, values)]);
  return { warps: rows.map(toWarp), ...pageMeta(Number(counted.matchCount), filter.page, filter.size) };
}
