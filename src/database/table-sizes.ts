// How big the tables that grow with use have become, from the catalogue: the bytes on disk with indexes and TOAST,
// and a row estimate made as the planner makes it, the rows the last VACUUM or ANALYZE counted per page times the
// pages there are now. One statement whatever the tables hold, so a scrape costs the same on an empty database and
// on a full one, and the estimate follows growth between two analyzes.
import { type Kysely, sql } from 'kysely';
import type { Orm } from './open.ts';

export interface TableSize {
  table: string;
  /** -1 until the table is first vacuumed or analyzed, as PostgreSQL itself says. */
  estimatedRows: number;
  bytes: number;
  /** The pages the last VACUUM or ANALYZE saw: 0 when none saw a row, and the estimate has nothing to scale. */
  analyzedPages: number;
}

/** The sizes of `tables` (schema-qualified); a table that does not exist is left out. */
export async function readTableSizes(orm: Orm, tables: string[]): Promise<TableSize[]> {
  const db = orm.em.getKysely() as Kysely<unknown>;
  const { rows } = await sql<TableSize>`
    select name as "table",
      case when c.relpages > 0
        then round(c.reltuples / c.relpages * (pg_relation_size(c.oid) / current_setting('block_size')::float8))
        else c.reltuples::float8 end as "estimatedRows",
      pg_total_relation_size(c.oid)::float8 as "bytes",
      c.relpages as "analyzedPages"
    from unnest(${tables}::text[]) as name join pg_class c on c.oid = to_regclass(name)`.execute(db);
  return rows;
}
