// How big the tables that grow with use have become, from the catalogue: PostgreSQL's row estimate (reltuples, kept
// by VACUUM and ANALYZE) and the bytes on disk with indexes and TOAST. One statement whatever the tables hold, so a
// scrape costs the same on an empty database and on a full one.
import { type Kysely, sql } from 'kysely';
import type { Orm } from './open.ts';

export interface TableSize {
  table: string;
  /** -1 until the table is first vacuumed or analyzed, as PostgreSQL itself says. */
  estimatedRows: number;
  bytes: number;
}

/** The sizes of `tables` (schema-qualified); a table that does not exist is left out. */
export async function readTableSizes(orm: Orm, tables: string[]): Promise<TableSize[]> {
  const db = orm.em.fork().getKysely() as Kysely<unknown>;
  const { rows } = await sql<{ table: string; estimatedRows: number; bytes: number }>`
    select name as "table", c.reltuples::float8 as "estimatedRows", pg_total_relation_size(c.oid)::float8 as "bytes"
    from unnest(${tables}::text[]) as name join pg_class c on c.oid = to_regclass(name)`.execute(db);
  return rows;
}
