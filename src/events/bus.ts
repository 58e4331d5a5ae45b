// Live events: each committed change is stored as a row, then announced. Subscribers get what they missed from the
// table (bounded) and then each new event as it is announced: on PostgreSQL by NOTIFY to every instance, on PGlite
// within this process.
import { EventEmitter, on } from 'node:events';
import type { Family } from '../auth.ts';
import type { Orm } from '../database.ts';
import type { Logger } from '../logger.ts';
import { isoFromTimestamptz } from '../../routers/shared/sql.ts';

export interface LiveEventMessage {
  id: string;
  type: string;
  timestamp: string;
  data: unknown;
}

interface EventRow {
  id: string;
  family: Family;
  type: string;
  data: unknown;
  created_at: string;
}

export const NOTIFY_CHANNEL = 'live_events';
/** At most this many missed events are replayed to a reconnecting subscriber. */
export const REPLAY_LIMIT = 1000;
/** Stored events older than this are removed. */
const RETENTION_MS = 60 * 60 * 1000;

function toMessage(row: EventRow): LiveEventMessage {
  return { id: row.id, type: row.type, timestamp: isoFromTimestamptz(row.created_at), data: row.data };
}

export interface Announcer {
  /** Tells every instance (this one included) that the event row `id` exists. */
  announce(id: string): Promise<void>;
  close(): Promise<void>;
}

export class EventBus {
  readonly #orm: Orm;
  readonly #log: Logger;
  readonly #emitter = new EventEmitter({ captureRejections: true });
  #announcer: Announcer | null = null;

  constructor(orm: Orm, log: Logger) {
    this.#orm = orm;
    this.#log = log;
    this.#emitter.setMaxListeners(0);
  }

  /** Called once the announcer is connected; it hands each announced id back through `received`. */
  useAnnouncer(announcer: Announcer): void {
    this.#announcer = announcer;
  }

  /** An announced id: load its row once and hand it to this instance's subscribers. */
  async received(id: string): Promise<void> {
    const rows = await this.#orm.em.fork().execute<EventRow[]>(
      'select id::text as id, family, type, data, created_at from live_events where id = ?',
      [id],
    );
    if (rows[0]) this.#emitter.emit(rows[0].family, rows[0]);
  }

  /** Stores and announces a committed change. Failure is logged, never thrown: the change itself has committed. */
  async publish(family: Family, type: string, data: unknown, now: Date): Promise<void> {
    try {
      const rows = await this.#orm.em.fork().execute<EventRow[]>(
        `insert into live_events (family, type, data, created_at) values (?, ?, ?, ?)
         returning id::text as id, family, type, data, created_at`,
        [family, type, data === undefined ? null : JSON.stringify(data), now],
      );
      const row = rows[0]!;
      if (this.#announcer) await this.#announcer.announce(row.id);
      else this.#emitter.emit(family, row);
    } catch (error) {
      this.#log.error({ err: error, family, type }, 'could not publish a live event');
    }
  }

  /**
   * Missed events after `lastEventId` (from the table), then live ones, in id order without repeats. Listening
   * starts before the replay so nothing announced meanwhile is lost.
   */
  async *subscribe(family: Family, lastEventId: string | null, signal: AbortSignal | undefined): AsyncGenerator<LiveEventMessage> {
    const live = on(this.#emitter, family, { signal }) as AsyncIterableIterator<[EventRow]>;
    let last = lastEventId === null ? null : BigInt(lastEventId);
    try {
      if (last !== null) {
        const missed = await this.#orm.em.fork().execute<EventRow[]>(
          `select id::text as id, family, type, data, created_at from live_events where family = ? and id > ? order by id limit ${REPLAY_LIMIT}`,
          [family, last.toString()],
        );
        for (const row of missed) {
          last = BigInt(row.id);
          yield toMessage(row);
        }
      }
      for await (const [row] of live) {
        if (last !== null && BigInt(row.id) <= last) continue;
        last = BigInt(row.id);
        yield toMessage(row);
      }
    } catch (error) {
      if (!(error instanceof Error && error.name === 'AbortError')) throw error;
    } finally {
      await live.return?.();
    }
  }

  /** Removes stored events past their retention. */
  async prune(now: Date): Promise<void> {
    await this.#orm.em.fork().execute('delete from live_events where created_at < ?', [new Date(now.getTime() - RETENTION_MS)]);
  }

  listenerCount(family: Family): number {
    return this.#emitter.listenerCount(family);
  }

  async close(): Promise<void> {
    this.#emitter.removeAllListeners();
    await this.#announcer?.close();
  }
}
