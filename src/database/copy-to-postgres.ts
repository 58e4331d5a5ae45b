// Copies the embedded database into an empty PostgreSQL database: the target's schema is made by the same migrations
// a server runs, then every table's rows and every sequence's value are copied from the catalog (no table is named
// here), and each table's row count and checksum are compared before the copy commits. DATA_DIR's lock is held
// throughout, so no server writes to the embedded database while it is read.
import { type QueryExecutorProvider, sql } from 'kysely';
import pg from 'pg';
import type { Database } from '../config.ts';
import { lockDataDir } from '../data-dir-lock.ts';
import type { Logger } from '../logger.ts';
import { inForeignKeyOrder, qualifiedName, readSequences, readTables, type Sequence, type Table } from './catalog.ts';
import { closeDatabase, openDatabase, type Orm } from './open.ts';
import type { Persistence } from './orm-options.ts';
import { checksum, copyRows, printAlike } from './table-copy.ts';

/** A copy refused before anything was written; its message is the one line shown. */
export class CopyRefusedError extends Error {}

export interface CopyToPostgres {
  /** DATA_DIR, whose lock the copy holds. */
  dataDir: string;
  source: Database & { kind: 'pglite' };
  target: Database & { kind: 'postgresql' };
  persistence: Persistence;
  log: Logger;
  /** Work to do on the source once it is open and before it is read (the domain's import of files into tables). */
  prepareSource?: (orm: Orm) => Promise<void>;
}

export interface CopySummary {
  tables: { name: string; rows: number }[];
  sequences: number;
  migrations: number;
}

/**
 * Empty means no table, view or sequence outside PostgreSQL's own schemas: nothing of ours, and nothing of anyone
 * else's that the copy could mix with. Checked on a connection of its own, before the migrations make anything.
 */
async function refuseUnlessEmpty(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  await client.connect().catch((error: Error) => {
    throw new CopyRefusedError(`cannot connect to the target database: ${error.message}`);
  });
  try {
    const { rows } = await client.query<{ name: string; count: string }>(
      `select n.nspname || '.' || c.relname as name, count(*) over ()::text as count
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
         and n.nspname <> 'information_schema' and left(n.nspname, 3) <> 'pg_'
       order by 1 limit 3`,
    );
    if (rows.length > 0) {
      const more = Number(rows[0]!.count) - rows.length;
      throw new CopyRefusedError(
        `the target database is not empty: it holds ${rows.map((row) => row.name).join(', ')}${more > 0 ? ` and ${more} more` : ''}; give an empty database`,
      );
    }
  } finally {
    await client.end();
  }
}

/** The tables to copy: all but the migrations' own table, which the target's migration run has filled. */
function copied(tables: Table[], orm: Orm): Table[] {
  const { tableName = 'mikro_orm_migrations' } = orm.config.get('migrations');
  return tables.filter((table) => table.name !== tableName);
}

function describeColumns(table: Table): string {
  return table.columns.map((column) => `${column.name} ${column.type}`).join(', ');
}

/** The same tables with the same columns and the same migrations on both sides, or a refusal saying what differs. */
async function refuseUnlessAlike(source: Orm, target: Orm, sourceTables: Table[], targetTables: Table[]) {
  const names = (migrations: { name: string }[]) => migrations.map((migration) => migration.name).join(', ');
  const [sourceMigrations, targetMigrations] = [
    await source.migrator.getExecuted(),
    await target.migrator.getExecuted(),
  ];
  if (names(sourceMigrations) !== names(targetMigrations))
    throw new CopyRefusedError(
      `the migrations differ: source ${names(sourceMigrations)}; target ${names(targetMigrations)}`,
    );
  const shape = (tables: Table[]) => new Map(tables.map((table) => [qualifiedName(table), describeColumns(table)]));
  const [sourceShape, targetShape] = [shape(sourceTables), shape(targetTables)];
  for (const [name, columns] of sourceShape)
    if (targetShape.get(name) !== columns)
      throw new CopyRefusedError(
        `table ${name} differs: source (${columns}), target (${targetShape.get(name) ?? 'missing'})`,
      );
  for (const name of targetShape.keys())
    if (!sourceShape.has(name)) throw new CopyRefusedError(`table ${name} is in the target but not in the source`);
  return sourceMigrations.length;
}

