// Signals every instance on the database hears, this one included, such as "clear your caches": sent by NOTIFY on
// PostgreSQL and within the process on PGlite, and run again after a reconnect, since one sent meanwhile may be lost.
import { EventEmitter } from 'node:events';
import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import { eventQueries } from './event-tables.ts';
import { NOTIFY_CHANNEL } from './outbox.ts';

/** A NOTIFY payload that carries a signal is this prefix and the signal's name. */
export const SIGNAL_PREFIX = 'signal:';
const SIGNAL_EVENT = Symbol('signal');

export class Signals {
  readonly #emitter = new EventEmitter();
  readonly #names = new Set<string>();
  /** Where a signal is announced to the other instances; null while there are none to tell (PGlite). */
  #notifyOn: (() => EntityManager) | null = null;

  constructor() {
    this.#emitter.setMaxListeners(0);
  }

  /** On PostgreSQL: signals are sent by NOTIFY on connections `em` gives. */
  notifyOthers(em: () => EntityManager): void {
    this.#notifyOn = em;
  }

  /** Runs `handler` whenever any instance sends `name`, and after every reconnect; it must be safe to run again. */
  on(name: string, handler: () => void): void {
    this.#names.add(name);
    this.#emitter.on(SIGNAL_EVENT, (signalled: string) => signalled === name && handler());
  }

  /** A signal heard from any instance. */
  heard(name: string): void {
    this.#emitter.emit(SIGNAL_EVENT, name);
  }

  /** Runs every signal once, since which were sent while announcements could not be heard cannot be known. */
  replayAll(): void {
    for (const name of this.#names) this.#emitter.emit(SIGNAL_EVENT, name);
  }

  async send(name: string): Promise<void> {
    this.#emitter.emit(SIGNAL_EVENT, name);
    // pg_notify is a function call on no table: Kysely has no builder for it.
    if (this.#notifyOn)
      await sql`select pg_notify(${NOTIFY_CHANNEL}, ${`${SIGNAL_PREFIX}${name}`})`.execute(
        eventQueries(this.#notifyOn()),
      );
  }

  /**
   * Sends `name` to the other instances by the transaction `em` runs in: NOTIFY is delivered once it commits, and
   * never after a rollback. This instance hears it then too on PostgreSQL, but not on PGlite, where there are no
   * others: the caller acts on its own instance when the transaction commits.
   */
  async sendIn(em: EntityManager, name: string): Promise<void> {
    if (this.#notifyOn)
      await sql`select pg_notify(${NOTIFY_CHANNEL}, ${`${SIGNAL_PREFIX}${name}`})`.execute(eventQueries(em));
  }

  close(): void {
    this.#emitter.removeAllListeners();
  }
}
