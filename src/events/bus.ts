// Live events: the read side. Each change's event is stored by the change's own transaction (outbox.ts); an
// announcement (NOTIFY on PostgreSQL, a call within the process on PGlite) wakes each instance's feed, which reads
// what is new in one query. A subscriber holds a cursor, the id of the last event it received, so it gets every
// event of its family once, in commit order, live or resuming from `lastEventId`.
import { EventEmitter } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Orm } from '../database/open.ts';
import { AppError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { ServerMetrics } from '../metrics/server-metrics.ts';
import { FamilyFeed, type StoredEvent } from './family-feed.ts';
import { NOTIFY_CHANNEL } from './outbox.ts';

export interface LiveEventMessage {
  id: string;
  type: string;
  timestamp: string;
  data: unknown;
}

/** The socket a subscription's events go out on, as far as backpressure needs it. */
export interface Outbound {
  readonly bufferedAmount: number;
  close(code: number, reason: string): void;
}

/** A NOTIFY payload is `events:<family>`, or this prefix and the name of a signal for every instance. */
const SIGNAL_PREFIX = 'signal:';
const EVENTS_PREFIX = 'events:';
const SIGNAL_EVENT = Symbol('signal');
/** Stored events older than this are removed; a resume from before them is refused. */
export const RETENTION_MS = 60 * 60 * 1000;
/** A subscriber's socket may hold this much unsent; beyond it, the subscriber waits before taking more events. */
export const OUTBOUND_HIGH_WATER_BYTES = 1024 * 1024;
/** A subscriber whose socket stays that full this long has fallen behind: it is closed and resumes from its cursor. */
export const STALL_LIMIT_MS = 10_000;
const DRAIN_POLL_MS = 25;
/** The close code a subscriber that fell behind gets (4000–4999 are the application's). */
export const FELL_BEHIND_CLOSE_CODE = 4410;

function toMessage(event: StoredEvent): LiveEventMessage {
  return { id: event.id.toString(), type: event.type, timestamp: event.timestamp, data: event.data };
}

/** A connection of its own that hears what NOTIFY announces, to every instance (this one included). */
export interface Listener {
  /** Runs a read on that connection (`$1` placeholders, as pg takes them); fails while it is reconnecting. */
  query<Row>(text: string, values: unknown[]): Promise<Row[]>;
  close(): Promise<void>;
}

interface EventRow {
  id: string;
  type: string;
  timestamp: string;
  data: unknown;
  size: number;
}

export class EventBus {
  readonly #orm: Orm;
  readonly #log: Logger;
  readonly #metrics: ServerMetrics;
  readonly #emitter = new EventEmitter();
  readonly #feeds = new Map<string, FamilyFeed>();
  readonly #families: string[];
  readonly #subscribers: Map<string, number>;
  readonly #signalNames = new Set<string>();
  #listener: Listener | null = null;

  /** `families`: those whose changes are announced, each with its own channel. */
  constructor(orm: Orm, families: string[], log: Logger, metrics: ServerMetrics) {
    this.#orm = orm;
    this.#families = families;
    this.#subscribers = new Map(families.map((family) => [family, 0]));
    this.#log = log;
    this.#metrics = metrics;
    this.#emitter.setMaxListeners(0);
  }

  /** Reads where each family's events stand, so that a subscriber without `lastEventId` starts from now. */
  async start(): Promise<void> {
    if (this.#families.length === 0) return;
    const rows = await this.#orm.em.fork().execute<{ family: string; head: string }[]>(
      `select f.family, greatest(coalesce((select max(id) from live_events e where e.family = f.family), 0),
                                 coalesce((select pruned_through from live_event_horizons h where h.family = f.family), 0))::text as head
       from (values ${this.#families.map(() => '(?::varchar)').join(', ')}) as f(family)`,
      this.#families,
    );
    for (const { family, head } of rows)
      this.#feeds.set(family, new FamilyFeed(family, BigInt(head), (...args) => this.#readEvents(...args), this.#log));
  }

  #feed(family: string): FamilyFeed {
    const feed = this.#feeds.get(family);
    if (!feed) throw new Error('the event bus has not started');
    return feed;
  }

  /** Reads on the listener's own connection when there is one, so as not to queue behind writes for the pool. */
  async #readEvents(family: string, after: bigint, upTo: bigint | null, limit: number): Promise<StoredEvent[]> {
    const sql = `select id::text as id, type, data, coalesce(octet_length(data::text), 0) as size,
                        to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as timestamp
                 from live_events where family = ? and id > ? ${upTo === null ? '' : 'and id <= ?'} order by live_events.id limit ${limit}`;
    const params = upTo === null ? [family, after.toString()] : [family, after.toString(), upTo.toString()];
    const fromPool = () => this.#orm.em.fork().execute<EventRow[]>(sql, params);
    let placeholder = 0;
    const rows = await (this.#listener
      ? this.#listener
          .query<EventRow>(
            sql.replace(/\?/g, () => `$${++placeholder}`),
            params,
          )
          .catch(fromPool)
      : fromPool());
    return rows.map((row) => ({
      id: BigInt(row.id),
      type: row.type,
      timestamp: row.timestamp,
      data: row.data,
      size: Number(row.size),
    }));
  }

  /** On PostgreSQL: from now on other instances' events and signals arrive through `listener`, which calls `heard`. */
  useListener(listener: Listener): void {
    this.#listener = listener;
  }

  /** Whether events are announced by NOTIFY (PostgreSQL) rather than within this process (PGlite). */
  get announcesByNotify(): boolean {
    return this.#listener !== null;
  }

  /** A payload heard on the NOTIFY channel, from any instance. */
  heard(payload: string): void {
    if (payload.startsWith(SIGNAL_PREFIX)) {
      this.#emitter.emit(SIGNAL_EVENT, payload.slice(SIGNAL_PREFIX.length));
      return;
    }
    const family = payload.slice(EVENTS_PREFIX.length) as string;
    if (payload.startsWith(EVENTS_PREFIX) && this.#feeds.has(family)) this.#feeds.get(family)!.wake();
  }

  /**
   * Announcements may have been missed (the listener reconnected): every feed reads what is new, and every signal is
   * run once here, since which were sent meanwhile cannot be known; a signal's handler is safe to run again.
   */
  catchUp(): void {
    for (const feed of this.#feeds.values()) feed.wake();
    for (const name of this.#signalNames) this.#emitter.emit(SIGNAL_EVENT, name);
  }

  /** A change of `family` committed on this instance: its feed reads it without waiting for the announcement. */
  committed(family: string): void {
    this.#metrics.eventsPublished.inc({ family });
    this.#feed(family).wake();
  }

  /**
   * Runs `handler` whenever any instance on this database sends the signal `name`, this one included, and after the
   * listener reconnects (a signal sent meanwhile may have been missed), so it must be safe to run again.
   */
  onSignal(name: string, handler: () => void): void {
    this.#signalNames.add(name);
    this.#emitter.on(SIGNAL_EVENT, (signalled: string) => signalled === name && handler());
  }

  /** Sends the signal `name` to every instance: by NOTIFY on PostgreSQL, within this process on PGlite. */
  async signal(name: string): Promise<void> {
    this.#emitter.emit(SIGNAL_EVENT, name);
    if (this.#listener)
      await this.#orm.em.fork().execute('select pg_notify(?, ?)', [NOTIFY_CHANNEL, `${SIGNAL_PREFIX}${name}`]);
  }

  /** Refuses a resume from before the oldest kept event: the client must reload rather than miss what was removed. */
  async #assertKept(family: string, lastEventId: bigint): Promise<void> {
    const [horizon] = await this.#orm.em
      .fork()
      .execute<{ pruned_through: string }[]>(
        'select pruned_through::text as pruned_through from live_event_horizons where family = ?',
        [family],
      );
    if (horizon && lastEventId < BigInt(horizon.pruned_through)) {
      throw AppError.explained(
        'events_expired',
        'lastEventId is older than the events kept',
        `events are kept for ${RETENTION_MS / 60_000} minutes; reload the state, then subscribe without lastEventId`,
      );
    }
  }

  /**
   * Refuses a resume from past the family's newest event, which no event would ever follow until the ids caught up.
   * The feed's head may lag what other instances committed, so the database decides.
   */
  async #assertNotAhead(family: string, lastEventId: bigint): Promise<void> {
    const [newest] = await this.#orm.em.fork().execute<{ head: string }[]>(
      `select greatest(coalesce((select max(id) from live_events e where e.family = ?), 0),
                       coalesce((select pruned_through from live_event_horizons h where h.family = ?), 0))::text as head`,
      [family, family],
    );
    if (lastEventId > BigInt(newest?.head ?? '0')) {
      throw AppError.explained(
        'events_ahead',
        'lastEventId is ahead of the newest event',
        'no event has this id yet (the data was reset or restored); reload the state, then subscribe without lastEventId',
      );
    }
  }

  /**
   * Waits while the subscriber's socket is over its high-water mark. True when it drained; false when it stayed full
   * past the stall limit, and the socket was closed so that the client resumes from its cursor.
   */
  async #roomFor(socket: Outbound | null, family: string, signal: AbortSignal | undefined): Promise<boolean> {
    if (!socket || socket.bufferedAmount <= OUTBOUND_HIGH_WATER_BYTES) return true;
    const since = Date.now();
    while (socket.bufferedAmount > OUTBOUND_HIGH_WATER_BYTES) {
      if (signal?.aborted) return false;
      if (Date.now() - since > STALL_LIMIT_MS) {
        this.#metrics.subscribersClosedBehind.inc({ family });
        socket.close(FELL_BEHIND_CLOSE_CODE, 'fell behind the live events; resume with lastEventId');
        return false;
      }
      await sleep(DRAIN_POLL_MS);
    }
    return true;
  }

  /**
   * Every event of `family` after `lastEventId` (or, without it, from now), in commit order, each once. Memory per
   * subscriber is its cursor: events come from the feed's recent ones or, further back, from the table a page at a time.
   */
  async *subscribe(
    family: string,
    lastEventId: string | null,
    signal: AbortSignal | undefined,
    socket: Outbound | null,
  ): AsyncGenerator<LiveEventMessage> {
    const feed = this.#feed(family);
    let cursor = lastEventId === null ? feed.head : BigInt(lastEventId);
    if (lastEventId !== null) await this.#assertKept(family, cursor);
    if (cursor > feed.head) await this.#assertNotAhead(family, cursor);
    this.#subscribers.set(family, this.#subscribers.get(family)! + 1);
    try {
      while (!signal?.aborted) {
        const batch = await feed.after(cursor);
        if (batch.length === 0) {
          await feed.waitPast(cursor, signal);
          continue;
        }
        for (const event of batch) {
          if (!(await this.#roomFor(socket, family, signal))) return;
          cursor = event.id;
          this.#metrics.eventsDelivered.inc({ family });
          this.#metrics.eventLag.observe({ family }, Math.max(0, Date.now() - Date.parse(event.timestamp)) / 1000);
          yield toMessage(event);
        }
      }
    } finally {
      this.#subscribers.set(family, this.#subscribers.get(family)! - 1);
    }
  }

  /** Removes stored events past their retention, and records the newest removed id so a resume from before it is refused. */
  async prune(now: Date): Promise<void> {
    await this.#orm.em.fork().execute(
      `with pruned as (delete from live_events where created_at < ? returning family, id)
       insert into live_event_horizons (family, pruned_through) select family, max(id) from pruned group by family
       on conflict (family) do update set pruned_through = greatest(live_event_horizons.pruned_through, excluded.pruned_through)`,
      [new Date(now.getTime() - RETENTION_MS)],
    );
  }

  subscriberCount(family: string): number {
    return this.#subscribers.get(family) ?? 0;
  }

  async close(): Promise<void> {
    for (const feed of this.#feeds.values()) feed.close();
    this.#emitter.removeAllListeners();
    await this.#listener?.close();
  }
}
