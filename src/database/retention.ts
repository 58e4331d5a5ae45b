// Keeps the tables that grow with use from growing without bound: every so often, the rows past their table's
// retention are deleted, oldest first, in small batches, off the request path. Which tables, by which column and for
// how many days is the application's to say (persistence.ts); this knows none of them.
import { setTimeout as sleep } from 'node:timers/promises';
import { type Kysely, sql } from 'kysely';
import type { Logger } from '../logger.ts';
import type { Clock } from '../trpc/context.ts';
import { type Orm, runLongOnEmbedded } from './open.ts';
import type { GrowingTable } from './orm-options.ts';
import { readTableSizes } from './table-sizes.ts';

/**
 * Rows one statement deletes. Timed on PGlite's process with the index on the timestamp: about 7 ms a batch of 1000
 * (the median of 30), so a request queued behind one on PGlite's single connection waits a few milliseconds.
 */
export const PRUNE_BATCH_ROWS = 1000;
/**
 * Between two batches retention pauses four times as long as the last one took, and at least this long, so it takes
 * at most a fifth of one connection's time: with half, writes beside it on a 2-core box had twice their quiet p99
 * (bench/retention-write-latency.ts). Even so it removes up to 20 batches a second, far more than a busy network
 * writes.
 */
const MIN_PAUSE_MS = 50;
const PAUSE_PER_BATCH = 4;
/** A lock retention would wait on longer than this (another's DDL) fails the batch, which the next round retries. */
const LOCK_TIMEOUT = '100ms';
const DAY_MS = 86_400_000;
/**
 * How long a vacuum or an analyze may hold PGlite before its process is taken for stuck: far past a statement's
 * limit, since a vacuum reads the table's indexes whole (150 ms for a 300,000-command audit, so seconds for tens of
 * millions), yet bounded. Under the statement limit, such a table's vacuum would have the process replaced in every
 * round that tried it, and never finish.
 */
const VACUUM_HANG_LIMIT_MS = 10 * 60_000;
/** The share of a table's rows deleted since its last vacuum that has PGlite's vacuumed, as autovacuum's default. */
const VACUUM_SHARE = 0.2;

export interface RetentionOptions {
  orm: Orm;
  /** On PostgreSQL, instances sharing the database take turns per table; PGlite has one owner and no autovacuum. */
  kind: 'pglite' | 'postgresql';
  tables: GrowingTable[];
  intervalMs: number;
  clock: Clock;
  log: Logger;
  /** Told how many rows each batch removed from which table. */
  onPruned: (table: string, rows: number) => void;
}

/** What a batch removed and the newest timestamp among it, or 'taken' when another instance is pruning the table. */
type Pruned = { rows: number; through: Timestamp | null } | 'taken';
/** A timestamp as the driver gives it back (a Date from pg), handed back as a parameter as it came. */
type Timestamp = Date | string;

export class RetentionPruner {
  readonly #options: RetentionOptions;
  readonly #stopping = new AbortController();
  #timer: NodeJS.Timeout | undefined;
  #round: Promise<void> = Promise.resolve();
  /** Rows deleted from each table since this process last vacuumed it (PGlite). */
  readonly #deadSinceVacuum = new Map<string, number>();

  constructor(options: RetentionOptions) {
    this.#options = options;
  }

  /** Runs a first round at once, then one `intervalMs` after each round ends, so rounds never overlap. */
  start(): void {
    this.#schedule(0);
  }

