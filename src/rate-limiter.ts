// Per-client request limit: one count per client across every transport, for the procedures whose policy says
// `rateLimited`, kept by rate-limiter-flexible. On PGlite (one instance) the count is in memory; on PostgreSQL it is
// one count in the database shared by every instance, softened so that a client over its limit costs no round trip
// and a database that errors falls back to this instance's own count, which the log says when it starts and ends.
import pg from 'pg';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from './errors.ts';
import type { Logger } from './logger.ts';
import { type CountedPlace, RateLimitBatches } from './rate-limit-batches.ts';
import { RATE_LIMIT_TABLE } from './rate-limit-count.ts';

export interface RateLimitOptions {
  max: number;
  windowSeconds: number;
}

export interface RateLimitTake {
  allowed: boolean;
  remaining: number;
  /** Seconds until the client's window starts over. */
  reset: number;
}

/** The keys' prefix in the store: the limit counts calls, whichever family's policy limits them. */
const KEY_PREFIX = 'calls';

/**
 * The counts' own connections, apart from the requests' pool: a request waiting for a connection must not hold up
 * every other request's count. Short timeouts, so that a database that does not answer hands the count to this
 * instance within a second or two: `statement_timeout` is the server's, `query_timeout` the client's own, for a
 * database host that answers nothing at all (frozen, or cut off).
 */
const POOL = {
  max: 4,
  connectionTimeoutMillis: 1000,
  statement_timeout: 1000,
  query_timeout: 1500,
  application_name: 'game-backend rate limit',
};
/** How often counts whose window ended an hour ago are removed from the table. */
const SWEEP_MS = 5 * 60_000;

/** The 429 a client over the limit hears. */
export function rateLimitRefusal({ max, windowSeconds }: RateLimitOptions, { reset }: RateLimitTake): AppError {
  return AppError.explained(
    'rate_limited',
    'Too many requests',
    `at most ${max} requests per ${windowSeconds} s; retry in ${reset} s`,
  );
}

function inMemory({ max, windowSeconds }: RateLimitOptions): RateLimiterMemory {
  return new RateLimiterMemory({ points: max, duration: windowSeconds, keyPrefix: KEY_PREFIX });
}

/** Counts one request of `client` in this process's own count. */
async function countOwn(limiter: RateLimiterMemory, client: string): Promise<CountedPlace> {
  const place = (res: RateLimiterRes, allowed: boolean) => ({
    allowed,
    remaining: allowed ? res.remainingPoints : 0,
    msBeforeNext: res.msBeforeNext,
  });
  try {
    return place(await limiter.consume(client), true);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    return place(error, false);
  }
}

/** The count in the database, and where it goes while the database cannot keep it: this instance's own. */
interface SharedCount {
  batches: RateLimitBatches;
  pool: pg.Pool;
  log: Logger;
  sweep: NodeJS.Timeout;
}

export class RateLimiter {
  readonly max: number;
  readonly windowSeconds: number;
  /** The count of this instance alone: the only one on PGlite, the fallback of the shared one on PostgreSQL. */
  readonly #own: RateLimiterMemory;
  readonly #onRefused: () => void;
  readonly #shared: SharedCount | null;
  /** True while the shared count errs and this instance counts alone. */
  #alone = false;

  /** `onRefused` hears of every request over the limit. */
  private constructor(options: RateLimitOptions, onRefused: () => void, shared: SharedCount | null = null) {
    this.max = options.max;
    this.windowSeconds = options.windowSeconds;
    this.#own = inMemory(options);
    this.#onRefused = onRefused;
    this.#shared = shared;
  }

  /** Counts in this process: the one instance PGlite allows. */
  static inMemory(options: RateLimitOptions, onRefused: () => void = () => {}): RateLimiter {
    return new RateLimiter(options, onRefused);
  }

  /**
   * Counts in the table the migrations made (`tableCreated`: never by the library at runtime), once for every
   * instance on the database. A client over the limit is refused from memory until its window ends, without asking
   * the database (`inMemoryBlockOnConsumed`); a client's requests that arrive together are counted with one statement
   * (`./rate-limit-batches.ts`); and while the database errors, this instance counts alone rather than
   * refusing or letting everything through. That fallback is ours, not the library's `insuranceLimiter`, which
   * falls back in silence: N instances counting alone allow N times the limit, and an operator must hear of it.
   */
  static onPostgres(
    options: RateLimitOptions,
    url: string,
    log: Logger,
    onRefused: () => void = () => {},
  ): RateLimiter {
    const pool = new pg.Pool({ connectionString: url, ...POOL });
    // An idle connection the server ended (a restart) is replaced on the next count; it must not end the process.
    pool.on('error', (error) =>
      log.warn({ err: error }, 'a rate limit connection failed; the next count opens another'),
    );
    const store = new RateLimiterPostgres({
      storeClient: pool,
      storeType: 'pool',
      tableName: RATE_LIMIT_TABLE,
      tableCreated: true,
      points: options.max,
      duration: options.windowSeconds,
      keyPrefix: KEY_PREFIX,
      inMemoryBlockOnConsumed: options.max + 1,
      // A key's next window overwrites its expired count; the sweep below removes those an hour old, as the
      // library's own would, but stops with the pool: the library's re-arms itself for good.
      clearExpiredByTimeout: false,
    });
    const sweep = setInterval(() => {
      pool
        .query(`delete from ${RATE_LIMIT_TABLE} where expire < $1`, [Date.now() - 3_600_000])
        .catch((error: unknown) => log.warn({ err: error }, 'could not remove expired rate limit counts; will retry'));
    }, SWEEP_MS).unref();
    const batches = new RateLimitBatches(store, options.max);
    return new RateLimiter(options, onRefused, { batches, pool, log, sweep });
  }

  async close(): Promise<void> {
    if (!this.#shared) return;
    clearInterval(this.#shared.sweep);
    await this.#shared.pool.end();
  }

  /** Counts one request of `client`. */
  async take(client: string): Promise<RateLimitTake> {
    if (!this.#shared) return this.#told(await countOwn(this.#own, client));
    try {
      const place = await this.#shared.batches.take(client);
      this.#countingTogether();
      return this.#told(place);
    } catch (error) {
      return this.#takeAlone(client, error);
    }
  }

  /** What the client is told of its place in the count; `onRefused` hears of a request over the limit. */
  #told({ allowed, remaining, msBeforeNext }: CountedPlace): RateLimitTake {
    if (!allowed) this.#onRefused();
    return { allowed, remaining, reset: Math.max(1, Math.ceil(msBeforeNext / 1000)) };
  }

  /** The shared count failed (`error`): this instance counts `client` alone, and says so once. */
  async #takeAlone(client: string, error: unknown): Promise<RateLimitTake> {
    if (!this.#alone)
      this.#shared!.log.warn(
        { err: error },
        'the shared rate limit cannot count in the database; this instance counts alone until it can',
      );
    this.#alone = true;
    return this.#told(await countOwn(this.#own, client));
  }

  #countingTogether(): void {
    if (!this.#alone) return;
    this.#alone = false;
    this.#shared?.log.info('the shared rate limit counts in the database again');
  }

  /** Counts one request of `client`, and throws the 429 when it is over the limit. */
  async assertAllowed(client: string): Promise<void> {
    const counted = await this.take(client);
    if (!counted.allowed) throw this.refusal(counted);
  }

  refusal(counted: RateLimitTake): AppError {
    return rateLimitRefusal(this, counted);
  }
}
