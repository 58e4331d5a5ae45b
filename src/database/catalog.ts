// What a database holds, read from its catalog: its tables with their columns and primary keys, the order foreign
// keys allow them to be filled in, and its sequences. The copy to PostgreSQL reads it on both sides, so it names no
// table of its own.
import { type QueryExecutorProvider, sql } from 'kysely';

export interface Column {
  name: string;
  /** The type as `format_type` writes it, so that a cast to it is valid SQL. */
  type: string;
  /** A generated column, which takes no value of its own. */
  generated: boolean;
}

export interface Table {
  schema: string;
  name: string;
  /** In the table's own order. */
  columns: Column[];
  /** The primary key's columns, in the key's order. */
  key: Column[];
}

export interface Sequence {
  schema: string;
  name: string;
  start: string;
  /** Null while the sequence has never handed out a value. */
  last: string | null;
}

/** That the schema named by `column` is not one of PostgreSQL's own. */
function outsidePostgresSchemas(column: string) {
  const schema = sql.ref(column);
  return sql`${schema} <> 'information_schema' and left(${schema}, 3) <> 'pg_'`;
}

export function qualifiedName({ schema, name }: { schema: string; name: string }): string {
  return `${schema}.${name}`;
}

/** Every table outside PostgreSQL's own schemas, by schema and name. */
export async function readTables(db: QueryExecutorProvider): Promise<Table[]> {
  // Lists come back as JSON text: the embedded database's type parsers and pg's would otherwise each parse them.
  const { rows } = await sql<{ schema: string; name: string; columns: string; key: string }>`
    select n.nspname as schema, c.relname as name,
      (select coalesce(json_agg(json_build_object(
          'name', a.attname, 'type', format_type(a.atttypid, a.atttypmod), 'generated', a.attgenerated <> ''
        ) order by a.attnum), '[]')
        from pg_attribute a where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped)::text as columns,
      (select coalesce(json_agg(a.attname order by array_position(i.indkey::int2[], a.attnum)), '[]')
        from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey::int2[])
        where i.indrelid = c.oid and i.indisprimary)::text as key
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind in ('r', 'p') and not c.relispartition and ${outsidePostgresSchemas('n.nspname')}
    order by 1, 2`.execute(db);
  return rows.map((row) => {
    const columns = JSON.parse(row.columns) as Column[];
    const key = (JSON.parse(row.key) as string[]).map((name) => columns.find((column) => column.name === name)!);
    return { schema: row.schema, name: row.name, columns, key };
  });
}

/**
 * The tables in an order in which each comes after every table its foreign keys point at, so that rows copied in
 * that order never wait for a parent. A key of a table to itself imposes no order between tables.
 */
export async function inForeignKeyOrder(db: QueryExecutorProvider, tables: Table[]): Promise<Table[]> {
  const { rows } = await sql<{ child: string; parent: string }>`
    select cn.nspname || '.' || cc.relname as child, pn.nspname || '.' || pc.relname as parent
    from pg_constraint k
      join pg_class cc on cc.oid = k.conrelid join pg_namespace cn on cn.oid = cc.relnamespace
      join pg_class pc on pc.oid = k.confrelid join pg_namespace pn on pn.oid = pc.relnamespace
    where k.contype = 'f' and k.conrelid <> k.confrelid`.execute(db);
  const parents = new Map(tables.map((table) => [qualifiedName(table), new Set<string>()]));
  for (const { child, parent } of rows) parents.get(child)?.add(parent);
  const ordered: Table[] = [];
  const placed = new Set<string>();
  let waiting = tables;
  while (waiting.length > 0) {
    const ready = waiting.filter((table) =>
      [...(parents.get(qualifiedName(table)) ?? [])].every((parent) => placed.has(parent) || !parents.has(parent)),
    );
    if (ready.length === 0) throw new Error(`foreign keys form a cycle among ${waiting.map(qualifiedName).join(', ')}`);
    for (const table of ready) placed.add(qualifiedName(table));
    ordered.push(...ready);
    waiting = waiting.filter((table) => !placed.has(qualifiedName(table)));
  }
  return ordered;
}

/** Every sequence outside PostgreSQL's own schemas (serial and identity columns' included), by schema and name. */
export async function readSequences(db: QueryExecutorProvider): Promise<Sequence[]> {
  const { rows } = await sql<Sequence>`
    select schemaname as schema, sequencename as name, start_value::text as start, last_value::text as last
    from pg_sequences
    where ${outsidePostgresSchemas('schemaname')}
    order by 1, 2`.execute(db);
  return rows;
}