  /** Stops after the batch in flight, which is short; a round cut here resumes on the next start. */
  async stop(): Promise<void> {
    this.#stopping.abort();
    clearTimeout(this.#timer);
    await this.#round;
  }

  #schedule(delayMs: number): void {
    if (this.#stopping.signal.aborted) return;
    this.#timer = setTimeout(() => {
      this.#round = this.round().finally(() => this.#schedule(this.#options.intervalMs));
    }, delayMs).unref();
  }

  /** One round over every table: never throws, so one failing table neither stops the others nor the next round. */
  async round(): Promise<void> {
    const { tables, kind, log } = this.#options;
    for (const { table, retention } of tables) {
      if (this.#stopping.signal.aborted) return;
      try {
        if (retention !== null && retention.days > 0) {
          const removed = await this.#drain(table, retention);
          this.#deadSinceVacuum.set(table, (this.#deadSinceVacuum.get(table) ?? 0) + removed);
        }
      } catch (error) {
        log.warn({ err: error, table }, 'retention could not prune a table; the next round tries again');
      }
    }
    if (kind === 'pglite' && !this.#stopping.signal.aborted)
      await this.#tidyPglite().catch((error: unknown) =>
        log.warn({ err: error }, 'retention could not vacuum or analyze the embedded database'),
      );
  }

  /**
   * PGlite runs no autovacuum: without a vacuum the space of deleted rows is never reused, and without an analyze
   * nothing estimates a table's rows for the metrics. A vacuum reads the table's indexes whole (152 ms after 30,000
   * of 300,000 commands were deleted, a pause for every request), so as autovacuum does, a table is vacuumed once a
   * fifth of its rows have been deleted since its last, and analyzed while no analyze has seen a row of it.
   */
  async #tidyPglite(): Promise<void> {
    const { orm, tables } = this.#options;
    for (const { table, estimatedRows, analyzedPages } of await readTableSizes(
      orm,
      tables.map(({ table }) => table),
    )) {
      if (this.#stopping.signal.aborted) return;
      const dead = this.#deadSinceVacuum.get(table) ?? 0;
      const vacuum = dead > 0 && dead >= VACUUM_SHARE * Math.max(estimatedRows, 0);
      if (!vacuum && analyzedPages > 0) continue;
      const statement = sql`${sql.raw(vacuum ? 'vacuum (analyze)' : 'analyze')} ${sql.table(table)}`;
      await runLongOnEmbedded(orm, statement.compile(this.#kysely()).sql, VACUUM_HANG_LIMIT_MS);
      if (vacuum) this.#deadSinceVacuum.delete(table);
    }
  }

  /**
   * Deletes batches until none is full, pausing between them; returns the rows removed. Each batch starts where the
   * last one ended: from the start, it would walk again through the index entries of every row deleted before,
   * which stay until a vacuum (beside the bench's writes on PostgreSQL, rounds then removed 69,000 rows in 12 s
   * rather than 155,000).
   */
  async #drain(table: string, { column, days }: { column: string; days: number }): Promise<number> {
    const cutoff = new Date(this.#options.clock().getTime() - days * DAY_MS);
    let removed = 0;
    let from: Timestamp | null = null;
    for (;;) {
      const started = performance.now();
      const pruned = await this.#batch(table, column, from, cutoff);
      if (pruned === 'taken') return removed;
      removed += pruned.rows;
      if (pruned.rows > 0) this.#options.onPruned(table, pruned.rows);
      if (pruned.rows < PRUNE_BATCH_ROWS) return removed;
      from = pruned.through;
      const pauseMs = Math.max(MIN_PAUSE_MS, PAUSE_PER_BATCH * (performance.now() - started));
      const paused = await sleep(pauseMs, true, { signal: this.#stopping.signal }).catch(() => false);
      if (!paused) return removed;
    }
  }

  /**
   * One batch: the oldest rows past the cutoff, found through the column's index and deleted by their tuple ids in
   * the same statement. A DELETE takes no lock that an INSERT waits for, and these tables' rows are never updated,
   * so the writes go on beside it. On PostgreSQL it runs in a transaction that holds a per-table advisory lock,
   * tried, not waited for: another instance already pruning that table has this round's work in hand ('taken').
   */
  async #batch(table: string, column: string, from: Timestamp | null, cutoff: Date): Promise<Pruned> {
    const at = sql.ref(column);
    const remove = async (db: Kysely<unknown>): Promise<Pruned> => {
      const { rows } = await sql<{ deleted: number; through: Timestamp | null }>`with gone as (
          delete from ${sql.table(table)} where ctid = any(array(
            select ctid from ${sql.table(table)}
            where ${at} < ${cutoff} and ${at} >= ${from ?? '-infinity'}
            order by ${at} limit ${PRUNE_BATCH_ROWS}))
          returning ${at} as at)
        select count(*)::int as deleted, max(at) as through from gone`.execute(db);
      return { rows: rows[0]!.deleted, through: rows[0]!.through };
    };
    if (this.#options.kind === 'pglite') return remove(this.#kysely());
    return this.#options.orm.em.fork().transactional(async (em) => {
      const db = em.getKysely() as Kysely<unknown>;
      await sql`select set_config('lock_timeout', ${LOCK_TIMEOUT}, true)`.execute(db);
      const { rows } = await sql<{ held: boolean }>`select pg_try_advisory_xact_lock(
          hashtextextended(${`retention ${table}`}, 0)) as held`.execute(db);
      return rows[0]!.held ? remove(db) : 'taken';
    });
  }

  #kysely(): Kysely<unknown> {
    return this.#options.orm.em.getKysely() as Kysely<unknown>;
  }
}
