// Warps as the API shows them: one by name, or a filtered page ordered by name.
import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import type { Warp } from '#entities/hubgw/warp.ts';
import type { AppError } from '#src/errors.ts';
import { compiledPerShape, db, type Db, type Param, type Stored } from '../../shared/database.ts';
import { compiledPageWithTotal, containingPattern, escapedPattern } from '#src/database/queries.ts';
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

/**
 * The page and its count for one set of filters. The count goes apart from the page, not as a window over it: a
 * window makes PostgreSQL read and sort every matching row for every page, where the page alone reads its rows in
 * the index's order.
 */
function warpPageWithTotal(filters: WarpFilters) {
  return compiledPageWithTotal(
    (db: Db, param: Param<WarpPage>) => filtered(db, param, filters),
    (query, param) =>
      query.selectAll().orderBy(sql`lower(name)`).orderBy('id').limit(param('limit')).offset(param('offset')),
  );
}

/** At most eight: each of the three filters is given or not. */
const pageWithTotalFor = compiledPerShape(warpPageWithTotal);

export async function listWarps(em: EntityManager, filter: ListWarpsInput) {
  const pageWithTotal = pageWithTotalFor({
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
  const { rows, total } = await pageWithTotal(db(em), values);
  return { warps: rows.map(toWarp), ...pageMeta(total, filter.page, filter.size) };
}
