// One instance's reading of one family's events. An announcement wakes it, and it reads everything new in one query
// (`id > head`, in pages); announcements that arrive during a read make it read once more, never once each. It keeps
// the most recent events in memory for its subscribers, who each hold only a cursor.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../logger.ts';

export interface StoredEvent {
  id: bigint;
  type: string;
  timestamp: string;
  data: unknown;
  /** The size of its data as JSON, in bytes. */
  size: number;
}

/** Reads a family's events with `after < id <= upTo` (no upper bound when null), in id order, at most `limit`. */
export type ReadEvents = (family: string, after: bigint, upTo: bigint | null, limit: number) => Promise<StoredEvent[]>;

/** The most events one query reads, and one subscriber receives per step. */
const PAGE_SIZE = 500;
/** The events kept in memory, by count and by the size of their data; a subscriber further behind reads the table. */
const RECENT_EVENTS = 4096;
const RECENT_BYTES = 8 * 1024 * 1024;
const RETRY_MS = 1000;

/** The index of the first event with an id above `cursor`. */
function firstAfter(events: StoredEvent[], cursor: bigint): number {
  let low = 0;
  let high = events.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (events[middle]!.id <= cursor) low = middle + 1;
    else high = middle;
  }
  return low;
}

export class FamilyFeed {
  readonly #family: string;
  readonly #read: ReadEvents;
  readonly #log: Logger;
  #head: bigint;
  /** Every event of the family with `floor < id <= head`, in id order. */
  #recent: StoredEvent[] = [];
  #recentBytes = 0;
  #floor: bigint;
  #reading = false;
  #readAgain = false;
  #closed = false;
  readonly #waiters = new Set<() => void>();

  constructor(family: string, head: bigint, read: ReadEvents, log: Logger) {
    this.#family = family;
    this.#head = head;
    this.#floor = head;
    this.#read = read;
    this.#log = log;
  }

  /** The highest id this instance has read. */
  get head(): bigint {
    return this.#head;
  }

  /** New events may be committed: read them, now or right after the read in progress. */
  wake(): void {
    if (this.#closed) return;
    if (this.#reading) {
      this.#readAgain = true;
      return;
    }
    this.#reading = true;
    this.#catchUp()
      .catch((error: unknown) => {
        // The events stay in the table: the next announcement, or this retry, reads them.
        this.#log.warn({ err: error, family: this.#family }, 'could not read new live events; retrying');
        sleep(RETRY_MS, undefined, { ref: false }).then(() => this.wake());
      })
      .finally(() => {
        this.#reading = false;
      });
  }

  async #catchUp(): Promise<void> {
    do {
      this.#readAgain = false;
      let page: StoredEvent[];
      do {
        page = await this.#read(this.#family, this.#head, null, PAGE_SIZE);
        this.#append(page);
      } while (page.length === PAGE_SIZE && !this.#closed);
    } while (this.#readAgain && !this.#closed);
  }

  #append(page: StoredEvent[]): void {
    if (page.length === 0) return;
    this.#recent.push(...page);
    for (const event of page) this.#recentBytes += event.size;
    this.#head = page.at(-1)!.id;
    let excess = Math.max(0, this.#recent.length - RECENT_EVENTS);
    for (let bytes = this.#recentBytes; bytes > RECENT_BYTES && excess < this.#recent.length; excess++)
      bytes -= this.#recent[excess]!.size;
    if (excess > 0) {
      const dropped = this.#recent.splice(0, excess);
      for (const event of dropped) this.#recentBytes -= event.size;
      this.#floor = dropped.at(-1)!.id;
    }
    for (const waiter of this.#waiters) waiter();
    this.#waiters.clear();
  }

  /** Up to a page of the events after `cursor` that this instance has read: from memory while it holds them. */
  after(cursor: bigint): Promise<StoredEvent[]> | StoredEvent[] {
    if (cursor >= this.#head) return [];
    if (cursor >= this.#floor) {
      const start = firstAfter(this.#recent, cursor);
      return this.#recent.slice(start, start + PAGE_SIZE);
    }
    return this.#read(this.#family, cursor, this.#head, PAGE_SIZE);
  }

  /** Resolves once the head has moved past `cursor`, or `signal` aborts. */
  waitPast(cursor: bigint, signal: AbortSignal | undefined): Promise<void> {
    if (this.#head > cursor || signal?.aborted || this.#closed) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        signal?.removeEventListener('abort', done);
        this.#waiters.delete(done);
        resolve();
      };
      this.#waiters.add(done);
      signal?.addEventListener('abort', done, { once: true });
    });
  }

  close(): void {
    this.#closed = true;
    for (const waiter of this.#waiters) waiter();
    this.#waiters.clear();
  }
}
