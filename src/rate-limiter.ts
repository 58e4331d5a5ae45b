// Per-client request limit: one count per client across every transport, for the procedures whose policy says
// `rateLimited`, kept by rate-limiter-flexible. On PGlite (one instance) the count is in memory; on PostgreSQL it is
// one count in the database shared by every instance, softened so that a client over its limit costs no round trip
// and a database that errors falls back to this instance's own count.
import pg from 'pg';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import { AppError } from './errors.ts';
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
 * every other request's count. Short timeouts, so that a database that does not answer hands the count to the
 * insurance limiter within a second.
 */
const POOL = {
  max: 4,
  connectionTimeoutMillis: 1000,
  statement_timeout: 1000,
  application_name: 'game-backend rate limit',
};

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

function take(res: RateLimiterRes, allowed: boolean): RateLimitTake {
  return {
    allowed,
    remaining: allowed ? res.remainingPoints : 0,
    reset: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
  };
}

export class RateLimiter {
  readonly max: number;
  readonly windowSeconds: number;
  readonly #store: RateLimiterAbstract;
  readonly #onRefused: () => void;
  readonly #pool: pg.Pool | null;

  /** `onRefused` hears of every request over the limit. */
  private constructor(
    options: RateLimitOptions,
    store: RateLimiterAbstract,
    onRefused: () => void,
    pool: pg.Pool | null = null,
  ) {
    this.max = options.max;
    this.windowSeconds = options.windowSeconds;
    this.#store = store;
    this.#onRefused = onRefused;
    this.#pool = pool;
  }

  /** Counts in this process: the one instance PGlite allows. */
  static inMemory(options: RateLimitOptions, onRefused: () => void = () => {}): RateLimiter {
    return new RateLimiter(options, inMemory(options), onRefused);
  }

  /**
   * Counts in the table the migrations made (`tableCreated`: never by the library at runtime), once for every
   * instance on the database. A client over the limit is refused from memory until its window ends, without asking
   * the database (`inMemoryBlockOnConsumed`), and while the database errors, this instance counts alone (the
   * insurance limiter) rather than refusing or letting everything through.
   */
  static onPostgres(options: RateLimitOptions, url: string, onRefused: () => void = () => {}): RateLimiter {
    const pool = new pg.Pool({ connectionString: url, ...POOL });
    // An idle connection the server ended (a restart) is replaced on the next count; it must not end the process.
    pool.on('error', () => {});
    const store = new RateLimiterPostgres({
      storeClient: pool,
      storeType: 'pool',
      tableName: RATE_LIMIT_TABLE,
      tableCreated: true,
      points: options.max,
      duration: options.windowSeconds,
      keyPrefix: KEY_PREFIX,
      inMemoryBlockOnConsumed: options.max + 1,
      insuranceLimiter: inMemory(options),
      // A key's next window overwrites its expired count; every 5 minutes the library removes those an hour old.
      clearExpiredByTimeout: true,
    });
    return new RateLimiter(options, store, onRefused, pool);
  }

  async close(): Promise<void> {
    await this.#pool?.end();
  }

  /** Counts one request of `client`. */
  async take(client: string): Promise<RateLimitTake> {
    try {
      return take(await this.#store.consume(client), true);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      this.#onRefused();
      return take(error, false);
    }
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
