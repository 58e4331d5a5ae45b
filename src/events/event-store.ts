// The live events' queries, typed over their own tables: where each family stands, a page of events, what retention
// removed, and the removal itself.
import type { Kysely } from '@mikro-orm/sql';
import { sql } from 'kysely';
import type { Orm } from '../database/open.ts';
import { type EventsDatabase, eventQueries } from './event-tables.ts';
import type { StoredEvent } from './family-feed.ts';

/** Stored events older than this are removed; a resume from before them is refused. */
export const RETENTION_MS = 60 * 60 * 1000;

/** A connection of its own that hears what NOTIFY announces, to every instance (this one included). */
export interface Listener {
  /** Runs a read on that connection (`$1` placeholders, as pg takes them); fails while it is reconnecting. */
  query<Row>(text: string, values: readonly unknown[]): Promise<Row[]>;
  close(): Promise<void>;
}

interface EventRow {
  id: string;
  type: string;
  timestamp: string;
  data: unknown;
  size: number;
}

function toStored(row: EventRow): StoredEvent {
  return { id: BigInt(row.id), type: row.type, timestamp: row.timestamp, data: row.data, size: Number(row.size) };
}

export class EventStore {
  readonly #orm: Orm;
  #listener: Listener | null = null;

  constructor(orm: Orm) {
    this.#orm = orm;
  }

  #queries(): Kysely<EventsDatabase> {
    return eventQueries(this.#orm.em.fork());
  }

  /** From now on, reads go over the listener's own connection, so as not to queue behind writes for the pool. */
  useListener(listener: Listener): void {
    this.#listener = listener;
  }

  /**
   * Where each family stands: its newest event, or the newest one retention removed when that is later (every event
   * was removed). Ids only grow, so nothing stored later can be at or below it.
   */
  async heads(families: string[]): Promise<Map<string, bigint>> {
    const queries = this.#queries();
    const [newest, pruned] = await Promise.all([
      queries
        .selectFrom('LiveEvent')
        .select(['family', sql<string>`max(id)::text`.as('head')])
        .where('family', 'in', families)
        .groupBy('family')
        .execute(),
      queries
        .selectFrom('LiveEventHorizon')
        .select(['family', 'prunedThrough'])
        .where('family', 'in', families)
        .execute(),
    ]);
    const heads = new Map(families.map((family) => [family, 0n]));
    for (const { family, head } of newest) heads.set(family, BigInt(head));
    for (const { family, prunedThrough } of pruned)
      if (BigInt(prunedThrough) > heads.get(family)!) heads.set(family, BigInt(prunedThrough));
    return heads;
  }

  /** The newest id retention removed from `family`, or null when it has removed none. */
  async prunedThrough(family: string): Promise<bigint | null> {
    const horizon = await this.#queries()
      .selectFrom('LiveEventHorizon')
      .select('prunedThrough')
      .where('family', '=', family)
      .executeTakeFirst();
    return horizon ? BigInt(horizon.prunedThrough) : null;
  }

  /** The events of `family` with `after < id <= upTo` (no upper bound when null), in id order, at most `limit`. */
  async read(family: string, after: bigint, upTo: bigint | null, limit: number): Promise<StoredEvent[]> {
    let query = this.#queries()
      .selectFrom('LiveEvent')
      .select([
        sql<string>`id::text`.as('id'),
        'type',
        'data',
        sql<number>`coalesce(octet_length(data::text), 0)`.as('size'),
        sql<string>`to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`.as('timestamp'),
      ])
      .where('family', '=', family)
      .where('id', '>', after.toString())
      // Qualified: a bare `id` would order by the text alias of the same name.
      .orderBy('LiveEvent.id')
      .limit(limit);
    if (upTo !== null) query = query.where('id', '<=', upTo.toString());
    const fromPool = async () => (await query.execute()) as EventRow[];
    if (!this.#listener) return (await fromPool()).map(toStored);
    const compiled = query.compile();
    const rows = await this.#listener.query<EventRow>(compiled.sql, compiled.parameters).catch(fromPool);
    return rows.map(toStored);
  }

  /** Removes stored events past their retention, and records the newest removed id of each family. */
  async prune(now: Date): Promise<void> {
    await this.#queries()
      .with('pruned', (queries) =>
        queries
          .deleteFrom('LiveEvent')
          .where('createdAt', '<', new Date(now.getTime() - RETENTION_MS))
          .returning(['family', 'id']),
      )
      .insertInto('LiveEventHorizon')
      .columns(['family', 'prunedThrough'])
      .expression((queries) =>
        queries
          .selectFrom('pruned')
          .select(['family', (eb) => eb.fn.max('id').as('prunedThrough')])
          .groupBy('family'),
      )
      .onConflict((conflict) =>
        conflict.column('family').doUpdateSet((eb) => ({
          prunedThrough: sql`greatest(${eb.ref('LiveEventHorizon.prunedThrough')}, ${eb.ref('excluded.prunedThrough')})`,
        })),
      )
      .execute();
  }
}
