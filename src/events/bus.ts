// Live events: each committed change is stored as a row, then announced. Subscribers get what they missed from the
// table (bounded) and then each new event as it is announced: on PostgreSQL by NOTIFY to every instance, on PGlite
// within this process.
import { EventEmitter, on } from 'node:events';
import type { Family } from '../auth.ts';
import type { Orm } from '../database.ts';
import type { Logger } from '../logger.ts';
import type { ServerMetrics } from '../metrics/server-metrics.ts';
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
/** A NOTIFY payload is a stored event's id, or this prefix and the name of a signal for every instance. */
const SIGNAL_PREFIX = 'signal:';
const SIGNAL_EVENT = Symbol('signal');
/** At most this many missed events are replayed to a reconnecting subscriber. */
export const REPLAY_LIMIT = 1000;
/** Stored events older than this are removed. */
const RETENTION_MS = 60 * 60 * 1000;

function toMessage(row: EventRow): LiveEventMessage {
  return { id: row.id, type: row.type, timestamp: isoFromTimestamptz(row.created_at), data: row.data };
}

/** A connection that hears the ids NOTIFY announces, to every instance (this one included). */
export interface Listener {
  close(): Promise<void>;
}

export class EventBus {
  readonly #orm: Orm;
  readonly #log: Logger;
  readonly #metrics: ServerMetrics;
  readonly #emitter = new EventEmitter({ captureRejections: true });
  #listener: Listener | null = null;

  constructor(orm: Orm, log: Logger, metrics: ServerMetrics) {
    this.#orm = orm;
    this.#log = log;
    this.#metrics = metrics;
    this.#emitter.setMaxListeners(0);
  }

  /** On PostgreSQL: from now on events are announced by NOTIFY, and `listener` hands each payload to `heard`. */
  useListener(listener: Listener): void {
    this.#listener = listener;
  }

  /**
   * A payload heard on the NOTIFY channel, from any instance. Loading an event can fail (no pool connection, the
   * database gone); that is logged here, and the subscribers recover the event when they resume.
   */
  heard(payload: string): void {
    if (payload.startsWith(SIGNAL_PREFIX)) {
      this.#emitter.emit(SIGNAL_EVENT, payload.slice(SIGNAL_PREFIX.length));
      return;
    }
    if (!/^\d{1,19}$/.test(payload)) return;
    this.#received(payload).catch((error: unknown) => this.#log.error({ err: error, id: payload }, 'could not load an announced live event'));
  }

  /** Runs `handler` whenever any instance on this database sends the signal `name`, this one included. */
  onSignal(name: string, handler: () => void): void {
    this.#emitter.on(SIGNAL_EVENT, (signalled: string) => signalled === name && handler());
  }

  /** Sends the signal `name` to every instance: by NOTIFY on PostgreSQL, within this process on PGlite. */
  async signal(name: string): Promise<void> {
    this.#emitter.emit(SIGNAL_EVENT, name);
    if (this.#listener) await this.#orm.em.fork().execute('select pg_notify(?, ?)', [NOTIFY_CHANNEL, `${SIGNAL_PREFIX}${name}`]);
  }

  /** An announced id: load its row once and hand it to this instance's subscribers. */
  async #received(id: string): Promise<void> {
    const rows = await this.#orm.em.fork().execute<EventRow[]>(
      'select id::text as id, family, type, data, created_at from live_events where id = ?',
      [id],
    );
    if (rows[0]) this.#emitter.emit(rows[0].family, rows[0]);
  }

  /** Stores and announces a committed change. Failure is logged, never thrown: the change itself has committed. */
  async publish(family: Family, type: string, data: unknown, now: Date): Promise<void> {
    try {
      // One statement stores the row and, on PostgreSQL, queues the NOTIFY that its commit sends.
      const rows = await this.#orm.em.fork().execute<EventRow[]>(
        `with stored as (insert into live_events (family, type, data, created_at) values (?, ?, ?, ?)
                         returning id::text as id, family, type, data, created_at)
         select stored.*${this.#listener ? `, pg_notify('${NOTIFY_CHANNEL}', stored.id)` : ''} from stored`,
        [family, type, data === undefined ? null : JSON.stringify(data), now],
      );
      this.#metrics.eventsPublished.inc({ family });
      if (!this.#listener) this.#emitter.emit(family, rows[0]!);
    } catch (error) {
      this.#log.error({ err: error, family, type }, 'could not publish a live event');
    }
  }

  /**
   * Missed events after `lastEventId` (from the table), then live ones as they arrive. Listening starts before the
   * replay so nothing announced meanwhile is lost, and an event both replayed and heard live is sent once. Live
   * events are never dropped for arriving out of id order: concurrent commits can announce in any order.
   */
  async *subscribe(family: Family, lastEventId: string | null, signal: AbortSignal | undefined): AsyncGenerator<LiveEventMessage> {
    const live = on(this.#emitter, family, { signal }) as AsyncIterableIterator<[EventRow]>;
    const replayed = new Set<string>();
    try {
      if (lastEventId !== null) {
        const missed = await this.#orm.em.fork().execute<EventRow[]>(
          `select id::text as id, family, type, data, created_at from live_events where family = ? and id > ? order by id limit ${REPLAY_LIMIT}`,
          [family, lastEventId],
        );
        for (const row of missed) {
          replayed.add(row.id);
          this.#metrics.eventsDelivered.inc({ family });
          yield toMessage(row);
        }
      }
      for await (const [row] of live) {
        if (replayed.delete(row.id)) continue;
        this.#metrics.eventsDelivered.inc({ family });
        this.#metrics.eventLag.observe({ family }, Math.max(0, Date.now() - Date.parse(isoFromTimestamptz(row.created_at))) / 1000);
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
    await this.#listener?.close();
  }
}