/** Sets each of the target's sequences where the source's stands, so the next value follows on from the source's. */
async function copySequences(target: QueryExecutorProvider, sequences: Sequence[]): Promise<void> {
  for (const sequence of sequences) {
    const id = sql`format('%I.%I', ${sequence.schema}::text, ${sequence.name}::text)::regclass`;
    // A sequence never used hands out its start value next; setval(…, false) says just that.
    await sql`select setval(${id}, ${sequence.last ?? sequence.start}::bigint, ${sequence.last !== null})`.execute(
      target,
    );
  }
}

function sequencesText(sequences: Sequence[]): string {
  return sequences.map((sequence) => `${qualifiedName(sequence)}=${sequence.last ?? 'unused'}`).join(', ');
}

/**
 * The copy itself, in one transaction of the target: the rows the migrations seeded are cleared, triggers are held
 * off (they would count rows again, or draw the live events new ids), parents are filled before children, and the
 * transaction commits only when every table's count and checksum and every sequence match the source's.
 */
async function copyAll(source: Orm, target: Orm, log: Logger): Promise<Omit<CopySummary, 'migrations'>> {
  const sourceDb = source.em.getKysely();
  await printAlike(sourceDb, 'session');
  const sourceTables = await readTables(sourceDb);
  const tables = await inForeignKeyOrder(sourceDb, copied(sourceTables, source));
  const sequences = await readSequences(sourceDb);
  return target.em.fork().transactional(async (em) => {
    const targetDb = em.getKysely();
    await printAlike(targetDb, 'transaction');
    await sql`truncate table ${sql.join(tables.map((table) => sql.id(table.schema, table.name)))}`.execute(targetDb);
    for (const table of tables)
      await sql`alter table ${sql.id(table.schema, table.name)} disable trigger user`.execute(targetDb);
    const counts: CopySummary['tables'] = [];
    for (const table of tables) {
      const rows = await copyRows(sourceDb, targetDb, table);
      log.info({ table: qualifiedName(table), rows }, 'copied');
      counts.push({ name: qualifiedName(table), rows });
    }
    await copySequences(targetDb, sequences);
    for (const table of tables) {
      const [expected, found] = [await checksum(sourceDb, table), await checksum(targetDb, table)];
      if (expected.rows !== found.rows || expected.sum !== found.sum)
        throw new Error(
          `${qualifiedName(table)} does not match after the copy: source ${expected.rows} rows (${expected.sum}), target ${found.rows} rows (${found.sum})`,
        );
    }
    const [expected, found] = [sequencesText(sequences), sequencesText(await readSequences(targetDb))];
    if (expected !== found)
      throw new Error(`the sequences do not match after the copy: source ${expected}; target ${found}`);
    for (const table of tables)
      await sql`alter table ${sql.id(table.schema, table.name)} enable trigger user`.execute(targetDb);
    return { tables: counts, sequences: sequences.length };
  });
}

export async function copyToPostgres({
  dataDir,
  source,
  target,
  persistence,
  log,
  prepareSource,
}: CopyToPostgres): Promise<CopySummary> {
  const lock = await lockDataDir(dataDir);
  try {
    await refuseUnlessEmpty(target.url);
    const sourceOrm = await openDatabase(source, persistence, log);
    try {
      await prepareSource?.(sourceOrm);
      const targetOrm = await openDatabase(target, persistence, log);
      try {
        const migrations = await refuseUnlessAlike(
          sourceOrm,
          targetOrm,
          copied(await readTables(sourceOrm.em.getKysely()), sourceOrm),
          copied(await readTables(targetOrm.em.getKysely()), targetOrm),
        );
        const summary = await copyAll(sourceOrm, targetOrm, log).catch((error: Error) => {
          throw new Error(
            `${error.message}; no row was copied, but the target holds the schema now: drop and create it again before another try`,
            { cause: error },
          );
        });
        return { ...summary, migrations };
      } finally {
        await closeDatabase(targetOrm);
      }
    } finally {
      await closeDatabase(sourceOrm);
    }
  } finally {
    await lock.release();
  }
}
