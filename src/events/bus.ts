// Live events: the read side. Each change's event is stored by the change's own transaction (outbox.ts); an
// announcement (NOTIFY on PostgreSQL, a call within the process on PGlite) wakes each instance's feed, which reads
// what is new in one query. A subscriber holds a cursor, the id of the last event it received, so it gets every
// event of its family once, in commit order, live or resuming from `lastEventId`.
import type { EntityManager } from '@mikro-orm/sql';
import type { Orm } from '../database/open.ts';
import { AppError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { ServerMetrics } from '../metrics/server-metrics.ts';
import { type Outbound, roomFor } from './backpressure.ts';
import { EventStore, type Listener, RETENTION_MS } from './event-store.ts';
import { FamilyFeed, type StoredEvent } from './family-feed.ts';
import { SIGNAL_PREFIX, Signals } from './signals.ts';

export interface LiveEventMessage {
  id: string;
  type: string;
  timestamp: string;
  data: unknown;
}

/** A NOTIFY payload is `events:<family>`, or a signal's (signals.ts). */
const EVENTS_PREFIX = 'events:';

function toMessage(event: StoredEvent): LiveEventMessage {
  return { id: event.id.toString(), type: event.type, timestamp: event.timestamp, data: event.data };
}

export class EventBus {
  readonly #orm: Orm;
  readonly #store: EventStore;
  readonly #signals = new Signals();
  readonly #log: Logger;
  readonly #metrics: ServerMetrics;
  readonly #feeds = new Map<string, FamilyFeed>();
  readonly #families: string[];
  readonly #subscribers: Map<string, number>;
  #listener: Listener | null = null;

  /** `families`: those whose changes are announced, each with its own channel. */
  constructor(orm: Orm, families: string[], log: Logger, metrics: ServerMetrics) {
    this.#orm = orm;
    this.#store = new EventStore(orm);
    this.#families = families;
    this.#subscribers = new Map(families.map((family) => [family, 0]));
    this.#log = log;
    this.#metrics = metrics;
  }

  /** Reads where each family's events stand, so that a subscriber without `lastEventId` starts from now. */
  async start(): Promise<void> {
    if (this.#families.length === 0) return;
    const read = (family: string, after: bigint, upTo: bigint | null, limit: number) =>
      this.#store.read(family, after, upTo, limit);
    for (const [family, head] of await this.#store.heads(this.#families))
      this.#feeds.set(family, new FamilyFeed(family, head, read, this.#log));
  }

  #feed(family: string): FamilyFeed {
    const feed = this.#feeds.get(family);
    if (!feed) throw new Error('the event bus has not started');
    return feed;
  }

  /** On PostgreSQL: from now on other instances' events and signals arrive through `listener`, which calls `heard`. */
  useListener(listener: Listener): void {
    this.#listener = listener;
    this.#store.useListener(listener);
    this.#signals.notifyOthers(() => this.#orm.em.fork());
  }

  /** Whether events are announced by NOTIFY (PostgreSQL) rather than within this process (PGlite). */
  get announcesByNotify(): boolean {
    return this.#listener !== null;
  }

  /** A payload heard on the NOTIFY channel, from any instance. */
  heard(payload: string): void {
    if (payload.startsWith(SIGNAL_PREFIX)) {
      this.#signals.heard(payload.slice(SIGNAL_PREFIX.length));
      return;
    }
    const family = payload.slice(EVENTS_PREFIX.length);
    if (payload.startsWith(EVENTS_PREFIX)) this.#feeds.get(family)?.wake();
  }

  /** Announcements may have been missed (the listener reconnected): every feed reads what is new, every signal runs. */
  catchUp(): void {
    for (const feed of this.#feeds.values()) feed.wake();
    this.#signals.replayAll();
  }

  /** A change of `family` committed on this instance: its feed reads it without waiting for the announcement. */
  committed(family: string): void {
    this.#metrics.eventsPublished.inc({ family });
    this.#feed(family).wake();
  }

  /** Runs `handler` whenever any instance sends the signal `name` (see signals.ts). */
  onSignal(name: string, handler: () => void): void {
    this.#signals.on(name, handler);
  }

  /** Sends the signal `name` to the other instances when the transaction `em` runs in commits (see Signals.sendIn). */
  signalIn(em: EntityManager, name: string): Promise<void> {
    return this.#signals.sendIn(em, name);
  }

  /** Sends the signal `name` to every instance on the database, this one included. */
  signal(name: string): Promise<void> {
    return this.#signals.send(name);
  }

  /** Refuses a resume from before the oldest kept event: the client must reload rather than miss what was removed. */
  async #assertKept(family: string, lastEventId: bigint): Promise<void> {
    const prunedThrough = await this.#store.prunedThrough(family);
    if (prunedThrough !== null && lastEventId < prunedThrough) {
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
    const head = (await this.#store.heads([family])).get(family) ?? 0n;
    if (lastEventId > head) {
      throw AppError.explained(
        'events_ahead',
        'lastEventId is ahead of the newest event',
        'no event has this id yet (the data was reset or restored); reload the state, then subscribe without lastEventId',
      );
    }
  }

  /**
   * Every event of `family` after `lastEventId` (or, without it, from now), in commit order, each once. Memory per
   * subscriber is its cursor: events come from the feed's recent ones or, further back, from the table a page at a time.
   * It resolves once the cursor is fixed, so that whatever commits after it is delivered. "Now" is the database's
   * newest event, not the feed's head: the feed reads a commit a moment after it is acknowledged, and a subscriber
   * that starts in that moment must not receive the change it was told had already happened.
   */
  async subscribe(
    family: string,
    lastEventId: string | null,
    signal: AbortSignal | undefined,
    socket: Outbound | null,
  ): Promise<AsyncGenerator<LiveEventMessage>> {
    const feed = this.#feed(family);
    if (lastEventId === null) {
      const committed = (await this.#store.heads([family])).get(family) ?? 0n;
      return this.#deliver(family, feed, committed > feed.head ? committed : feed.head, signal, socket);
    }
    const cursor = BigInt(lastEventId);
    await this.#assertKept(family, cursor);
    if (cursor > feed.head) await this.#assertNotAhead(family, cursor);
    return this.#deliver(family, feed, cursor, signal, socket);
  }

  async *#deliver(
    family: string,
    feed: FamilyFeed,
    from: bigint,
    signal: AbortSignal | undefined,
    socket: Outbound | null,
  ): AsyncGenerator<LiveEventMessage> {
    let cursor = from;
    const fellBehind = () => this.#metrics.subscribersClosedBehind.inc({ family });
    this.#subscribers.set(family, this.#subscribers.get(family)! + 1);
    try {
      while (!signal?.aborted) {
        const batch = await feed.after(cursor);
        if (batch.length === 0) {
          await feed.waitPast(cursor, signal);
          continue;
        }
        for (const event of batch) {
          if (!(await roomFor(socket, signal, fellBehind))) return;
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

  /** Removes stored events past their retention; a resume from before them is then refused. */
  prune(now: Date): Promise<void> {
    return this.#store.prune(now);
  }

  subscriberCount(family: string): number {
    return this.#subscribers.get(family) ?? 0;
  }

  async close(): Promise<void> {
    for (const feed of this.#feeds.values()) feed.close();
    this.#signals.close();
    await this.#listener?.close();
  }
}
