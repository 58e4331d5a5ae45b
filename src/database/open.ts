// Opens the database chosen by the configuration and brings its schema up to date, and closes it again.
import { mkdir } from 'node:fs/promises';
import { type EntityManager, MikroORM } from '@mikro-orm/sql';
import { sql } from 'kysely';
import type { Database } from '../config.ts';
import { interruptedRestore } from '../backup/restore.ts';
import type { Logger } from '../logger.ts';
import { RemotePglite } from './pglite/remote.ts';
import { chooseWasmCompiler } from './pglite/wasm-compiler.ts';
import { ormOptionsFor, type Persistence } from './orm-options.ts';

export type Orm = MikroORM;

/**
 * The embedded databases the ORMs were given, by the configuration an ORM and all its entity managers share: MikroORM
 * leaves closing a PGlite it did not create to its owner.
 */
const embedded = new WeakMap<object, RemotePglite>();

/** PGlite in a process of its own, so that no state of it can stop this one from answering. */
async function openEmbedded(database: Database & { kind: 'pglite' }, log: Logger): Promise<RemotePglite> {
  const { dataDir, wasmCompiler } = database;
  const cutShort = dataDir === null ? null : interruptedRestore(dataDir);
  if (cutShort !== null) throw new Error(`the embedded database cannot be opened: ${cutShort}`);
  if (dataDir !== null) await mkdir(dataDir, { recursive: true });
  const { compiler, because } = chooseWasmCompiler(wasmCompiler);
  if (because !== null)
    log.info({ because }, "the embedded database runs on V8's baseline compiler, to fit the memory there is");
  return RemotePglite.open({ dataDir, log, wasmCompiler: compiler });
}

export async function openDatabase(database: Database, persistence: Persistence, log: Logger): Promise<Orm> {
  const pglite = database.kind === 'pglite' ? await openEmbedded(database, log) : undefined;
  // The ORM's own lines (two per migration) are detail; the start reports what they add up to.
  const orm = await MikroORM.init({
    ...ormOptionsFor(database, persistence, pglite),
    colors: false,
    logger: (message) => log.debug({ orm: message }, 'database'),
  }).catch(async (error: unknown) => {
    await pglite?.close();
    throw error;
  });
  if (pglite) embedded.set(orm.config, pglite);
  try {
    const applied = await (database.kind === 'postgresql' ? migrateInTurn(orm) : orm.migrator.up());
    log.info(`applied ${applied.length} migration${applied.length === 1 ? '' : 's'}`);
  } catch (error) {
    await closeDatabase(orm, true);
    throw error;
  }
  return orm;
}

/**
 * Applies the pending migrations while holding a PostgreSQL advisory lock, so that instances started at once on one
 * database take turns: without it, each sees the schema missing and all but one fail creating it. The lock is held
 * by a transaction of its own, on a connection the migrations do not use, and is released when it ends, or when its
 * connection drops with a killed instance. Waiting for another instance's migrations is no hung statement, so the
 * wait has no statement timeout. PGlite has one connection and one process: nothing to take turns with.
 */
function migrateInTurn(orm: Orm) {
  return orm.em.fork().transactional(async (em) => {
    const kysely = em.getKysely();
    await sql`set local statement_timeout = 0`.execute(kysely);
    await sql`select pg_advisory_xact_lock(hashtextextended('game-backend migrations', 0))`.execute(kysely);
    return orm.migrator.up();
  });
}

/**
 * From now on, a statement of the embedded database running past the configured statement timeout has its process
 * replaced. Called once the server has started: migrations and start-up work on a large database may take longer,
 * and cutting them would leave a server that can never start. Nothing to do on PostgreSQL.
 */
export function watchForHangs(orm: Orm, database: Database): void {
  if (database.kind === 'pglite') embedded.get(orm.config)?.watchForHangs(database.statementTimeoutMs ?? 0);
}

/**
 * Resolves once the database answers a round trip. PGlite's process is asked directly: its statements take turns on
 * one connection, and a `select 1` would wait behind every request in flight.
 */
export function databaseAnswers(em: EntityManager, withinMs: number): Promise<unknown> {
  return embedded.get(em.config)?.ping(withinMs) ?? em.execute('select 1');
}

/**
 * Writes a snapshot of the embedded database to the new file `path` (see `RemotePglite.dump`) and answers its size;
 * null when the database is not PGlite on disk, which has nothing a snapshot could restore.
 */
export function dumpEmbedded(orm: Orm, database: Database, path: string, hangAfterMs: number): Promise<number> | null {
  if (database.kind !== 'pglite' || database.dataDir === null) return null;
  return embedded.get(orm.config)?.dump(path, hangAfterMs) ?? null;
}

/** Runs `statement` on the embedded database, known to take far longer than a request's (see `RemotePglite.runLong`). */
export async function runLongOnEmbedded(orm: Orm, statement: string, hangAfterMs: number): Promise<void> {
  const pglite = embedded.get(orm.config);
  if (!pglite) throw new Error('the database is not the embedded one');
  await pglite.runLong(statement, hangAfterMs);
}

export async function closeDatabase(orm: Orm, force?: boolean): Promise<void> {
  await orm.close(force);
  await embedded.get(orm.config)?.close();
}
