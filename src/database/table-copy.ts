// One table's rows from one database to another, in batches of bounded size, and a checksum of a table's rows that
// both sides compute alike. Values travel as PostgreSQL's own JSON text and are never parsed here, so none loses
// precision on the way (bigints above 2^53, microsecond timestamps, bytes).
import { type QueryExecutorProvider, type RawBuilder, sql } from 'kysely';
import type { Column, Table } from './catalog.ts';

/** How many keys one read of a table's keys returns. */
const KEYS_PER_READ = 1000;

/** About how many bytes of stored values one batch carries (at least one row, however large). */
export const BATCH_BYTES = 4 * 1024 * 1024;

/**
 * The session settings under which values print alike on both sides: the text of a timestamp depends on TimeZone and
 * DateStyle, an interval's on IntervalStyle, a float's on extra_float_digits, bytes on bytea_output.
 */
export async function printAlike(db: QueryExecutorProvider, scope: 'session' | 'transaction'): Promise<void> {
  const set = sql.raw(scope === 'session' ? 'set' : 'set local');
  await sql`${set} TimeZone = 'UTC'`.execute(db);
  await sql`${set} DateStyle = 'ISO, MDY'`.execute(db);
  await sql`${set} IntervalStyle = 'postgres'`.execute(db);
  await sql`${set} extra_float_digits = 1`.execute(db);
  await sql`${set} bytea_output = 'hex'`.execute(db);
}

function tableId(table: Table): RawBuilder<unknown> {
  return sql.id(table.schema, table.name);
}

function columnList(columns: Column[]): RawBuilder<unknown> {
  return sql.join(columns.map((column) => sql.id(column.name)));
}

/** `(k1, k2) > (cast($1 as t1), cast($2 as t2))`, or its `<=`, for keyset reads over the primary key. */
function keyCompare(key: Column[], operator: '>' | '<=', values: string[]): RawBuilder<unknown> {
  const casts = key.map((column, i) => sql`cast(${values[i]} as ${sql.raw(column.type)})`);
  return sql`(${columnList(key)}) ${sql.raw(operator)} (${sql.join(casts)})`;
}

/** The keys after `after` (all from the start when null), each with the stored size of its row's values. */
async function readKeys(source: QueryExecutorProvider, table: Table, after: string[] | null) {
  const keyTexts = table.key.map((column, i) => sql`${sql.id(column.name)}::text as ${sql.id(`k${i}`)}`);
  const sizes = table.columns.map((column) => sql`coalesce(pg_column_size(${sql.id(column.name)}), 0)`);
  const { rows } = await sql<Record<string, string>>`
    select ${sql.join(keyTexts)}, (0::bigint + ${sql.join(sizes, sql` + `)})::text as size
    from ${tableId(table)}
    ${after === null ? sql`` : sql`where ${keyCompare(table.key, '>', after)}`}
    order by ${columnList(table.key)} limit ${KEYS_PER_READ}`.execute(source);
  return rows.map((row) => ({ key: table.key.map((_, i) => row[`k${i}`]!), size: Number(row.size) }));
}

/** Splits keys read in order into runs whose rows add up to about BATCH_BYTES; returns each run's last key. */
function batchEnds(keys: { key: string[]; size: number }[]): string[][] {
  const ends: string[][] = [];
  let bytes = 0;
  keys.forEach(({ key, size }, i) => {
    bytes += size;
    const next = keys[i + 1];
    if (next === undefined || bytes + next.size > BATCH_BYTES) {
      ends.push(key);
      bytes = 0;
    }
  });
  return ends;
}

/** Copies every row of `table` from `source` into the same table of `target`, in key order; returns how many. */
export async function copyRows(
  source: QueryExecutorProvider,
  target: QueryExecutorProvider,
  table: Table,
): Promise<number> {
  if (table.key.length === 0) throw new Error(`${table.schema}.${table.name} has no primary key to copy it by`);
  const written = table.columns.filter((column) => !column.generated);
  let copied = 0;
  let after: string[] | null = null;
  for (;;) {
    const keys = await readKeys(source, table, after);
    if (keys.length === 0) return copied;
    for (const end of batchEnds(keys)) {
      const from: string[] | null = after;
      const { rows } = await sql<{ rows: string; count: string }>`
        select coalesce(json_agg(batch), '[]')::text as rows, count(*)::text as count from (
          select ${columnList(written)} from ${tableId(table)}
          where ${from === null ? sql`true` : keyCompare(table.key, '>', from)} and ${keyCompare(table.key, '<=', end)}
        ) batch`.execute(source);
      // Identity columns keep the source's values, as serial ones do.
      await sql`
        insert into ${tableId(table)} (${columnList(written)}) overriding system value
        select ${columnList(written)} from json_populate_recordset(null::${tableId(table)}, ${rows[0]!.rows}::json)
      `.execute(target);
      copied += Number(rows[0]!.count);
      after = end;
    }
  }
}

export interface Checksum {
  rows: string;
  /** The sums of each row's md5 as two 64-bit numbers: independent of order, so collations need not agree. */
  sum: string;
}

/** A checksum of `table`'s rows, from each row's text with its columns in name order, printed alike (printAlike). */
export async function checksum(db: QueryExecutorProvider, table: Table): Promise<Checksum> {
  const byName = [...table.columns].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const rowText = sql`row(${columnList(byName)})`;
  const half = (from: number) =>
    sql`coalesce(sum(('x' || substr(hash, ${sql.lit(from)}, 16))::bit(64)::bigint::numeric), 0)`;
  const { rows } = await sql<Checksum>`
    select count(*)::text as rows, ${half(1)}::text || '/' || ${half(17)}::text as sum
    from (select md5(${rowText}::text) as hash from ${tableId(table)}) hashed`.execute(db);
  return rows[0]!;
}
