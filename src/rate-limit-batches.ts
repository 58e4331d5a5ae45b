// One client's requests that arrive together are counted in the shared store with one statement. While a count of a
// client is on its way to the database, that client's next requests wait for it and then go as one consume of their
// number, and each is told its own place in the count: the first n - k of a batch that brings the count to T are
// allowed when T - k is within the limit. Every request is still counted in the database before it is answered, so
// the count stays exact across instances; only the statements are fewer. Written here because rate-limiter-flexible
// sends one upsert per consume, and a dashboard or a bot is one client whose calls arrive together: under the
// bench's 50 connections of one client, each Aurora call waited for a connection of the counts' pool of four and
// then for the row lock of its client's count, one upsert at a time (BENCHMARKS.md, #27).
import { type RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';

/** One request's share of a count. */
export interface CountedPlace {
  allowed: boolean;
  remaining: number;
  msBeforeNext: number;
}

interface Waiting {
  resolve(place: CountedPlace): void;
  reject(error: unknown): void;
}

/**
 * The place of each of `points` requests counted together, from the store's answer: `res.consumedPoints` is the
 * client's count after all of them. A refusal that counted nothing (the library's memory of a client over its
 * limit) refuses them all.
 */
function places(res: RateLimiterRes, points: number, max: number, refused: boolean): CountedPlace[] {
  const countedNothing = refused && res.consumedPoints <= max;
  return Array.from({ length: points }, (_, i) => {
    const count = res.consumedPoints - points + 1 + i;
    const allowed = !countedNothing && count <= max;
    return { allowed, remaining: allowed ? max - count : 0, msBeforeNext: res.msBeforeNext };
  });
}

export class RateLimitBatches {
  readonly #store: RateLimiterAbstract;
  readonly #max: number;
  /** The clients with a count on its way, each with the requests that arrived since and wait for the next one. */
  readonly #waiting = new Map<string, Waiting[]>();

  constructor(store: RateLimiterAbstract, max: number) {
    this.#store = store;
    this.#max = max;
  }

  /** Counts one request of `client`; fails as the store failed, for every request of the batch. */
  take(client: string): Promise<CountedPlace> {
    return new Promise((resolve, reject) => {
      const waiting = this.#waiting.get(client);
      if (waiting) waiting.push({ resolve, reject });
      else {
        this.#waiting.set(client, []);
        void this.#count(client, [{ resolve, reject }]);
      }
    });
  }

  /** Counts `batch`, answers each of its requests, then sends the requests that waited meanwhile; never rejects. */
  async #count(client: string, batch: Waiting[]): Promise<void> {
    try {
      const [res, refused] = await this.#store.consume(client, batch.length).then(
        (res) => [res, false] as const,
        (error: unknown) => {
          if (error instanceof RateLimiterRes) return [error, true] as const;
          throw error;
        },
      );
      const told = places(res, batch.length, this.#max, refused);
      batch.forEach((request, i) => {
        request.resolve(told[i]!);
      });
    } catch (error) {
      for (const request of batch) request.reject(error);
    }
    const next = this.#waiting.get(client)!;
    if (next.length === 0) this.#waiting.delete(client);
    else {
      this.#waiting.set(client, []);
      void this.#count(client, next);
    }
  }
}
